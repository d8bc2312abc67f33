"""A BLOCK row of the trigger lexicon (note "BLOCK:") takes its words and makes no event."""

from datetime import date

from marsad.actors.stage import ActorStage
from marsad.coding.coder import EventStage
from marsad.coding.lexicon import TriggerLexicon

HEADER = "pattern\tcameo\tflags\tnote\n"


def _code(tmp_path, actors_lex, rows: str, text: str, make_doc):
    (tmp_path / "17.tsv").write_text(HEADER + rows, encoding="utf-8")
    doc = make_doc(text, date=date(2019, 3, 25))
    ActorStage(actors_lex)(doc)
    EventStage(TriggerLexicon(tmp_path))(doc)
    return doc


ARREST = "اعتقل|اعتقلت\t173\t\tarrested\n"
SENTENCE = "وقال وزير الداخلية الروسي إن الشرطة اعتقلت عشرة أشخاص."


def test_trigger_without_block_row_is_coded(tmp_path, test_lexicons, make_doc):
    """Control: a domestic root (17) with no named target gets the source's own state."""
    doc = _code(tmp_path, test_lexicons[0], ARREST, SENTENCE, make_doc)
    assert [e.cameo for e in doc.events] == ["173"]


def test_block_row_stops_a_domestic_root(tmp_path, test_lexicons, make_doc):
    """weak,notarget alone did not stop 08/14/17, whose untargeted acts get a domestic target."""
    block = "اعتقلت عشرة\t173\tweak,notarget\tBLOCK: test phrase (no event)\n"
    doc = _code(tmp_path, test_lexicons[0], ARREST + block, SENTENCE, make_doc)
    assert doc.events == []
