"""An old year in an earlier clause of the trigger's sentence: a background cue of
:func:`marsad.coding.modality.is_background`.

:func:`marsad.coding.modality_months.old_date` looks only inside the trigger's clause.  News that
recalls the past dates a narrated sentence once, in its first clause, and goes on in conjoined or
subordinate clauses cut from it by a comma or a clause word (وفي عام 2001، قامت إسرائيل بهدم
المنازل؛ وعاد البشير من نيجيريا في يوليو 2013 بعد ...، ودانت المحكمة؛ هرب إلى سوريا في عام 1980،
بعد حظر الحزب؛ شهد في آب 2012 أسوأ مجزرة ...، فقد قتلت فيه الشرطة).  Such a year counts for
the trigger when

* it is a time adverbial: a year before the article's after في/خلال/حتى/من (a day, a month, عام or a
  period word such as أواخر may come between), or a date phrase (عام 2001، يونيو 2014) at the head
  of a clause;
* it is the nearest explicit date before the trigger's clause (a newer one governs what follows);
  an anaphoric "then" (حينها، آنذاك، وقتها) met first counts as such a date (وصلت الاتصالات حينها
  إلى الرياض، وكانت ردود الفعل سريعة بدعوة صدام إلى الانسحاب);
* it is not the date of a noun (الاتفاق الموقع في 2013، الحرب الأهلية عام 2006: a definite
  participle right before the date, or a definite word before a date without a preposition), not
  inside a relative clause (الذي بدأ عام 2012), not a comparison or a duration (الأكثر دموية منذ مارس 2014، الهدنة السارية منذ 2013: منذ), nor
  in a كما clause (كما في حرب عام 2006), looking back to the punctuation before the date;
* منذ counts when it opens the sentence: its phrase, a year or an event of that year, then governs
  the clauses after it (ومنذ عام 2009، قتلت الجماعة أكثر من 14 ألف شخص؛ ومنذ انقلاب عام 2013،
  اعتقلت السلطات آلاف الناشطين), as "since 1999 Russia has supported Venezuela" in the guideline;
* a range of years after بين is a date when its later year is old (وبين عامي 2012 و2014، قام
  المتهم بتجنيد الشباب؛ في الفترة ما بين 2003 و2010);
* no clause that opens with its own subject and turns to the present report (كما، فيما، بينما)
  stands between it and the trigger;
* the trigger's clause names no time of its own (الخميس، اليوم، أمس، a month or a year), no recent
  time word comes before it in the sentence (أوقفت قوى الجيش أمس ...، كما أوقفت: today's news), and
  the trigger is no present or future verb (تسيطر عليها قبائل: a present state; but سيطرت is the past
  of سيطر, not the future س + a present verb: the exceptions of the future proclitic count here too).
"""

from __future__ import annotations

from datetime import date as Date

from marsad.coding.cue_data import Cues, imperfect, is_punct, strip_conj
from marsad.coding.modality_months import SINCE, YEAR, YEAR_PARTS, latest_year, year_range
from marsad.text.tokens import RELATIVE_PRONOUNS

# Words between a preposition and the year of a date phrase (في أواخر عام 2012، خلال العام 2013).
_PERIOD = YEAR_PARTS | {"منتصف"}
_PREPOSITIONS = frozenset("في منذ خلال حتي من".split())
_TURN = frozenset("كما فيما بينما".split())  # a clause with its own subject, often the present report
_AS = frozenset("كما مثلما".split())  # كما في حرب عام 2006، كما كان آباؤهم قد فعلوا في عام 1995
_SENTENCE_END = frozenset(".!?؟")  # a sentence the splitter left joined after a year (في عام 2013. وأكدت)
_OWN_TIME = frozenset("الان حاليا موخرا الحالي الجاري".split())  # words (the keys of the recent ones are passed in)
_REACH = 60  # words back from the trigger's clause
_THEN = frozenset("حينها انذاك وقتها".split())  # "then": an earlier clause already told of a past time


def year_in_earlier_clause(cues: Cues, words: list[str], keys: list[str], ti: int, cs: int, ce: int,
                           pub: Date | None, text: str, recent: frozenset[str]) -> bool:
    """Does an old year, given as a time adverbial in an earlier clause of the sentence, date the
    trigger at ``ti`` (its clause ``[cs, ce)``)?  ``recent`` are the keys of recent-time words
    (أمس، اليوم، weekdays) that give the trigger's clause a time of its own."""
    if cs == 0 or _present(cues, words[ti]) or _own_time(cues, words, keys, cs, ce, recent):
        return False
    if any(keys[j] in recent for j in range(cs)):
        return False  # the sentence tells today's news (أوقفت قوى الجيش أمس ...، كما أوقفت)
    ref = pub.year if pub is not None else latest_year(text)
    if ref is None:
        return False
    for k in range(cs - 1, max(-1, cs - 1 - _REACH), -1):
        if words[k] in _TURN or strip_conj(words[k]) in _TURN or words[k] in _SENTENCE_END:
            return False
        if strip_conj(words[k]) in _THEN:
            return True
        if not YEAR.match(words[k]):
            continue
        start = _date_start(cues, words, keys, k)
        if start is None:
            continue  # a year that is no date (2000 ريال، كأس العالم 2018)
        return int(words[k]) < ref and _adverbial(words, keys, start)
    return False


def _adverbial(words: list[str], keys: list[str], start: int) -> bool:
    """Is the date phrase starting at ``start`` a time adverbial of its clause: not a noun's date,
    not in a relative or كما clause, not منذ unless it opens the sentence?"""
    if strip_conj(keys[start]) == SINCE:
        return _opens_sentence(words, start)
    if any(strip_conj(keys[j]) == SINCE for j in range(max(0, start - 2), start)):
        return False
    if start > 0 and words[start - 1].startswith("ال") and (words[start - 1].startswith("الم")
                                                          or strip_conj(keys[start]) not in _PREPOSITIONS):
        return False  # a participle's or a noun's date: الاتفاق الموقع في 2013، الاتفاق النووي عام 2015
    for j in range(start - 1, -1, -1):  # back to the punctuation before the date
        if is_punct(words[j]):
            return True
        if words[j] in RELATIVE_PRONOUNS or strip_conj(words[j]) in _AS:
            return False
    return True


def _date_start(cues: Cues, words: list[str], keys: list[str], k: int) -> int | None:
    """The first word of the date phrase that ends with the year at ``k`` (في 12 اذار/مارس 1993،
    في أواخر عام 2012، عام 2001، بين عامي 2003 و2008; منذ انقلاب عام 2013 at the head of the
    sentence), or None when nothing before the year makes it a date."""
    span = year_range(words, keys, k)
    if span is not None:
        return _range_start(keys, span[0])
    j = k
    while j > 0:
        prev = strip_conj(keys[j - 1])
        if prev in _PERIOD or words[j - 1] in ("/", "(", ")") or words[j - 1].isdigit():
            j -= 1
            continue
        m = next((s for s in (j - 1, j - 2) if s >= 0 and (hit := cues.months.match(words, s)) is not None
                  and hit[0] == j), None)
        if m is not None:
            j = m
            continue
        break
    if j > 0 and strip_conj(keys[j - 1]) in _PREPOSITIONS:
        return j - 1
    if j < k and (j == 0 or is_punct(words[j - 1])):
        return j  # - عام 1979، يونيو 2014، at the head of a clause without a preposition
    return _since_head(words, keys, j)


_SINCE_NOUNS = 4  # منذ + at most this many words + the date of the year (منذ اندلاع الثورة السورية عام 2011)


def _since_head(words: list[str], keys: list[str], j: int) -> int | None:
    """منذ opening the sentence at most :data:`_SINCE_NOUNS` words before the date at ``j``, none of them
    punctuation or a number (ومنذ انقلاب عام 2013، ومنذ انطلاق الحراك 2007): the index of منذ, else None."""
    for s in range(j - 1, max(-1, j - 2 - _SINCE_NOUNS), -1):
        if is_punct(words[s]) or words[s].isdigit():
            return None
        if strip_conj(keys[s]) == SINCE:
            return s if s < j - 1 and _opens_sentence(words, s) else None
    return None


def _opens_sentence(words: list[str], k: int) -> bool:
    """Does the word at ``k`` open its sentence (after punctuation or quotes only)?"""
    return all(not any(c.isalnum() for c in w) for w in words[:k])


_RANGE_HEAD = frozenset("ما فتره مده خلال في".split())  # keys (الفترة → فتره): في الفترة ما بين 2003 و2010


def _range_start(keys: list[str], b: int) -> int:
    """The first word of a range of years whose بين is at ``b``, taking in ما، الفترة and its
    preposition before it (في الفترة ما بين، خلال الفترة بين)."""
    while b > 0 and (keys[b - 1] in _RANGE_HEAD or strip_conj(keys[b - 1]) in _RANGE_HEAD):  # فتره is no و/ف + تره
        b -= 1
        if strip_conj(keys[b]) in ("في", "خلال"):
            break
    return b


def _present(cues: Cues, word: str) -> bool:
    """A present or future verb (يسيطر، تسيطر، سيزور): a state or a plan, not a recalled act.  Words of three
    letters are left out (نفذ، نقل are past verbs), and a past verb whose root begins with س before ي/ت/ن
    (سيطرت، سيروا: the exceptions of :meth:`Cues.is_sin_future`) is no future."""
    w = strip_conj(word)
    if len(w) <= 3:
        return False
    return cues.is_sin_future(w) or imperfect(w)


def _own_time(cues: Cues, words: list[str], keys: list[str], cs: int, ce: int, recent: frozenset[str]) -> bool:
    """Does the trigger's clause ``[cs, ce)`` name its own time: a recent word, a month or a year?"""
    return any(keys[j] in recent or strip_conj(words[j]) in _OWN_TIME or YEAR.match(words[j])
               or cues.months.match(words, j) is not None for j in range(cs, ce))
