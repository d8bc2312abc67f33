"""A small, fast statistical NER for Arabic persons, organisations and locations.

A linear-chain CRF (CRFsuite) over hand-written features
(:mod:`marsad.actors.ner_features`), trained on ANERcorp by
``scripts/train_ner.py`` (with the Wojood sample as extra data).  The packaged
model is two files under ``marsad/resources/models/``: ``ner_anercorp.crfsuite``
(the CRF) and ``ner_anercorp.lexicon.tsv`` (word and phrase lists the features
look up).  An optional third, ``ner_anercorp.clusters.tsv`` (word clusters, not
shipped: see the README there), is used when present next to the model.

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

import pycrfsuite

from marsad.actors.ner_eval import chunks
from marsad.actors.ner_features import FeatureExtractor, Lexicon

MODEL_NAME = "ner_anercorp.crfsuite"
LEXICON_SUFFIX = ".lexicon.tsv"
CLUSTERS_SUFFIX = ".clusters.tsv"
ENTITY_TYPES = ("PERS", "LOC", "ORG", "MISC")


def lexicon_path(model_path: Path) -> Path:
    """The lexicon file that goes with a model file."""
    return model_path.with_name(model_path.name.removesuffix(".crfsuite") + LEXICON_SUFFIX)


def clusters_path(model_path: Path) -> Path:
    """The word-cluster table that goes with a model file (optional)."""
    return model_path.with_name(model_path.name.removesuffix(".crfsuite") + CLUSTERS_SUFFIX)


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

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._tagger: pycrfsuite.Tagger | None = None
        self._features: FeatureExtractor | None = None
        self._files = ExitStack()

    @classmethod
    def load(cls, path: str | Path | None = None) -> NerModel:
        """A model reading ``path`` (default: the packaged ANERcorp model), opened lazily."""
        return cls(Path(path) if path is not None else None)

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
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            known = frozenset(attr for attr, _ in tagger.info().state_features)
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
        return repair_bio(tagger.tag(feats.sentence(words)))

    def entities(self, words: Sequence[str]) -> list[tuple[int, int, str]]:
        """Entities as ``(start, end_exclusive, type)`` token spans."""
        return chunks(self.predict(words))

    def close(self) -> None:
        """Release the tagger and any temporary file."""
        if self._tagger is not None:
            self._tagger.close()
        self._tagger = self._features = None
        self._files.close()
