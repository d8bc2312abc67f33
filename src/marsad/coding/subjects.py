"""Subjects a clause does not name as an actor, for the clause heuristics (:mod:`marsad.coding.arguments`).

* the speaker of a sentence (قال X إن…), never whom it is said to (لنظيره الأمريكي), also one named
  right after the quotation («…»، قال الوزير: :func:`quote_speaker`);
* a first-person verb in what is said (ندين، ندعو، أدعو، سنرد), whose subject is the speaker, never the
  actor after it (:func:`first_person`);
* the speaker a chain of sentences carries (قال X إن… وأضاف أن… وتابع: «…»: :func:`running_speaker`);
* a verb whose subject is a statement (ودعا البيان الحكومة…، أن المذكرة طالبت…: the issuer acts) or
  the pronoun of a complementizer (أعلنت الوزارة أنها اعتقلت…: the frame's subject acts), so that
  the actor after the verb is its object, never its subject (:func:`unnamed_subject`,
  :func:`frame_subject`);
* a dual verb (بحثا، اتفقا), whose subject is two parties;
* an indefinite act with a relative clause without الذي/التي (هجمات يشنها التنظيم: :func:`unmarked_doer`);
* actors a preposition or a possessed noun governs, which are never subjects (:func:`governed`).
"""

from __future__ import annotations

from marsad.coding.clause_words import (
    BOUNDARY_PUNCT,
    DOER_AUX,
    LATELY,
    PRONOUN_COMPS,
    STATEMENT_NOUNS,
    TIME_WORDS,
    VERB_LEADS,
    VERB_PREPS,
    is_doer_verb,
    is_speech_verb,
    possessed,
)
from marsad.coding.conjuncts import mention_prefix
from marsad.coding.lexicon import TriggerMatch
from marsad.document import ActorMention, Token
from marsad.text.reporting_words import reporting_words
from marsad.text.tokens import candidates, reads

# Words between a speech verb and an actor that open what is said: the actor is not the speaker.
OPENERS = frozenset({"ان", "انه", "انها", "انهم", "بان", "الي", "علي"})


def speaker(tokens: list[Token], ments: list[ActorMention], lo: int, at: int) -> ActorMention | None:
    """The subject of a speech verb before token ``at`` in the sentence (قال X إن…)."""
    for m in reversed([m for m in ments if lo <= m.token_start < at]):
        if governed(tokens, m):
            continue  # whom it is said to (وقال لافروف لنظيره الأمريكي إن…), never the speaker
        k = max(lo, m.token_start - 3)
        for v in range(m.token_start - 1, k - 1, -1):
            if tokens[v].key in OPENERS:
                break  # وأضاف أن الحوثيين…: the actor after أن is the inner clause's, not the speaker
            if is_speech_verb(tokens[v]):
                return m
    return None


def first_person(tm: TriggerMatch, tokens: list[Token], verb: int) -> bool:
    """Is the trigger's verb (token ``verb``) an imperfect in the first person, نفعل or أفعل (ندين، ندعو،
    سنرد، أطالب، أدعو)?  Its subject is a pronoun, the one who speaks: an actor after it is its object
    («ندين إسرائيل على هذا الاعتداء»: the speaker condemns Israel).  Told by the pattern's own forms (the
    ``v1`` rows of the lexicon list them): the word with ي for its first letter is a form of the same
    verb (ندين → يدين).  A form IV or VIII past looks like a first-person singular (أعلن، اتهم، أبدى) and
    is left alone: its feminine or plural past is a form of the verb too (أعلنت، اتهمت، أبدت)."""
    slot = tm.pattern.words[verb - tm.start] if verb - tm.start < len(tm.pattern.words) else None
    if not isinstance(slot, frozenset):
        return False  # a gap (~) after a particle
    for _, k in candidates(tokens[verb].norm):
        if k not in slot and k[:1] == "س" and k[1:] in slot:
            k = k[1:]  # the future: سندين، سنرد
        if k in slot:
            # أفعل/نفعل is the stem after أ or ن: يفعل and تفعل are forms too (not يفعلوا: احتجزوا is no
            # first person, nor the dual تفعلان); no past of the verb is spelled so (أعلن → أعلنت، أبدى →
            # أبدت، أبدوا)
            past = k + "ت" in slot or k + "وا" in slot or k[-1] in "اي" and (k[:-1] + "ت" in slot or k[:-1] + "وا" in slot)
            return len(k) >= 3 and k[0] in "ان" and "ي" + k[1:] in slot and "ت" + k[1:] in slot \
                and not past and not k.endswith("ان")
    return False


# In the name of: باسم X names on whose behalf the speaker acts.
BEHALF = frozenset({"باسم"})


def on_behalf(tokens: list[Token], m: ActorMention) -> bool:
    """Is ``m`` named by باسم, one or two words before it (باسم المملكة، باسم بلدي جيبوتي)?"""
    return any(k >= 0 and tokens[k].norm.lstrip("و") in BEHALF for k in (m.token_start - 1, m.token_start - 2))


def quote_speaker(tokens: list[Token], ments: list[ActorMention], at: int, hi: int) -> ActorMention | None:
    """The speaker named right after the quotation that holds token ``at`` (before ``hi``, the
    sentence's end): «ندين هذا الاعتداء»، قال الوزير / "…" وأضاف المتحدث.  The first quotation mark after
    ``at`` closes the quotation when a speech verb follows it (after a comma or و); the actor right
    after that verb (time words between allowed) is the speaker, not one a preposition governs."""
    q = next((k for k in range(at, hi) if tokens[k].norm == '"'), None)
    k = said_after(tokens, q, hi) if q is not None else None
    if k is None:
        return None
    j = k + 1
    while j < hi and tokens[j].key in TIME_WORDS:
        j += 1
    return next((m for m in ments if m.token_start == j and not governed(tokens, m)), None)


def said_after(tokens: list[Token], q: int, hi: int) -> int | None:
    """The speech verb right after the quotation mark at ``q`` (a comma or و between allowed), which
    makes it the mark that closes a quotation («…»، قال الوزير، "…" وأضاف): the verb's token, else None."""
    k = q + 1
    while k < hi and tokens[k].norm in {",", "و"}:
        k += 1
    return k if k < hi and is_speech_verb(tokens[k]) else None


def governed(tokens: list[Token], m: ActorMention) -> bool:
    """Is ``m`` introduced by a preposition (مع إيران، في سوريا، لإيران) or owned by a thing (السياسات
    الإيرانية), so that it cannot be a subject?"""
    prev = tokens[m.token_start - 1].key if m.token_start else ""
    return prev in VERB_PREPS or possessed(tokens, m) or clitic_prep(tokens, m) or governed_adjective(tokens, m)


def governed_adjective(tokens: list[Token], m: ActorMention) -> bool:
    """Is ``m`` a lone nisba adjective whose noun a preposition governs (ندد بالجرائم الإسرائيلية،
    احتج على السياسات الأمريكية): the owner of an object, never a subject?"""
    if m.kind != "demonym" or m.token_end - m.token_start != 1 or m.token_start < 1:
        return False
    head = tokens[m.token_start - 1]
    return head.prefix.lstrip("وف")[:1] in {"ب", "ل"} or (
        m.token_start >= 2 and tokens[m.token_start - 2].key in VERB_PREPS)


def clitic_prep(tokens: list[Token], m: ActorMention) -> bool:
    """Does the mention's first word carry the preposition ل or ب (لإيران، بالحكومة، وللأمم)?"""
    return mention_prefix(tokens, m).lstrip("وف")[:1] in {"ل", "ب"}


def unnamed_subject(tokens: list[Token], cs: int, verb: int) -> str:
    """Is the subject of the verb at ``verb`` (its clause starting at ``cs``) a pronoun carried by
    the complementizer before it (أنها تعتزم، إنه سيزور، بأنهم رفضوا: "pronoun") or a statement
    named right after or before it (ودعا البيان، وأضاف البيان الختامي، أن المذكرة طالبت: "statement")?
    Else ""."""
    j = verb + 1
    while j < len(tokens) and tokens[j].key in TIME_WORDS:
        j += 1
    if j < len(tokens) and _statement(tokens[j]):
        return "statement"
    k = verb - 1
    while k >= cs and tokens[k].key in VERB_LEADS:
        k -= 1
    if k >= 0 and _statement(tokens[k]) and (k == cs or k == cs + 1 and tokens[cs].norm in {"و", "ف"}):
        return "statement"
    if k >= 0 and reads(tokens[k], PRONOUN_COMPS):
        return "pronoun"
    return ""


def _statement(tok: Token) -> bool:
    """A definite statement or document noun (البيان، والرسالة، المذكرة)."""
    return tok.prefix in {"ال", "وال", "فال"} and tok.key in STATEMENT_NOUNS


def dual_verb(tok: Token) -> bool:
    """A verb in the dual (بحثا، اتفقا، وقعا): its subject is two parties, not the first clause's one."""
    return len(tok.key) >= 4 and tok.key.endswith("ا") and not tok.key.endswith("وا")


def frame_subject(tokens: list[Token], ments: list[ActorMention], lo: int, at: int) -> ActorMention | None:
    """The subject of the clause that frames the one starting at ``at`` (أعلنت وزارة الخارجية أنها…):
    the speaker before it, else the sentence's first actor before it that no preposition or noun
    governs."""
    spk = speaker(tokens, ments, lo, at)
    if spk is not None:
        return spk
    return next((m for m in ments if lo <= m.token_start and m.token_end <= at and not governed(tokens, m)), None)


def unmarked_doer(tm: TriggerMatch, tokens: list[Token], after: list[ActorMention]) -> ActorMention | None:
    """An indefinite act takes its relative clause without الذي/التي (هجمات يشنها التنظيم، غارات
    عنيفة شنها طيران التحالف): the actor right after a verb of carrying out with a pronoun for the
    act, one indefinite adjective allowed between."""
    if tokens[tm.end - 1].norm.startswith("ال") or "ال" in tokens[tm.end - 1].prefix:
        return None
    i = tm.end
    if i < len(tokens) and not is_doer_verb(tokens, i) and not tokens[i].norm.startswith("ال") \
            and tokens[i].norm not in BOUNDARY_PUNCT and all(m.token_start != i for m in after):
        i += 1  # an adjective (غارات عنيفة شنها)
    if i >= len(tokens) or not is_doer_verb(tokens, i):
        return None
    j = i + 1 + (tokens[i].key in DOER_AUX)
    while j < len(tokens) and tokens[j].key in LATELY:
        j += 1
    return next((m for m in after if m.token_start == j), None)


def opens_without_subject(tokens: list[Token], ments: list[ActorMention], lo: int, at: int) -> bool:
    """Does the sentence starting at ``lo`` open with a speech verb that no actor follows (وأضاف أن…،
    وأشار إلى أن…; time words may stand between), before token ``at``?"""
    i = lo
    while i < at and (tokens[i].norm in BOUNDARY_PUNCT or tokens[i].norm in {"و", "ف"} or tokens[i].key in VERB_LEADS):
        i += 1
    if i >= at or not is_speech_verb(tokens[i]):
        return False
    j = i + 1
    while j < at and tokens[j].key in TIME_WORDS:
        j += 1
    return not any(m.token_start == j for m in ments)


def running_speaker(tokens: list[Token], ments: list[ActorMention], lo: int, hi: int,
                    chain: list[ActorMention], goes: bool) -> list[ActorMention]:
    """The speaker that the sentences after ``[lo, hi)`` (mentions ``ments``) carry on, given ``chain``,
    the one carried into it.

    Arabic news lets one speaker run over several sentences: وقال الأمين العام للجامعة العربية إن…
    وأضاف أن الحكومة الإسرائيلية تدعم المتطرفين. وطالب المحكمة الجنائية الدولية بالتحقيق — the
    Secretary-General demands, not the Israeli government named in what he said.  A sentence that names
    a speaker (قال X إن…، والحرس الثوري يرفض القرار وقال السيناتور كوتون إن…) starts a chain with the
    last speaker it names; one that only goes on with what is said keeps it: it opens with a speech
    verb naming no subject (وأضاف أن…، وأشار إلى أن…، وتابع: «…»), or inside a quotation begun in an
    earlier sentence («إيران دولة راعية للإرهاب. نظام خارج عن القانون…»): ``goes``, what :func:`goes_on`
    says of the sentence, which the caller has already asked.  Any other sentence tells something else and
    ends the chain."""
    if goes:
        return chain
    spk = named_speaker(tokens, ments, lo, hi)
    return [spk] if spk is not None else []


def goes_on(tokens: list[Token], ments: list[ActorMention], lo: int, hi: int, quoted: bool) -> bool:
    """Does the sentence ``[lo, hi)`` only go on with what an earlier sentence's speaker says: it opens
    inside a quotation (``quoted``), or with a speech verb naming no subject (وأضاف أن…، وتابع: «…»)?"""
    return quoted or opens_without_subject(tokens, ments, lo, hi) or _carries_speaker(tokens, ments, lo, hi)


def opens_with(tokens: list[Token], lo: int, at: int) -> bool:
    """Is token ``at`` the first word of the sentence starting at ``lo`` (after punctuation, و/ف and the
    words that keep a verb clause-initial: وقد، كما…)?"""
    return all(t.norm in BOUNDARY_PUNCT or t.norm in {"و", "ف"} or t.key in VERB_LEADS for t in tokens[lo:at])


def named_speaker(tokens: list[Token], ments: list[ActorMention], lo: int, hi: int) -> ActorMention | None:
    """The first actor after the sentence's last speech verb that has one, at most three words after it
    (titles and time words: أكد معالي الفريق الركن الشيخ راشد…) with nothing that opens what is said
    between (أن، إلى، punctuation): وقال السيناتور كوتون إن…، أكد الجبير حرص الرياض على… (al-Jubeir,
    not Riyadh after his words)."""
    # only a word up to SPEAKER_REACH tokens before a mention can be its speech verb: those are read
    verbs = {s - d for s in (m.token_start for m in ments if lo < m.token_start <= hi + SPEAKER_REACH)
             for d in range(1, SPEAKER_REACH + 1)}
    for v in sorted((v for v in verbs if lo <= v < hi), reverse=True):
        if not is_speech_verb(tokens[v]):
            continue
        for m in ments:
            if v < m.token_start <= v + SPEAKER_REACH and not governed(tokens, m) and not any(
                    t.key in OPENERS or t.norm in BOUNDARY_PUNCT for t in tokens[v + 1:m.token_start]):
                return m
    return None


SPEAKER_REACH = 4  # tokens from a speech verb to the start of its subject (three words between)


def quote_marks(tokens: list[Token], lo: int, hi: int) -> int:
    """The quotation marks among tokens ``[lo, hi)`` («», “” and " are all one mark once normalized)."""
    return sum(1 for t in tokens[lo:hi] if t.norm == '"')


def _carries_speaker(tokens: list[Token], ments: list[ActorMention], lo: int, hi: int) -> bool:
    """Does the sentence open with a verb that carries an earlier sentence's speaker (وتابع: «…»،
    واستطرد قائلا: the ``carry`` rows of reporting.tsv) and no actor right after it?"""
    i = lo
    while i < hi and tokens[i].norm in BOUNDARY_PUNCT:
        i += 1
    if i >= hi or tokens[i].norm not in reporting_words().carry_verbs:
        return False
    return not any(m.token_start == i + 1 for m in ments)
