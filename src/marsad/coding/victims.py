"""Who killed whom: the victims of an attack and its doer (issue #4, task B).

Wire reports of violence open with the toll and name the act after it:

    قتل عشرة مدنيين في غارة جوية شنها الطيران الروسي على ريف إدلب
    لقي خمسة جنود مصرعهم في هجوم لمسلحين
    أصيب شرطيان بجروح في انفجار عبوة ناسفة

The verb is passive or intransitive (قُتل is spelled like the active قتل), or a noun of the toll
(أفاد المرصد بمقتل عشرين مسلحا جراء قصف…، استشهاد ضابط في انفجار عبوة): the people after it are the
victims, the act's TARGET, never its doer.  The doer, the SOURCE of both the killing and the
attack, is named with the attack noun (في هجوم شنه X، في قصف للحوثيين، برصاص X، غارة روسية) or
by a claim (:mod:`marsad.coding.claims`); when nobody is named it is left unknown (the coder then
gives the place's state, and an unnamed attacker's attack is coded 180, see
:func:`marsad.coding.pairs.doer_code`).  The victims may also stand before a verb with no object
(أعلن الجيش أن ثلاثة جنود قتلوا في هجوم لحركة الشباب: a preposition right after the verb, or a
verb of injury): then they are the actors of its clause before it (train CV .5052 → .5056, root
.7234 → .7261; 6 of 6,000 unseen articles change, read right or neutral).

:func:`frames` finds such toll-then-act constructions in a sentence (a :class:`Frame`: the verb,
the attack noun, the victims and the doer); the coder uses the frame whose verb or attack noun is
its trigger.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.coding.arguments import Args
from marsad.coding.cameo import CameoTable, recode
from marsad.coding.clause_words import is_doer_verb
from marsad.coding.conjuncts import mention_prefix, same_actor
from marsad.coding.lexicon import TriggerMatch
from marsad.document import ActorMention, Document, Event, Span, Token
from marsad.errors import ResourceError
from marsad.resources import path as resource_path
from marsad.resources import read_tsv
from marsad.text.normalize import normalize_text
from marsad.text.time_words import DEFINITE_WEEKDAYS
from marsad.text.tokens import THIRD_PERSON_SUFFIXES, WORD_CACHE_LIMIT, candidates, key_readings, readings

# source_how of a toll whose doer the text does not name (the coder then lets no speaker or topic
# stand in for it: the place gives the source).
UNNAMED = "unnamed"
# The word classes of resources/cues/tolls.tsv (see the README there).
TOLL_CLASSES = ("killed", "killed_noun", "injured", "met", "death", "count", "person", "verb_prep", "attack_prep", "attack",
                "result", "result_toll", "own", "unknown")


@dataclass(frozen=True, slots=True)
class TollWords:
    """The words of tolls (resources/cues/tolls.tsv), by class: ``killed`` (قتل, read passive only
    with evidence, see :func:`_toll_verb`), ``killed_noun`` (مقتل، استشهاد، إصابة: the actors after
    them are victims, wherever the noun stands: أفاد المرصد بمقتل عشرين مسلحا جراء قصف…), ``injured`` (أصيب، جرح، استشهد), ``met`` (لقي/سقط when a
    ``death`` word follows: لقي مصرعه، سقط قتلى), ``count`` and ``person`` (what a passive قتل starts
    with: قتل عشرة مدنيين، قتل جندي), ``verb_prep`` (a preposition right after قتل: وقتل خلال
    المواجهات 28 شخصا; an active قتل has its doer there: قتل الجيش خمسة مسلحين), ``attack_prep`` and
    ``attack`` (في هجوم، جراء القصف، إثر انفجار; with ب: بانفجار، برصاص).  Clashes (اشتباكات، مواجهات،
    معارك) are not attacks here: they are symmetric, both sides are doers and victims."""

    words: dict[str, frozenset[str]]

    def __getitem__(self, cls: str) -> frozenset[str]:
        return self.words[cls]


@lru_cache(maxsize=1)
def toll_words() -> TollWords:
    """The toll word lists, read once per process."""
    found: dict[str, set[str]] = {c: set() for c in TOLL_CLASSES}
    for row in read_tsv(resource_path("cues") / "tolls.tsv"):
        if row["class"] not in found:
            raise ResourceError(f"cues/tolls.tsv: unknown class {row['class']!r} (known: {', '.join(TOLL_CLASSES)})")
        found[row["class"]].add(normalize_text(row["word"]))
    return TollWords({c: frozenset(ws) for c, ws in found.items()})


# Words that can stand between the attack noun and its doer named as a genitive or adjective
# (قصف مدفعي للحوثيين، غارة جوية روسية، هجوم انتحاري لداعش).
_NOT_DOER_PREPS = frozenset({"علي", "ضد", "في", "من", "الي", "عن", "مع", "قرب", "داخل", "امام", "استهدف",
                             "استهدفت", "على", "بين"})
STOP = frozenset({"بينما", "فيما", "لكن", "لكنه", "حيث", "اذ", "عندما", "بعدما", "ان", "انه", "انها"})
_AGENT_WORDS = frozenset({"برصاص", "بنيران", "رصاص", "نيران", "يد", "ايدي", "بايدي", "قبل", "بواسطه"})
_TIME = frozenset({"اليوم", "امس", "يوم", "صباح", "مساء", "فجر", "ليله", "اخيرا", "موخرا"}) | DEFINITE_WEEKDAYS
_DIGITS = re.compile(r"^[0-9٠-٩]+$")
_MAX_SPAN = 20  # tokens from the verb to its attack noun
_ATTACK_PHRASE = 2  # words after the attack noun that a trigger naming the attack may start at
_AIM_PREPS = frozenset({"علي", "ضد"})
PUNCT = frozenset({",", "،", ";", ":", "."})
_CLAUSE_PUNCT = PUNCT - {"."}  # inside a sentence
_AIM_SPAN = 6  # words from على/ضد to the actor an attack is aimed at
ATTACK_ROOTS = frozenset({"18", "19", "20"})


@dataclass(slots=True)
class Frame:
    """A toll (verb, victims) and the act that caused it (attack noun, doer)."""

    verb: int  # token of the toll verb
    attack: int  # token of the attack noun
    victims: list[ActorMention] = field(default_factory=list)
    doer: ActorMention | None = None
    doer_how: str = "none"  # rel_verb, genitive, agent, claim, none
    aimed: ActorMention | None = None  # what the attack was aimed at (على/ضد X, a place's owner)
    phrase_end: int = -1  # the last token of the attack's phrase (see names_attack)

    def names_attack(self, start: int) -> bool:
        """Does a trigger starting at token ``start`` name the attack: its noun, or a word of the
        attack's phrase right after it (تفجير سيارة مفخخة، هجوم بشاحنة مفخخة، انفجار عبوة ناسفة), up
        to :data:`_ATTACK_PHRASE` words and before the first actor (not قوات الاحتلال in برصاص قوات
        الاحتلال)?"""
        return self.attack <= start <= self.phrase_end


_OPENERS = frozenset({"ان", "انه", "انها", "انهم", "الذين", "الذي", "التي", "حيث", "بينما", "فيما"})


def bare(tok: Token) -> frozenset[str]:
    """The token's readings (:func:`marsad.text.tokens.readings`) also without a leading و/ف
    (وقتل → قتل); cached, since every token of an attack sentence is asked."""
    return _bare_forms(tok.key, tok.norm)


@lru_cache(maxsize=WORD_CACHE_LIMIT)
def _bare_forms(key: str, norm: str) -> frozenset[str]:
    out = key_readings(key, norm)
    return out | {k[1:] for k in out if k[:1] in ("و", "ف") and len(k) > 3}


def _toll_verb(w: TollWords, tokens: list[Token], i: int, hi: int) -> bool:
    """Is token ``i`` a toll verb (passive or intransitive) by its form and what follows it?"""
    ks = bare(tokens[i])
    if ks & w["injured"]:
        return True
    if ks & w["met"]:
        return any(readings(tokens[j]) & w["death"] for j in range(i + 1, min(i + 9, hi)))
    if ks & w["killed"] and i + 1 < hi:
        nxt = tokens[i + 1]
        nk = readings(nxt)
        if nk & w["person"] and _object_count(w, tokens, i + 2, hi):
            return False  # قتل مسلحون من طالبان عشرة جنود: the gunmen kill, an active verb with its object
        return bool(_DIGITS.match(nxt.norm) or nk & w["count"] or nk & w["person"] or nxt.norm in w["verb_prep"])
    return False


OBJECT_REACH = 4  # words after the subject's first word where an active قتل's counted object may start


def _object_count(w: TollWords, tokens: list[Token], j: int, hi: int) -> bool:
    """Does a number (digits or a count word) not joined by و follow the people right after قتل, before
    any punctuation or preposition, from token ``j`` on (قتل مسلحون مجهولون عشرة أشخاص)?  Then those
    people are the subject of an active verb, not its passive victims (قتل جندي وثلاثة مدنيين)."""
    for tok in tokens[j:min(j + OBJECT_REACH, hi)]:
        if tok.norm in PUNCT or tok.key in w["verb_prep"] or tok.key == "علي":
            return False
        joined = tok.norm.startswith("و") and tok.norm not in w["count"]  # وثلاثة (not واحد)
        if not joined and (_DIGITS.match(tok.norm) or readings(tok) & w["count"]):
            return True
    return False


def _clause_begin(tokens: list[Token], lo: int, i: int, openers: frozenset[str] = frozenset()) -> int:
    """The first token of the clause of token ``i``: after the last comma, semicolon or colon before
    it (or after one of ``openers``: إن، الذي…), at most back to the sentence start ``lo``."""
    j = i
    while j > lo and tokens[j - 1].norm not in _CLAUSE_PUNCT and tokens[j - 1].key not in openers:
        j -= 1
    return j


def _clause_start(tokens: list[Token], ments: list[ActorMention], lo: int, i: int) -> bool:
    """No actor before the verb in its clause (an actor there is the subject of an active verb: الجيش
    قتل…); a comma or the sentence start opens the clause."""
    j = _clause_begin(tokens, lo, i)
    return not any(j <= m.token_start < i for m in ments)


def _victims_before(w: TollWords, tokens: list[Token], ments: list[ActorMention], lo: int, i: int,
                    hi: int) -> list[ActorMention]:
    """The victims named before a toll verb with no object (جنود قتلوا في هجوم، ثلاثة شرطيين أصيبوا
    بانفجار): the actors of its clause before it, when a preposition follows the verb at once or
    the verb is one of injury."""
    if not (i + 1 < hi and (tokens[i + 1].norm in w["verb_prep"] or bare(tokens[i]) & w["injured"])):
        return []
    j = _clause_begin(tokens, lo, i, _OPENERS)
    return [m for m in ments if j <= m.token_start and m.token_end <= i]


def _own_people(w: TollWords, tokens: list[Token], ments: list[ActorMention], lo: int, i: int,
                a: int, span_of: Callable[[int, int], Span] | None) -> list[ActorMention]:
    """Victims named by a side's pronoun between the toll word ``i`` and the attack noun ``a``
    (أعلن الجيش الأمريكي مقتل ثلاثة من جنوده في هجوم): the actor named last before the toll in its
    sentence, as a mention of that word (``span_of``: the raw span of tokens; else normalized offsets)."""
    own = w["own"]
    for j in range(i + 1, a):
        forms = bare(tokens[j])
        if any(f.endswith(suf) and f[:-len(suf)] in own for f in forms for suf in THIRD_PERSON_SUFFIXES):
            side = next((m for m in reversed(ments) if lo <= m.token_start and m.token_end <= i), None)
            if side is None:
                return []
            span = span_of(j, j + 1) if span_of is not None else Span(tokens[j].start, tokens[j].end, tokens[j].norm)
            return [ActorMention(span=span, code=side.code, agent=side.agent, name=side.name, kind="coref",
                                 token_start=j, token_end=j + 1, country=side.country)]
    return []


def _attack_after(w: TollWords, tokens: list[Token], i: int, hi: int) -> int | None:
    """The attack noun that follows toll verb ``i``: after a preposition (في هجوم، جراء القصف) or
    with ب (بانفجار، برصاص)."""
    for j in range(i + 1, min(i + 1 + _MAX_SPAN, hi)):
        tok = tokens[j]
        if tok.norm in STOP or tok.key in STOP:
            return None
        reads = candidates(tok.norm)
        if any(k in w["attack"] and p.lstrip("وف")[:1] == "ب" for p, k in reads):
            return j
        if j > i + 1 and tokens[j - 1].key in w["attack_prep"] and any(k in w["attack"] for _, k in reads):
            return j
    return None


def _clitic(tokens: list[Token], m: ActorMention) -> str:
    """The preposition clitic on a mention's first word, without و/ف and the article (للحوثيين → ل,
    المتشددين → "", بالرصاص → ب)."""
    p = mention_prefix(tokens, m).lstrip("وف")
    if p.endswith("ال"):
        p = p[:-2]
    elif p.endswith("لل"):
        p = p[:-1]
    return p[:1]


def _doer(tokens: list[Token], ments: list[ActorMention], a: int, hi: int) -> tuple[ActorMention | None, str]:
    """The doer named with the attack noun at token ``a``: a verb of carrying out with a pronoun for
    the act (هجوم شنه X، قصف قام به X، الهجوم الذي نفذته X), a genitive or adjective (قصف مدفعي
    للحوثيين، غارة روسية، قصف الطيران الروسي) or an agent word (برصاص X، على يد X)."""
    after = [m for m in ments if a < m.token_start < hi]
    j = a + 1
    while j < min(a + 5, hi):
        tok = tokens[j]
        if is_doer_verb(tokens, j):
            k = j + 1 + (tokens[j].key in {"قام", "قامت", "يقوم", "تقوم"})
            while k < hi and tokens[k].key in _TIME:
                k += 1
            m = next((m for m in after if m.token_start == k), None)
            return (m, "rel_verb") if m is not None else (None, "none")
        m = next((m for m in after if m.token_start == j), None)
        if m is not None:
            if tokens[j - 1].key in _AGENT_WORDS or tokens[a].key in {"رصاص", "نيران"}:
                return m, "agent"
            if _clitic(tokens, m) in ("", "ل") and not any(t.key in _NOT_DOER_PREPS for t in tokens[a + 1:j]):
                return m, "genitive"
            return None, "none"
        if tok.norm in {",", "،"} or tok.key in _NOT_DOER_PREPS or tok.key in STOP:
            return None, "none"
        j += 1
    return None, "none"


def _aimed(tokens: list[Token], ments: list[ActorMention], a: int, hi: int,
           doer: ActorMention | None) -> ActorMention | None:
    """What the attack at token ``a`` was aimed at: the first actor at most :data:`_AIM_SPAN` words
    after على/ضد following the attack noun in its clause (غارة على مواقع للحوثيين، قصف على معسكر
    اللواء الموالي للمتمردين، هجوم انتحاري، على مركز للشرطة), not its doer nor the same actor."""
    for j in range(a + 1, hi):
        tok = tokens[j]
        if tok.key in _AIM_PREPS:
            end = next((k for k in range(j + 1, min(j + 1 + _AIM_SPAN, hi))
                        if tokens[k].norm in PUNCT or tokens[k].key in STOP), min(j + 1 + _AIM_SPAN, hi))
            return next((m for m in ments if j < m.token_start < end and m is not doer
                         and (doer is None or not same_actor(m, doer, tokens))), None)
        if (tok.norm in PUNCT and not (j + 1 < hi and tokens[j + 1].key in _AIM_PREPS)) \
                or tok.key in STOP:
            return None
    return None


def frames(tokens: list[Token], ments: list[ActorMention], lo: int, hi: int,
           span_of: Callable[[int, int], Span] | None = None) -> list[Frame]:
    """The toll-then-act constructions of sentence ``[lo, hi)`` (see the module docstring)."""
    w = toll_words()
    out: list[Frame] = []
    for i in range(lo, hi):
        noun = bool(bare(tokens[i]) & w["killed_noun"])  # a noun has no subject before it
        before: list[ActorMention] = []
        if not noun and not _toll_verb(w, tokens, i, hi):
            continue
        if not noun and not _clause_start(tokens, ments, lo, i):
            before = _victims_before(w, tokens, ments, lo, i, hi)
            if not before:
                continue
        a = _attack_after(w, tokens, i, hi)
        if a is None:
            continue
        victims = before or [m for m in ments if i < m.token_start and m.token_end <= a] \
            or _own_people(w, tokens, ments, lo, i, a, span_of)
        doer, how = _doer(tokens, ments, a, hi)
        actor = min((m.token_start for m in ments if m.token_start > a), default=hi)
        out.append(Frame(i, a, victims, doer, how, _aimed(tokens, ments, a, hi, doer),
                         min(a + _ATTACK_PHRASE, actor - 1)))
    return out


def toll_args(frame: Frame, args: Args, claimed: Callable[[], ActorMention | None]
              ) -> tuple[list[ActorMention], list[ActorMention]]:
    """Sources and targets of a killing or an attack reported as a toll (قتل عشرة مدنيين في غارة شنها X):
    the doer named with the attack (else the claimer, ``claimed()``, else nobody: :data:`UNNAMED`)
    acts on the victims, else on what the attack was aimed at (على/ضد X), else on nobody named (the
    coder gives the place's state: victims of no named state are coded by where they are);
    ``args`` gets how they were found."""
    doer, how = frame.doer, frame.doer_how
    if doer is None:
        doer, how = claimed(), "claim"
    sources = [doer] if doer is not None else []
    args.source_how = f"toll_{how}" if doer is not None else UNNAMED
    if frame.victims:
        targets, args.target_how = list(frame.victims), "victims"
    elif frame.aimed is not None:
        targets, args.target_how = [frame.aimed], "aimed"
    else:
        targets, args.target_how = [], "none"
    return sources, targets


def _sides(ev: Event) -> tuple[str, str]:
    return ev.source.code, ev.target.code if ev.target is not None else "-"


def fold_tolls(found: list[Frame], by_trigger: list[tuple[TriggerMatch, list[Event]]], cameo: CameoTable) -> None:
    """A killing reported with the attack that caused it (قتل عشرة مدنيين في غارة شنها X) is that
    attack: the events of the toll verb and of the other words of the attack's phrase (تفجير انتحاري
    استهدف سوقا، انفجار سيارة مفخخة) take the code of the attack noun's own event when they have
    the same two sides, so that they are one event (the train gold codes the attack noun, not the
    toll verb).  ``by_trigger``: each trigger match of the sentence with its events; ``cameo``: the
    CAMEO table."""
    for fr in found:
        head = [e for tm, made in by_trigger if tm.start <= fr.attack < tm.end for e in made]
        for tm, made in by_trigger:
            if tm.start == fr.verb or (fr.names_attack(tm.start) and not tm.start <= fr.attack < tm.end):
                for ev in made:
                    same = next((a for a in head if _sides(a) == _sides(ev)), None)
                    if same is not None and same.cameo != ev.cameo:
                        recode(ev, cameo.get(same.cameo))


def sentence_frames(doc: Document, si: int, ments: list[ActorMention]) -> list[Frame]:
    """:func:`frames` of sentence ``si`` (``ments``: its actor mentions)."""
    sent = doc.sentences[si]
    return frames(doc.tokens, ments, sent.first_token, sent.last_token, doc.token_span)
