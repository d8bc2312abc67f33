"""Words of saying and reporting, and the media words around a source: one data file for every stage
that reads them (``resources/cues/reporting.tsv``; its header and the README there say the format).

Each row is a cue (a word, or for the attribution cues a phrase), its kind (a verb of saying or of
publishing, a relay verb, a preposition that introduces a source, a noun of speech, a media head noun,
a reporter, an agency's name) and the uses that read it: the attribution cues (who a sentence cites),
the speech-verb test of the argument heuristics (whose subject is the sentence's speaker), the test of
an outlet that reports rather than suffers an act, the media context of outlet names in the
actor stage, the end of the victims named after a toll, and the continuation verbs that carry a
running speaker (:func:`marsad.coding.subjects.running_speaker`).  :func:`reporting_words` gives each of the
last four its set (normalized words, cached
per process); :class:`marsad.coding.cue_data.Cues` reads the attribution rows with
:func:`reporting_rows`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad import resources
from marsad.text.normalize import normalize_text


@dataclass(frozen=True, slots=True)
class ReportingRow:
    """One row of reporting.tsv: the cue as written, its kind and its uses."""

    cue: str
    kind: str
    uses: frozenset[str]


@dataclass(frozen=True, slots=True)
class ReportingWords:
    """The one-word sets of reporting.tsv that the actor stage and the argument heuristics read
    (normalized words; see the file's header for each use)."""

    speech_verbs: frozenset[str]  # use speaker: قال X إن… (X is the speaker)
    reporting_verbs: frozenset[str]  # use reports: بعد نشر نيويورك تايمز (the outlet reports)
    media_context: frozenset[str]  # use context: قالت الميادين، بحسب الأناضول
    media_heads: frozenset[str]  # use head: قناة، صحيفة، وكالة
    near_media: frozenset[str]  # uses head and near: وكالة الأنباء القطرية (قنا)، مراسل الأناضول
    victims_end: frozenset[str]  # use ends: … من القتلى وفق تقارير الأمم المتحدة
    carry_verbs: frozenset[str] = frozenset()  # use carry: وأضاف، وتابع (an earlier sentence's speaker goes on)


def reporting_rows(p: Path | None = None) -> list[ReportingRow]:
    """The rows of ``p`` (default: the packaged reporting.tsv), in file order."""
    rows = resources.read_tsv(p if p is not None else resources.path("reporting"))
    return [ReportingRow(r["cue"], r["kind"], frozenset(u for u in r["use"].split(",") if u)) for r in rows]


def words_for(rows: list[ReportingRow], *uses: str) -> frozenset[str]:
    """The normalized cues of ``rows`` that one of ``uses`` reads."""
    return frozenset(normalize_text(r.cue) for r in rows if not r.uses.isdisjoint(uses))


@lru_cache(maxsize=1)
def reporting_words() -> ReportingWords:
    """The sets of the packaged reporting.tsv, read once per process."""
    rows = reporting_rows()
    return ReportingWords(
        speech_verbs=words_for(rows, "speaker"),
        reporting_verbs=words_for(rows, "reports"),
        media_context=words_for(rows, "context"),
        media_heads=words_for(rows, "head"),
        near_media=words_for(rows, "head", "near"),
        victims_end=words_for(rows, "ends"),
        carry_verbs=words_for(rows, "carry"),
    )
