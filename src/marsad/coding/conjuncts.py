"""Which mentions are one actor, and which are joined by the conjunction و.

:func:`same_actor` tells two mentions of one actor (neither acts on the other), :func:`conjoined`
the mentions joined to one by و (X وY وZ: one event per pair), :func:`parallel_objects` the objects
that repeat their preposition after a phrase of their own (لداعش في سوريا ولحزب العمال في العراق),
:func:`with_partner` the other side of a symmetric act of several subjects (وقعت الإمارات والبحرين
اتفاقيتين مع إسرائيل), and :func:`mention_prefix` the proclitics on a mention's first word (the و of a
conjunct, the ل and ب of an object).  Used by the
clause heuristics of :mod:`marsad.coding.arguments` and by the coder's event pairs.
"""

from __future__ import annotations

from marsad.coding.clause_words import BOUNDARY_PUNCT, CLAUSE_WORDS
from marsad.document import ActorMention, Token
from marsad.text.normalize import normalize_text
from marsad.text.tokens import candidates

# Agents of which a state has one (its government, armed forces, police, parliament, courts): two
# mentions of one state with the same such agent are the same actor.  Not REB (a state's armed
# groups fight each other), CVL, OPP or None.
STATE_AGENTS = frozenset({"GOV", "MIL", "POL", "LEG", "JUD"})
# The preposition naming the other side of a symmetric act (وقعت مصر اتفاقا مع الأردن).
WITH = "مع"
# Prepositions an object repeats when a second object follows after a phrase of its own (لداعش في
# سوريا ولحزب العمال في العراق; ضد X وضد Y), and how far the second may stand (tokens).
PARALLEL_CLITICS = frozenset({"ل", "ب"})
PARALLEL_WORDS = frozenset({"ضد", "علي"})
PARALLEL_WINDOW = 6


def same_actor(a: ActorMention, b: ActorMention, tokens: list[Token]) -> bool:
    """Are two mentions one actor, so that neither can act on the other?  The same code and: an
    organisation or armed group (it does not act on itself), the same name, both the government
    (GOV: the state, its capital, its government, officials), overlapping spans, or an apposition
    of the same agent (وزير الخارجية الأستاذ عادل الجبير: at most two title words
    between, no و).  Two actors of one state with their own names (the army and the rebels) stay
    apart."""
    if a.code != b.code or a.implied or b.implied:
        return False
    if len(a.code) > 3 or (a.name is not None and a.name == b.name) or a.agent == b.agent in STATE_AGENTS:
        return True  # a state's government named twice (إيران … طهران، الحكومة الإيرانية) is one actor
    first, second = (a, b) if a.token_start <= b.token_start else (b, a)
    if second.token_start < first.token_end:
        return True
    if a.agent is not None and b.agent is not None and a.agent != b.agent:
        return False  # VSO: عائلات المحتجزين (CVL) حكومةَ نتنياهو (GOV), subject then object
    between = tokens[first.token_end:second.token_start]
    head = tokens[second.token_start]
    return len(between) <= 2 and not (head.norm.startswith("و") and not head.key.startswith("و")) and all(
        t.norm.startswith("ال") and not t.prefix for t in between)


def conjoined(mentions: list[ActorMention], first: int, tokens: list[Token]) -> list[ActorMention]:
    """``mentions[first]`` and the mentions joined to it by و (X وY وZ)."""
    group = [mentions[first]]
    j = first + 1
    while j < len(mentions):
        prev, nxt = group[-1], mentions[j]
        between = [t.norm for t in tokens[prev.token_end:nxt.token_start]]
        # X وY، X و Y، X, Y, «X» و«Y»: only conjunctions, commas and quotes between
        joined = len(between) <= 3 and all(w in {"و", ",", '"'} or w == '"و' for w in between) and (
            _and_clitic(tokens, nxt) or any(w in {"و", ","} for w in between)
            or (between and between[-1] == '"' and tokens[nxt.token_start - 1].norm == '"'
                and _quoted_conj(tokens, prev.token_end, nxt.token_start)))
        if not joined or not nxt.code:
            break
        group.append(nxt)
        j += 1
    return group


def _and_clitic(tokens: list[Token], m: ActorMention) -> bool:
    """Does the mention's first word carry the conjunction و (وإيران، والولايات المتحدة، ووزير)?
    Not a word that starts with the letter (وزير الخارجية المصري، وفد، وكالة): استقبل الملك سلمان
    وزير الخارجية المصري names the host and his guest, not two hosts."""
    tok = tokens[m.token_start]
    return tok.norm.startswith("و") and mention_prefix(tokens, m).startswith("و")


def _quoted_conj(tokens: list[Token], a: int, b: int) -> bool:
    """«فتح» و«حماس»: a closing quote, و attached to the opening quote or alone."""
    return any(t.norm.startswith("و") for t in tokens[a:b + 1])



CLITIC_LETTERS = frozenset("وفبلك")


def mention_prefix(tokens: list[Token], m: ActorMention) -> str:
    """The proclitics on the mention's first word.  The tokenizer splits them off only before the
    article (للولايات، بالرياض); on a bare name (لإيران، ولمجلس الأمن، وبإسرائيل) the mention's span
    starts after them, so they are the clitic reading (:func:`candidates`) of the token whose word is
    the span's first word."""
    tok = tokens[m.token_start]
    if tok.prefix or m.implied or tok.norm[:1] not in CLITIC_LETTERS:  # most words: no clitic to look for
        return tok.prefix
    words = normalize_text(m.span.text).split()
    return next((p for p, key in candidates(tok.norm) if p and words and key == words[0]), "")


def with_partner(tokens: list[Token], ments: list[ActorMention], idx: dict[int, int], subject: ActorMention,
                 rest: list[ActorMention]) -> ActorMention | None:
    """The other side of a symmetric act done by several conjoined subjects, named after مع
    (وقعت الإمارات والبحرين اتفاقيتين لتطبيع العلاقات مع إسرائيل): not one subject with another."""
    group = conjoined(ments, idx[id(subject)], tokens)[1:]
    if not group:
        return None
    return next((m for m in rest if all(m is not g for g in group) and m.token_start > 0
                 and tokens[m.token_start - 1].key == WITH), None)


def objects(ments: list[ActorMention], first: int, tokens: list[Token], hi: int,
            srcs: list[ActorMention]) -> list[ActorMention]:
    """The object ``ments[first]`` of an act, the mentions :func:`conjoined` with it, and the objects
    after them that repeat its preposition (:func:`parallel_objects`): every target of the act."""
    group = conjoined(ments, first, tokens)
    return group + parallel_objects(tokens, ments, first + len(group) - 1, hi, srcs)


def parallel_objects(tokens: list[Token], ments: list[ActorMention], last: int, hi: int,
                     srcs: list[ActorMention]) -> list[ActorMention]:
    """Objects that repeat the preposition of the object ``ments[last]`` after a phrase of their own
    (قصف أهداف لداعش في سوريا ولحزب العمال في العراق، الحرب على تنظيم داعش أو على المجموعات
    الكردية): each is a target too.  Within :data:`PARALLEL_WINDOW` tokens, no clause word or
    boundary punctuation between."""
    obj = ments[last]
    clitic = mention_prefix(tokens, obj).lstrip("وف")[:1]
    word = tokens[obj.token_start - 1].key if obj.token_start > 0 else ""
    if clitic not in PARALLEL_CLITICS and word not in PARALLEL_WORDS:
        return []
    out: list[ActorMention] = []
    end = obj.token_end
    for m in ments[last + 1:]:
        if m.token_start - end > PARALLEL_WINDOW or m.token_start >= hi or any(
                t.norm in BOUNDARY_PUNCT or t.norm in CLAUSE_WORDS for t in tokens[end:m.token_start]):
            break
        prev = tokens[m.token_start - 1].norm
        pre = mention_prefix(tokens, m)
        if clitic in PARALLEL_CLITICS:
            same = pre in ("و" + clitic, "او" + clitic) or (prev == "او" and pre == clitic)
        else:
            same = prev == "و" + word or (m.token_start >= 2 and tokens[m.token_start - 1].key == word
                                          and tokens[m.token_start - 2].norm in ("و", "او"))
        if same and m.code and all(m is not s for s in srcs):
            out.append(m)
            end = m.token_end
    return out
