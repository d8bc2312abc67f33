import csv
import io
import json

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
