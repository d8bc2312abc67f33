"""An outlet offered to a trigger as its object (marsad.coding.outlets) is never the act's source: when
the arguments make it the source (a verb with no named subject before it), the coder codes the
trigger again without it (coder.EventStage, the one re-coding path)."""

import pytest

from marsad.api_lib import Coder


@pytest.mark.parametrize("text", [
    "وأغلقت مكتب قناة الجزيرة في القاهرة أمس.",  # not QAT>EGY
    "اعتقلت مراسلي صحيفة واشنطن بوست في طهران.",  # not USA>IRN
])
def test_an_object_outlet_is_never_the_source(text):
    doc = Coder().code(text, date="2016-03-01", id="t")
    assert doc.events, "the act is still coded, without the outlet"
    assert all(e.source.kind != "media" for e in doc.events)
