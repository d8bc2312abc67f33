import random
import subprocess
import sys

import pytest
from store_fixtures import doc, ev

from marsad.document import Article, Document, Rejection
from marsad.errors import StoreError, StoreLockedError
from marsad.ingest.readers import InputRejection
from marsad.store.store import EventQuery, Store

CALL = "أجرى وزير الخارجية المصري اتصالا هاتفيا مع نظيره الأردني لبحث الأوضاع في غزة"
CALL2 = "وزير الخارجية المصري يجري اتصالا هاتفيا مع نظيره الأردني ويبحثان الأوضاع"


def english() -> Document:
    art = Article("c", "This is English and is rejected by the validation stage.", date=None)
    return Document(article=art, rejection=Rejection("not_arabic", "only 0% Arabic letters"))


def groups(store: Store) -> set[frozenset[str]]:
    rows = store.con.execute("SELECT list(mention_id) FROM mentions GROUP BY event_id").fetchall()
    return {frozenset(r[0]) for r in rows}


def test_ingest_is_idempotent(tmp_path):
    docs = [doc("a", [ev("EGY", "JOR", "041", CALL)]), doc("b", [ev("EGY", "JOR", "041", CALL2)]), english()]
    with Store(tmp_path / "m.duckdb") as s:
        first = s.ingest(docs)
        counts = s.counts()
        again = s.ingest(docs)
        assert s.counts() == counts
    assert first.articles == 2 and first.rejected == 1
    assert again.articles == 0 and again.duplicates == 2


def test_store_dedup_same_event_across_outlets_within_window(tmp_path):
    docs = [doc("a", [ev("EGY", "JOR", "041", CALL)], pub="2024-03-11", outlet="ahram.org.eg"),
            doc("b", [ev("EGY", "JOR", "041", CALL2)], pub="2024-03-12", outlet="petra.gov.jo"),
            doc("c", [ev("EGY", "JOR", "042", CALL2)], pub="2024-03-12", outlet="petra.gov.jo", extra="x")]
    with Store(tmp_path / "m.duckdb") as s:
        s.ingest(docs)
        rows = s.events(EventQuery(dyad=("EGY", "JOR")))
    assert len(rows) == 1
    e = rows[0]
    assert (e.num_mentions, e.num_articles, e.num_sources) == (3, 3, 2)
    assert e.cameo == "041" and str(e.date) == "2024-03-11"


def test_store_dedup_outside_window_and_no_chaining(tmp_path):
    days = ["2024-03-01", "2024-03-03", "2024-03-05", "2024-03-20"]
    docs = [doc(f"d{i}", [ev("ISR", "PSE", "190", CALL)], pub=d) for i, d in enumerate(days)]
    with Store(tmp_path / "m.duckdb") as s:  # default window: 2 days
        s.ingest(docs)
        spans = sorted((str(a), str(b)) for a, b in s.con.execute("SELECT day_min, day_max FROM events").fetchall())
    assert spans == [("2024-03-01", "2024-03-03"), ("2024-03-05", "2024-03-05"), ("2024-03-20", "2024-03-20")]


def test_store_dedup_places_must_be_compatible(tmp_path):
    docs = [doc("a", [ev("USA", "AFG", "190", CALL, place="KBL")]),
            doc("b", [ev("USA", "AFG", "190", CALL, place="CAI")]),
            doc("c", [ev("USA", "AFG", "190", CALL2)])]
    with Store(tmp_path / "m.duckdb") as s:
        s.ingest(docs)
        got = s.con.execute("SELECT place_country, num_mentions FROM events").fetchall()
    assert sorted(c for c, _ in got) == ["AFG", "EGY"]  # Kabul and Cairo do not merge
    assert sorted(n for _, n in got) == [1, 2]  # the placeless mention joins one of them


def test_store_dedup_coarse_dates(tmp_path):
    docs = [doc("a", [ev("RUS", "UKR", "190", CALL, date="2024-03-01", precision="month")], pub="2024-04-02"),
            doc("b", [ev("RUS", "UKR", "190", CALL)], pub="2024-03-15"),
            doc("c", [ev("RUS", "UKR", "190", CALL, date="2023-01-01", precision="year")], pub="2024-04-02",
                extra="c")]
    with Store(tmp_path / "m.duckdb") as s:
        s.ingest(docs)
        got = sorted((str(d), p, n) for d, p, n in
                     s.con.execute("SELECT date, date_precision, num_mentions FROM events").fetchall())
    assert got == [("2023-01-01", "year", 1), ("2024-03-15", "day", 2)]


def test_store_dedup_undated_mentions_merge_only_when_evidence_is_near_identical(tmp_path):
    docs = [doc("a", [ev("COL", "COL", "046", CALL, background=True, tgt_agent="REB")], pub=None),
            doc("b", [ev("COL", "COL", "046", CALL + " أمس", background=True, tgt_agent="REB")], pub=None),
            doc("c", [ev("COL", "COL", "046", "بدأت المفاوضات في هافانا قبل أربع سنوات", background=True,
                         tgt_agent="REB")], pub=None)]
    with Store(tmp_path / "m.duckdb") as s:
        s.ingest(docs)
        sizes = sorted(r[0] for r in s.con.execute("SELECT num_mentions FROM events").fetchall())
        assert s.con.execute("SELECT count(*) FROM events WHERE date IS NOT NULL").fetchone()[0] == 0
    assert sizes == [1, 2]


def test_store_dedup_domestic_dyads_need_compatible_agents(tmp_path):
    docs = [doc("a", [ev("COL", "COL", "057", CALL, src_agent="GOV", tgt_agent="REB"),
                      ev("COL", "COL", "057", CALL, src_agent="REB", tgt_agent="GOV")]),
            doc("b", [ev("COL", "COL", "057", CALL2, src_agent=None, tgt_agent="REB")])]
    with Store(tmp_path / "m.duckdb") as s:
        s.ingest(docs)
        got = sorted(s.con.execute("SELECT source_agent, target_agent, num_mentions FROM events").fetchall())
    assert got == [("GOV", "REB", 2), ("REB", "GOV", 1)]


def test_store_reingest_more_articles_updates_groups_and_keeps_ids(tmp_path):
    first = doc("a", [ev("EGY", "JOR", "041", CALL)], outlet="one")
    later = doc("b", [ev("EGY", "JOR", "041", CALL2)], pub="2024-03-12", outlet="two")
    earlier = doc("c", [ev("EGY", "JOR", "041", CALL2)], pub="2024-03-10", outlet="three")
    with Store(tmp_path / "m.duckdb") as s, Store(tmp_path / "one.duckdb") as one:
        s.ingest([first])
        (eid, n), = s.con.execute("SELECT event_id, num_sources FROM events").fetchall()
        s.ingest([later])  # a later mention joins: the id is kept
        rows = s.events()
        assert n == 1 and len(rows) == 1
        assert rows[0].event_id == eid and (rows[0].num_mentions, rows[0].num_sources) == (2, 2)
        s.ingest([earlier])  # an earlier one founds the group now: the id is the one a single batch gives
        rows = s.events()
        one.ingest([later, earlier, first])
        assert [r.event_id for r in rows] == [r.event_id for r in one.events()] != [eid]
    assert (rows[0].num_mentions, rows[0].num_sources) == (3, 3) and str(rows[0].date) == "2024-03-10"


def _many() -> list[Document]:
    days = ["2024-03-01", "2024-03-02", "2024-03-04", "2024-03-05", "2024-03-07", "2024-03-08"]
    out = [doc(f"m{i}", [ev("SAU", "YEM", "0841", CALL, place="CAI" if i % 3 == 0 else None),
                        ev("YEM", "SAU", "0841", CALL2)], pub=d, outlet=f"o{i % 2}") for i, d in enumerate(days)]
    return out + [doc("u1", [ev("SAU", "YEM", "0841", CALL, background=True)], pub=None)]


def test_store_grouping_does_not_depend_on_order_within_a_batch(tmp_path):
    docs = _many()
    with Store(tmp_path / "a.duckdb") as a, Store(tmp_path / "b.duckdb") as b:
        a.ingest(docs)
        b.ingest(list(reversed(docs)))
        assert groups(a) == groups(b)
        assert {r.event_id for r in a.events()} == {r.event_id for r in b.events()}


def test_store_grouping_in_date_order_batches_equals_one_batch(tmp_path):
    docs = _many()
    with Store(tmp_path / "a.duckdb") as a, Store(tmp_path / "b.duckdb") as b:
        a.ingest(docs)
        b.ingest(docs, batch_size=1)
        assert groups(a) == groups(b)


def test_store_an_earlier_mention_in_a_later_batch_regroups_as_one_batch(tmp_path):
    days = {"d3": "2024-03-03", "d5": "2024-03-05", "d1": "2024-03-01"}
    docs = [doc(k, [ev("ISR", "PSE", "190", CALL)], pub=d) for k, d in days.items()]
    with Store(tmp_path / "a.duckdb") as a, Store(tmp_path / "b.duckdb") as b:
        a.ingest(docs[:2])  # days 3 and 5: one event (window 2)
        assert len(groups(a)) == 1
        a.ingest(docs[2:])  # day 1 arrives: days 1 and 3 form the event, day 5 is alone
        b.ingest(docs)
        assert groups(a) == groups(b) and len(groups(a)) == 2
        spans = a.con.execute("SELECT day_min, day_max, num_mentions FROM events ORDER BY 1").fetchall()
        assert [(str(x), str(y), n) for x, y, n in spans] == [("2024-03-01", "2024-03-03", 2),
                                                                ("2024-03-05", "2024-03-05", 1)]
        assert a.con.execute("SELECT list(event_id ORDER BY event_id) FROM events").fetchall() == \
            b.con.execute("SELECT list(event_id ORDER BY event_id) FROM events").fetchall()


def _mixed() -> list[Document]:
    """Day, month, year and undated mentions of a few keys, with places and agents that conflict."""
    rnd = random.Random(5)
    out = []
    for i in range(60):
        day = f"2024-03-{rnd.randint(1, 28):02d}"
        kind = rnd.choice(["pub", "pub", "pub", "text", "month", "year", "undated"])
        kw = {"place": rnd.choice([None, None, "CAI", "KBL"]), "tgt_agent": rnd.choice(["GOV", None, "REB"])}
        if kind == "text":
            kw["date"] = f"2024-03-{rnd.randint(1, 28):02d}"
        elif kind in ("month", "year"):
            kw.update(date="2024-03-01" if kind == "month" else "2024-01-01", precision=kind)
        elif kind == "undated":
            kw["background"] = True
        src = rnd.choice(["SAU", "YEM"])
        text = rnd.choice([CALL, CALL2, CALL + " أمس"])
        out.append(doc(f"x{i}", [ev(src, "YEM", "190", text, **kw)], pub=None if kind == "undated" else day,
                       outlet=f"o{i % 3}"))
    return out


def _state(store: Store) -> tuple:
    return (sorted(store.con.execute("SELECT event_id, list(mention_id ORDER BY mention_id) FROM mentions "
                                     "GROUP BY event_id").fetchall()),
            # not the representatives taken from the first-seen article (place, agents, names, evidence)
            sorted(store.con.execute("SELECT event_id, cameo, root, quad, date, date_precision, day_min, day_max, "
                                     "period_lo, period_hi, background, num_mentions, num_articles, num_sources, "
                                     "founder FROM events").fetchall(), key=str))


@pytest.mark.parametrize(("seed", "cap"), [(0, 200), (1, 200), (2, 2), (3, 2), (4, 1)])
def test_store_groups_do_not_depend_on_order_or_batches(tmp_path, seed, cap):
    docs = _mixed()
    with Store(":memory:") as one:
        one.max_candidates = cap  # dated events an undated mention is compared with
        one.ingest(docs)
        want = _state(one)
    rnd = random.Random(seed)
    rnd.shuffle(docs)
    with Store(":memory:") as s:
        s.max_candidates = cap
        i = 0
        while i < len(docs):
            n = rnd.choice([1, 2, 5, 13])
            s.ingest(docs[i:i + n])
            i += n
        assert _state(s) == want
        assert s.con.execute("SELECT count(*) FROM mentions WHERE event_id NOT IN "
                             "(SELECT event_id FROM events)").fetchone()[0] == 0


def test_store_interrupted_ingest_rolls_back_and_rerun_completes(tmp_path, monkeypatch):
    docs = _many()
    with Store(tmp_path / "clean.duckdb") as clean:
        clean.ingest(docs, batch_size=2)
        want, want_groups = clean.counts(), groups(clean)
    db = tmp_path / "m.duckdb"
    calls = {"n": 0}
    real = Store._add_mentions

    def failing(self, ments):
        out = real(self, ments)  # articles, mentions and events rows of the batch are written…
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # …and the second batch is interrupted before its commit
        return out

    monkeypatch.setattr(Store, "_add_mentions", failing)
    with Store(db) as s, pytest.raises(KeyboardInterrupt):
        s.ingest(docs, batch_size=2)
    monkeypatch.setattr(Store, "_add_mentions", real)
    with Store(db) as s:
        assert s.counts()["articles"] == 2  # the first batch only, nothing half-written
        stats = s.ingest(docs, batch_size=2)
        assert (stats.articles, stats.duplicates) == (len(docs) - 2, 2)
        assert s.counts() == want and groups(s) == want_groups
        n_dupes = s.con.execute("SELECT count(*) - count(DISTINCT mention_id) FROM mentions").fetchone()[0]
        assert n_dupes == 0


def test_rejections_are_recorded_with_reason(tmp_path):
    with Store(tmp_path / "m.duckdb") as s:
        s.ingest([english(), InputRejection("x:2", "x.jsonl:2", "bad_json", "line 2 is not valid JSON")])
        rows = s.con.execute("SELECT code, reason FROM rejections ORDER BY code").fetchall()
    assert [r[0] for r in rows] == ["bad_json", "not_arabic"] and all(r[1] for r in rows)


def test_queries_are_parameterised(tmp_path):
    with Store(tmp_path / "m.duckdb") as s:
        s.ingest([doc("a", [ev("EGY", "JOR", "041", CALL)])])
        assert s.events(EventQuery(actor="EGY' OR 1=1 --")) == []
        assert s.count_events() == s.count_events(EventQuery(text="'; DROP TABLE events; --")) + s.count_events()


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(StoreError):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_second_writer_gets_a_clear_error(tmp_path):
    db = tmp_path / "lock.duckdb"
    Store(db).close()
    code = f"import time, duckdb; c = duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(20)"
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


def test_store_from_another_schema_version_is_refused(tmp_path):
    db = tmp_path / "old.duckdb"
    Store(db).close()
    import duckdb

    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema 1"):
        Store(db)


def test_ingest_bounds_duckdb_memory_and_threads_and_doubles_the_limit_on_demand(tmp_path, monkeypatch):
    from marsad.config import Settings

    seen = []
    original = Store._ingest_batch

    def spy(self, batch):
        seen.append((self.con.execute("SELECT current_setting('threads')").fetchone()[0], self._memory_mb))
        return original(self, batch)

    monkeypatch.setattr(Store, "_ingest_batch", spy)
    docs = [doc(f"a{i}", [ev("RUS", "UKR", "190", f"نص الخبر رقم {i} عن القصف", date="2024-03-01")])
            for i in range(300)]
    with Store(tmp_path / "a.duckdb", Settings().with_(store_memory_mb=1, store_threads=1)) as st:
        default = st.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        stats = st.ingest(docs, batch_size=100)
        assert stats.articles == 300 and st.counts()["mentions"] == 300
        # bounded while ingesting: one thread; a 1 MB limit is too small, so it doubled and the
        # batch was redone (nothing lost, nothing twice)
        assert {t for t, _ in seen} == {1}
        assert seen[0][1] == 1 and seen[-1][1] > 1
        # restored afterwards
        assert st.con.execute("SELECT current_setting('memory_limit')").fetchone()[0] == default
