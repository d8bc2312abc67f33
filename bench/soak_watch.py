"""Soak test of ``marsad watch``: a steady stream of files into a watched folder, RSS sampled over time.

    PYTHONPATH=src python bench/soak_watch.py [--minutes 30] [--every 10] [--per-file 20] [--sample 30] [--repeat N]

Bounded: stops by itself after ``--minutes``.  Every ``--every`` seconds it writes one JSONL file of
``--per-file`` new articles (from ../shared/data/news/saudinewsnet.jsonl, else the bundled samples with
unique ids and a counter in the text) atomically (write ``.part``, then rename) into the watched folder.
Every ``--sample`` seconds it reads the watcher's resident memory (VmRSS) from /proc.  At the end it
stops the watcher (SIGINT), reads the store's counts and prints a JSON summary: the RSS series, the
growth between the first and the last third of the run, and the articles stored vs fed.

``--repeat N`` feeds the first N articles over and over, each time with a new title (so a new
content hash and a new stored article) and the same text: the words seen stop growing after the
first pass, so the coder's per-word caches stop growing too, and RSS growth that remains comes
from the watcher, the store or DuckDB.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _proc import NEWS, ROOT, rss_mb  # noqa: E402


def repeated_lines(n_needed: int, distinct: int) -> list[bytes]:
    """``n_needed`` records cycling through ``distinct`` source articles, each with a unique title."""
    base = [json.loads(line) for line in article_lines(distinct)]
    out = []
    for i in range(n_needed):
        rec = dict(base[i % len(base)])
        rec["id"], rec["title"] = f"rep-{i}", f"{rec.get('title') or ''} #{i}"
        out.append(json.dumps(rec, ensure_ascii=False).encode())
    return out


def article_lines(n_needed: int) -> list[bytes]:
    if NEWS.exists():
        out = []
        with NEWS.open("rb") as fh:
            for line in fh:
                out.append(line.rstrip(b"\n"))
                if len(out) >= n_needed:
                    break
        return out
    sample = (ROOT / "src" / "marsad" / "resources" / "samples" / "articles.jsonl").read_text("utf-8").splitlines()
    out = []
    for i in range(n_needed):
        rec = json.loads(sample[i % len(sample)])
        rec["id"], rec["text"] = f"soak-{i}", f"{rec['text']} ({i})"
        out.append(json.dumps(rec, ensure_ascii=False).encode())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=30.0)
    ap.add_argument("--every", type=float, default=10.0, help="seconds between files")
    ap.add_argument("--per-file", type=int, default=20, help="articles per file")
    ap.add_argument("--sample", type=float, default=30.0, help="seconds between RSS samples")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=0,
                    help="cycle through the first N articles with new titles (fixed vocabulary); 0: all new articles")
    args = ap.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="marsad-soak-"))
    inbox, db = work / "inbox", work / "soak.duckdb"
    inbox.mkdir(parents=True, exist_ok=True)
    n_files = int(args.minutes * 60 / args.every) + 1
    n_lines = n_files * args.per_file
    lines = repeated_lines(n_lines, args.repeat) if args.repeat else article_lines(n_lines)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    watcher = subprocess.Popen([sys.executable, "-m", "marsad.cli", "watch", str(inbox), "--db", str(db),
                                "--interval", "2", "--settle", "1", "-q"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    start = time.monotonic()
    end = start + args.minutes * 60
    series: list[tuple[float, float]] = []
    fed = files = 0
    next_file, next_sample = start, start
    try:
        while time.monotonic() < end:
            now = time.monotonic()
            if watcher.poll() is not None:
                raise SystemExit(f"marsad watch exited: {watcher.stderr.read().decode()[-2000:]}")
            if now >= next_file and fed < len(lines):
                chunk = lines[fed:fed + args.per_file]
                part = inbox / f"feed-{files:05d}.jsonl.part"
                part.write_bytes(b"\n".join(chunk) + b"\n")
                part.rename(part.with_suffix(""))
                fed, files, next_file = fed + len(chunk), files + 1, next_file + args.every
            if now >= next_sample:
                series.append((round(now - start, 1), round(rss_mb(watcher.pid), 1)))
                print(f"t={series[-1][0]:7.1f} s  rss={series[-1][1]:7.1f} MB  files={files}  articles fed={fed}",
                      file=sys.stderr, flush=True)
                next_sample += args.sample
            time.sleep(0.2)
        time.sleep(max(10.0, 3 * args.every))  # let the watcher catch up with the last files
        series.append((round(time.monotonic() - start, 1), round(rss_mb(watcher.pid), 1)))
    finally:
        watcher.send_signal(signal.SIGINT)
        try:
            watcher.wait(60)
        except subprocess.TimeoutExpired:
            watcher.kill()
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    arts, rejs = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "rejections"))
    con.close()
    warm = [(t, r) for t, r in series if t >= 60] or series  # the first minute is start-up and model loading
    third = max(1, len(warm) // 3)
    first, last = statistics.mean(r for _, r in warm[:third]), statistics.mean(r for _, r in warm[-third:])
    print(json.dumps({"minutes": args.minutes, "repeat": args.repeat, "files": files, "articles_fed": fed, "articles_stored": arts,
                      "rejections": rejs, "rss_mb_first_third": round(first, 1), "rss_mb_last_third": round(last, 1),
                      "rss_mb_max": max(r for _, r in series), "growth_mb": round(last - first, 1),
                      "series": series, "workdir": str(work)}, indent=1))


if __name__ == "__main__":
    main()
