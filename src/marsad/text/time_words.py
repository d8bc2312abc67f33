"""The weekdays' names, normalized: one list for every stage that reads time words.

Dates read them to resolve "يوم الثلاثاء"; argument and name code skips them as time adverbs
between a verb and its subject (قال أمس الثلاثاء وزير…) or at the end of a name.
"""

from __future__ import annotations

from marsad.text.normalize import normalize_text

# Each spelling's Python weekday number (Monday = 0), keyed without the article.
WEEKDAY_NUMBERS: dict[str, int] = {
    normalize_text(w): i
    for w, i in (("اثنين", 0), ("إثنين", 0), ("ثلاثاء", 1), ("ثلثاء", 1), ("أربعاء", 2),
                 ("خميس", 3), ("جمعة", 4), ("سبت", 5), ("أحد", 6))
}
WEEKDAYS = frozenset(WEEKDAY_NUMBERS)  # اثنين، ثلاثاء… (clitic-free keys)
DEFINITE_WEEKDAYS = frozenset("ال" + w for w in WEEKDAYS)  # الاثنين، الثلاثاء… (normalized words)
