"""The extra SaudiNewsNet annotations (annotations/saudinewsnet_extra.jsonl) and their validator
(scripts/extra_annotations.py, issue #4)."""

from __future__ import annotations

import copy
import json
import re

import pytest
from script_modules import ROOT, load_script

xa = load_script("extra_annotations")

TEXT = "تظاهر مئات المحتجين في بغداد أمس للمطالبة بإقالة المحافظ."
CORPUS = {"n1": {"id": "n1", "source": "alriyadh", "title": "عنوان", "text": TEXT, "url": "http://x"}}


def _event(**over) -> dict:
    e = {"evidence": "تظاهر مئات المحتجين في بغداد", "trigger": "تظاهر",
         "source": {"text": "مئات المحتجين", "code": "IRQ", "agent": "CVL", "name": None},
         "target": {"text": None, "code": "IRQ", "agent": "GOV", "name": None},
         "cameo": "141", "cameo_alt": ["1411"], "root": "14", "quad": 4,
         "place": {"text": "بغداد", "name": "Baghdad", "country": "IRQ"}, "date": None,
         "reported_by": [], "quantities": [], "background": False}
    e.update(over)
    return e


def _article(*events) -> dict:
    return {"id": "n1", "outlet": "alriyadh", "date": None, "title": "عنوان", "events": list(events)}


@pytest.fixture(scope="module")
def cameo():
    return xa.Cameo.load()


def test_extra_annotations_valid_event_passes(cameo):
    assert xa.validate([_article(_event())], CORPUS, cameo) == []


@pytest.mark.parametrize("over, fragment", [
    ({"evidence": "تظاهر آلاف"}, "evidence not in the article"),
    ({"trigger": "احتج"}, "trigger not in the evidence"),
    ({"cameo": "999"}, "unknown cameo"),
    ({"root": "15"}, "root '15' wrong"),
    ({"quad": 3}, "quad 3 wrong"),
    ({"cameo_alt": ["1411", "77"]}, "cameo_alt invalid"),
    ({"cameo": "010", "root": "01", "quad": 1}, "01 is not annotated"),
    ({"date": "30/07/2015"}, "date not ISO"),
    ({"background": "no"}, "background must be"),
    ({"quantities": [{"value": "300", "unit": "protesters"}]}, "quantities must be"),
    ({"place": {"text": "البصرة", "name": "Basra", "country": "IRQ"}}, "place.text not in the article"),
])
def test_extra_annotations_event_errors_are_named(cameo, over, fragment):
    errs = xa.validate([_article(_event(**over))], CORPUS, cameo)
    assert any(fragment in m for m in errs), errs


def test_extra_annotations_actor_errors(cameo):
    bad_src = _event(source={"text": "المتظاهرين", "code": "Iraq", "agent": "PROT", "name": None})
    errs = " | ".join(xa.validate([_article(bad_src)], CORPUS, cameo))
    assert "source.text not in the article" in errs
    assert "source.code invalid" in errs and "source.agent invalid" in errs
    assert xa.validate([_article(_event(target=None))], CORPUS, cameo) == []
    assert xa.valid_actor_code("IGO:UN") and xa.valid_actor_code("NSA:ISIS")
    assert not xa.valid_actor_code("IGO:FOO") and not xa.valid_actor_code("irq")


def test_extra_annotations_article_errors(cameo):
    missing = dict(_article(_event()), id="n2")
    with_text = dict(_article(_event()), text=TEXT)
    dup = _article(_event(), _event())
    assert xa.validate([missing], CORPUS, cameo) == ["n2: id not found in the corpus"]
    assert "must have exactly the keys" in xa.validate([with_text], CORPUS, cameo)[0]
    assert any("duplicate" in m for m in xa.validate([dup], CORPUS, cameo))
    assert any("annotated 2 times" in m for m in xa.validate([_article(), _article()], CORPUS, cameo))


def test_extra_annotations_join_has_train_keys():
    row = xa.join([_article(_event())], CORPUS)[0]
    assert list(row) == ["id", "url", "outlet", "date", "title", "text", "events"]
    assert row["text"] == TEXT and row["url"] == "http://x"


RANDOM = ROOT / "annotations" / "saudinewsnet_random.jsonl"
RANDOM2 = ROOT / "annotations" / "saudinewsnet_random2.jsonl"
RANDOM3 = ROOT / "annotations" / "saudinewsnet_random3.jsonl"
RANDOM4 = ROOT / "annotations" / "saudinewsnet_random4.jsonl"
RANDOM5 = ROOT / "annotations" / "saudinewsnet_random5.jsonl"
RANDOM6 = ROOT / "annotations" / "saudinewsnet_random6.jsonl"
RANDOM7 = ROOT / "annotations" / "saudinewsnet_random7.jsonl"
RANDOM8 = ROOT / "annotations" / "saudinewsnet_random8.jsonl"
EARLIER = {RANDOM: [xa.ANNOTATIONS], RANDOM2: [xa.ANNOTATIONS, RANDOM], RANDOM3: [xa.ANNOTATIONS, RANDOM, RANDOM2],
           RANDOM4: [xa.ANNOTATIONS, RANDOM, RANDOM2, RANDOM3], RANDOM5: [xa.ANNOTATIONS, RANDOM, RANDOM2, RANDOM3, RANDOM4],
           RANDOM6: [xa.ANNOTATIONS, RANDOM, RANDOM2, RANDOM3, RANDOM4, RANDOM5],
           RANDOM7: [xa.ANNOTATIONS, RANDOM, RANDOM2, RANDOM3, RANDOM4, RANDOM5, RANDOM6],
           RANDOM8: [xa.ANNOTATIONS, RANDOM, RANDOM2, RANDOM3, RANDOM4, RANDOM5, RANDOM6, RANDOM7]}


@pytest.mark.parametrize("path", [xa.ANNOTATIONS, RANDOM, RANDOM2, RANDOM3, RANDOM4, RANDOM5, RANDOM6, RANDOM7, RANDOM8],
                         ids=["extra", "random", "random2", "random3", "random4", "random5", "random6", "random7",
                              "random8"])
def test_extra_annotations_file_is_valid(shared, cameo, path):
    """Each committed annotation file validates against the SaudiNewsNet corpus in ../shared and is
    no other outlet's copy of a training article (nor, for a random set, of an article of the sets
    made before it or of another article of its own file: one article per story)."""
    corpus_path = shared / "data" / "news" / "saudinewsnet.jsonl"
    if not corpus_path.exists():
        pytest.skip("SaudiNewsNet corpus not present in ../shared")
    annotations = xa.read_jsonl(path)
    others = [a for f in EARLIER.get(path, []) for a in xa.read_jsonl(f)]
    corpus = xa.read_corpus(corpus_path, {a["id"] for a in annotations + others})
    assert xa.validate(annotations, corpus, cameo) == []
    train = xa.read_jsonl(shared / "eval" / "train" / "saudinewsnet.jsonl")
    ids = {a["id"] for a in annotations}
    assert not {a["id"] for a in train} & ids, "an annotated article is in the train set"
    assert not {a["id"] for a in others} & ids, "a random-set article is in an earlier set"
    assert all("text" not in a for a in annotations)
    seen = [_four_grams(a["text"]) for a in train] + [_four_grams(corpus[a["id"]]["text"]) for a in others]
    for a in annotations:
        grams = _four_grams(corpus[a["id"]]["text"])
        shared_part = max(len(grams & t) for t in seen) / len(grams)
        assert shared_part <= 0.15, f"{a['id']} is another outlet's copy of an article seen before ({shared_part:.2f})"
        if path in EARLIER:
            seen.append(grams)


def _four_grams(text: str) -> set[str]:
    words = re.findall(r"\w+", text)
    return {" ".join(words[i:i + 4]) for i in range(len(words) - 3)}


def test_extra_annotations_main_exit_codes(tmp_path, cameo):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert xa.main(["--annotations", str(bad), "--corpus", str(tmp_path / "none.jsonl")]) == 2
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps(CORPUS["n1"], ensure_ascii=False) + "\n", encoding="utf-8")
    ann = tmp_path / "ann.jsonl"
    ann.write_text(json.dumps(_article(_event(trigger="x")), ensure_ascii=False) + "\n", encoding="utf-8")
    assert xa.main(["--annotations", str(ann), "--corpus", str(corpus)]) == 1
    good = copy.deepcopy(_article(_event()))
    ann.write_text(json.dumps(good, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "joined.jsonl"
    assert xa.main(["--annotations", str(ann), "--corpus", str(corpus), "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == TEXT
