"""Who a sentence attributes its content to (reported_by).

A reporting verb (قال، أفادت، ذكرت، أعلن…) is followed by its subject in the
usual verb-first order; a preposition (بحسب، وفقا لـ، نقلا عن) by its source;
``نقلت X عن Y`` names two sources, and so does ``قال X لوكالة Y``.  The name is
the noun phrase after the cue up to a boundary word (a complementizer, في،
a time word, punctuation…) and at most a few words.  A source whose head is
a generic noun (مصادر، مصدر، مسؤول، شهود…) or that is followed by "who asked
not to be named" is anonymous.  A verb with no named subject (``وقال إن``)
gives nothing: the pronoun's antecedent is the coder's business.
"""

from __future__ import annotations

from marsad.coding.cue_data import COMPLEMENTIZERS, Cues, is_punct, sentence_words, strip_conj
from marsad.document import Attribution
from marsad.text.normalize import normalize_text
from marsad.text.tokens import word_key

_MAX_NAME = 6
_MAX_ANON = 4
_STOP = frozenset(
    normalize_text(
        "في فى امس اليوم الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد صباح مساء ظهر خلال عن على الى "
    "من مع بعد قبل عبر لدي لدى حول بشان ازاء وسط قرب امام ضمن ان الا اليوم الليله مشيرا مضيفا موضحا "
        "موكدا مؤكدا لافتا معتبرا قوله قولها قولهم انه انها انهم بانه بانها مقتل اصابه سقوط وقوع ما"
    ).split()
)
_MEDIA_HEADS = frozenset("وكاله صحيفه قناه موقع شبكه اذاعه تلفزيون مراسل مجله".split())


def attribution(cues: Cues, doc, sent: int) -> list[Attribution]:
    """The sources sentence ``sent`` attributes its content to, in text order."""
    first, words, keys = sentence_words(doc, sent)
    out: list[Attribution] = []
    k = 0
    while k < len(words):
        m = cues.attribution.match(words, k)
        if m is None:
            k += 1
            continue
        end, (kind,), partial = m
        start = end
        if kind == "prep" and not partial and end < len(words) and words[end] in cues.attribution_verbs:
            start += 1  # "بحسب ما ذكرت X" with a verb the list lacks
        for s, e, cut in _names(cues, words, keys, start, partial, kind):
            out.append(_make(cues, doc, words, keys, first, s, e, cut))
        k = max(k + 1, start)
    return _dedupe(out)


def _names(cues: Cues, words: list[str], keys: list[str], start: int, partial: bool, kind: str):
    """``(start, end, clitic_cut)`` of the source names after a cue at word ``start``."""
    if start >= len(words):
        return
    cut = 1 if partial else 0
    e = _name_end(cues, words, keys, start, cut)
    if e > start:
        yield start, e, cut
    if e < len(words) and kind == "relay" and strip_conj(words[e]) == "عن":
        e2 = _name_end(cues, words, keys, e + 1, 0)
        if e2 > e + 1:
            yield e + 1, e2, 0
    elif e < len(words) and _media_after(words, e):
        cut2 = 0 if words[e] == "ل" else 1
        s2 = e + 1 if cut2 == 0 else e
        e2 = _name_end(cues, words, keys, s2, cut2)
        if e2 > s2:
            yield s2, e2, cut2


def _media_after(words: list[str], j: int) -> bool:
    """``ل`` + a media word after a source (قال مسؤول لوكالة فرانس برس)."""
    w = words[j]
    if w == "ل":
        return j + 1 < len(words) and words[j + 1] not in COMPLEMENTIZERS
    return w.startswith("ل") and w[1:] in _MEDIA_HEADS


def _name_end(cues: Cues, words: list[str], keys: list[str], start: int, cut: int) -> int:
    """Exclusive end of the name starting at ``start`` (0 words when it is no name)."""
    head = words[start][cut:] if start < len(words) else ""
    if not head or head in _STOP or head in COMPLEMENTIZERS or is_punct(head) or not head[0].isalpha():
        return start
    anonymous = word_key(head) in cues.anonymous_heads or head in cues.anonymous_heads
    limit = _MAX_ANON if anonymous else _MAX_NAME
    j = start + 1
    while j < len(words) and j - start < limit:
        w = words[j]
        if is_punct(w) or w in _STOP or w in COMPLEMENTIZERS or w in cues.attribution_verbs or _media_after(words, j):
            break
        if anonymous and not _adjective(w, keys[j]):
            break
        j += 1
    return j


def _adjective(word: str, key: str) -> bool:
    """A word that can qualify a generic source noun (امنيه، مطلعه، عراقي، محليون)."""
    if word in ("رفيع", "رفيعه", "رفيعو", "كبير", "كبار", "مطلع", "مطلعه", "مطلعون", "مقرب", "مقربه", "بارز", "عيان"):
        return True
    return key.endswith(("يه", "ي", "يون", "يين", "ه")) and len(key) >= 4 and not key.startswith("ل")


def _make(cues: Cues, doc, words, keys, first: int, s: int, e: int, cut: int) -> Attribution:
    tok = doc.tokens
    nstart = tok[first + s].start + cut
    span = doc.span(nstart, tok[first + e - 1].end)
    head_key = word_key(words[s][cut:])
    anonymous = head_key in cues.anonymous_heads or _marked(cues, words, e)
    return Attribution(name=span.text, anonymous=anonymous, span=span)


def _marked(cues: Cues, words: list[str], e: int) -> bool:
    """"who asked not to be named" within a few words after the source."""
    for j in range(e, min(len(words), e + 6)):
        if cues.anonymous_markers.match(words, j) is not None:
            return True
    return False


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    seen: set[str] = set()
    out = []
    for a in found:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out
