"""Marsad: Arabic news to political event data (CAMEO/PLOVER) with evidence offsets.

>>> import marsad
>>> doc = marsad.code("أجرى وزير الخارجية الأمريكي اتصالا هاتفيا مع نظيره الروسي", date="2019-03-25")
>>> [(e.source.code, e.target.code, e.cameo) for e in doc.events]  # doctest: +SKIP
[('USA', 'RUS', '041'), ('RUS', 'USA', '041')]
"""

from __future__ import annotations

from marsad.api_lib import Coder, code, code_many
from marsad.config import Settings
from marsad.document import Article, Document, Event

__version__ = "0.1.0"
__all__ = ["Article", "Coder", "Document", "Event", "Settings", "code", "code_many", "__version__"]
