"""The golden records are read from records.jsonl and every records_*.jsonl beside it."""

import json

from marsad.golden import load_records, record_files


def _write(path, ids):
    path.write_text("".join(json.dumps({"id": i, "text": "نص", "expect": []}) + "\n" for i in ids) + "\n",
                    encoding="utf-8")


def test_folder_reads_main_file_then_topic_files_in_name_order(tmp_path):
    _write(tmp_path / "records.jsonl", ["r0001", "r0002"])
    _write(tmp_path / "records_speech.jsonl", ["r1400"])
    _write(tmp_path / "records_args.jsonl", ["r1600"])
    _write(tmp_path / "notes.jsonl", ["r9999"])  # not a record file
    assert [p.name for p in record_files(tmp_path)] == ["records.jsonl", "records_args.jsonl", "records_speech.jsonl"]
    assert [r["id"] for r in load_records(tmp_path)] == ["r0001", "r0002", "r1600", "r1400"]


def test_a_single_file_is_read_alone(tmp_path):
    _write(tmp_path / "records.jsonl", ["r0001"])
    _write(tmp_path / "records_x.jsonl", ["r1500"])
    assert [r["id"] for r in load_records(tmp_path / "records.jsonl")] == ["r0001"]
