"""Actors whose code comes from the article (issue #3): the kingdom it names, quoted short
names of groups, people after an organ of a state, role nouns before any state is named."""

from datetime import date

import pytest
from actor_lexicons import extended_lexicon

from marsad.actors.lexicon import ActorLexicon
from marsad.actors.stage import ActorStage

WHEN = date(2016, 1, 4)
EXTRA = {
    "states.tsv": [
        "المملكة\tSAU\t\tSaudi Arabia\tmetonym\t\t\tSAU",
        "السعودية\tSAU\t\t\tstate\t\t\tSAU",
        "مملكة البحرين\tBHR\t\t\tstate\t\t\tBHR",
        "إيران\tIRN\t\t\tstate\t\t\tIRN",
        "الخرطوم\tSDN\t\t\tcapital\t\t\tSDN",
        "السودانية\tSDN\t\t\tdemonym\t\t\tSDN",
    ],
    "organisations.tsv": ["حركة فتح\tPSE\tOPP\tFatah\tgroup\t\t\tPSE"],
    "agents.tsv": ["الحكومة\tGOV\t", "المحتجين\tCVL\t", "وزارة الداخلية\tPOL\t"],
    "stoplist.tsv": ["فتح\topened"],
}


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory: pytest.TempPathFactory) -> ActorLexicon:
    return extended_lexicon(tmp_path_factory.mktemp("actors"), EXTRA)


def _actors(lexicon, make_doc, text):
    return [(m.span.text, m.code) for m in ActorStage(lexicon)(make_doc(text, date=WHEN)).actors]


def test_actor_bare_kingdom_is_the_kingdom_the_article_names(lexicon, make_doc):
    text = "أدانت مملكة البحرين تدخل إيران، وطالبت المملكة طهران بالكف عن ذلك."
    assert ("المملكة", "BHR") in _actors(lexicon, make_doc, text)


def test_actor_bare_kingdom_stays_saudi_when_saudi_arabia_is_named(lexicon, make_doc):
    text = "أدانت مملكة البحرين تدخل إيران، وأيدت السعودية الموقف، وقالت المملكة إن"
    assert ("المملكة", "SAU") in _actors(lexicon, make_doc, text)


def test_actor_quoted_short_name_of_a_group_named_in_full(lexicon, make_doc):
    assert ("فتح", "PSE") in _actors(lexicon, make_doc, 'قالت حركة فتح إن الحوار مهم. وأكدت "فتح" أنها')
    assert ("فتح", "PSE") in _actors(lexicon, make_doc, 'وأكدت حركة "فتح" أنها ترفض')


def test_actor_quoted_common_word_alone_is_no_group(lexicon, make_doc):
    assert not any(t == "فتح" for t, _ in _actors(lexicon, make_doc, 'قال إنه "فتح" الباب أمام الحوار'))


def test_actor_people_after_an_organ_of_a_state_are_a_new_actor(lexicon, make_doc):
    ms = _actors(lexicon, make_doc, "في الخرطوم، فرقت الحكومة السودانية المحتجين بالقوة.")
    assert ("الحكومة السودانية", "SDN") in ms
    assert any(t == "المحتجين" for t, _ in ms)
