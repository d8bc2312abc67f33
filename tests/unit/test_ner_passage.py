"""Label consistency over a passage for the NER (marsad.actors.ner_passage, round 12)."""

from __future__ import annotations

from marsad.actors.ner_passage import consistent


def test_missed_name_takes_the_type_found_nearby() -> None:
    words = [["قال", "محفوظ", "إن"], ["وأضاف", "محفوظ"], ["ثم", "كتب", "محفوظ"]]
    tags = [["O", "B-PERS", "O"], ["O", "O"], ["O", "O", "O"]]
    assert consistent(words, tags) == [["O", "B-PERS", "O"], ["O", "B-PERS"], ["O", "O", "B-PERS"]]


def test_only_within_the_window() -> None:
    words = [["فاز", "الزمالك"], ["مباراة", "أمس"], ["وخسر", "الزمالك"]]
    tags = [["O", "B-ORG"], ["O", "O"], ["O", "O"]]
    assert consistent(words, tags, window=1)[2] == ["O", "O"]
    assert consistent(words, tags, window=2)[2] == ["O", "B-ORG"]


def test_forms_are_normalized() -> None:
    words = [["وقالت", "أوبك"], ["قررت", "اوبك"]]
    assert consistent(words, [["O", "B-ORG"], ["O", "O"]])[1] == ["O", "B-ORG"]


def test_type_changes_only_with_two_nearby() -> None:
    words = [["لاعب", "الأهلي"], ["فاز", "الأهلي"], ["مدرب", "الأهلي"]]
    once = [["O", "B-ORG"], ["O", "B-PERS"], ["O", "O"]]
    assert consistent(words, once)[1] == ["O", "B-PERS"]  # one ORG nearby is not enough
    assert consistent(words, once)[2] == ["O", "B-ORG"]  # a tie goes to the first type in order
    twice = [["O", "B-ORG"], ["O", "B-PERS"], ["O", "B-ORG"]]
    assert consistent(words, twice)[1] == ["O", "B-ORG"]


def test_name_tagged_in_part_is_completed_from_a_nearby_sentence() -> None:
    words = [["فاز", "دينامو", "كييف"], ["وخسر", "دينامو", "كييف", "أمس"], ["حزب", "الليكود", "قال"]]
    tags = [["O", "B-ORG", "I-ORG"], ["O", "B-PERS", "B-LOC", "O"], ["B-ORG", "B-ORG", "O"]]
    out = consistent(words, tags)
    assert out[1] == ["O", "B-ORG", "I-ORG", "O"]
    assert out[2] == ["B-ORG", "B-ORG", "O"]  # no several-word name nearby


def test_name_completion_leaves_whole_names_and_crossing_entities() -> None:
    words = [["زار", "الشرق", "الأوسط"], ["في", "الشرق", "الأوسط"], ["مجلس", "الشرق", "الأوسط", "للسلام"]]
    tags = [["O", "B-LOC", "I-LOC"], ["O", "B-ORG", "I-ORG"], ["B-ORG", "I-ORG", "I-ORG", "I-ORG"]]
    assert consistent(words, tags) == tags  # one entity of another type, and a longer entity, stay


def test_names_of_several_words_and_short_words_do_not_spread() -> None:
    words = [["نجيب", "محفوظ", "و", "م"], ["كتب", "محفوظ", "و", "م"]]
    tags = [["B-PERS", "I-PERS", "O", "B-ORG"], ["O", "O", "O", "O"]]
    assert consistent(words, tags)[1] == ["O", "O", "O", "O"]


def test_word_inside_an_entity_is_kept() -> None:
    words = [["زار", "القاهرة"], ["جامعة", "القاهرة"]]
    tags = [["O", "B-LOC"], ["B-ORG", "I-ORG"]]
    assert consistent(words, tags)[1] == ["B-ORG", "I-ORG"]


def test_name_found_twice_nearby_spreads_behind_a_proclitic() -> None:
    words = [["فاز", "الأهلي"], ["وتعادل", "الأهلي"], ["قدم", "للأهلي", "والأهلي", "وبوش"], ["قال", "بوش"]]
    tags = [["O", "B-ORG"], ["O", "B-ORG"], ["O", "O", "O", "O"], ["O", "B-PERS"]]
    out = consistent(words, tags)
    assert out[2] == ["O", "B-ORG", "B-ORG", "O"]  # بوش is tagged once nearby: not enough behind a proclitic


def test_adjacent_person_names_are_one_name_unless_joined_by_and() -> None:
    words = [["قال", "الرئيس", "اميل", "لحود"], ["التقى", "بري", "والسنيورة"], ["وصل", "كلاس", "يان", "هانتيلار"]]
    tags = [["O", "O", "B-PERS", "B-PERS"], ["O", "B-PERS", "B-PERS"], ["O", "B-PERS", "B-PERS", "I-PERS"]]
    out = consistent(words, tags, window=0)
    assert out[0] == ["O", "O", "B-PERS", "I-PERS"]
    assert out[1] == ["O", "B-PERS", "B-PERS"]  # و: two persons
    assert out[2] == ["O", "B-PERS", "I-PERS", "I-PERS"]


def test_no_join_after_a_title_an_adjective_of_origin_or_a_particle() -> None:
    words = [["قال", "المهندس", "سامر", "العنيني"], ["والتقى", "العماني", "عماد", "الحوسني"], ["أما", "أحمد", "السباعي"]]
    tags = [["O", "B-PERS", "B-PERS", "I-PERS"], ["O", "B-PERS", "B-PERS", "I-PERS"], ["B-PERS", "B-PERS", "I-PERS"]]
    assert consistent(words, tags, window=0) == tags


def test_adjacent_names_of_other_types_stay_apart() -> None:
    words = [["من", "باريس", "لندن"], ["شركة", "توتال", "مصر"]]
    tags = [["O", "B-LOC", "B-LOC"], ["O", "B-ORG", "B-LOC"]]
    assert consistent(words, tags, window=0) == tags


def test_empty_and_single_sentences() -> None:
    assert consistent([], []) == []
    assert consistent([[]], [[]]) == [[]]
    assert consistent([["زار", "بغداد"]], [["O", "B-LOC"]]) == [["O", "B-LOC"]]


class _FakeNer:
    """Tags ``سامر`` as a person in the passage (whatever the sentence), records its input."""

    def __init__(self) -> None:
        self.seen: list[list[list[str]]] = []

    def passage_entities(self, sentences: list[list[str]]) -> list[list[tuple[int, int, str]]]:
        self.seen.append([list(s) for s in sentences])
        return [[(i, i + 1, "PERS") for i, w in enumerate(s) if w == "سامر"] for s in sentences]


def test_actor_stage_tags_the_article_as_one_passage(test_lexicons, make_doc) -> None:
    from marsad.actors.stage import ActorStage

    ner = _FakeNer()
    doc = make_doc("قال سامر إن الاجتماع انتهى. وأضاف سامر أن الوفد غادر.")
    ActorStage(test_lexicons[0], ner=ner)(doc)
    assert len(ner.seen) == 1 and len(ner.seen[0]) == len(doc.sentences)
    assert sum(s.count("سامر") for s in ner.seen[0]) == 2


def test_event_name_takes_its_last_word() -> None:
    words = [["بطولة", "العالم", "للشبان", "في", "القاهرة"], ["فاز", "في", "بطولة", "آسيا", "لكرة", "القدم"],
             ["بعد", "الحرب", "العالمية", "الثانية", "بدأت"]]
    tags = [["B-MISC", "I-MISC", "O", "O", "B-LOC"], ["O", "O", "B-MISC", "I-MISC", "O", "O"],
            ["O", "B-MISC", "O", "O", "O"]]
    out = consistent(words, tags)
    assert out[0] == ["B-MISC", "I-MISC", "I-MISC", "O", "B-LOC"]
    assert out[1] == ["O", "O", "B-MISC", "I-MISC", "I-MISC", "I-MISC"]
    assert out[2] == ["O", "B-MISC", "I-MISC", "I-MISC", "O"]


def test_event_name_is_not_extended_over_other_words() -> None:
    words = [["بطولة", "العالم", "للمرة", "الثانية"], ["بطولة", "الشرطة", "للتايكوندو", "للضباط"],
             ["الحرب", "العالمية", "الثانية"], ["معرض", "الرياض", "للكتاب"]]
    tags = [["B-MISC", "I-MISC", "O", "O"], ["B-MISC", "I-MISC", "I-MISC", "O"],
            ["B-ORG", "O", "O"], ["O", "B-LOC", "O"]]
    out = consistent(words, tags)
    assert out[0] == tags[0]  # "for the second time"
    assert out[1] == tags[1]  # the name already has its لل… word
    assert out[2] == tags[2]  # not a MISC name
    assert out[3] == tags[3]  # untagged head: nothing to complete
