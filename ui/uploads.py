"""Uploaded files are read once: the result (the value, or the error that refused the file) is
kept in the session per file content, so a file that stays in an uploader is not parsed again
on every rerun of the page (a hostile file would otherwise cost its parse on each click).

    scenario = read_once("scenario", uploaded_file.getvalue(), read_scenario_file)

The reader's own error type is raised again, as it was the first time; other exceptions are not
kept (they are bugs, and should show as such).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

STATE_KEY = "upload_results"
KEEP = 4  # results kept per kind of upload (the newest); one file is what a page shows at a time

T = TypeVar("T")


def digest(data: bytes, *extra: str) -> str:
    """A key for the content (and whatever else the result depends on, such as the file name)."""
    hasher = hashlib.sha256()
    for part in extra:
        hasher.update(part.encode("utf-8", "surrogatepass") + b"\0")
    hasher.update(data)
    return hasher.hexdigest()


def read_once(kind: str, data: bytes, reader: Callable[[bytes], T], *, refused: type[Exception] | tuple = (),
              extra: tuple[str, ...] = ()) -> T:
    """reader(data), remembered in the session for this content (and `extra`).

    A refusal (an exception of type `refused`) is remembered too and raised again without reading
    the file again."""
    results: dict[str, dict[str, tuple[str, Any]]] = st.session_state.setdefault(STATE_KEY, {})
    kept = results.setdefault(kind, {})
    key = digest(data, *extra)
    if key in kept:
        outcome, value = kept[key]
        if outcome == "refused":
            raise value.with_traceback(None)
        return value
    try:
        value = reader(data)
    except refused as error:
        _keep(kept, key, ("refused", error))
        raise
    _keep(kept, key, ("read", value))
    return value


def _keep(kept: dict, key: str, result: tuple[str, Any]) -> None:
    kept[key] = result
    while len(kept) > KEEP:
        kept.pop(next(iter(kept)))
