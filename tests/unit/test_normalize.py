from marsad.text.normalize import arabic_ratio, normalize, normalize_text
from marsad.text.tokens import WordMemo, candidates, sentence_bounds, strip_article, tokenize


def test_normalize_folds_alef_ta_marbuta_and_alef_maqsura():
    assert normalize_text("أإآٱ ة ى ؤ ئ") == "اااا ه ي و ي"


def test_normalize_deletes_diacritics_tatweel_and_invisibles():
    raw = "اتصالاً هاتفيًّا الـــروسية\u200f"
    norm, _ = normalize(raw)
    assert norm == "اتصالا هاتفيا الروسيه"


def test_normalize_digits_and_punctuation():
    assert normalize_text("١٢ أغسطس ٢٠٢٥، ۳؟") == "12 اغسطس 2025, 3?"


def test_offset_map_maps_spans_back_to_raw_text():
    raw = "أكّدت وسائلُ إعلامٍ روسيةٌ"
    norm, m = normalize(raw)
    i = norm.index("اعلام")
    s, e = m.to_raw(i, i + len("اعلام"))
    assert raw[s:e] == "إعلامٍ"[:-1] or raw[s:e].startswith("إعلام")


def test_spans_end_after_the_diacritics_of_their_last_letter():
    raw = "قتل جندياً فلسطينياً، وأصيب آخرون‏."
    norm, m = normalize(raw)
    i = norm.index("جنديا")
    end = i + len("جنديا فلسطينيا")
    s, e = m.to_raw(i, end)
    assert raw[s:e] == "جندياً فلسطينيا"  # without the text: up to the last letter
    s, e = m.to_raw(i, end, raw)
    assert raw[s:e] == "جندياً فلسطينياً"  # with it: the tanween belongs to the word
    j = norm.index("اخرون")
    s, e = m.to_raw(j, j + len("اخرون"), raw)
    assert raw[s:e] == "آخرون"  # an invisible mark after the word is not taken


def test_identity_map_when_nothing_changes():
    norm, m = normalize("hello world")
    assert m.index is None and m.to_raw(0, 5) == (0, 5)


def test_presentation_forms_expand_with_offsets():
    raw = "ﻻ بد"
    norm, m = normalize(raw)
    assert norm == "لا بد"
    assert m.to_raw(0, 2) == (0, 1)


def test_strip_article_and_candidates():
    assert strip_article("والجيش") == ("وال", "جيش")
    assert strip_article("للدفاع") == ("لل", "دفاع")
    assert ("و", "روسيا") in candidates("وروسيا")
    assert candidates("وزير")[0] == ("", "وزير")


def test_lam_before_a_word_beginning_with_lam():
    # ل + لبنان is written للبنان: the article reading (لل + بنان) comes first, the word itself second
    assert candidates("للبنان") == (("لل", "بنان"), ("ل", "لبنان"))
    assert ("ول", "لجنه") in candidates("وللجنه")
    assert candidates("للعراق")[0] == ("لل", "عراق")


def test_lam_before_lam_names_the_actor():
    import marsad

    doc = marsad.code("قدمت السعودية مساعدات عاجلة للبنان وقالت إنها ستواصل دعمه.", date="2015-07-20")
    names = [(m.span.text, m.code) for m in doc.actors]
    assert ("لبنان", "LBN") in names
    assert any(e.target is not None and e.target.code == "LBN" for e in doc.events)


def test_tokenize_and_sentences():
    norm = normalize_text("قال د. أحمد إن الجيش قصف المدينة. ثم انسحب!\nوبعد ذلك")
    toks = tokenize(norm)
    assert [t.key for t in toks][:4] == ["قال", "د", ".", "احمد"]
    sents = list(sentence_bounds(norm))
    assert len(sents) == 3  # the dot after the abbreviation "د." does not end a sentence


def test_arabic_ratio():
    assert arabic_ratio("hello") == 0.0
    assert arabic_ratio("مرحبا") == 1.0
    assert arabic_ratio("") == 0.0


def test_word_memo_keeps_frequent_words_and_stays_bounded():
    memo = WordMemo(limit=3)
    memo.put("a", 1)
    for w in ("b", "c", "d", "e"):  # "a" is asked for again in each generation
        assert (memo.hot.get("a") or memo.recall("a")) == 1
        memo.put(w, w)
    memo.put("f", "f")  # a new generation starts: "b" (used once, two generations ago) is dropped
    assert len(memo) <= 2 * 3
    assert memo.hot.get("a") == 1 or memo.recall("a") == 1
    assert memo.recall("b") is None and "b" not in memo.hot
    assert memo.recall("zzz") is None


def test_lexicon_readings_same_with_a_tiny_memo():
    from marsad.coding.lexicon import TriggerLexicon

    tokens = tokenize(normalize_text("قصفت الطائرات مواقع المسلحين وأدان الوزير القصف ثم قصفت الطائرات"))
    full = TriggerLexicon().readings(tokens)
    small = TriggerLexicon()
    small._memo = WordMemo(limit=2)
    assert small.readings(tokens) == full
    assert small.readings(tokens) == full
