"""CSV exports that are safe to open in a spreadsheet.

Names and notes in this app are typed by people (saved scenarios) or come from imported
assumptions (role, provider and capability names), and a spreadsheet reads a cell that starts
with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula ("CSV injection"). So, as OWASP
advises, every text cell that starts with one of those gets a leading single quote, and every
text cell is quoted; numbers are left as numbers (a negative number is a number, not text).

Why not `defusedcsv` (3.0.0): it wraps `csv.writer`, which pandas does not use, leaves cells
starting with a tab or a carriage return as they are, and also rewrites every `|` inside a
defused cell as `\\|`, so the text would not read back as it was written.

The text is written with a UTF-8 byte order mark (so Excel reads å, ä, ö right) and CRLF line
ends (RFC 4180): with pandas' default `\\n` a `\\r` inside a cell would be written unquoted and
split the row in some readers, while with `\\r\\n` as the line terminator the csv module quotes
any cell holding `\\r` or `\\n`.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from numbers import Number
from typing import Any

import pandas as pd

BOM = "\ufeff"
#: what a spreadsheet may read as the start of a formula (OWASP, "CSV Injection")
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
LINE_END = "\r\n"


def defuse(value: Any) -> Any:
    """A cell as it may go into a CSV: text that a spreadsheet could read as a formula gets a
    leading `'`; numbers, missing values and dates are returned unchanged, and a boolean
    becomes the text True/False."""
    if isinstance(value, bool):
        return str(value)
    if value is None or value is pd.NaT or value is pd.NA or isinstance(value, Number | dt.date):
        return value
    text = value if isinstance(value, str) else str(value)
    return "'" + text if text.startswith(DANGEROUS_START) else text


def _is_missing(value: Any) -> bool:
    if isinstance(value, float):
        return math.isnan(value)
    return value is None or value is pd.NaT or value is pd.NA


def safe_frame(frame: pd.DataFrame, *, index: bool = False) -> pd.DataFrame:
    """A copy of `frame` with every text cell and column name defused (the index becomes
    columns when `index` is true); number and date columns are kept as they are, and booleans
    become the text True/False (so that a bare cell in the CSV is always a number)."""
    source = frame.reset_index() if index else frame
    columns: dict[int, Any] = {}
    for position, (_, column) in enumerate(source.items()):
        if pd.api.types.is_bool_dtype(column):
            columns[position] = [value if _is_missing(value) else str(bool(value)) for value in column]
        elif pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column):
            columns[position] = column.array  # as it is, with its dtype
        else:
            columns[position] = [value if _is_missing(value) else defuse(value) for value in column]
    out = pd.DataFrame(columns)
    out.columns = [defuse(str(name)) for name in source.columns]
    return out


def csv_text(frame: pd.DataFrame, *, index: bool = False, date_format: str | None = None) -> str:
    """`frame` as CSV text for a download button: the UTF-8 byte order mark, a header row, every
    text cell quoted and defused, numbers bare (so any reader takes them as numbers), CRLF."""
    return BOM + safe_frame(frame, index=index).to_csv(
        index=False, quoting=csv.QUOTE_NONNUMERIC, lineterminator=LINE_END, date_format=date_format)


__all__ = ["BOM", "DANGEROUS_START", "csv_text", "defuse", "safe_frame"]
