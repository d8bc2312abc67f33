"""Train the ANERcorp CRF NER model shipped in src/marsad/resources/models/.

    PYTHONPATH=src .venv/bin/python scripts/train_ner.py --clusters ''   # the shipped model, scores on TEST
    PYTHONPATH=src .venv/bin/python scripts/train_ner.py --dev      # tune: last 20% of TRAIN held out
    PYTHONPATH=src .venv/bin/python scripts/train_ner.py --dev --grid "0.05,0.01 0.1,0.05"
    PYTHONPATH=src .venv/bin/python scripts/train_ner.py --cv 4 --grid "0.05,0.01 0.1,0.05"   # CV on TRAIN

Word lists learned from training data are built by jackknife (each fold's
features see lists built from the other folds only), so the CRF does not learn
to trust them more than they deserve on unseen text.  The place-name list is
derived from the GeoNames/mledoze gazetteer files in ../shared and shipped in
the lexicon file, so run time never reads ../shared.  Training is deterministic
(L-BFGS, fixed fold assignment, sorted lists).

The Wojood NER sample (MIT) is added as training data (``--wojood augment``,
the default): its sentences carry every attribute twice, once shared and once
prefixed ``W|``, so what is peculiar to Wojood's annotation goes to ``W|``
weights that tagging never uses (``--wojood plain``: no copies; ``''``: none).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import build_ner_e5_clusters
import ner_lexicon
import pycrfsuite

from marsad.actors.ner import MODEL_NAME, NerModel, clusters_path, lexicon_path, pieces_path, to_bioes
from marsad.actors.ner_eval import Counts, chunks, format_table, read_conll, score
from marsad.actors.ner_features import MAX_PHRASE, FeatureExtractor, Lexicon, word_key_of
from marsad.actors.ner_pieces import PieceVectors
from marsad.text.normalize import normalize_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "data"
ACTORS = ROOT / "src" / "marsad" / "resources" / "actors"
OUT = ROOT / "src" / "marsad" / "resources" / "models" / MODEL_NAME
Sent = tuple[list[str], list[str]]


def keys_of(words: list[str]) -> tuple[str, ...]:
    return tuple(word_key_of(normalize_text(w)) for w in words)


def external(shared: Path, sources: str, min_freq: int) -> Lexicon:
    """The lexicon of external lists named in ``sources`` (comma-separated)."""
    lex = Lexicon()
    makers = {
        "places": lambda: ner_lexicon.places(shared, min_freq),
        "dem": lambda: ner_lexicon.demonyms(shared),
        "actors": lambda: ner_lexicon.actors(shared),
        "wojood": lambda: ner_lexicon.wojood(shared),
        "repo": lambda: ner_lexicon.repo_actors(ACTORS),
    }
    for src in filter(None, sources.split(",")):
        for name, entry in makers[src]():
            lex.add(name, entry)
    return lex


def drop_common_words(lex: Lexicon, sents: list[Sent], min_count: int, max_entity: float) -> Lexicon:
    """Remove external single-word entries that are common non-entity words in ``sents``."""
    counts: Counter = Counter()
    entity: Counter = Counter()
    for words, tags in sents:
        for k, t in zip(keys_of(words), tags, strict=True):
            counts[k] += 1
            entity[k] += t != "O"
    out = lex.merged(())
    for k in list(out.words):
        if counts[k] >= min_count and entity[k] / counts[k] < max_entity:
            del out.words[k]
    return out


def learned_lists(sents: list[Sent], ratio: float, vocab: int = 0) -> list[tuple[str, tuple[str, ...]]]:
    """``(list, keys)`` pairs: words mostly tagged X and multi-word entities seen in ``sents``."""
    tag_counts: dict[str, Counter] = defaultdict(Counter)
    phrases: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for words, tags in sents:
        keys = keys_of(words)
        for k, t in zip(keys, tags, strict=True):
            tag_counts[k][t] += 1
        for s, e, typ in chunks(tags):
            if 1 < e - s <= MAX_PHRASE:
                phrases[keys[s:e]][typ] += 1
    pairs = []
    for k, cnt in tag_counts.items():
        total = sum(cnt.values())
        for t, n in cnt.items():
            if t != "O" and n / total >= ratio:
                pairs.append((f"T:{t}", (k,)))
    if vocab:
        pairs.extend(("V", (k,)) for k, cnt in tag_counts.items() if sum(cnt.values()) >= vocab)
    for ks, cnt in phrases.items():
        typ, _ = cnt.most_common(1)[0]
        pairs.append((f"E:{typ}", ks))
    return sorted(pairs)


def restrict_clusters(lex: Lexicon, ext: set[str] | None, sents: list[Sent]) -> Lexicon:
    """``lex`` whose clusters cover only the ``ext`` keys and the keys of ``sents`` (None: unchanged)."""
    if ext is None or not lex.clusters:
        return lex
    allowed = ext | {k for words, _ in sents for k in keys_of(words)}
    out = lex.merged(())
    out.clusters = {k: v for k, v in lex.clusters.items() if k in allowed}
    return out


_PIECE_FAMILY = {"cl": r"[-+]?\d?clc?=", "sp": r"sp=", "np": r"np="}


def family_filter(args: argparse.Namespace):
    """A function dropping the piece-table families not in ``--piece-feats`` (identity if all kept)."""
    drop = [rx for name, rx in _PIECE_FAMILY.items() if name not in args.piece_feats.split(",")]
    if not drop or args.pieces is None or args.clusters:
        return lambda xseq: xseq
    pat = re.compile("(?:" + "|".join(drop) + ")")
    return lambda xseq: [[a for a in f if not pat.match(a)] for f in xseq]


def featurize(sents: list[Sent], base: Lexicon, args: argparse.Namespace) -> list[list[list[str]]]:
    """Training features with jackknifed learned lists (fold = contiguous block).

    With ``args.cluster_ext`` (the cluster keys that come from outside ANERcorp),
    a TRAIN-only key has a cluster only outside its own fold, as on new text.
    """
    ratio, vocab, folds = args.ratio, args.vocab, args.folds
    keep = family_filter(args)
    if folds <= 1:
        fx = FeatureExtractor(base.merged(learned_lists(sents, ratio, vocab)))
        return [keep(fx.sentence(w)) for w, _ in sents]
    out: list[list[list[str]]] = []
    size = -(-len(sents) // folds)
    for f in range(folds):
        held = sents[f * size : (f + 1) * size]
        rest = sents[: f * size] + sents[(f + 1) * size :]
        lex = restrict_clusters(base, args.cluster_ext, rest)
        fx = FeatureExtractor(lex.merged(learned_lists(rest, ratio, vocab)))
        out.extend(keep(fx.sentence(w)) for w, _ in held)
    return out


def extra_data(sents: list[Sent], base: Lexicon, args: argparse.Namespace) -> list[tuple[list[list[str]], list[str]]]:
    """Wojood sample sentences (``--wojood``) as extra training items, features with domain copies.

    Every attribute also appears prefixed ``W|`` (frustratingly easy domain
    adaptation, asymmetric: ANERcorp items and new text carry only the shared
    copy), so Wojood's own conventions go to weights that tagging never uses.
    Their lexicon has no ``W:`` lists (made from these very sentences).
    """
    if not args.wojood:
        return []
    lex = base.merged(())
    lex.words = {k: v for k, v in ((k, tuple(n for n in ns if not n.startswith("W:"))) for k, ns in lex.words.items()) if v}
    lex.phrases = {k: v for k, v in ((k, tuple(n for n in ns if not n.startswith("W:"))) for k, ns in lex.phrases.items()) if v}
    fx = FeatureExtractor(lex.merged(learned_lists(sents, args.ratio, args.vocab)))
    out = []
    keep = family_filter(args)
    for words, tags in ner_lexicon.wojood_sentences(args.shared):
        xseq = keep(fx.sentence(words))
        out.append(([[*f, *(f"W|{a}" for a in f)] for f in xseq] if args.wojood == "augment" else xseq, tags))
    return out


def write_clusters(path: Path, table: dict[str, tuple[str, ...]], source: Path) -> None:
    """Write a cluster table (as read by ``Lexicon.load_clusters``) with the comment lines of ``source``."""
    with open(source, encoding="utf-8") as f:
        header = [line for line in f if line.startswith("#")]
    width = max((len(v) for v in table.values()), default=0)
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(header)
        f.write("key\t" + "\t".join(f"c{i + 1}" for i in range(width)) + "\n")
        for key in sorted(table):
            f.write(key + "\t" + "\t".join(v.split(":", 1)[1] for v in table[key]) + "\n")


def train(sents: list[Sent], base: Lexicon, out: Path, args: argparse.Namespace, c1: float, c2: float) -> None:
    """Train a CRF on ``sents`` and write the model and its lexicon to ``out``."""
    base = restrict_clusters(drop_common_words(base, sents, args.common_min, args.common_max), args.cluster_ext, sents)
    xs = featurize(sents, base, args)
    trainer = pycrfsuite.Trainer(algorithm=args.algorithm, verbose=False)
    for x, (_, tags) in zip(xs, sents, strict=True):
        trainer.append(x, to_bioes(tags) if args.scheme == "bioes" else tags)
    for x, tags in extra_data(sents, base, args):
        trainer.append(x, tags)
    params = {"max_iterations": args.iterations, "feature.possible_transitions": True, "feature.minfreq": args.minfreq}
    if args.algorithm == "lbfgs":
        params |= {"c1": c1, "c2": c2}
    trainer.set_params(params)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    target = clusters_path(out)
    if args.clusters:
        write_clusters(target, base.clusters, args.clusters)
    else:
        target.unlink(missing_ok=True)
    if args.pieces is not None and args.pieces.resolve() != pieces_path(out).resolve():
        shutil.copyfile(args.pieces, pieces_path(out))
    lex = base.merged(learned_lists(sents, args.ratio, args.vocab))
    lex.save(
        lexicon_path(out),
        header=[
            "Word and phrase lists for the ANERcorp CRF NER (see README.md in this folder).",
            "list: G:* = external lists (see scripts/ner_lexicon.py), W:* = Wojood sample entities;",
            "T:<tag> = words tagged <tag> in ANERcorp TRAIN; E:<type> = multi-word entities in TRAIN.",
            "entry: normalized, article-stripped keys separated by spaces.",
        ],
    )


def evaluate(path: Path, sents: list[Sent]) -> tuple[dict, float]:
    """Score a saved model on ``sents``; also return tokens per second."""
    model = NerModel.load(path)
    model.predict(["تجربة"])
    t0 = time.process_time()
    pred = [model.predict(w) for w, _ in sents]
    secs = time.process_time() - t0
    ntok = sum(len(w) for w, _ in sents)
    model.close()
    return score([t for _, t in sents], pred), ntok / secs


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--train", type=Path, default=SHARED / "ner" / "ANERCorp.train.txt")
    p.add_argument("--test", type=Path, default=SHARED / "ner" / "ANERCorp.test.txt")
    p.add_argument("--shared", type=Path, default=SHARED)
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--clusters", type=Path, default=clusters_path(OUT),
                   help="word-cluster table (scripts/train_ner_clusters.py); '' for none")
    p.add_argument("--pieces", type=Path, default=None,
                   help="sentence-piece table (scripts/train_ner_pieces.py) for piece features / clusters of any word")
    p.add_argument("--piece-feats", default="sp,np,cl", help="piece-table families used in training (of sp,np,cl)")
    p.add_argument("--cluster-jk", action="store_true",
                   help="give TRAIN-only keys a cluster only outside their own fold (for a table that includes "
                   "ANERcorp TRAIN, as scripts/build_ner_e5_clusters.py builds)")
    p.add_argument("--wojood", default="augment", choices=("", "plain", "augment"),
                   help="add the Wojood sample as training data (augment: with W|-prefixed domain copies)")
    p.add_argument("--dev", action="store_true", help="hold out the last 20%% of TRAIN; never touch TEST")
    p.add_argument("--grid", default="", help='space-separated "c1,c2" pairs to compare (with --dev or --cv)')
    p.add_argument("--cv", type=int, default=0, help="K-fold cross-validation on TRAIN only (never TEST)")
    p.add_argument("--c1", type=float, default=0.05)
    p.add_argument("--c2", type=float, default=0.05)
    p.add_argument("--algorithm", default="lbfgs", choices=("lbfgs", "l2sgd", "ap", "pa", "arow"))
    p.add_argument("--scheme", default="bio", choices=("bio", "bioes"), help="tag scheme the CRF learns")
    p.add_argument("--iterations", type=int, default=400)
    p.add_argument("--minfreq", type=float, default=1)
    p.add_argument("--ratio", type=float, default=0.3, help="min share of a tag for a learned word list")
    p.add_argument("--gaz-min-freq", type=int, default=0, help="min news frequency of a city name (0: all)")
    p.add_argument("--sources", default="places,dem,actors,wojood,repo", help="external lists (comma-separated)")
    p.add_argument("--folds", type=int, default=5, help="jackknife folds for learned lists (1: no jackknife)")
    p.add_argument("--vocab", type=int, default=1, help="add a V list of TRAIN words seen >= N times (0: none)")
    p.add_argument("--common-min", type=int, default=3, help="drop external words seen >= N times in TRAIN ...")
    p.add_argument("--common-max", type=float, default=0.2, help="... with an entity share below this")
    return p.parse_args(argv)


def cross_validate(sents: list[Sent], base: Lexicon, args: argparse.Namespace, grid: list[tuple[float, ...]]) -> None:
    """K-fold cross-validation over TRAIN only (contiguous folds); prints pooled scores per (c1, c2)."""
    out = Path(tempfile.mkdtemp(prefix="marsad_ner_cv_")) / MODEL_NAME
    size = -(-len(sents) // args.cv)
    for c1, c2 in grid:
        pooled: dict[str, Counts] = {}
        for f in range(args.cv):
            held = sents[f * size : (f + 1) * size]
            train(sents[: f * size] + sents[(f + 1) * size :], base, out, args, c1, c2)
            table, _ = evaluate(out, held)
            for name, c in table.items():
                acc = pooled.setdefault(name, Counts())
                acc.tp, acc.pred, acc.gold = acc.tp + c.tp, acc.pred + c.pred, acc.gold + c.gold
            print(f"c1={c1} c2={c2} fold {f + 1}/{args.cv}: F1 {table['ALL'].f1:.4f}", flush=True)
        print(f"\n== c1={c1} c2={c2}: {args.cv}-fold cross-validation on TRAIN (pooled)")
        print(format_table(pooled), flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sents = read_conll(args.train)
    base = external(args.shared, args.sources, args.gaz_min_freq)
    args.clusters = args.clusters if args.clusters and str(args.clusters) not in ("", ".") else None
    args.cluster_ext = None
    args.pieces = args.pieces if args.pieces and str(args.pieces) not in ("", ".") else None
    if args.pieces:
        base.pieces = PieceVectors.load(args.pieces)
    if args.clusters:
        base.load_clusters(args.clusters)
        if args.cluster_jk:
            args.cluster_ext = build_ner_e5_clusters.external_keys(args.shared)
    grid = [tuple(map(float, g.split(","))) for g in args.grid.split()] or [(args.c1, args.c2)]
    if args.cv:
        cross_validate(sents, base, args, grid)
        return 0
    if args.dev:
        cut = int(len(sents) * 0.8)
        sents, held = sents[:cut], sents[cut:]
        out = Path(tempfile.mkdtemp(prefix="marsad_ner_dev_")) / MODEL_NAME
    else:
        held, out = read_conll(args.test), args.out
    for c1, c2 in grid:
        t0 = time.process_time()
        train(sents, base, out, args, c1, c2)
        secs = time.process_time() - t0
        table, tps = evaluate(out, held)
        print(f"\n== c1={c1} c2={c2} train {secs:.0f} CPU-s, model {out.stat().st_size / 1e6:.2f} MB, "
              f"lexicon {lexicon_path(out).stat().st_size / 1e6:.2f} MB, {tps:,.0f} tokens/CPU-s (cold cache) on "
              f"{'DEV (last 20% of TRAIN)' if args.dev else 'TEST'}")
        print(format_table(table))
    if args.dev:
        print(f"dev model left in {out.parent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
