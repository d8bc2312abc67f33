"""The cues around an event: modality, embedding, background, attribution, quantities.

Small pure functions over a prepared :class:`~marsad.document.Document`; the
coder calls them with a sentence index and the trigger's token index::

    cues = load_cues()                       # once; lists load lazily
    modality(cues, doc, sent, tok)           # "asserted" | "negated" | "hypothetical" | "future"
    planned(cues, doc, sent, tok)            # future through a plan or expectation (يعتزم، من المتوقع أن)?
    expected(cues, doc, sent, tok)           # future only through an expectation (من المتوقع أن)?
    future_cues(cues, doc, sent, tok)        # (planned, expected) from one scan
    embedded_under(cues, doc, sent, tok)     # "appeal" | "demand" | "threat" | ... | None
    is_background(cues, doc, sent, tok)      # recalled past event?
    attribution(cues, doc, sent)             # [Attribution(name, anonymous, span)]; inherit=True
                                             # lets "وأضاف أن" sentences take earlier sources
    quantities(cues, doc, sent, tok)         # [Quantity(value, unit, span)]; window="auto"|"clause"|"sentence"

``sent`` is an index into ``doc.sentences`` and ``tok`` an index into
``doc.tokens`` (the trigger's first word).  All functions are pure: they read
the document and the cue lists and return values.  A "future" trigger is, in
the gold data, usually coded as the intent (root 03) or a threat (13).

The cue words are data: ``marsad/resources/cues/*.tsv`` (see the README there).
"""

from marsad.coding.attribution import attribution
from marsad.coding.cue_data import Cues, clause_bounds, load_cues
from marsad.coding.modality import embedded_under, expected, future_cues, is_background, modality, planned
from marsad.coding.quantities import quantities

__all__ = [
    "Cues",
    "attribution",
    "clause_bounds",
    "embedded_under",
    "expected",
    "future_cues",
    "is_background",
    "load_cues",
    "modality",
    "planned",
    "quantities",
]
