"""Entity-level NER scoring (CoNLL ``conlleval`` style: exact span and type).

Also reads the ANERcorp column format used by the training and evaluation
scripts (``token TAG`` per line, blank line between sentences).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

TYPES = ("PERS", "LOC", "ORG", "MISC")


def chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end_exclusive, type)`` of a BIO tag sequence.

    As in conlleval, an ``I-X`` that does not continue an ``X`` entity starts one.
    """
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, tag in enumerate((*tags, "O")):
        bio, _, t = tag.partition("-")
        continues = bio == "I" and t == typ and start >= 0
        if start >= 0 and not continues:
            out.append((start, i, typ))
            start, typ = -1, ""
        if bio in ("B", "I") and not continues:
            start, typ = i, t
    return out


@dataclass(slots=True)
class Counts:
    """True positives, predicted and gold entity counts of one type (or all)."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> dict[str, Counts]:
    """Per-type counts plus ``ALL`` and ``ALL-MISC`` (micro, MISC excluded)."""
    table = {t: Counts() for t in (*TYPES, "ALL", "ALL-MISC")}
    for g_tags, p_tags in zip(gold, pred, strict=True):
        g, p = set(chunks(g_tags)), set(chunks(p_tags))
        for spans, attr in ((g, "gold"), (p, "pred"), (g & p, "tp")):
            for _, _, t in spans:
                for name in (t, "ALL") if t == "MISC" else (t, "ALL", "ALL-MISC"):
                    c = table.setdefault(name, Counts())
                    setattr(c, attr, getattr(c, attr) + 1)
    return table


def format_table(table: dict[str, Counts]) -> str:
    """A plain-text table of P/R/F1 and counts per type."""
    lines = [f"{'type':<9} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6} {'tp':>6}"]
    for name, c in table.items():
        lines.append(
            f"{name:<9} {c.precision:6.4f} {c.recall:6.4f} {c.f1:6.4f} {c.gold:6d} {c.pred:6d} {c.tp:6d}"
        )
    return "\n".join(lines)


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of an ANERcorp-style file as ``(words, tags)``.

    Lines with an empty token (a few in ANERcorp) are skipped.
    """
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not line.strip():
                if words:
                    sents.append((words, tags))
                words, tags = [], []
                continue
            if len(parts) != 2:
                continue
            words.append(parts[0])
            tags.append(parts[1])
    if words:
        sents.append((words, tags))
    return sents
