"""Tag unlabelled news with an e5 NER head for self-training (issue #3, round 18).

    PYTHONPATH=src:scripts .venv/bin/python scripts/ner_pseudo_labels.py --model M/ner_anercorp.crfsuite \
        --news ../shared/data/news/saudinewsnet.jsonl --lines 5001-8000,10001-14000 --every 4 --out P.jsonl

Articles are split into sentences and words as the pipeline does (``marsad.text.prepare``; the words' raw
forms, as ANERcorp's); each sentence of 3+ words that fits one encoder window is tagged by the tag head
ALONE (no CRF: the teacher of a held-out experiment must not have seen the held-out fold, and the CRF file is
trained on all of TRAIN), BIO Viterbi over its marginals, then the tags of the article are made consistent
(``ner_passage.consistent``).  One JSON line per sentence: ``words``, ``tags`` (after the passage step),
``conf`` (the least, over the words, head marginal of the Viterbi tag), ``changed`` (the passage step changed
the sentence).  ``--select`` reads such a file and writes the chosen sentences as ``word tag`` lines (CoNLL).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np


def tag_news(args) -> int:
    import train_ner_e5

    from marsad.actors.ner import NerModel
    from marsad.actors.ner_passage import consistent
    from marsad.text.prepare import document_from_text

    model = NerModel.load(args.model)
    _, feats = model._open()
    enc, head = model._e5
    ranges = [tuple(int(x) for x in r.split("-")) for r in args.lines.split(",")]
    t0, n_art, n_sent = time.process_time(), 0, 0
    with open(args.news, encoding="utf-8") as f, open(args.out, "w", encoding="utf-8") as out:
        for ln, line in enumerate(f, 1):
            if not any(a <= ln <= b for a, b in ranges) or (ln - 1) % args.every:
                continue
            art = json.loads(line)
            raw = art.get("text") or ""
            doc = document_from_text(raw, id=art.get("id", str(ln)))
            sents = []
            for s in doc.sentences:
                words = [raw[slice(*doc.offsets.to_raw(t.start, t.end))] for t in doc.tokens[s.first_token:s.last_token]]
                if any(not w or w.isspace() or " " in w for w in words):
                    continue
                if len(words) >= 3 and sum(len(enc.word_pieces(w)) for w in words) <= enc.MAXP - 2:
                    sents.append(words)
            if not sents:
                continue
            margs = []
            for words in sents:
                flags = feats.list_flags(words, head.lists) if head.lists else None
                margs.append(head.marginals(enc.word_vectors(words, head.layers), flags))
            vit = train_ner_e5.decode(margs, None, 0)
            tags = consistent(sents, vit)
            idx = {t: i for i, t in enumerate(train_ner_e5.TAGS)}
            for words, m, v, t in zip(sents, margs, vit, tags, strict=True):
                conf = float(min(m[j, idx[x]] for j, x in enumerate(v)))
                out.write(json.dumps({"line": ln, "words": words, "tags": t, "conf": round(conf, 4),
                                      "changed": t != v}, ensure_ascii=False) + "\n")
            n_art, n_sent = n_art + 1, n_sent + len(sents)
            if n_art % 50 == 0:
                print(f"{n_art} articles, {n_sent} sentences, {time.process_time() - t0:.0f} CPU-s", flush=True)
    print(f"{n_art} articles, {n_sent} sentences, {time.process_time() - t0:.0f} CPU-s", flush=True)
    return 0


def select(args) -> int:
    rows = [json.loads(x) for x in open(args.select, encoding="utf-8")]
    kept = [r for r in rows if r["conf"] >= args.threshold and not r["changed"]
            and any(t != "O" for t in r["tags"])]
    if args.max_sentences:
        rng = np.random.default_rng(0)
        if len(kept) > args.max_sentences:
            kept = [kept[i] for i in sorted(rng.choice(len(kept), args.max_sentences, replace=False))]
    with open(args.out, "w", encoding="utf-8") as f:
        for r in kept:
            f.writelines(f"{w} {t}\n" for w, t in zip(r["words"], r["tags"], strict=True))
            f.write("\n")
    ents = sum(t.startswith("B-") for r in kept for t in r["tags"])
    print(f"{len(kept)} of {len(rows)} sentences kept ({sum(len(r['words']) for r in kept)} words, {ents} entities)")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", type=Path, help="CRF model file with the e5 head beside it (the teacher)")
    p.add_argument("--news", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news" / "saudinewsnet.jsonl")
    p.add_argument("--lines", default="5001-8000,10001-14000", help="1-based line ranges of the news file")
    p.add_argument("--every", type=int, default=4, help="every n-th line of the ranges")
    p.add_argument("--select", type=Path, default=None, help="a tagged file: write the kept sentences to --out")
    p.add_argument("--threshold", type=float, default=0.9, help="--select: least marginal of a kept sentence")
    p.add_argument("--max-sentences", type=int, default=0, help="--select: at most this many (seeded sample)")
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args(argv)
    return select(args) if args.select else tag_news(args)


if __name__ == "__main__":
    sys.exit(main())
