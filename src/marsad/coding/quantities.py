"""Quantities stated for an event: a number with a unit noun near the trigger.

The window is the trigger's clause start up to the next punctuation mark (so
``قتل 11 شخصا وجرح 30 آخرون`` gives both figures, but a figure after a comma
does not attach).  A quantity is a number (digits or words, see
:mod:`marsad.text.numbers`) followed by a unit noun from ``units.tsv`` (with
an optional ``من``: ``25 من الطلبة``), a dual noun alone (``طائرتين`` → 2
aircraft), or a noun followed by a number adjective (``المهاجمين الأربعة``).

People are counted with a role when one is stated: a role word before the
number (``مقتل 52 شخصا`` → 52 killed), after the noun (``لقي 20 شخصا مصرعهم``)
or, failing both, the trigger itself (``قتل خلال المواجهات 28 شخصا``).
Generic people (شخص، آخرين) take the role as unit; specific groups get
``"<group> <role>"`` (``soldiers killed``).
"""

from __future__ import annotations

import re

from marsad.coding.cue_data import (
    COMPLEMENTIZERS,
    Cues,
    PhraseTable,
    clause_bounds,
    is_punct,
    sentence_words,
    strip_conj,
)
from marsad.document import Quantity
from marsad.text.normalize import normalize_text
from marsad.text.numbers import NUMBER_WORDS, parse_number

# Words allowed between a role word and its number (مقتل أكثر من 50، اعتقال نحو 20).
_FILLERS = frozenset(
    normalize_text("أكثر من نحو حوالي حوالى قرابة زهاء ما يزيد عن على يقل لا أقل يقارب و (").split()
)
_MAX_FILLERS = 4
# Units that are an outcome by themselves (قتلى، جرحى، معتقلين): kept anywhere in the sentence.
_OUTCOME_UNITS = frozenset(("killed", "wounded", "injured", "detainees", "displaced", "prisoners", "hostages"))
_YEAR = re.compile(r"^(19|20)\d\d$")


def quantities(cues: Cues, doc, sent: int, trigger_tok: int, window: str = "auto") -> list[Quantity]:
    """Quantities stated for the event whose trigger is token ``trigger_tok``.

    ``window``: ``"clause"`` keeps figures from the trigger's clause start to
    the next punctuation mark; ``"sentence"`` keeps every figure of the
    sentence; ``"auto"`` (default) keeps the clause's figures plus, anywhere in
    the sentence, casualty/arrest figures (a figure with a role such as
    مقتل/إصابة/اعتقال, or a unit such as قتلى/جرحى): a sentence usually states
    the outcome of its one violent event in a separate clause.
    """
    first, words, keys = sentence_words(doc, sent)
    ti = trigger_tok - first
    cs, _ = clause_bounds(words, ti)
    end = next((k for k in range(ti + 1, len(words)) if is_punct(words[k])), len(words))
    lo, hi = (cs, end) if window == "clause" else (0, len(words))
    tables = {**cues.units, "duals": cues.unit_duals}
    starts = tables["noun"].by_form
    trig_role = _role_at(tables["role"], keys, ti) or _role_at(tables["postrole"], keys, ti)
    out: list[Quantity] = []
    seen: set[tuple[float, str]] = set()
    k = lo
    while k < hi:
        w, key = words[k], keys[k]
        if not (w[0].isdigit() or w in NUMBER_WORDS or key in starts or key in tables["duals"]):
            k += 1
            continue
        got = _quantity_at(tables, words, keys, k, hi)
        if got is None:
            k += 1
            continue
        value, (unit, kind, _), s, e = got
        k = e
        near = cs <= s < end
        local = _role_before(tables["role"], keys, s) or _postrole_after(tables["postrole"], words, keys, e)
        if not (near or window == "sentence" or local or unit in _OUTCOME_UNITS):
            continue
        role = local or ((trig_role or _role_in(tables["role"], keys, cs, s)) if near else None)
        name = _unit_name(unit, kind, role)
        if (value, name) not in seen:
            seen.add((value, name))
            span = doc.span(doc.tokens[first + s].start, doc.tokens[first + e - 1].end)
            out.append(Quantity(value=value, unit=name, span=span))
    return out


def _unit_name(unit: str, kind: str, role: str | None) -> str:
    if kind == "person":
        return role or unit
    if kind == "group" and role:
        return f"{unit} {role}"
    return unit


def _quantity_at(tables, words: list[str], keys: list[str], k: int, end: int):
    """``(value, payload, start, end)`` of a quantity starting at word ``k``, or None."""
    nouns: PhraseTable = tables["noun"]
    num = parse_number(words, k)
    if num is not None:
        value, used = num
        j = k + used
        if j < end and words[j] == ")":  # مقتل (20) شخصا
            j += 1
        if j < end and keys[j] == "من":
            j += 1
        m = nouns.match(keys, j) if j < end else None
        if m is not None and m[0] <= end:
            return value, m[1], k, m[0]
        role = _role_before(tables["role"], keys, k)
        if role is not None and not _YEAR.match(words[k]):  # مقتل 25 من الطلبه
            return value, (role, "unit", ""), k, k + used
        return None
    m = nouns.match(keys, k)
    if m is None:
        return _dual(nouns, tables["duals"], keys, k, end)
    count = m[1][2]
    if count and count != "sg":  # a word with its own count (جنديين)
        return float(count), m[1], k, m[0]
    nxt = words[m[0]] if m[0] < end else ""
    if nxt in ("واحد", "واحده"):  # مقتل شخص واحد
        return 1.0, m[1], k, m[0] + 1
    after = parse_number(words, m[0]) if nxt.startswith("ال") else None
    if after is not None and after[0] >= 3:  # المهاجمين الاربعه
        return after[0], m[1], k, m[0] + after[1]
    if count == "sg" and _counted_singular(tables, words, keys, k, m[0]):
        return 1.0, m[1], k, m[0]
    return None


def _counted_singular(tables, words: list[str], keys: list[str], k: int, e: int) -> bool:
    """An indefinite singular right after a role word or before a postrole (قتل جندي، لقي
    جندي مصرعه): it counts as one.  Right after any trigger (أسقطت طائرة) it is not counted:
    on the train set that added one right figure for fifteen unwanted ones."""
    if strip_conj(words[k]).startswith(("ال", "بال", "لل")):
        return False
    if _role_before(tables["role"], keys, k) is not None:
        return True
    return e < len(keys) and _role_at(tables["postrole"], keys, e) is not None


def _postrole_after(table: PhraseTable, words: list[str], keys: list[str], e: int) -> str | None:
    """A postrole within a few words after the counted noun (اثنين من عناصر الصحوة قتلا)."""
    for j in range(e, min(len(keys), e + 5)):
        if is_punct(words[j]) or words[j] in COMPLEMENTIZERS:
            return None
        role = _role_at(table, keys, j)
        if role is not None:
            return role
    return None


def _dual(nouns: PhraseTable, duals: dict[str, str], keys: list[str], k: int, end: int):
    """A dual noun alone: ``شخصين``, ``طائرتين مسيرتين``, ``قذيفتي هاون`` → 2."""
    stem = duals.get(keys[k])
    if stem is None:
        return None
    nxt = duals.get(keys[k + 1]) if k + 1 < end else None
    rest = keys[k + 1 : k + 4]
    tries = ([stem, nxt, *rest[1:]],) if nxt else ()
    for cand in (*tries, [stem, *rest]):
        m = nouns.match(cand, 0)
        if m is not None and k + m[0] <= end and m[1][2] in ("", "sg"):
            return 2.0, m[1], k, k + m[0]
    return None


def _role_at(table: PhraseTable, keys: list[str], i: int) -> str | None:
    if i >= len(keys):
        return None
    m = table.match(keys, i)
    return m[1][0] if m is not None else None


def _role_in(table: PhraseTable, keys: list[str], start: int, s: int) -> str | None:
    """The nearest role word in ``[start, s)`` (وقتل خلال المواجهات ... 28 شخصا)."""
    for i in range(s - 1, start - 1, -1):
        role = _role_at(table, keys, i)
        if role is not None:
            return role
    return None


def _role_before(table: PhraseTable, keys: list[str], s: int) -> str | None:
    """A role word ending right before the number at ``s`` (fillers allowed between)."""
    p = s
    while p > 0 and s - p < _MAX_FILLERS and strip_conj(keys[p - 1]) in _FILLERS:
        p -= 1
    for pos in {s, p}:
        for start in range(max(0, pos - 3), pos):
            m = table.match(keys, start)
            if m is not None and m[0] == pos:
                return m[1][0]
    return None
