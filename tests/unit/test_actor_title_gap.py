"""Honorific titles between a role noun and a person's name (marsad.actors.stage.TITLES): الأستاذ، المهندس،
سعادة، فضيلة join the role and the name into one mention, as الدكتور and اللواء do."""

from datetime import date

import pytest
from actor_lexicons import extended_lexicon

from marsad.actors.lexicon import ActorLexicon
from marsad.actors.stage import ActorStage

WHEN = date(2015, 8, 1)
EXTRA = {
    "persons.tsv": [
        "سالم الحربي\tSAU\tGOV\tSalem al-Harbi\tperson\t2014-01-01\t\tSAU\tForeign Minister",
    ],
}


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory: pytest.TempPathFactory) -> ActorLexicon:
    return extended_lexicon(tmp_path_factory.mktemp("actors"), EXTRA)


@pytest.mark.parametrize("title", ["الأستاذ", "المهندس", "الدكتور", "معالي الأستاذ"])
def test_title_between_role_and_name_joins_them(lexicon, make_doc, title):
    text = f"وصل وزير الخارجية {title} سالم الحربي إلى الكويت"
    ms = ActorStage(lexicon)(make_doc(text, date=WHEN)).actors
    first = ms[0]
    assert first.span.text == f"وزير الخارجية {title} سالم الحربي"
    assert (first.code, first.name) == ("SAU", "Salem al-Harbi")
