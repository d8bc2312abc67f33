"""Build the word-cluster table used by the NER features (``ner_anercorp.clusters.tsv``).

    PYTHONPATH=src .venv/bin/python scripts/train_ner_clusters.py [--news PATH] [--out PATH]

Steps (deterministic: one fastText thread, fixed seeds):

1. The SaudiNewsNet articles (titles and texts) are normalized
   (:func:`marsad.text.normalize.normalize_text`), split into words and each
   word is replaced by its clitic-free key (the NER's ``k`` feature), one
   paragraph per line.
2. fastText skip-gram vectors (``pip install fasttext``, MIT; needed at build
   time only) are trained on that text.
3. The vectors of the most frequent keys are L2-normalized and clustered by
   spherical k-means at several granularities (a coarse-to-fine hierarchy, the
   role Brown-cluster prefixes play in classic NER feature sets).

The output is a TSV ``key<TAB>c1<TAB>c2<TAB>c3`` (one cluster id per
granularity) with ``#`` comment lines.

Licence: the table is derived from SaudiNewsNet (CC BY-NC-SA), so the package does **not** ship
it and the packaged NER is trained without it (``train_ner.py --clusters ''``).  To use clusters
locally (non-commercial use), build the table, then retrain with ``train_ner.py`` (the default
``--clusters`` path is the file this script writes); on ANERcorp dev this gained about 1 F1 point.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

from marsad.actors.ner_features import word_key_of
from marsad.text.normalize import normalize_text

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / ".." / "shared" / "data" / "news" / "saudinewsnet.jsonl"
OUT = ROOT / "src" / "marsad" / "resources" / "models" / "ner_anercorp.clusters.tsv"
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:-[^\W\d_]+)?|[^\w\s]", re.UNICODE)
_DIGITS = re.compile(r"\d")


def corpus_keys(text: str) -> list[str]:
    """Clitic-free keys of the words of a raw text (digits folded to 0)."""
    norm = normalize_text(text)
    return [word_key_of(_DIGITS.sub("0", m.group())) for m in _WORD.finditer(norm)]


def write_corpus(news: Path, out: Path) -> Counter:
    """Write one line of keys per paragraph; return key counts."""
    counts: Counter = Counter()
    with open(news, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as g:
        for line in f:
            art = json.loads(line)
            for para in [art.get("title") or "", *(art.get("text") or "").split("\n")]:
                keys = corpus_keys(para)
                if len(keys) >= 3:
                    counts.update(keys)
                    g.write(" ".join(keys) + "\n")
    return counts


def spherical_kmeans(x: np.ndarray, k: int, iterations: int, seed: int) -> np.ndarray:
    """Cluster ids of the rows of ``x`` (unit vectors) by cosine k-means."""
    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        for s in range(0, len(x), 8192):
            labels[s : s + 8192] = np.argmax(x[s : s + 8192] @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        centres = np.where(empty[:, None], centres, sums / np.maximum(norms, 1e-12))
    return labels


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--news", type=Path, default=NEWS)
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--vocab", type=int, default=60000, help="cluster the N most frequent keys")
    p.add_argument("--min-count", type=int, default=5)
    p.add_argument("--dim", type=int, default=100)
    p.add_argument("--epoch", type=int, default=5)
    p.add_argument("--maxn", type=int, default=5, help="longest character n-gram (0: no subwords, faster)")
    p.add_argument("--ks", default="64,256,1024", help="cluster counts, coarse to fine")
    p.add_argument("--threads", type=int, default=1, help="fastText threads (1 = reproducible)")
    args = p.parse_args(argv)
    import fasttext  # build-time dependency only

    with tempfile.TemporaryDirectory(prefix="marsad_clusters_") as tmp:
        corpus = Path(tmp) / "keys.txt"
        t0 = time.time()
        counts = write_corpus(args.news, corpus)
        print(f"corpus: {sum(counts.values()):,} tokens, {len(counts):,} keys ({time.time() - t0:.0f} s)")
        t0 = time.time()
        model = fasttext.train_unsupervised(
            str(corpus), model="skipgram", dim=args.dim, ws=5, epoch=args.epoch, minCount=args.min_count,
            minn=3, maxn=args.maxn, neg=5, thread=args.threads, verbose=0,
        )
        print(f"fastText: {time.time() - t0:.0f} s")
    words = [w for w, n in counts.most_common() if n >= args.min_count and not _skip(w)][: args.vocab]
    vecs = np.stack([model.get_word_vector(w) for w in words]).astype(np.float64)
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
    ks = [int(k) for k in args.ks.split(",")]
    labels = [spherical_kmeans(vecs, k, 25, seed=k) for k in ks]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Word clusters for the NER features: fastText skip-gram vectors of SaudiNewsNet\n")
        f.write(f"# (CC BY-NC-SA 4.0) clitic-free keys, spherical k-means with k = {args.ks}.\n")
        f.write("# Built by scripts/train_ner_clusters.py; see README.md in this folder.\n")
        f.write("key\t" + "\t".join(f"c{i + 1}" for i in range(len(ks))) + "\n")
        for i, w in enumerate(words):
            f.write(w + "\t" + "\t".join(str(int(lab[i])) for lab in labels) + "\n")
    print(f"wrote {len(words):,} keys to {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


def _skip(word: str) -> bool:
    """Punctuation and numbers need no cluster (the shape feature covers them)."""
    return not any(c.isalpha() for c in word)


if __name__ == "__main__":
    sys.exit(main())
