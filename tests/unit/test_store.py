import subprocess
import sys

import pytest

from marsad.api_lib import Coder
from marsad.errors import StoreError, StoreLockedError
from marsad.ingest.readers import InputRejection
from marsad.store.store import EventQuery, Store

TEXTS = [
    ("a", "2024-03-11", "أجرى وزير الخارجية المصري اتصالا هاتفيا مع نظيره الأردني لبحث الأوضاع في غزة."),
    ("b", "2024-03-11", "أجرى وزير الخارجية المصري اتصالا هاتفيا مع نظيره الأردني، وبحث الجانبان الأوضاع."),
    ("c", "2024-03-12", "This is English and is rejected by the validation stage of the pipeline."),
]


@pytest.fixture(scope="module")
def docs():
    coder = Coder()
    return [coder.code(t, date=d, id=i, outlet=f"outlet-{i}") for i, d, t in TEXTS]


def test_ingest_is_idempotent(tmp_path, docs):
    db = tmp_path / "m.duckdb"
    with Store(db) as s:
        first = s.ingest(docs)
        counts = s.counts()
        again = s.ingest(docs)
        assert s.counts() == counts
    assert first.articles == 2 and first.rejected == 1
    assert again.articles == 0 and again.duplicates == 2


def test_same_event_from_two_outlets_is_one_event_with_two_articles(tmp_path, docs):
    with Store(tmp_path / "m.duckdb") as s:
        s.ingest(docs)
        rows = s.events(EventQuery(dyad=("EGY", "JOR")))
    assert rows, "the phone call should be coded"
    call = [r for r in rows if r.cameo == "041" and r.source_code == "EGY"][0]
    assert call.num_articles == 2 and call.num_sources == 2 and call.num_mentions == 2


def test_rejections_are_recorded_with_reason(tmp_path, docs):
    with Store(tmp_path / "m.duckdb") as s:
        s.ingest(list(docs) + [InputRejection("x:2", "x.jsonl:2", "bad_json", "line 2 is not valid JSON")])
        rows = s.con.execute("SELECT code, reason FROM rejections ORDER BY code").fetchall()
    assert [r[0] for r in rows] == ["bad_json", "not_arabic"] and all(r[1] for r in rows)


def test_queries_are_parameterised(tmp_path, docs):
    with Store(tmp_path / "m.duckdb") as s:
        s.ingest(docs)
        assert s.events(EventQuery(actor="EGY' OR 1=1 --")) == []
        assert s.count_events() == s.count_events(EventQuery(text="'; DROP TABLE events; --")) + s.count_events()


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(StoreError):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_second_writer_gets_a_clear_error(tmp_path):
    db = tmp_path / "lock.duckdb"
    Store(db).close()
    code = ("import time, duckdb; c = duckdb.connect(%r); print('ready', flush=True); time.sleep(20)" % str(db))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLockedError):
            Store(db)
    finally:
        proc.kill()
        proc.wait()
    with Store(db) as s:  # no corruption: opens fine afterwards
        assert s.counts()["articles"] == 0
