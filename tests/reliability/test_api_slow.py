"""Hostile clients against a real ``marsad serve`` (uvicorn) on loopback (slow suite).

* slowloris: hundreds of connections that send their headers one byte at a time do not stop
  other clients from being served;
* oversized headers and request lines are refused (4xx or connection closed), the server lives on.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from relutil import marsad_cmd, marsad_env

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

from storefix import build_store  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    db = build_store(tmp_path_factory.mktemp("serve") / "s.duckdb")
    port = free_port()
    proc = subprocess.Popen(marsad_cmd("serve", "--db", str(db), "--port", str(port)), env=marsad_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/health", timeout=2):
                break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("marsad serve did not start")
    yield port, base
    proc.terminate()
    proc.wait(10)


def get_time(url: str) -> float:
    start = time.monotonic()
    with urllib.request.urlopen(url, timeout=10) as r:
        assert r.status == 200
        r.read()
    return time.monotonic() - start


@pytest.mark.slow
def test_slow_clients_do_not_block_others(server):
    port, base = server
    slow: list[socket.socket] = []
    try:
        for _ in range(300):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            slow.append(s)
        times = []
        for i in range(20):
            for s in slow:
                try:
                    s.sendall(b"X-a%d: b\r\n" % i)
                except OSError:
                    pass  # the server may close a slow client: that is allowed
            times.append(get_time(base + "/api/events?limit=5"))
            time.sleep(0.5)
        print(f"with 300 slow clients: max {max(times):.3f} s, median {sorted(times)[10]:.3f} s")
        assert max(times) < 2.0
    finally:
        for s in slow:
            s.close()
    assert get_time(base + "/health") < 2.0


def raw_request(port: int, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        try:
            s.sendall(data)
            return s.recv(65536)
        except OSError:
            return b""


@pytest.mark.slow
@pytest.mark.parametrize("request_bytes", [
    b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n",
    b"GET /health?" + b"a" * 200_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /health HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: v\r\n" % i for i in range(20000)) + b"\r\n",
    b"POST /api/code HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
    + b"".join(b"100000\r\n" + b"a" * 0x100000 + b"\r\n" for _ in range(3)) + b"0\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 100,
])
def test_oversized_or_garbled_requests_are_refused_and_the_server_lives(server, request_bytes):
    port, base = server
    answer = raw_request(port, request_bytes)
    if answer:
        status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
        assert 400 <= status < 500, answer[:200]
    assert get_time(base + "/health") < 5.0
