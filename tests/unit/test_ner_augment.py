"""Entity-replacement augmentation of the NER's e5 head (scripts/_ner_augment.py, round 11)."""

from __future__ import annotations

import pytest
from script_modules import load_script

pytest.importorskip("numpy")

aug = load_script("_ner_augment")

POOLS = {"PERS": ["سامي نادر"], "LOC": ["القاهرة"], "ORG": ["منظمة الصحة العالمية"]}
SENTS = [
    ("وقال كريم في عمان".split(), ["O", "B-PERS", "O", "B-LOC"]),
    ("التقى وكريم حداد ممثل الاتحاد الاوروبي في بيروت".split(),
     ["O", "B-PERS", "I-PERS", "O", "B-ORG", "I-ORG", "O", "B-LOC"]),
    ("وصل الوفد لعمان".split(), ["O", "O", "B-LOC"]),
    ("لا اسم هنا".split(), ["O", "O", "O"]),
]


def test_spans_are_conlleval_chunks():
    assert aug.chunks(["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG"]) == [(0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "ORG")]


def test_proclitic_kept_when_the_rest_starts_an_entity():
    starts = {"كريم", "عمان", "الأردن"}
    assert aug.proclitic("وكريم", starts) == "و"
    assert aug.proclitic("لعمان", starts) == "ل"
    assert aug.proclitic("للأردن", starts) == "ل"
    assert aug.proclitic("كريم", starts) == ""
    assert aug.attach("ل", "القاهرة") == "للقاهرة"
    assert aug.attach("و", "القاهرة") == "والقاهرة"


def test_augment_replaces_every_span_and_keeps_the_context():
    out = aug.augment(SENTS, [0, 1, 2, 3], 1.0, 0, POOLS)
    assert len(out) == 3  # the sentence without an entity is not copied
    words, tags = out[1]
    assert words == "التقى وسامي نادر ممثل منظمة الصحة العالمية في القاهرة".split()
    assert tags == ["O", "B-PERS", "I-PERS", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC"]
    assert out[2][0] == "وصل الوفد للقاهرة".split()


def test_augment_is_seeded():
    pools = aug.name_pools()
    assert all(len(pools[t]) > 100 for t in aug.TYPES)
    a = aug.augment(SENTS, [0, 1, 2, 3], 0.5, 3, pools)
    assert a == aug.augment(SENTS, [0, 1, 2, 3], 0.5, 3, pools)
