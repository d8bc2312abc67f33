"""Exports: JSONL, CSV, GDELT 2.0 event TSV, PLOVER JSONL (and Parquet from the store)."""
