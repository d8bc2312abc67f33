"""Train CV of the event coder over several fold partitions, at a fixed argument-model l2.

usage: python scripts/cv_repeated.py [--folds 4,5,6] [--seeds 0] [--band-l2 0.01] [--l2 0.003] [--work DIR]
                                    [--extra FILE [--extra-to filter]]

One 5-fold partition is a noisy judge: the same tree scores smoothed triple F1 .458, .485 and
.473 with 4, 5 and 6 folds, and a change that alters four triples in sample moved the 5-fold
figure by -.012 and the 4- and 6-fold figures by +.005 and +.003.  The argument model's
cross-validated l2 choice also flips between neighbouring values on tiny changes.  So compare
two trees with this script: for each fold count it trains the argument model of each fold at
the given l2 (train_arg_model.py --l2 --folds --fold-dir) and the event filter on them
(train_event_filter.py --folds --arg-fold-dir), into DIR (a temporary directory by default; the
shipped models are not touched), then prints each partition's smoothed and nested figures and
their means.  With --extra FILE (more annotated articles, see train_event_filter.py --extra) both
models also train on those articles in every fold; the figures are still the train set's.

--seeds 0,1,2 repeats every fold count over other partitions of the same articles (seed 0: file order,
folds i % k; seed s: the articles shuffled by s first, train_event_filter.shuffled) and prints the mean
over all of them, with the per-seed means and their spread.  The default (seed 0 alone) is the figure the
keep rule in annotations/README.md was set on.

The smoothed figure is read at the event-filter l2 --band-l2 (.01, which every partition of 1d2ea85 chose
in file order and under six shuffles), not at the l2 each partition chooses: that choice flipped to .03 for
one partition of 1d2ea85^ (seed 2, 4 folds) and moved its smoothed triple by .011.  Same figures whenever
the choice is .01.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SMOOTHED = re.compile(r"smoothed .*: triple F1 ([0-9.]+), root F1 ([0-9.]+)")
NESTED = re.compile(r"nested CV, plain threshold: triple P/R/F1 = [0-9.]+/[0-9.]+/([0-9.]+), root F1 ([0-9.]+); "
                    r"with the root model among the choices: [0-9.]+/[0-9.]+/([0-9.]+), root F1 ([0-9.]+)")


def run(args: list[str]) -> str:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout


def one(k: int, l2: float, work: Path, extra: str = "", extra_to: str = "both", weight: float = 1.0,
        seed: int = 0, band_l2: str = "0.01") -> tuple[float, ...]:
    out = work / (f"k{k}" if not seed else f"s{seed}/k{k}")
    out.mkdir(parents=True, exist_ok=True)
    more = ["--extra", str(Path(extra).resolve())] if extra else []
    order = ["--shuffle", str(seed)] if seed else []
    run(["scripts/train_arg_model.py", "--l2", str(l2), "--folds", str(k), "--fold-dir", str(out / "folds"),
         "--out", str(out / "arg_model.json"), *order, *(more if extra_to == "both" else [])])
    log = run(["scripts/train_event_filter.py", "--folds", str(k), "--arg-fold-dir", str(out / "folds"),
               "--out", str(out / "event_filter.json"), *order, *more, *(["--band-l2", band_l2] if band_l2 else []),
               *(["--extra-weight", str(weight)] if extra else [])])
    s, n = SMOOTHED.search(log), NESTED.search(log)
    if s is None or n is None:
        raise SystemExit(f"unexpected train_event_filter.py output for {k} folds:\n{log}")
    return tuple(float(x) for x in (*s.groups(), *n.groups()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", default="4,5,6", help="fold counts, comma-separated")
    ap.add_argument("--seeds", default="0", help="article-order seeds, comma-separated (0: file order)")
    ap.add_argument("--band-l2", default="0.01", help="event-filter l2 of the smoothed figure (train_event_filter.py "
                    "--band-l2; the empty string: the l2 each partition chooses, which jumps on tiny changes)")
    ap.add_argument("--l2", type=float, default=0.003, help="argument-model l2 (fixed for a fair comparison)")
    ap.add_argument("--work", default="", help="directory for the fold models (default: a temporary one)")
    ap.add_argument("--extra", default="", help="more annotated articles (train-file JSONL) on the training side")
    ap.add_argument("--extra-to", choices=("both", "filter"), default="both",
                    help="train both models on the extra articles, or the event filter only")
    ap.add_argument("--extra-weight", type=float, default=1.0, help="weight of an extra candidate in the event filter")
    a = ap.parse_args()
    ks = [int(k) for k in a.folds.split(",")]
    seeds = [int(s) for s in a.seeds.split(",")]
    runs = [(s, k) for s in seeds for k in ks]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(a.work or tmp)
        rows = [one(k, a.l2, work, a.extra, a.extra_to, a.extra_weight, s, a.band_l2) for s, k in runs]
    head = "folds  smoothed triple / root   nested plain triple / root   nested with root model triple / root"
    print(head if len(seeds) == 1 else "seed " + head)
    for (s, k), r in zip(runs, rows, strict=True):
        print(f"{'' if len(seeds) == 1 else f'{s:4d} '}{k:5d}  {r[0]:.4f} / {r[1]:.4f}          "
              f"{r[2]:.3f} / {r[3]:.3f}                  {r[4]:.3f} / {r[5]:.3f}")
    mean = [sum(r[i] for r in rows) / len(rows) for i in range(6)]
    print(f"{'' if len(seeds) == 1 else '     '} mean  {mean[0]:.4f} / {mean[1]:.4f}          "
          f"{mean[2]:.3f} / {mean[3]:.3f}                  {mean[4]:.3f} / {mean[5]:.3f}")
    if len(seeds) > 1:  # the spread of the per-seed means (each over the fold counts)
        per = [[sum(r[i] for (s2, _), r in zip(runs, rows, strict=True) if s2 == s) / len(ks) for i in (0, 1)]
               for s in seeds]
        sd = [statistics.stdev(p[i] for p in per) for i in (0, 1)]
        print("per-seed mean smoothed triple / root: " + ", ".join(f"{s}: {p[0]:.4f} / {p[1]:.4f}"
                                                                   for s, p in zip(seeds, per, strict=True)))
        print(f"SD over seeds {sd[0]:.4f} / {sd[1]:.4f}; SD of the mean {sd[0] / len(seeds) ** .5:.4f} / "
              f"{sd[1] / len(seeds) ** .5:.4f}")


if __name__ == "__main__":
    main()
