"""Embedding of an event trigger: the governing verb or noun whose complement it is (appeal, threat, intent,
purpose, deny…), read from ``resources/cues/embedding.tsv`` (see its README).

:func:`embedded_under` takes the :class:`~marsad.coding.cue_data.Cues`, a prepared document, the sentence index
and the trigger's token index (into ``doc.tokens``), like the functions of :mod:`marsad.coding.modality`.
"""

from __future__ import annotations

from marsad.coding.clause_words import MASDAR_SHAPE
from marsad.coding.cue_data import COMPLEMENTIZERS, Cues, sentence_words, strip_conj, words_back

_EMBED_WINDOW = 8


def embedded_under(cues: Cues, doc, sent: int, trigger_tok: int) -> str | None:
    """The class of a verb whose complement the trigger is in, or None.

    Classes: appeal, demand, threat, intent, decide, deny, reject, condemn, warn, postpone, hope,
    purpose, prevent.
    ``دعا إلى وقف إطلاق النار`` → the ceasefire (trigger وقف) is under
    "appeal"; ``هدد بشن هجوم`` → "threat"; ``نفى قصف`` → "deny".  The nearest
    governing verb within a few words, with no punctuation between, wins.
    """
    first, words, _ = sentence_words(doc, sent)
    ti = trigger_tok - first
    table = cues.embedding
    for k in words_back(words, ti, _EMBED_WINDOW):
        w = words[k]
        entries = table.get(w) or table.get(strip_conj(w)) or ()
        for cls, links in entries:
            # a source declining to be named (مسؤول رفض الكشف عن هويته إن …) governs no complement
            if _linked(words, k, ti, links) and cues.anonymous_markers.match(words, k) is None:
                return cls
    return None


def _linked(words: list[str], k: int, ti: int, links: frozenset[str]) -> bool:
    """Is the trigger at ``ti`` in the complement of the verb at ``k`` through one of ``links``?"""
    gap = range(k + 1, ti)
    for link in links:
        if link == "-" and ti - k <= 4 and not any(words[j] in COMPLEMENTIZERS for j in gap):
            return True
        if link == "ان" and any(words[j] in COMPLEMENTIZERS and ti - j <= 5 for j in gap):
            return True
        if link == _LAM_ACT:
            if _lam_act(words, ti):
                return True
        elif link in ("ب", "ل"):
            for j in (*gap, ti):
                if ti - j <= 1 and words[j].startswith(link) and len(words[j]) > 2:
                    return True
        elif any(strip_conj(words[j]) == link and ti - j <= 2 for j in gap):
            return True
    return False


# The link of a noun of attempt, effort or plan (محاولة، جهود، خطة، فرصة): its act is a verbal noun with ل.
_LAM_ACT = "ل+"
# Trigger words whose first ل is a root letter, not the preposition (لقاء، لقوا، لبى، لوح، لاحق، لمح، لوم، لجوء، لاجئ):
# خلال لقائهما after a plan named earlier in the sentence is the meeting itself (not لقي: لقيام is ل + قيام).
_ROOT_LAM = ("لقا", "لقو", "لبي", "لبت", "لبو", "لوح", "لاحق", "لمح", "لوم", "لجو", "لاجي")


def _lam_act(words: list[str], ti: int) -> bool:
    """Is the trigger at ``ti`` an act named with ل: ل on the trigger (في محاولة للتوصل، جهود لوقف), or
    on a verbal noun right before it (في محاولة لتنفيذ هجمات)?  Not ل on a name or a noun
    before it (وجهود تركيا للتصدي لداعش ووصف، الجهود التي يبذلها الجميع للمواطنين حاثا: another act)."""
    if words[ti].startswith("ل") and len(words[ti]) > 2:
        return not words[ti].startswith(_ROOT_LAM)
    prev = words[ti - 1] if ti else ""
    return prev.startswith("ل") and not prev.startswith("لل") and bool(MASDAR_SHAPE.match(prev[1:]))
