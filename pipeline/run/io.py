"""Reading articles and writing tables: :mod:`.readers` and :mod:`.writers`, under one name.

One explicit loader per input format (``.txt``, ``.jsonl``, ``.html``), every field checked at
the door (:mod:`.readers`); tables and files written atomically, CSV cells escaped for
spreadsheets (:mod:`.writers`).
"""

from __future__ import annotations

from .readers import HTML_SUFFIXES, INPUT_SUFFIXES, MAX_BYTES, Article, find_inputs, read_articles, read_html, read_jsonl, read_txt
from .writers import (
    EXTRACTED_DIR, TABLE_FORMATS, atomic_path, csv_cell, read_table, safe_name, write_extracted, write_jsonl,
    write_tables, write_text_atomic,
)  # fmt: skip

__all__ = [
    "HTML_SUFFIXES", "INPUT_SUFFIXES", "MAX_BYTES", "Article", "find_inputs", "read_articles", "read_html", "read_jsonl",
    "read_txt", "EXTRACTED_DIR", "TABLE_FORMATS", "atomic_path", "csv_cell", "read_table", "safe_name",
    "write_extracted", "write_jsonl", "write_tables", "write_text_atomic",
]  # fmt: skip
