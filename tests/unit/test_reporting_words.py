"""One data file for the words of saying and reporting (resources/cues/reporting.tsv,
marsad.text.reporting_words): each reader's set comes from its rows' uses."""

from __future__ import annotations

from collections import Counter

from marsad.text.reporting_words import reporting_rows, reporting_words, words_for

KINDS = {"say", "publish", "relay", "prep", "noun", "head", "reporter", "agency"}
USES = {"source", "carry", "cited", "speaker", "reports", "context", "head", "near", "ends"}


def test_reporting_rows_have_known_kinds_and_uses_and_no_duplicates():
    rows = reporting_rows()
    assert all(r.kind in KINDS and r.uses and r.uses <= USES for r in rows)
    assert not [c for c, n in Counter(r.cue for r in rows).items() if n > 1]


def test_reporting_words_give_each_reader_its_set_normalized():
    words = reporting_words()
    assert {"قال", "اكدت", "يري"} <= words.speech_verbs  # قال، أكدت، يرى
    assert words.speech_verbs <= words.reporting_verbs  # a speaker's verb before an outlet: it reports
    assert {"نشر", "روت"} <= words.reporting_verbs - words.speech_verbs  # publishing is no speaker's verb
    assert {"بحسب", "تصريح", "مقابله"} <= words.media_context
    assert "قناه" in words.media_heads and words.media_heads < words.near_media
    assert "مراسل" in words.near_media - words.media_heads
    assert {"وفق", "قال", "واكد"} <= words.victims_end  # … من القتلى وفق تقارير الأمم المتحدة


def test_attribution_cues_are_the_source_rows(cues):
    rows = reporting_rows()
    assert cues.continuations == words_for(rows, "carry") and "واضاف" in cues.continuations
    assert {"وكاله", "رويترز"} <= cues.cited_media
    assert cues.attribution.match(["بحسب", "ما", "ذكرت", "الوكاله"], 0) == (3, ("prep",), False)
    assert cues.attribution.match(["نشرت", "الصحيفه"], 0) == (1, ("verb",), False)  # publishing reads as a verb
    assert "شدد" not in cues.attribution_verbs  # a speaker's verb that attribution does not read
