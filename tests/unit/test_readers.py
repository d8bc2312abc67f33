import bz2
import gzip
import io
import json

import pytest

from marsad.errors import InputError
from marsad.ingest.readers import InputRejection, read_inputs, read_jsonl_stream


def test_jsonl_bad_line_is_reported_with_its_number_and_the_rest_read(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "1", "text": "نص"}\n{not json\n\n{"id": "3", "text": "نص آخر"}\n', encoding="utf-8")
    items = list(read_inputs([str(p)]))
    assert [type(i).__name__ for i in items] == ["Article", "InputRejection", "Article"]
    assert items[1].code == "bad_json" and "line 2" in items[1].reason


def test_jsonl_non_utf8_line_and_missing_text():
    data = b'{"id": "1", "text": "\xff\xfe"}\n{"id": "2"}\n[1, 2]\n'
    items = list(read_jsonl_stream(io.BytesIO(data), "x.jsonl"))
    assert [i.code for i in items] == ["bad_encoding", "bad_record", "bad_record"]
    assert items[1].id == "2"


def test_compressed_jsonl(tmp_path):
    rec = json.dumps({"id": "g", "text": "نص", "date": "2024-01-02"}, ensure_ascii=False).encode()
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(rec + b"\n"))
    (tmp_path / "b.jsonl.bz2").write_bytes(bz2.compress(rec + b"\n"))
    items = list(read_inputs([str(tmp_path)]))
    assert [i.id for i in items] == ["g", "g"] and items[0].date.isoformat() == "2024-01-02"


def test_txt_file_id_is_file_name_and_non_utf8_rejected(tmp_path):
    (tmp_path / "one.txt").write_text("قصفت الطائرات المدينة", encoding="utf-8")
    (tmp_path / "two.txt").write_bytes(b"\xff\xfe\xfa not utf8")
    items = list(read_inputs([str(tmp_path)]))
    assert items[0].id == "one.txt" and isinstance(items[1], InputRejection)


def test_html_file(tmp_path):
    page = ('<html><head><title>عنوان</title><meta property="article:published_time" content="2024-05-01T10:00">'
            '<script>alert(1)</script></head><body><nav>قائمة</nav><article><h1>العنوان الرئيسي</h1>'
            '<p>قصفت الطائرات المدينة.</p></article></body></html>')
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    (a,) = list(read_inputs([str(tmp_path / "p.html")]))
    assert "قصفت الطائرات المدينة." in a.text and "alert" not in a.text and "قائمة" not in a.text
    assert a.date.isoformat() == "2024-05-01" and a.title == "العنوان الرئيسي"


def test_missing_path_and_unknown_format(tmp_path):
    with pytest.raises(InputError):
        list(read_inputs([str(tmp_path / "nope.jsonl")]))
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unknown input format"):
        list(read_inputs([str(tmp_path / "x.pdf")]))


def test_stdin():
    items = list(read_inputs([], stdin=io.BytesIO('{"id": "s", "text": "نص"}\n'.encode())))
    assert items[0].id == "s"
