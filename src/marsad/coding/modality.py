"""Modality, embedding and background of an event trigger.

All functions take the :class:`~marsad.coding.cue_data.Cues`, a prepared
document, the sentence index and the trigger's token index (into
``doc.tokens``).  They look only at the trigger's sentence.

Scope decisions (documented in ``resources/cues/README.md``):

* negation particles (لم، لن، لا، ليس، دون أن) negate the verb right after
  them, and reach a verbal noun only through a support verb (لم يتم الإعلان،
  لن تشن هجوما): in ``لم يعلق الجيش على الهجوم`` the attack is asserted;
* عدم / دون / بدون negate a trigger at most one word after them;
* conditionals and future phrases scope over the rest of their clause;
* the future proclitic س counts on the trigger itself or on a support verb
  or verb right before it (سيتم توقيع، ستبدأ الهجوم).
"""

from __future__ import annotations

from datetime import date as Date

from marsad.coding.cue_data import (
    Cues,
    clause_bounds,
    imperfect,
    is_punct,
    sentence_words,
    starts_clause,
    strip_conj,
    words_back,
)
from marsad.coding.modality_embedding import embedded_under
from marsad.coding.modality_months import (
    NEXT,
    YEAR,
    coming_date,
    dated_month,
    gloss_end,
    old_date,
    year_after,
)
from marsad.coding.modality_years import year_in_earlier_clause
from marsad.text.normalize import normalize_text
from marsad.text.time_words import WEEKDAYS
from marsad.text.tokens import RELATIVE_PRONOUNS, word_key

_CONTINUATIVE = frozenset("يزال تزال زال زالت يزالون تزالان نزال انفك ينفك يبرح".split())
_NOT_NEGATION_AFTER = _CONTINUATIVE | frozenset(("سيما", "بد", "شك"))
_SUPPORT_REACH = 4  # a support verb passes negation to a trigger at most this many words on
_AFTER_WINDOW = 6  # a time adverb after the trigger counts within this many words
_MONTH_WINDOW = 12  # a coming month after the trigger (in its clause) within this many words
_PRIORITY = ("hypothetical", "negated", "future")
# Recent-time words that keep a pluperfect inside the news window (وكان العراق قد تسلم الأسبوع الماضي).
_RECENT = frozenset(word_key(w) for w in normalize_text("أمس اليوم الاسبوع فجر صباح مساء ساعات").split()) | WEEKDAYS


def modality(cues: Cues, doc, sent: int, trigger_tok: int) -> str:
    """``"asserted"``, ``"negated"``, ``"hypothetical"`` or ``"future"`` for the trigger.

    Conditionals win over negation (إذا لم تهاجم → hypothetical) and negation
    over future (لن يهاجم → negated).  A trigger governed by a denial verb
    (نفى أن، نفت قصف) is negated.
    """
    first, words, keys = sentence_words(doc, sent)
    ti = trigger_tok - first
    cs, ce = clause_bounds(words, ti)
    found = set(_clause_cues(cues, words, ti, cs, ce, _named(doc, first, ti, ce)))
    if _sin_future(cues, doc, first, words, ti, cs) or _coming_month(cues, words, keys, ti, ce, doc.article.date):
        found.add("future")
    if embedded_under(cues, doc, sent, trigger_tok) == "deny":
        found.add("negated")
    for m in _PRIORITY:
        if m in found:
            return m
    return "asserted"


def _named(doc, first: int, ti: int, ce: int) -> int:
    """How many words of actor mentions stand after the trigger at ``ti`` in its clause (up to ``ce``;
    sentence-relative indexes): a time adverb's reach does not count the words of names
    (يلتقي وزير الخارجية الأمريكي جون كيري نظيره الروسي سيرغي لافروف غدا)."""
    lo, hi = first + ti + 1, first + ce
    n = 0
    for m in doc.actors:  # in text order: stop at the clause's end
        if m.token_start >= hi:
            break
        n += max(0, min(m.token_end, hi) - max(m.token_start, lo))
    return n


def _clause_cues(cues: Cues, words: list[str], ti: int, cs: int, ce: int, named: int = 0):
    """Modalities whose cue in the clause ``[cs, ce)`` reaches the trigger at ``ti`` (``named``: words of
    actor mentions after the trigger, which a time adverb reaches over)."""
    return (mod for mod, _, _ in _clause_hits(cues, words, ti, cs, ce, named))


def _clause_hits(cues: Cues, words: list[str], ti: int, cs: int, ce: int, named: int = 0):
    """``(modality, scope, index)`` of each cue in the clause ``[cs, ce)`` that reaches the trigger."""
    table = cues.modality
    for k in range(max(0, cs - 3), ce):
        if k == ti:
            continue
        m = table.match(words, k)
        if m is None:
            continue
        end, (mod, scope), _ = m
        if end <= cs or (k > ti and (scope != "after" or k - ti > _AFTER_WINDOW + named)):
            continue
        if (scope == "after" or (scope == "clause" and end <= ti) or (scope == "near" and 0 <= ti - end <= 1)
                or (scope == "next" and end <= ti and _reaches(cues, words, end, ti))
                or (scope == "impf" and end <= ti and imperfect(words[end]))):
            yield mod, scope, k


def planned(cues: Cues, doc, sent: int, trigger_tok: int) -> bool:
    """Is the trigger future through a plan or an expectation (من المقرر أن، يتوقع أن، يعتزم، المرتقب)
    rather than the future proclitic, سوف or a time adverb?  ``سترد بقوة`` is the threat itself, but in
    ``يعتزم النائب العام طلب`` or ``من المتوقع أن يطالب`` the demand has not been made."""
    return future_cues(cues, doc, sent, trigger_tok)[0]


_SOWFA = "سوف"
# Future cues that are a prediction by the reporter or observers, not the actor's plan (normalized words).
_EXPECTATION = frozenset(normalize_text("المتوقع يتوقع تتوقع يتوقعون المرتقب المرتقبة المنتظر المرجح").split())


def expected(cues: Cues, doc, sent: int, trigger_tok: int) -> bool:
    """Is the trigger future only through an expectation (من المتوقع أن تفتح تركيا القاعدة، من المرتقب أن
    تصل الطائرات)?  What others expect an actor to do is no intent the actor expressed (an intent is
    coded 03 only when the actor states it: يعتزم، من المقرر أن، سيزور), unless a plan cue is there too."""
    return future_cues(cues, doc, sent, trigger_tok)[1]


def future_cues(cues: Cues, doc, sent: int, trigger_tok: int) -> tuple[bool, bool]:
    """:func:`planned` and :func:`expected` of a trigger, from one scan of its clause's cues."""
    first, words, _ = sentence_words(doc, sent)
    ti = trigger_tok - first
    cs, ce = clause_bounds(words, ti)
    plan_or_expectation = seen = plan = False
    for mod, scope, k in _clause_hits(cues, words, ti, cs, ce):
        if mod != "future" or scope == "after":  # a time adverb (الشهر المقبل) says when, not who intends
            continue
        if scope in ("clause", "near") and strip_conj(words[k]) != _SOWFA:
            plan_or_expectation = True
        if any(strip_conj(w) in _EXPECTATION for w in words[k:k + 2]):
            seen = True
        else:
            plan = True
    return plan_or_expectation, seen and not plan


def _coming_month(cues: Cues, words: list[str], keys: list[str], ti: int, ce: int, pub: Date | None) -> bool:
    """A coming month after the trigger in its clause: في نوفمبر المقبل، في أكتوبر (تشرين الأول) القادم
    (like الشهر المقبل in modality.tsv, which cannot list every month and its bracketed gloss); with a
    publication date also a coming month without a year (يلتقي الفريقان في 12 أغسطس, said in July),
    not one that bounds a state (يستمر حتى السادس من أغسطس): :func:`marsad.coding.modality_months.coming_date`.
    A month more than six words on, or one without المقبل, counts only for a trigger that is not a past
    verb (وقعت الحكومة اتفاقا يدخل حيز التنفيذ في سبتمبر المقبل: the signing is done)."""
    for k in range(ti + 1, min(ce, ti + _MONTH_WINDOW + 1)):
        m = cues.months.match(words, k)
        if m is not None:
            end = gloss_end(words, m[0])
            if end < len(keys) and keys[end] in NEXT and k - ti <= _AFTER_WINDOW:
                return True
            if not _present_or_noun(words[ti]):
                return False
            if end < len(keys) and keys[end] in NEXT:
                return True
            return (pub is not None and dated_month(words, keys, k, m[0]) and year_after(words, end) is None
                    and coming_date(cues, words, keys, k, int(m[1][0]), pub))
    return False


def _present_or_noun(word: str) -> bool:
    """A present-tense verb (ي…، ن…, or a ت… shape that is not also a past one) or a definite noun
    (الاجتماع): not a past verb, which reports a done act."""
    w = strip_conj(word)
    return w.startswith(("ي", "ن", "ال", "بال", "لل")) or imperfect(w)


def _reaches(cues: Cues, words: list[str], end: int, ti: int) -> bool:
    """Does a particle ending at ``end`` govern the trigger (directly or via a support verb)?"""
    nxt = strip_conj(words[end])
    if nxt in _NOT_NEGATION_AFTER:
        return False
    return end == ti or (nxt in cues.support_verbs and ti - end <= _SUPPORT_REACH)


def _sin_future(cues: Cues, doc, first: int, words: list[str], ti: int, cs: int) -> bool:
    """The future proclitic on the trigger, or on a support verb just before it (سيتم توقيع); also
    before a first-person verb, seen in the raw text as سأ (سأزور، سأقوم بزيارة; not سأل)."""
    if cues.is_sin_future(words[ti]) or _first_person_future(doc, first + ti):
        return True
    for k in range(max(cs, ti - 3), ti):
        w = strip_conj(words[k])
        if cues.is_sin_future(words[k]) and w[1:] in cues.support_verbs:
            return True
        if w.startswith("سا") and "ي" + w[2:] in cues.support_verbs and _first_person_future(doc, first + k):
            return True
    return False


def _first_person_future(doc, tok: int) -> bool:
    """Does token ``tok`` start with سأ (the future proclitic + أ of the first person) in the raw text?"""
    t = doc.tokens[tok]
    if len(t.norm) < 4 or not strip_conj(t.norm).startswith("سا"):
        return False
    raw = doc.span(t.start, t.end).text
    raw = raw[1:] if raw[:1] in "وف" else raw
    return raw.startswith("سأ") and not raw.startswith(_SAAL)


_SAAL = ("سأل", "سأم")  # asked, grew weary: not the future


def is_background(cues: Cues, doc, sent: int, trigger_tok: int) -> bool:
    """Is the trigger's event recalled from before the news window?

    Conservative: only explicit cues in the trigger's clause count: a past
    period (العام الماضي، الشهر الماضي، في وقت سابق من هذا العام), منذ / قبل +
    years or months (منذ سنوات، قبل شهر), سبق أن / سبق لـ X أن, the pluperfect (كان ... قد +
    past, كانت اختطفت), a month name + الماضي, and — when the publication date
    is known — an explicit year before the publication year (for an undated
    article, before the latest year it names: :func:`marsad.coding.modality_months.latest_year`) or an explicit
    month/day more than a week before it.  "Last week" and "yesterday" are
    inside the news window.  A month's gloss in brackets (يونيو (حزيران) الماضي)
    does not cut the clause, and the explicit time cues of a past relative clause
    on the trigger noun count too (المفاوضات التي بدأت الربيع الماضي).  Beyond the
    clause, an old year given as a time adverbial in an earlier clause of the sentence
    dates the clauses after it (وفي عام 2001، قامت إسرائيل بهدم المنازل:
    :func:`marsad.coding.modality_years.year_in_earlier_clause`).
    """
    first, words, keys = sentence_words(doc, sent)
    ti = trigger_tok - first
    cs, ce = clause_bounds(words, ti)
    cs = _over_month_gloss(cues, words, cs)
    pub = doc.article.date
    bg = cues.background_words
    present = _present_or_noun(words[ti])  # the next month is the coming one only for these
    if _history_line(words, pub) or (ti + 1 < len(keys) and keys[ti + 1] in bg["adj"]) or _done_before(words, ti, bg):
        return True
    for k in range(max(0, cs - 3), ce):
        m = cues.background.match(words, k)
        if m is not None and m[0] > cs:
            return True
        if k < cs:
            continue
        if k < ti and strip_conj(words[k]) in bg["kana"] and _pluperfect(words, k, ti):
            if not any(keys[j] in _RECENT for j in range(cs, ce)):
                return True
        if _time_cue(cues, words, keys, k, pub, doc.text, present=present):
            return True
    rel = _relative_after(cues, words, ti, ce)
    if rel is not None and any(_time_cue(cues, words, keys, k, pub, doc.text, rel[0], present) for k in range(*rel)):
        return True
    return year_in_earlier_clause(cues, words, keys, ti, cs, ce, pub, doc.text, _RECENT)


def _done_before(words: list[str], ti: int, bg: dict[str, frozenset[str]]) -> bool:
    """سبق + its doer with ل at most eight words before the trigger, no punctuation between (وسبق لأوباما أن
    زار كينيا، سبق للمنظمة توثيق): the act was done before; not سبق + a noun (سبق وصول الطائرة: 'preceded')."""
    for k in words_back(words, ti, 8):
        if strip_conj(words[k]) in bg.get("earlier", ()) and words[k + 1].startswith("ل") and k + 1 < ti:
            return True
    return False


def _time_cue(cues: Cues, words: list[str], keys: list[str], k: int, pub: Date | None, text: str,
              start: int | None = None, present: bool = True) -> bool:
    """Does an explicit past-time cue start at ``k``: منذ سنوات، قبل أربع سنوات, an old date, or (with
    ``start``, the first word of the region looked at) a phrase of background.tsv (العام الماضي)?"""
    bg = cues.background_words
    if start is not None:
        m = cues.background.match(words, k)
        if m is not None and m[0] > start:
            return True
    nxt = keys[k + 1] if k + 1 < len(keys) else ""
    if strip_conj(words[k]) == "منذ" and (nxt in bg["since"] or YEAR.match(nxt)):
        return True
    if strip_conj(words[k]) == "قبل" and _ago(words, keys, k + 1, bg["ago"]):
        return True
    return old_date(cues, words, keys, k, pub, text, present)


_DEFINITE = ("ال", "بال", "لل", "وال", "وبال", "ولل", "فال")


def _relative_after(cues: Cues, words: list[str], ti: int, ce: int) -> tuple[int, int] | None:
    """``[start, end)`` of a past-tense relative clause on the trigger noun, or None.

    The trigger is a definite noun, at most two definite adjectives follow it, then الذي/التي and
    a verb that is not a present or future form: المفاوضات الجديدة التي بدأت الربيع الماضي, so a
    recalled time there dates the event the noun names.  التي تشنها (present) is left out: an
    ongoing campaign "for months" is not a recalled event, nor is a future one (التي ستعقد), but a past verb
    whose root begins with س is past (الاتفاق الذي سمح بدخول المساعدات في عام 2013، التي سيطر عليها).
    """
    if not words[ti].startswith(_DEFINITE) or ce >= len(words) - 1 or ce - ti > 3:
        return None
    if words[ce] not in RELATIVE_PRONOUNS or not all(w.startswith("ال") for w in words[ti + 1:ce]):
        return None
    verb = words[ce + 1]
    if verb[0] in "ين" or cues.is_sin_future(verb) or (verb[0] == "ت" and verb not in ("تم", "تمت")):
        return None
    end = ce + 2
    while end < len(words) and not (is_punct(words[end]) or starts_clause(words[end])):
        end += 1
    return ce + 1, end


def _over_month_gloss(cues: Cues, words: list[str], cs: int) -> int:
    """Widen a clause that starts after a month's gloss in brackets (في يونيو (حزيران) الماضي
    طلب ...، أكتوبر (تشرين الأول)): the brackets are not a clause boundary there."""
    while cs >= 4 and words[cs - 1] == ")":
        opening = next((j for j in (cs - 3, cs - 4) if j >= 1 and words[j] == "("), None)
        m = cues.months.match(words, opening - 1) if opening is not None else None
        if m is None or m[0] != opening:
            break
        cs = clause_bounds(words, opening - 1)[0]
    return cs


def _history_line(words: list[str], pub: Date | None) -> bool:
    """A "this day in history" line: ``1980 - ...`` (a year before the publication year)."""
    if len(words) < 2 or not YEAR.match(words[0]) or words[1] not in ("-", "–", ":"):
        return False
    return pub is None or int(words[0]) < pub.year


def _ago(words: list[str], keys: list[str], j: int, nouns: frozenset[str]) -> bool:
    """``قبل`` + (نحو، حوالي: about) + (a number) + a long period noun."""
    if j < len(keys) and keys[j] in _ABOUT:
        j += 1
    if j < len(keys) and (keys[j].isdigit() or keys[j] in _NUMBER_WORDS):
        j += 1
    if j < len(keys):
        k = keys[j][:-1] if keys[j].endswith("ا") else keys[j]
        return keys[j] in nouns or k in nouns
    return False


_ABOUT = frozenset("نحو حوالي قرابه زهاء".split())
_NUMBER_WORDS = frozenset("ثلاث ثلاثه اربع اربعه خمس خمسه ست سته سبع سبعه ثماني ثمانيه تسع تسعه عشر عشره بضع بضعه عده".split())


def _pluperfect(words: list[str], k: int, ti: int) -> bool:
    """كان ... قد before the trigger, or كان right before it (كانت اختطفت).

    كان + subject + past verb without قد is left out: on the train set it was
    background in only 3 of 13 cases.
    """
    if k == ti - 1 and strip_conj(words[ti])[:1] not in ("ي", "ت", "ن"):
        return True
    return any(strip_conj(words[j]) == "قد" for j in range(k + 1, ti))


