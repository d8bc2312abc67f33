"""Cue word lists and clause scope, shared by the cue functions.

The lists live as TSV files in ``marsad/resources/cues/`` (see the README
there).  :func:`load_cues` returns a :class:`Cues` object that reads each file
the first time it is needed and keeps it; the cue functions take that object
as their first argument, so nothing is loaded per call and there is no
module-level mutable state.

Clause scope: a trigger's clause runs from the previous clause boundary to the
next one.  Boundaries are punctuation, complementizers (أن/إن and their
forms), relative pronouns and subordinators (الذي، التي، حيث، بينما، عندما،
لكن…), and و/ف + a word that looks like a verb (و + present-tense ي…, و + a
past form in ـت, وقد، وكان، ولم…).  Verb detection is a heuristic: Arabic
script without vowels does not tell a verb from a noun, so a clause boundary
after و + a past masculine verb (وهاجم) is missed.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

from marsad.resources import path as resource_path
from marsad.resources import read_tsv
from marsad.text.normalize import normalize_text
from marsad.text.reporting_words import ReportingRow, reporting_rows, words_for
from marsad.text.tokens import word_key

PUNCT_BOUNDARY = frozenset(",;:()[]{}-–—|!?.")  # not "/": آذار/مارس، 2014/2015
COMPLEMENTIZERS = frozenset(
    "ان بان لان وان فان انه انها انهم انهما انني اننا بانه بانها بانهم لانه لانها لانهم وانه وانها فانه فانها".split()
)
SUBORDINATORS = frozenset(
    "الذي التي الذين اللذين اللتين اللواتي اللاتي حيث وحيث بينما وبينما فيما وفيما عندما وعندما حين حينما "
    "بعدما وبعدما لكن ولكن لكنه لكنها ثم وثم كما وكما اذ الا والا بيد فقد وقد لقد ولقد وكان وكانت فكان "
    "وهذا وهذه وهو وهي وهم وذلك كان كانت كانوا كانا".split()
)
# Words starting with ي that are nouns, so و + them is not و + present verb.
_YA_NOUNS = frozenset(
    "يوم يوما يومي يومين يومها ايام يونيو يونيه يوليو يوليه يناير يد يدي يمين يسار يهود يهودي يهوديه "
    "يمن يمني يمنيه يمنيين ينبوع يافا يابان".split()
)
_CONJ = ("و", "ف")
# attribution() reads verbs of saying and of publishing alike: the source is the subject after them
_ATTRIBUTION_KINDS = {"say": "verb", "publish": "verb"}
_UNIT_CLITICS = ("وب", "ول", "فب", "فل", "ب", "ل")


def strip_conj(word: str) -> str:
    """``word`` without a leading و/ف conjunction when enough remains (``ولم`` → ``لم``)."""
    if len(word) > 2 and word[0] in _CONJ:
        return word[1:]
    return word


def is_punct(word: str) -> bool:
    """Is ``word`` a punctuation token that ends a clause (quotes do not)?"""
    return len(word) == 1 and word in PUNCT_BOUNDARY


def imperfect(word: str) -> bool:
    """Does ``word`` look like a present-tense verb (قد + present = "may": قد يحاول، قد تشن)?

    ي/ن + stem, or ت + stem when the shape is not also a past form V/VI verb
    (قد تعرض، قد توصل are "has been exposed", "has reached"): تت…، تست…, or a
    three-letter word (تشن).
    """
    if len(word) < 3:
        return False
    if word[0] in "ين":
        return True
    return word.startswith(("تت", "تست")) or (word[0] == "ت" and len(word) == 3)


def _conj_verb(word: str) -> bool:
    """و/ف + a word that looks like a verb: a clause starts here."""
    if len(word) < 4 or word[0] not in _CONJ:
        return False
    rest = word[1:]
    if rest[0] == "ي" and rest not in _YA_NOUNS and not rest.startswith("يوم"):
        return True
    return rest[-1] == "ت" and rest[-2:] not in ("ات", "وت", "يت") and 3 <= len(rest) <= 5


def starts_clause(word: str) -> bool:
    """Does ``word`` open a new clause (it belongs to the clause it opens)?"""
    return word in COMPLEMENTIZERS or word in SUBORDINATORS or _conj_verb(word)


def words_back(words: list[str], i: int, window: int) -> Iterator[int]:
    """Indexes of the words before ``words[i]``, nearest first, at most ``window`` of them and none past a
    punctuation mark (the reach of a governing word: نفى قصف، وسبق لأوباما أن زار)."""
    for k in range(i - 1, max(-1, i - window - 1), -1):
        if is_punct(words[k]):
            return
        yield k


def clause_bounds(words: list[str], i: int) -> tuple[int, int]:
    """``[start, end)`` word indexes of the clause around ``words[i]``."""
    start = 0
    for k in range(i - 1, -1, -1):
        w = words[k]
        if is_punct(w):
            start = k + 1
            break
        if starts_clause(w):
            start = k
            break
    end = len(words)
    for k in range(i + 1, len(words)):
        w = words[k]
        if is_punct(w) or starts_clause(w):
            end = k
            break
    return start, end


def sentence_words(doc, sent: int) -> tuple[int, list[str], list[str]]:
    """``(first token index, normalized words, keys)`` of sentence ``sent``."""
    s = doc.sentences[sent]
    toks = doc.tokens[s.first_token : s.last_token]
    return s.first_token, [t.norm for t in toks], [t.key for t in toks]


class PhraseTable:
    """Multiword cues indexed by the surface forms of their first word; longest match first.

    A first word may carry a و/ف conjunction (and the proclitics in
    ``clitics``, e.g. ب/ل: بمقتل); with ``accusative`` a final tanween alef is
    ignored on every word (طنا → طن).  A phrase word that is a lone proclitic
    (ل، ب) matches a token that starts with it: the match is then *partial*
    (the rest of that token is what follows the cue).  Every surface form of a
    first word is indexed when the table is built, so a lookup is one dict get.
    """

    __slots__ = ("by_form", "accusative")

    def __init__(
        self,
        rows: list[tuple[tuple[str, ...], tuple[str, ...]]],
        accusative: bool = False,
        clitics: tuple[str, ...] = (),
    ) -> None:
        self.accusative = accusative
        exact: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        derived: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for words, payload in rows:
            if not words:
                continue
            f = words[0]
            exact.setdefault(f, []).append((words, payload))
            for form in self._surface(f, clitics):
                if form != f:
                    derived.setdefault(form, []).append((words, payload))
        by_form = {}
        for form in exact.keys() | derived.keys():
            entries = exact.get(form, []) + derived.get(form, [])
            by_form[form] = tuple(sorted(entries, key=lambda e: -len(e[0])))  # stable: exact first
        self.by_form = by_form

    def _surface(self, f: str, clitics: tuple[str, ...]) -> set[str]:
        """Text forms under which the first word ``f`` may appear."""
        forms = {f}
        if len(f) >= 2:
            forms |= {c + f for c in _CONJ}
        if len(f) >= 3:
            forms |= {c + f for c in clitics}
        if self.accusative:
            forms |= {x + "ا" for x in forms}
        return forms

    def match(self, words: list[str], i: int) -> tuple[int, tuple[str, ...], bool] | None:
        """Longest cue starting at ``words[i]``: ``(end, payload, partial)`` or None."""
        entries = self.by_form.get(words[i])
        if entries is None:
            return None
        for phrase, payload in entries:
            if len(phrase) == 1:
                return i + 1, payload, False
            got = self._rest(phrase, words, i)
            if got is not None:
                return got[0], payload, got[1]
        return None

    def _rest(self, phrase: tuple[str, ...], words: list[str], i: int) -> tuple[int, bool] | None:
        j = i + 1
        for p in phrase[1:]:
            if j >= len(words):
                return None
            w = words[j]
            if p in ("ل", "ب") and w != p and w.startswith(p) and len(w) > 2:
                return j, True
            if p != w and not (self.accusative and w[-1:] == "ا" and w[:-1] == p):
                return None
            j += 1
        return j, False


def _norm_words(text: str, keys: bool = False) -> tuple[str, ...]:
    words = normalize_text(text).split()
    return tuple(word_key(w) for w in words) if keys else tuple(words)


class Cues:
    """The cue lists, each read from its TSV file on first use."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else resource_path("cues")

    def rows(self, name: str) -> list[dict[str, str]]:
        """Rows of ``name`` (a TSV with a header; ``#`` lines are comments)."""
        return list(read_tsv(self.root / name))

    @cached_property
    def modality(self) -> PhraseTable:
        return PhraseTable([(_norm_words(r["cue"]), (r["modality"], r["scope"])) for r in self.rows("modality.tsv")])

    @cached_property
    def support_verbs(self) -> frozenset[str]:
        return frozenset(normalize_text(r["verb"]) for r in self.rows("support_verbs.tsv"))

    @cached_property
    def embedding(self) -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
        """Verb → its (class, links) in file order: a verb may govern one class by one link and another by
        another (قرر: a verbal noun it carries out, "decide"; a clause with أن, "intent").  A later row of
        the same verb and class replaces the earlier one's links."""
        out: dict[str, dict[str, frozenset[str]]] = {}
        for r in self.rows("embedding.tsv"):
            links = frozenset(normalize_text(x) for x in r["link"].split("|"))
            out.setdefault(normalize_text(r["verb"]), {})[r["class"]] = links
        return {verb: tuple(classes.items()) for verb, classes in out.items()}

    @cached_property
    def background(self) -> PhraseTable:
        rows = self.rows("background.tsv")
        return PhraseTable([(_norm_words(r["cue"]), ("phrase",)) for r in rows if r["kind"] == "phrase"])

    @cached_property
    def background_words(self) -> dict[str, frozenset[str]]:
        """Words of the ``kana``, ``since`` and ``ago`` kinds of background.tsv (article-free keys)."""
        out: dict[str, set[str]] = {}
        for r in self.rows("background.tsv"):
            if r["kind"] != "phrase":
                out.setdefault(r["kind"], set()).add(word_key(normalize_text(r["cue"])))
        return {k: frozenset(v) for k, v in out.items()}

    @cached_property
    def months(self) -> PhraseTable:
        return PhraseTable([(_norm_words(r["name"]), (r["month"],)) for r in self.rows("months.tsv")])

    @cached_property
    def reporting(self) -> list[ReportingRow]:
        """The rows of reporting.tsv: words of saying and reporting, media words around a source."""
        return reporting_rows(self.root / "reporting.tsv")

    @cached_property
    def attribution(self) -> PhraseTable:
        """The attribution cues (use ``source``), payload ``(kind,)``: verb (of saying or publishing),
        relay or prep."""
        return PhraseTable([(_norm_words(r.cue), (_ATTRIBUTION_KINDS.get(r.kind, r.kind),))
                            for r in self.reporting if "source" in r.uses])

    @cached_property
    def attribution_verbs(self) -> frozenset[str]:
        return frozenset(normalize_text(r.cue) for r in self.reporting if "source" in r.uses and r.kind != "prep")

    @cached_property
    def continuations(self) -> frozenset[str]:
        """Verbs that carry an earlier sentence's speaker (وأضاف، مشيرا: use ``carry``)."""
        return words_for(self.reporting, "carry")

    @cached_property
    def cited_media(self) -> frozenset[str]:
        """Media words that open a second source after لـ (لوكالة، لرويترز: use ``cited``)."""
        return words_for(self.reporting, "cited")

    @cached_property
    def anonymous_heads(self) -> frozenset[str]:
        return frozenset(normalize_text(r["word"]) for r in self.rows("anonymous.tsv") if r["kind"] == "head")

    @cached_property
    def anonymous_markers(self) -> PhraseTable:
        rows = self.rows("anonymous.tsv")
        return PhraseTable([(_norm_words(r["word"]), ("marker",)) for r in rows if r["kind"] == "marker"])

    @cached_property
    def units(self) -> dict[str, PhraseTable]:
        """Unit nouns (``"noun"``: unit/person/group kinds), ``"role"`` and ``"postrole"`` words.

        Matched on article-free keys; payload ``(unit, kind, value)``.
        """
        groups: dict[str, list] = {"noun": [], "role": [], "postrole": []}
        for r in self.rows("units.tsv"):
            kind = r["kind"]
            group = kind if kind in ("role", "postrole") else "noun"
            groups[group].append((_norm_words(r["ar"], keys=True), (r["unit"], kind, r["value"] or "")))
        return {g: PhraseTable(rows, accusative=True, clitics=_UNIT_CLITICS) for g, rows in groups.items()}

    @cached_property
    def unit_duals(self) -> dict[str, str]:
        """Dual forms of unit nouns → the singular form the noun table knows (طايرتين → طايره).

        Built from the table's first words: ``X`` + ين/ان, and for ـه nouns ``Xت`` + ين/ان/ي.
        Nisba nouns (ending in ي) have no dual here: مدنيين is read as a plural.
        """
        out: dict[str, str] = {}
        for form in self.units["noun"].by_form:
            if len(form) < 3:
                continue
            if form.endswith("ه"):
                base = form[:-1] + "ت"
                for end in ("ين", "ان", "ي"):
                    out.setdefault(base + end, form)
            elif not form.endswith(("ي", "ا")):
                for end in ("ين", "ان"):
                    out.setdefault(form + end, form)
        return out

    @cached_property
    def sin_exceptions(self) -> frozenset[str]:
        return frozenset(r["word"] for r in self.rows("sin_exceptions.tsv"))

    def is_sin_future(self, word: str) -> bool:
        """Is ``word`` the future proclitic س on a present verb (سيزور، وستبدأ)?"""
        w = strip_conj(word)
        return len(w) >= 4 and w[0] == "س" and w[1] in "يتن" and w not in self.sin_exceptions

    def warm(self) -> Cues:
        """Load every table now (for benchmarks and servers); returns ``self``."""
        for name in (
            "modality", "support_verbs", "embedding", "background", "background_words", "months",
            "reporting", "attribution", "attribution_verbs", "continuations", "cited_media", "anonymous_heads",
            "anonymous_markers", "units", "unit_duals", "sin_exceptions",
        ):
            getattr(self, name)
        return self


def load_cues(root: Path | None = None) -> Cues:
    """The cue lists from the package resources (or from ``root``), loaded lazily."""
    return Cues(root)
