"""The Python API: ``code(text)``, ``code_many(articles)`` and the ``Coder`` class."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date as Date
from functools import lru_cache
from typing import Any

from marsad.config import Settings
from marsad.document import Article, Document
from marsad.errors import InputError
from marsad.pipeline import ErrorPolicy, Pipeline
from marsad.stages import build_pipeline


def as_date(value: Date | str | None) -> Date | None:
    """A date from a ``date`` or an ISO string (``"2019-03-25"``, time part ignored)."""
    if value is None or isinstance(value, Date):
        return value
    try:
        return Date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise InputError(f"not an ISO date (YYYY-MM-DD): {value!r}") from exc


WARM_UP_TEXT = "أجرى وزير الخارجية المصري اتصالا هاتفيا مع نظيره الأردني أمس، وبحثا الأوضاع في قطاع غزة."


class Coder:
    """A loaded pipeline.  Create once, code many articles.

    Resources load lazily; ``warm_up=True`` (the default) loads them all now by coding a
    tiny built-in sentence, so that no article pays for loading (or trips the per-article
    time budget).  ``settings`` default to ``Settings()``: the ``MARSAD_*`` environment is read
    only when asked for (``Coder(Settings.from_env())``, as the CLI does).
    """

    def __init__(self, settings: Settings | None = None, errors: ErrorPolicy = "record",
                 warm_up: bool = True) -> None:
        self.settings = settings or Settings()
        self.pipeline: Pipeline = build_pipeline(self.settings, errors=errors)
        if warm_up:
            self.pipeline(Article(id="warm-up", text=WARM_UP_TEXT, date=Date(2024, 1, 2)), budget=False)

    def code(self, text: str, date: Date | str | None = None, **meta: Any) -> Document:
        art = Article(id=str(meta.pop("id", "doc")), text=text, date=as_date(date), **meta)
        return self.pipeline(Document(art))

    def code_article(self, article: Article) -> Document:
        return self.pipeline(Document(article))

    def code_many(self, items: Iterable[Article | str | dict]) -> Iterator[Document]:
        for n, item in enumerate(items):
            if isinstance(item, Article):
                art = item
            elif isinstance(item, str):
                art = Article(id=str(n), text=item)
            else:
                d = dict(item)
                art = Article(id=str(d.pop("id", n)), text=d.pop("text", ""), title=d.pop("title", None),
                              date=as_date(d.pop("date", None)), url=d.pop("url", None),
                              outlet=d.pop("outlet", None), meta=d)
            yield self.pipeline(Document(art))


@lru_cache(maxsize=4)
def _default_coder(settings: Settings) -> Coder:
    return Coder(settings)


def code(text: str, date: Date | str | None = None, settings: Settings | None = None, **meta: Any) -> Document:
    """Code one article text; ``date`` is its publication date (ISO string or date)."""
    return _default_coder(settings or Settings()).code(text, date=date, **meta)


def code_many(items: Iterable[Article | str | dict], settings: Settings | None = None) -> Iterator[Document]:
    """Code a stream of articles (``Article``, text, or dicts with ``id``/``text``/``date``…)."""
    return _default_coder(settings or Settings()).code_many(items)
