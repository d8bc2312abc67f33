"""Fuzz the WARC reader: ``PYTHONPATH=src python fuzz/fuzz_warc.py -runs=100000 -max_len=4096``.

Half the inputs are raw bytes; the other half are WARC records built from the fuzzer's data (record
type, HTTP status, content type and charset, Content-Length that may lie, an HTML body, gzip per record,
truncation).  Every HTML response must give one article or one rejection, and a damaged archive one
``bad_file`` rejection; nothing may raise.
"""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import warcio.archiveiterator  # noqa: F401 - instrumented, so coverage guides into the WARC parser
    from _common import SEEDS, check_file, fuzz

    from marsad.ingest.warc import read_warc

TYPES = ["response", "request", "metadata", "warcinfo", "resource", "revisit", ""]
STATUS = ["200 OK", "204 No Content", "301 Moved", "404 Not Found", "2", "abc", ""]
CTYPES = ["text/html", "text/html; charset=utf-8", "text/html; charset=windows-1256", "application/xhtml+xml",
          "text/html; charset=bogus", "image/png", ""]
TMP = Path(tempfile.mkdtemp(prefix="marsad-fuzz-warc-"))


def record(fdp: atheris.FuzzedDataProvider) -> bytes:
    rtype = TYPES[fdp.ConsumeIntInRange(0, len(TYPES) - 1)]
    ctype = CTYPES[fdp.ConsumeIntInRange(0, len(CTYPES) - 1)]
    status = STATUS[fdp.ConsumeIntInRange(0, len(STATUS) - 1)]
    body = (SEEDS[0] if fdp.ConsumeBool() else "") + fdp.ConsumeUnicode(200)
    html = f"<html><body><p>{body}</p></body></html>".encode("utf-8", "surrogatepass")
    block = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n\r\n".encode() + html
    length = len(block) + fdp.ConsumeIntInRange(-3, 3) * fdp.ConsumeBool()  # sometimes a lying length
    head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Record-ID: <urn:uuid:{fdp.ConsumeIntInRange(0, 99)}>\r\n"
            f"WARC-Target-URI: https://example.org/{fdp.ConsumeIntInRange(0, 9)}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def archive(fdp: atheris.FuzzedDataProvider) -> tuple[bytes, str]:
    compress = fdp.ConsumeBool()
    recs = [record(fdp) for _ in range(fdp.ConsumeIntInRange(0, 4))]
    data = b"".join(gzip.compress(r) if compress else r for r in recs)
    cut = fdp.ConsumeIntInRange(0, len(data))
    return (data[:cut] if fdp.ConsumeBool() else data), ".warc.gz" if compress else ".warc"


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    if fdp.ConsumeBool():
        payload, suffix = archive(fdp)
    else:
        payload, suffix = fdp.ConsumeBytes(fdp.remaining_bytes()), ".warc"
    check_file(TMP / ("input" + suffix), payload, read_warc)


def main() -> None:
    fuzz(one_input)


if __name__ == "__main__":
    main()
