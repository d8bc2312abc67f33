"""Where `marsad code` spends its time: cProfile over N SaudiNewsNet articles (prints the hotspots).

    python bench/profile_code.py [--n 300] [--top 25]

The pipeline is loaded and warmed up first (not profiled); then N articles are coded under
cProfile.  Prints the functions with the most own time (tottime) and the pipeline stages'
cumulative time as file:function.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _proc import NEWS, ROOT  # noqa: E402

sys.path.insert(0, str(ROOT / "src"))


def _where(func: tuple) -> str:
    file, line, name = func
    p = Path(file)
    short = str(p.relative_to(ROOT / "src")) if str(p).startswith(str(ROOT / "src")) else p.name
    return f"{short}:{line}:{name}"


def main() -> None:
    from marsad.api_lib import Coder
    from marsad.config import Settings
    from marsad.ingest.readers import article_from_record

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--top", type=int, default=25)
    a = ap.parse_args()
    with open(NEWS, encoding="utf-8") as fh:
        arts = [article_from_record(json.loads(line), str(i)) for i, line in zip(range(a.n), fh, strict=False)]
    coder = Coder(Settings(time_budget_ms=0))
    coder.code("أجرى وزير الخارجية المصري اتصالاً هاتفياً مع نظيره الأردني.", date="2024-01-01")
    prof = cProfile.Profile(time.process_time)  # CPU time: the figures do not depend on other load
    t = time.process_time()
    prof.enable()
    for art in arts:
        coder.code_article(art)
    prof.disable()
    cpu = time.process_time() - t
    print(f"{len(arts)} articles, {cpu:.1f} s CPU under cProfile ({len(arts) / cpu:.1f} articles/s; "
          "cProfile itself slows Python code by ~1.5-2x)\n")
    stats = pstats.Stats(prof)
    total = sum(v[2] for v in stats.stats.values())
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[: a.top]
    print("| own time s | share | calls | function |\n|---|---|---|---|")
    for func, (cc, nc, tt, ct, _) in rows:
        print(f"| {tt:.2f} | {tt / total:.1%} | {nc} | {_where(func)} |")
    print(f"\nAll functions' own time: {total:.1f} s")
    print("\nPipeline stages (cumulative):\n\n| cumulative s | share | stage |\n|---|---|---|")
    names = {}
    for st in coder.pipeline.stages:
        code = type(st).__call__.__code__
        names[(code.co_filename, code.co_firstlineno, "__call__")] = f"{st.name} ({type(st).__name__})"
    stages = [(f, v) for f, v in stats.stats.items() if f in names]
    for func, v in sorted(stages, key=lambda kv: kv[1][3], reverse=True):
        print(f"| {v[3]:.2f} | {v[3] / total:.1%} | {names[func]} — {_where(func)} |")


if __name__ == "__main__":
    main()
