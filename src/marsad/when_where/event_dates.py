"""Dates of events, chosen from the document's time expressions.

Policy (conservative: a wrong date is worse than none):

1. **In the event's sentence** (or its evidence span, when the evidence runs
   past the sentence): the time expression closest to the trigger.  A strong
   clause boundary (``؛ ; :`` or a line break) between them counts as far away.
   An explicit date, month or year introduced by منذ/حتى ("since 2011", "until
   2020") bounds a state, not the time of an act: it is not taken (and منذ
   عام… is a background marker below).  Nor is a time after the publication
   date (more than a day after it, or a later month or year): a coded event
   has happened by then, and a coming date in its sentence is a deadline or
   the date of the plan (سيزور واشنطن في 12 أغسطس: the intent is dated by
   the news, not by the visit; بحلول 20 أغسطس): when the closest time is such
   a date, the sentence gives none (no farther, older time is taken instead).
   Nor, for an event not flagged ``background``, is a later month than the
   publication month read as last year's for want of a written year (سيزور
   … ويلتقي الرئيس في سبتمبر, said in July): the cues took it for the coming
   month (:mod:`marsad.coding.modality_months`).
2. Else, if the sentence carries a **background marker** (في وقت سابق، سابقا،
   كان قد، منذ سنوات، قبل أشهر، العام الماضي…) or the event is flagged
   ``background`` or is not asserted (negated, hypothetical, future): ``None``.
3. Else the **lead date**: the day-precision time expression of the article's
   lead — the first two sentences of six tokens or more and any short header
   lines before them — that lies within 7 days before the publication date or a
   day after it (or of the dateline when the article has no date).  An expression in a lead
   sentence wins over one in a header line (the dateline).  Events told in
   the same news are dated by it.
4. Else ``None``: the publication date is never used silently.

The previous sentence is deliberately not consulted: in news it as often
states a different happening as the same one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date

from marsad.document import Document, Event, Sentence, TimeExpression
from marsad.text.normalize import normalize_text
from marsad.when_where.dates import before_news_window, effective_pub_date, find_times_stage

LEAD_SENTENCES = 2
LEAD_MIN_TOKENS = 6
LEAD_MAX_DAYS = 7
LEAD_AFTER_DAYS = 1  # a lead date a day after the publication date: a date recorded a day early
_FAR = 10_000  # distance added per strong clause boundary
_BOUNDARY = re.compile(r"[؛;:\n]")
_SINCE = re.compile(r"(?:منذ|حتي|لغايه|الي غايه)\s*$")
BACKGROUND = re.compile(
    r"(?<!\w)[وف]?(?:في\s+وقت\s+سابق|سابقا|في\s+السابق|كانت?\s+(?:\S+\s+){0,3}قد|سبق\s+(?:ان|و)|"
    r"(?:منذ|قبل)\s+(?:سنوات|سنين|عقود|عقد|اشهر|شهور|فتره|مده|زمن|ايام|اسابيع)|"
    r"(?:العام|الشهر|الاسبوع)\s+(?:الماضي|المنصرم|الفايت|السابق)|السنه\s+(?:الماضيه|المنصرمه|الفايته)|"
    r"(?:منذ|قبل)\s+(?:ال)?(?:عام|سنه|عامين|سنتين)|منذ\s+[0-9])(?!\w)"
)


def assign_dates(doc: Document) -> None:
    """Set ``date`` and ``date_precision`` of every event of ``doc`` (see module doc)."""
    if not doc.times and "times" not in doc.done:
        find_times_stage(doc)
    lead = lead_time(doc)
    pub = effective_pub_date(doc) if doc.events else None
    for ev in doc.events:
        t = _sentence_time(doc, ev, pub)
        if t is not None and pub is not None and not ev.background and _old(t, pub) and _entry_date(doc.text, t, ev):
            # - 8 فبراير (شباط): الملك سلمان يؤكد في اتصال هاتفي… (a chronology, in August): the date that
            # heads a line is its entry's, and an old one is before the news window, as the cues' explicit
            # old dates in the trigger's own clause are (marsad.coding.modality.is_background)
            ev.background = True
        if t is None and lead is not None and _may_take_lead(doc, ev):
            t = lead
        ev.date = t.date if t else None
        ev.date_precision = t.precision if t else None


def _event_sentence(doc: Document, ev: Event) -> Sentence | None:
    sents = doc.sentences
    if 0 <= ev.sentence < len(sents) and sents[ev.sentence].start <= ev.trigger.start < sents[ev.sentence].end:
        return sents[ev.sentence]
    found = next((s for s in sents if s.start <= ev.trigger.start < s.end), None)
    if found is None and 0 <= ev.sentence < len(sents):
        return sents[ev.sentence]
    return found


def _window(doc: Document, ev: Event) -> tuple[int, int]:
    sent = _event_sentence(doc, ev)
    if sent is None:
        return ev.evidence.start, ev.evidence.end
    return min(sent.start, ev.evidence.start), max(sent.end, ev.evidence.end)


def _sentence_time(doc: Document, ev: Event, pub: Date | None) -> TimeExpression | None:
    lo, hi = _window(doc, ev)
    best, best_cost = None, None
    for t in doc.times:
        if t.span.start < lo or t.span.end > hi:
            continue
        if _since_anchored(doc.text, t):
            continue
        cost = _cost(doc.text, t, ev)
        if best_cost is None or cost < best_cost:
            best, best_cost = t, cost
    if best is not None and pub is not None and (_after(best, pub) or (not ev.background and _rolled_back(doc.text, best, pub))):
        return None
    return best


def _cost(text: str, t: TimeExpression, ev: Event) -> int:
    """Distance of a time expression from the trigger, with clause penalties."""
    if t.span.end <= ev.trigger.start:
        a, b = t.span.end, ev.trigger.start
    elif t.span.start >= ev.trigger.end:
        a, b = ev.trigger.end, t.span.start
    else:
        a = b = 0  # overlapping
    return (b - a) + _FAR * len(_BOUNDARY.findall(text, a, b))


def _old(t: TimeExpression, pub: Date) -> bool:
    """Does the explicit date ``t`` lie before the news window (dates.before_news_window)?"""
    if t.kind not in ("explicit", "dateline"):  # a date heading a line is read as a dateline
        return False
    d = t.date
    return before_news_window(pub, d.year, d.month if t.precision != "year" else None,
                              d.day if t.precision == "day" else None)


_LINE_HEAD = re.compile(r"[\s\-–—•*·.0-9)]*")
_ENTRY_MARK = re.compile(r"\s*(?:\([^()\n]{1,20}\)\s*)?(?:\d{4}\s*م?\s*)?[:\-–—]")


def _entry_date(text: str, t: TimeExpression, ev: Event) -> bool:
    """Does ``t`` head the line of the event's trigger as a chronology entry's date: only a bullet or a
    number before it on its line, a colon or a dash after it (past a bracketed gloss, a year), and no
    other line between it and the trigger (- 8 فبراير (شباط) : الملك سلمان يؤكد…)?"""
    if t.span.end > ev.trigger.start or "\n" in text[t.span.end:ev.trigger.start]:
        return False
    line = text.rfind("\n", 0, t.span.start) + 1
    return bool(_LINE_HEAD.fullmatch(text, line, t.span.start)) and bool(_ENTRY_MARK.match(text, t.span.end))


def _after(t: TimeExpression, pub: Date) -> bool:
    """Does ``t`` lie after the publication date (a day of slack: a date recorded a day early)?"""
    if t.precision == "day":
        return (t.date - pub).days > 1
    if t.precision == "month":
        return (t.date.year, t.date.month) > (pub.year, pub.month)
    return t.date.year > pub.year


_FOUR_DIGITS = re.compile(r"[0-9٠-٩]{4}")


def _rolled_back(text: str, t: TimeExpression, pub: Date) -> bool:
    """A month later in the year than ``pub``'s, written without a year and so resolved to last year's,
    for an event the cues did not find recalled: the coming month (سيزور … ويلتقي … في سبتمبر, said in
    July; :mod:`marsad.coding.modality_months`), not the event's date."""
    if t.precision not in ("day", "month") or _FOUR_DIGITS.search(text, t.span.start, t.span.end):
        return False
    return t.date.year == pub.year - 1 and t.date.month > pub.month


def _since_anchored(text: str, t: TimeExpression) -> bool:
    """An explicit time (or a month/year) right after منذ/حتى: a bound, not a date."""
    if t.precision == "day" and t.kind != "explicit":
        return False
    return bool(_SINCE.search(normalize_text(text[max(0, t.span.start - 12):t.span.start])))


def _may_take_lead(doc: Document, ev: Event) -> bool:
    if ev.background or ev.modality != "asserted":
        return False
    lo, hi = _window(doc, ev)
    return not BACKGROUND.search(normalize_text(doc.text[lo:hi]))


def lead_time(doc: Document) -> TimeExpression | None:
    """The time of the article's lead event, if the lead states one (rule 3)."""
    pub = effective_pub_date(doc)
    if pub is None or not doc.times:
        return None
    lead_end, header_end = _lead_bounds(doc)
    in_lead, in_header = None, None
    for t in doc.times:
        if t.span.start >= lead_end:
            break
        if t.precision != "day" or not _near(t.date, pub):
            continue
        if t.span.start < header_end:
            in_header = in_header or t
        else:
            in_lead = in_lead or t
    return in_lead or in_header


def _near(day: Date, pub: Date) -> bool:
    """Within :data:`LEAD_MAX_DAYS` before ``pub`` or a day after it (not a coming date: rule 1)."""
    return -LEAD_MAX_DAYS <= (day - pub).days <= LEAD_AFTER_DAYS


def _lead_bounds(doc: Document) -> tuple[int, int]:
    """End of the lead (raw offset) and end of the header lines before it.

    Sentences with fewer than :data:`LEAD_MIN_TOKENS` words, and the dateline's
    sentence, are header lines; the lead is the first :data:`LEAD_SENTENCES`
    other sentences.
    """
    datelines = [t.span.start for t in doc.times if t.kind == "dateline"]
    long_seen, header_end, lead_end = 0, 0, len(doc.text)
    for s in doc.sentences:
        words = sum(1 for tok in doc.tokens[s.first_token:s.last_token] if tok.norm.isalpha())
        is_header = words < LEAD_MIN_TOKENS or any(s.start <= d < s.end for d in datelines)
        if not is_header:
            long_seen += 1
            if long_seen == LEAD_SENTENCES:
                lead_end = s.end
                break
        elif long_seen == 0:
            header_end = s.end
    if not doc.sentences:
        lead_end = min(len(doc.text), 400)
    return lead_end, header_end


@dataclass(slots=True)
class DatesStage:
    """Pipeline stage: :func:`assign_dates` on the events found so far."""

    name: str = "dates"
    requires: tuple[str, ...] = ("times", "events")
    provides: tuple[str, ...] = ("dates",)

    def __call__(self, doc: Document) -> Document:
        assign_dates(doc)
        return doc
