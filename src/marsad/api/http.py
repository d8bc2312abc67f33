"""The HTTP/1.1 protocol ``marsad serve`` runs: uvicorn's httptools parser with a bound on the head.

uvicorn's pure-Python ``h11`` protocol bounds the request line and headers, but parsing and
framing in Python cost about half of the server's CPU per request under load (load test,
50 clients: 0.67 ms of CPU per request with h11, 0.32 ms with httptools), and that CPU is
taken from the read requests that miss the cache.  uvicorn's ``httptools`` protocol (llhttp,
in C) has no such bound, so :class:`BoundedHttpToolsProtocol` adds it:

* the request line and the headers together may hold at most ``MAX_HEADER_BYTES``: the URL
  and header pieces are counted as the parser reports them, and a head still incomplete after
  more than that many bytes (one endless header) is cut off too, so a client can make the
  server buffer at most ``MAX_HEADER_BYTES`` plus one read of head;
* either way the answer is ``400`` and the connection is closed, as with h11.

Bodies are bounded by the app (``api_max_body``, :mod:`marsad.api.errors`).
"""

from __future__ import annotations

from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

MAX_HEADER_BYTES = 32 * 1024


class HeadTooLarge(Exception):
    """The request line and headers are over ``MAX_HEADER_BYTES`` (the parser turns it into a 400)."""


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with the request head bounded to ``max_head`` bytes."""

    max_head = MAX_HEADER_BYTES

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._in_head = True  # between the end of one message and the end of the next one's headers
        self._raw = 0  # bytes received while in the head
        self._parsed = 0  # bytes of URL and headers reported by the parser

    def data_received(self, data: bytes) -> None:
        if self._in_head:
            self._raw += len(data)
        super().data_received(data)
        if self._in_head and self._raw > self.max_head and not self.transport.is_closing():
            self.send_400_response("Request line and headers are too large.")

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value) + 4)
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._in_head = False
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._in_head, self._raw, self._parsed = True, 0, 0

    def _count(self, n: int) -> None:
        self._parsed += n
        if self._parsed > self.max_head:
            raise HeadTooLarge(f"request head over {self.max_head} bytes")  # httptools → HttpParserError → 400
