"""Who a sentence attributes its content to (reported_by).

A reporting verb (قال، أفادت، ذكرت، أعلن…) is followed by its subject in the
usual verb-first order; a preposition (بحسب، وفقا لـ، نقلا عن) by its source;
``نقلت X عن Y`` names two sources, and so do ``قال X لوكالة Y`` and
``ذكر المرصد والفرقة``.  The name is the noun phrase after the cue up to a
boundary word (a complementizer, a preposition, a time word, a relative
pronoun, punctuation, a word with a pronoun suffix…) and at most a few words.
A source whose head is a generic noun (مصادر، مصدر، مسؤول، شهود…) or that is
followed by "who asked not to be named" is anonymous.

A verb with no named subject (``وأضاف أن``) gives nothing in its own
sentence; with ``inherit=True`` such a sentence takes the sources of the
nearest earlier sentence (up to three back) that has some, since Arabic news
carries one speaker over several sentences (قال … وأضاف … وأشار …).

The cues, the continuation verbs and the media words after لـ are rows of
``resources/cues/reporting.tsv`` (uses source, carry and cited), read through ``cues``.
"""

from __future__ import annotations

from marsad.coding.cue_data import COMPLEMENTIZERS, Cues, is_punct, sentence_words, starts_clause, strip_conj
from marsad.document import Attribution
from marsad.text.normalize import normalize_text
from marsad.text.time_words import DEFINITE_WEEKDAYS
from marsad.text.tokens import word_key

_MAX_NAME = 6
_MAX_ANON = 4
_INHERIT_BACK = 3
_STOP = frozenset(
    normalize_text(
        "في فى أمس اليوم صباح مساء ظهر فجر خلال عن إلى "
        "من مع بعد قبل عبر لدى حول بشأن إزاء وسط قرب أمام ضمن أن إلا الليلة مشيرا مضيفا موضحا مؤكدا لافتا "
        "معتبرا قوله قولها قولهم مقتل إصابة سقوط وقوع ما فيه فيها فيهم له لها لهم منه منها عليه عليها إليه "
        "إليها به بها عنه عنها أيضا كذلك الذي التي الذين نفسه نفسها ذاته ذاتها"
    ).split()
) | DEFINITE_WEEKDAYS  # على is not here: normalized it is علي (Ali)
_SUFFIXED = ("ته", "تها", "تهم", "ها", "هم", "هما")


def attribution(cues: Cues, doc, sent: int, inherit: bool = False) -> list[Attribution]:
    """The sources sentence ``sent`` attributes its content to, in text order."""
    found, subjectless = _sentence_sources(cues, doc, sent)
    if found or not (inherit and subjectless):
        return found
    for back in range(sent - 1, max(-1, sent - 1 - _INHERIT_BACK), -1):
        earlier, _ = _sentence_sources(cues, doc, back)
        if earlier:
            return earlier
    return []


def _sentence_sources(cues: Cues, doc, sent: int) -> tuple[list[Attribution], bool]:
    """Sources named in sentence ``sent``, and whether it has a reporting verb without a subject."""
    first, words, keys = sentence_words(doc, sent)
    out: list[Attribution] = []
    subjectless = any(w in cues.continuations for w in words)
    k = 0
    while k < len(words):
        if (marker := cues.anonymous_markers.match(words, k)) is not None:
            k = marker[0]  # طلب عدم نشر اسمه: its verb of publishing names no source
            continue
        m = cues.attribution.match(words, k)
        if m is None:
            k += 1
            continue
        end, (kind,), partial = m
        start = end
        if kind == "prep" and not partial and end < len(words) and _reporting_verb(cues, words[end]):
            start += 1  # "بحسب ما ذكرت X", "وفق ما ذكرته X" with a verb the list lacks
        names = list(_names(cues, words, keys, start, partial, kind))
        subjectless = subjectless or (kind == "verb" and not names)
        out.extend(_make(cues, doc, words, keys, first, s, e, cut) for s, e, cut in names)
        k = max(k + 1, start)
    return _dedupe(out), subjectless


def _reporting_verb(cues: Cues, word: str) -> bool:
    """A reporting verb, also with the object pronoun that stands for what was reported (ذكرته، أعلنتها)."""
    verbs = cues.attribution_verbs
    return word in verbs or any(word.endswith(p) and word[: -len(p)] in verbs for p in ("ه", "ها"))


def _names(cues: Cues, words: list[str], keys: list[str], start: int, partial: bool, kind: str):
    """``(start, end, clitic_cut)`` of the source names after a cue at word ``start``."""
    if start >= len(words):
        return
    cut = 1 if partial else 0
    e = _name_end(cues, words, keys, start, cut)
    nxt = words[e] if e < len(words) else ""
    if kind == "relay":
        if strip_conj(nxt) == "عن":  # نقلت X عن Y
            if e > start:
                yield start, e, cut
            e2 = _name_end(cues, words, keys, e + 1, 0)
            if e2 > e + 1:
                yield e + 1, e2, 0
        elif e > start and (nxt in COMPLEMENTIZERS or is_punct(nxt)):  # نقلت X أن
            yield start, e, cut
        return
    if e == start:
        return
    yield start, e, cut
    while e < len(words) and (_media_after(cues, words, e) or _coordinated(words, e)):
        cut2 = 0 if words[e] == "ل" else 1
        s2 = e + 1 if cut2 == 0 else e
        e2 = _name_end(cues, words, keys, s2, cut2)
        if e2 <= s2:
            return
        yield s2, e2, cut2
        e = e2


def _media_after(cues: Cues, words: list[str], j: int) -> bool:
    """``ل`` + a media word after a source (قال مسؤول لوكالة فرانس برس، لرويترز)."""
    w = words[j]
    if w == "ل":
        return j + 1 < len(words) and words[j + 1] not in COMPLEMENTIZERS
    media = cues.cited_media
    return w.startswith("ل") and (w[1:] in media or w[2:] in media)


def _coordinated(words: list[str], j: int) -> bool:
    """A second source joined by و + the article (المرصد والفرقة)."""
    return words[j].startswith("وال") and len(words[j]) > 4


def _name_end(cues: Cues, words: list[str], keys: list[str], start: int, cut: int) -> int:
    """Exclusive end of the name starting at ``start`` (``start`` when there is no name)."""
    head = words[start][cut:] if start < len(words) else ""
    if not head or not head[0].isalpha() or _boundary(cues, head) or head.endswith(_SUFFIXED):
        return start
    anonymous = word_key(head) in cues.anonymous_heads or head in cues.anonymous_heads
    limit = _MAX_ANON if anonymous else _MAX_NAME
    j = start + 1
    while j < len(words) and j - start < limit:
        w = words[j]
        if _boundary(cues, w) or _media_after(cues, words, j) or _coordinated(words, j) or w.endswith(_SUFFIXED):
            break
        if anonymous and not _adjective(w, keys[j]):
            break
        j += 1
    return j


def _boundary(cues: Cues, w: str) -> bool:
    return is_punct(w) or w in _STOP or starts_clause(w) or w in cues.attribution_verbs


def _adjective(word: str, key: str) -> bool:
    """A word that can qualify a generic source noun (امنيه، مطلعه، عراقي، محليون)."""
    if word in ("رفيع", "رفيعه", "رفيعو", "كبير", "كبار", "مطلع", "مطلعه", "مطلعون", "مقرب", "مقربه", "بارز", "عيان"):
        return True
    return key.endswith(("يه", "ي", "يون", "يين", "ه", "يان")) and len(key) >= 4 and not key.startswith("ل")


def _make(cues: Cues, doc, words, keys, first: int, s: int, e: int, cut: int) -> Attribution:
    tok = doc.tokens
    nstart = tok[first + s].start + cut
    span = doc.span(nstart, tok[first + e - 1].end)
    head_key = word_key(words[s][cut:])
    anonymous = head_key in cues.anonymous_heads or _marked(cues, words, e)
    return Attribution(name=span.text, anonymous=anonymous, span=span)


def _marked(cues: Cues, words: list[str], e: int) -> bool:
    """"who asked not to be named" within a few words after the source (not after the outlet of a relay,
    نقلت رويترز عن مسؤول طلب عدم نشر اسمه: the official asked, not Reuters)."""
    if e < len(words) and strip_conj(words[e]) == "عن":
        return False
    for j in range(e, min(len(words), e + 6)):
        if cues.anonymous_markers.match(words, j) is not None:
            return True
    return False


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    """Drop repeated sources and shorter mentions of one already named (الجبير after وزير الخارجية عادل الجبير)."""
    out: list[Attribution] = []
    seen: list[frozenset[str]] = []
    for a in found:
        words = frozenset(word_key(w) for w in normalize_text(a.name).split())
        if any(words <= other for other in seen):
            continue
        seen.append(words)
        out.append(a)
    return out
