"""Media words that are also common words: outlet names (الميادين 'the squares', قنا the city of Qena,
وام 'and a mother') read as the outlet only in a media context, outlet names holding a time word (روسيا
اليوم) only after a head noun or a quotation mark, and قناة as a canal rather than a TV channel (قناة
السويس، هيئة القناة، قنوات تصريف المياه).  Used by the actor stage on dictionary matches
(:func:`outlet_match`, :func:`canal_not_channel`)."""

from __future__ import annotations

from marsad.actors.lexicon import Match, PhraseIndex
from marsad.actors.pieces import QUOTES
from marsad.document import Token
from marsad.text.reporting_words import reporting_words
from marsad.text.tokens import readings, word_key

# The time word some outlet names hold (روسيا اليوم، المصري اليوم، اليوم السابع): without a media head
# noun (قناة، صحيفة…: the ``head`` rows of resources/cues/reporting.tsv) or an opening quotation mark
# before it, such a name is read as words ("استخدمت روسيا اليوم حق النقض"، "رئيس الوزراء المصري يوم
# السبت"، "في اليوم السابع").
TIME_NAME_WORDS = frozenset({"يوم"})


def dated_outlet(tokens: list[Token], start: int, end: int, lo: int) -> bool:
    """Is the match ``[start, end)`` an outlet's name holding a time word with neither a media head noun
    nor an opening quotation mark before it (so: not the outlet)?"""
    heads = reporting_words().media_heads
    if not any(t.key in TIME_NAME_WORDS for t in tokens[start:end]) or tokens[start].key in heads:
        return False
    prev = tokens[start - 1] if start > lo else None
    return prev is None or not (prev.norm in QUOTES or prev.key in heads)


# Outlet names (keys) that are also common words, places or names: الميادين 'the squares', قنا the city
# of Qena, وام 'and a mother', الأهرام 'the pyramids', السومرية 'Sumerian', بترا Petra, كونا 'our being',
# وفا 'loyalty', سونا 'sauna', سانا, تسنيم (given names), العربي الجديد 'the new Arab (order)',
# الأناضول Anatolia, آكي (كاكي 'khaki'), إرنا (وأرنا 'and show us'). They are the outlet only in a media
# context (``media_context``); the agencies among them mostly come in brackets after their full name.
WORD_OUTLETS = frozenset({
    ("ميادين",), ("قنا",), ("وام",), ("اهرام",), ("سومريه",), ("بترا",), ("كونا",), ("وفا",), ("سونا",),
    ("سانا",), ("تسنيم",), ("عربي", "جديد"), ("اناضول",), ("اكي",), ("ارنا",),
})
# Words before an outlet's name that make it one (resources/cues/reporting.tsv): media head nouns and
# reporters (and الأنباء of وكالة الأنباء القطرية (قنا), بوابة الأهرام; uses head and near) up to three
# words back, and verbs of saying or reporting and 'according to' (use context) right before it (قالت
# الميادين، نقلت سانا عن، بحسب الأناضول، في تصريح للميادين).
MEDIA_OPENERS = QUOTES | {"("}


def outlet_match(index: PhraseIndex, tokens: list[Token], m: Match, lo: int,
                 stop: set[str] | None) -> Match | None:
    """The reading to keep of a dictionary match ``m`` whose entry is a news outlet: ``m`` itself, the
    shorter phrase inside it when it is a dated outlet's name out of a media context (روسيا اليوم الأربعاء:
    Russia), or None when its name is a common word out of a media context (طرقات وميادين المدن، 4 من قنا)."""
    if dated_outlet(tokens, m.start, m.end, lo):
        short = index.match_at(tokens[:m.end - 1], m.start, stop)
        if short is None or short.entries[0].kind != "media":
            return short
        m = short
    return None if word_outlet(tokens, m.start, m.end, m.prefix, lo) else m


def word_outlet(tokens: list[Token], start: int, end: int, prefix: str, lo: int) -> bool:
    """Is the match ``[start, end)`` (first word read after the clitics ``prefix``) an outlet's name that is
    also a common word (``WORD_OUTLETS``), with no media context before it (so: not the outlet)?"""
    key = (word_key(tokens[start].norm[len(prefix):]),) + tuple(t.key for t in tokens[start + 1:end])
    return key in WORD_OUTLETS and not media_context(tokens, start, lo, prefix.lstrip("وف").startswith("ل"))


def media_context(tokens: list[Token], start: int, lo: int, to: bool = False) -> bool:
    """Does a media head noun or a reporter come up to three words before token ``start`` (وكالة الأنباء
    الرسمية سانا، مراسل الأناضول), or an opening quotation mark or bracket or a verb of saying or reporting
    right before it?  With ``to`` (the name after لـ): a verb of saying up to three words before, or a
    colon after it (وقال مصدر قضائي للأناضول، قال فلان للأناضول:)."""
    words = reporting_words()
    before = tokens[max(lo, start - 3):start]
    if any(t.key in words.media_heads or readings(t) & words.near_media for t in before):
        return True
    if before and (before[-1].norm in MEDIA_OPENERS or readings(before[-1]) & words.media_context):
        return True
    return to and (any(readings(t) & words.media_context for t in before)
                   or start + 1 < len(tokens) and tokens[start + 1].norm == ":")


# قناة is a TV channel and a canal: the canal in a sentence naming the Suez Canal, before a word
# of water works (قنوات تصريف المياه، قنوات الري) or after a noun of the canal's works and places (هيئة
# القناة، مدن القناة، تأميم القناة، حفر القناة، مجرى القناة).
CHANNEL_KEYS = frozenset({"قناه", "قنوات"})
CANAL_NAMES = frozenset({"سويس"})
CANAL_NEXT = frozenset({"تصريف", "ري", "الري", "مياه", "صرف", "سيول", "ملاحيه", "ملاحه"})
CANAL_BEFORE = frozenset({
    "هييه", "مدن", "محافظات", "منطقه", "محور", "حفر", "تاميم", "مجري", "ضفتي", "ضفه", "عبور", "اقليم",
    "تنميه", "ازدواج", "توسيع", "تطهير", "صيانه", "شق", "ممر",
})


def canal_not_channel(tokens: list[Token], start: int, end: int, lo: int, hi: int) -> bool:
    """Is the role noun قناة / القنوات at ``[start, end)`` a canal rather than a TV channel?"""
    if end - start != 1 or tokens[start].key not in CHANNEL_KEYS:
        return False
    nxt = tokens[end] if end < hi else None
    prev = tokens[start - 1] if start > lo else None
    if nxt is not None and readings(nxt) & CANAL_NEXT or prev is not None and readings(prev) & CANAL_BEFORE:
        return True
    return any(t.key in CANAL_NAMES for t in tokens[lo:hi])
