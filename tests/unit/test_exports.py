import csv
import io
import json

import pytest

from marsad.export.formats import GDELT_COLUMNS, actor_cameo_code, write_csv, write_gdelt, write_plover

REC = {
    "source": {"code": "RUS", "agent": "MIL", "name": None, "text": "روسيا"},
    "target": {"code": "VEN", "agent": "GOV", "name": None, "text": "فنزويلا"},
    "cameo": "0871", "root": "08", "quad": 2, "goldstein": 9.0,
    "plover": {"type": "RETREAT", "mode": "ceasefire"},
    "place": {"name": "Caracas", "country": "VEN", "lat": 10.48, "lon": -66.9, "geonameid": 3646738,
              "precision": "city", "text": "كاراكاس"},
    "date": "2019-03-23", "evidence": {"text": "نص", "start": 0, "end": 2},
    "trigger": {"text": "نص", "start": 0, "end": 2}, "reported_by": ["BBC"],
    "quantities": [{"value": 100, "unit": "soldiers"}], "modality": "asserted", "background": False,
    "article": {"id": "a1", "url": "https://example.org/a1", "outlet": "X", "date": "2019-03-25"},
}


def test_gdelt_has_61_columns_with_codes_as_strings():
    buf = io.StringIO()
    write_gdelt([REC], buf, date_added="20190325000000")
    header, row = [line.split("\t") for line in buf.getvalue().splitlines()]
    assert len(GDELT_COLUMNS) == 61 and header == list(GDELT_COLUMNS) and len(row) == 61
    d = dict(zip(header, row, strict=True))
    assert d["EventCode"] == "0871" and d["EventRootCode"] == "08" and d["EventBaseCode"] == "087"
    assert d["Actor1Code"] == "RUSMIL" and d["Actor1CountryCode"] == "RUS" and d["Day"] == "20190323"
    assert d["ActionGeo_CountryCode"] == "VE" and d["ActionGeo_Type"] == "4"  # FIPS, world city
    assert d["SOURCEURL"] == "https://example.org/a1" and d["QuadClass"] == "2"


def test_plover_record_fields():
    buf = io.StringIO()
    write_plover([REC], buf)
    rec = json.loads(buf.getvalue())
    assert rec["event"] == ["RETREAT"] and rec["mode"] == ["ceasefire"] and rec["actor"][0]["code"] == "RUS"
    assert rec["recipient"][0]["sector"] == "GOV" and rec["event_loc"]["country_code"] == "VEN"


def test_csv_round_trip():
    buf = io.StringIO()
    write_csv([REC], buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["cameo"] == "0871" and rows[0]["quantities"] == "100 soldiers"


def test_igo_actor_codes():
    assert actor_cameo_code({"code": "IGO:UN", "agent": None}) == "IGOUNO"
    assert actor_cameo_code({"code": "IGO:NATO", "agent": None}) == "IGOWSTNAT"


# ---------------------------------------------------------------- from the store
INT_COLS = {"Day", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions", "NumSources", "NumArticles",
            "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type"}
BIGINT_COLS = {"GlobalEventID", "DATEADDED"}
DOUBLE_COLS = {"FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat",
               "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long"}


def gdelt_types() -> dict[str, str]:
    """The GDELT 2.0 event table types as GDELT's own BigQuery schema gives them."""
    return {c: "BIGINT" if c in BIGINT_COLS else "INTEGER" if c in INT_COLS else "DOUBLE" if c in DOUBLE_COLS
            else "VARCHAR" for c in GDELT_COLUMNS}


@pytest.fixture()
def store(tmp_path):
    from store_fixtures import doc, ev

    from marsad.store.store import Store

    quoted = 'وقال "المتحدث" إن الوفد وصل'
    docs = [doc("a", [ev("EGY", "JOR", "041", "أجرى الوزير اتصالا هاتفيا", place="CAI"),
                      ev("ISR", "PSE", "190", quoted, date="2024-02-01", precision="month", sentence=2)],
                pub="2024-03-11", outlet="ahram"),
            doc("b", [ev("EGY", "JOR", "041", "اتصال هاتفي بين الوزيرين")], pub="2024-03-12", outlet="petra"),
            doc("c", [ev("IGO:UN", None, "010", "قالت الأمم المتحدة", background=True, src_agent=None)], pub=None)]
    with Store(tmp_path / "m.duckdb") as s:
        s.ingest(docs)
        yield s


def test_gdelt_export_reads_back_with_csv_and_duckdb_types(tmp_path, store):
    import duckdb

    path = tmp_path / "events.tsv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        n = write_gdelt(store.event_records(), fh)
    assert n == store.counts()["events"] == 3
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == list(GDELT_COLUMNS) and all(len(r) == 61 for r in rows)
    con = duckdb.connect()
    rel = con.execute("SELECT * FROM read_csv(?, delim='\t', header=true, columns=?)",
                      [str(path), gdelt_types()])
    got = [dict(zip([d[0] for d in rel.description], r, strict=True)) for r in rel.fetchall()]
    assert len(got) == 3 and len(got[0]) == 61
    by_code = {r["EventCode"]: r for r in got}
    assert set(by_code) == {"041", "190", "010"}  # strings with their leading zeros
    call = by_code["041"]
    assert (call["NumMentions"], call["NumArticles"], call["NumSources"]) == (2, 2, 2)
    assert call["Day"] == 20240311 and call["ActionGeo_CountryCode"] == "EG" and call["IsRootEvent"] == 1
    assert call["EventRootCode"] == "04" and call["SOURCEURL"] == "https://ahram/a"
    assert by_code["190"]["Day"] == 20240201 and by_code["190"]["IsRootEvent"] == 0
    assert by_code["010"]["Day"] is None and by_code["010"]["Actor1Code"] == "IGOUNO"
    assert all(len(str(r["DATEADDED"])) == 14 for r in got)


def test_gdelt_mentions_table_points_at_events(tmp_path, store):
    from marsad.export.gdelt_mentions import GDELT_MENTION_COLUMNS, write_gdelt_mentions

    ev_buf, m_buf = io.StringIO(), io.StringIO()
    write_gdelt(store.event_records(), ev_buf)
    n = write_gdelt_mentions(store.mention_records(), m_buf)
    assert n == store.counts()["mentions"] == 4 and len(GDELT_MENTION_COLUMNS) == 16
    events = {r["GlobalEventID"]: r for r in csv.DictReader(io.StringIO(ev_buf.getvalue()), delimiter="\t")}
    mentions = list(csv.DictReader(io.StringIO(m_buf.getvalue()), delimiter="\t"))
    assert all(len(m) == 16 for m in mentions)
    for m in mentions:
        assert m["GlobalEventID"] in events
        assert m["EventTimeDate"] == events[m["GlobalEventID"]]["DATEADDED"]
        assert m["MentionType"] == "1" and int(m["MentionDocLen"]) > 0 and m["InRawText"] in {"0", "1"}
    assert sorted(m["MentionSourceName"] for m in mentions) == ["ahram", "ahram", "example.org", "petra"]
    assert {m["SentenceID"] for m in mentions} == {"1", "3"}


def test_parquet_round_trip_by_year_and_month(tmp_path, store):
    import duckdb
    import pyarrow.dataset as ds

    from marsad.errors import InputError
    from marsad.export.parquet import write_parquet

    out = tmp_path / "pq"
    assert write_parquet(store, out) == 3
    assert (out / "events" / "year=2024" / "month=3").is_dir()
    con = duckdb.connect()
    rows = con.execute(f"SELECT cameo, year, month, num_mentions FROM read_parquet('{out}/events/**/*.parquet', "
                       "hive_partitioning=true) ORDER BY cameo").fetchall()
    assert rows[1:] == [("041", 2024, 3, 2), ("190", 2024, 2, 1)]
    assert rows[0][0] == "010"  # undated event and article: filed under the month it was first seen
    n_ment = con.execute(f"SELECT count(*) FROM read_parquet('{out}/mentions/**/*.parquet', "
                         "hive_partitioning=true)").fetchone()[0]
    assert n_ment == 4
    table = ds.dataset(out / "events", format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 3 and {"year", "month", "event_id", "cameo"} <= set(table.column_names)
    with pytest.raises(InputError):
        write_parquet(store, out)  # never mixes with an earlier export


def test_parquet_reads_with_pandas(tmp_path, store):
    pd = pytest.importorskip("pandas")
    from marsad.export.parquet import write_parquet

    write_parquet(store, tmp_path / "pq")
    df = pd.read_parquet(tmp_path / "pq" / "events")
    assert len(df) == 3 and "month" in df.columns
