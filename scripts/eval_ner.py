"""Evaluate the NER model on the ANERcorp TEST split (entity-level, CoNLL style).

    PYTHONPATH=src .venv/bin/python scripts/eval_ner.py [--model PATH] [--test PATH]

Prints micro P/R/F1 per type, overall, and overall without MISC, of the tags made
consistent over the passage (``NerModel.predict_passage``, what the pipeline does
with ``use_ner``: one-word entities agree across the 10 sentences around each
sentence; ANERcorp's sentences come in article order), then the overall F1 of
the sentences tagged one by one (``--window 0``: that table), then the
tagging speed in tokens per CPU-second (features included): with an empty word
cache (a fresh model), in a steady state (a fresh model that has first tagged the
TRAIN text, like a worker that has seen a few hundred articles), and with the
cache warm (the same text twice).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from marsad.actors.ner import NerModel
from marsad.actors.ner_eval import format_table, read_conll, score
from marsad.actors.ner_passage import WINDOW, consistent

ROOT = Path(__file__).resolve().parents[1]
TEST = ROOT / ".." / "shared" / "data" / "ner" / "ANERCorp.test.txt"
TRAIN = TEST.with_name("ANERCorp.train.txt")


def timed_pass(model: NerModel, sents: list[list[str]]) -> tuple[list[list[str]], float]:
    """Predictions and CPU seconds for one pass over ``sents``."""
    t0 = time.process_time()
    pred = [model.predict(words) for words in sents]
    return pred, time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", type=Path, default=None, help="model file (default: the packaged model)")
    p.add_argument("--test", type=Path, default=TEST)
    p.add_argument("--train", type=Path, default=TRAIN, help="text tagged first for the steady-state figure")
    p.add_argument("--window", type=int, default=WINDOW,
                   help="sentences around each one over which one-word entities are made consistent (0: none)")
    args = p.parse_args(argv)
    if not args.test.is_file():
        print(f"test file {args.test} not found", file=sys.stderr)
        return 2
    data = read_conll(args.test)
    words = [w for w, _ in data]
    ntok = sum(len(w) for w in words)
    t0 = time.process_time()
    model = NerModel.load(args.model)
    model.predict(["تجربة"])
    load = time.process_time() - t0
    pred, cold = timed_pass(model, words)
    _, warm = timed_pass(model, words)
    steady_model = NerModel.load(args.model)
    if args.train.is_file():
        timed_pass(steady_model, [w for w, _ in read_conll(args.train)])
    _, steady = timed_pass(steady_model, words)
    gold = [t for _, t in data]
    print(f"ANERcorp TEST: {len(data)} sentences, {ntok} tokens" + (f"; passage window {args.window}" if args.window else ""))
    print(format_table(score(gold, consistent(words, pred, args.window) if args.window else pred)))
    if args.window:
        print(f"sentences one by one (--window 0): F1 {score(gold, pred)['ALL'].f1:.4f}")
    print(f"load {load:.2f} s CPU; tokens per CPU-second (ms per 100 tokens):")
    for name, secs in (("cold cache", cold), ("steady state", steady), ("warm cache", warm)):
        print(f"  {name:<13} {ntok / secs:>9,.0f}  ({1e5 * secs / ntok:.2f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
