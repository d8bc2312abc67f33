"""normalize folds a text with one str.replace per changed character (_fold_text): the same string
as str.translate with the table, which that rests on no result being a changed character."""

import random

from marsad.text.normalize import _CHANGES, _TABLE, _fold_text, normalize


def test_no_result_of_the_table_is_a_character_it_changes():
    changed = {c for c, _ in _CHANGES}
    assert all(not set(v) & changed for _, v in _CHANGES)


def test_fold_text_is_translate_with_the_table():
    rng = random.Random(34)
    alphabet = [c for c, _ in _CHANGES] + [chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0x0600, 0x0700)]
    alphabet += ["\u00e9", "\u4e2d", "\U0001F600", "\u2028"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        assert _fold_text(text) == text.translate(_TABLE)


def test_normalize_of_a_text_with_every_changed_character():
    raw = "".join(c + "ب" for c, _ in _CHANGES)
    assert normalize(raw)[0] == raw.translate(_TABLE)


def test_long_and_short_texts_fold_alike():
    from marsad.text.normalize import FOLD_MIN

    unit = "أكّدت الوزارةُ «الهجومَ» ٢٠١٥، ى ؤ ئ\u200f "
    for n in (1, FOLD_MIN // len(unit), FOLD_MIN // len(unit) + 1, 3 * FOLD_MIN // len(unit)):
        raw = unit * n
        assert normalize(raw)[0] == raw.translate(_TABLE)
