"""Scenario files: the YAML a user downloads and uploads again.

A file is `Scenario.to_yaml()` with a comment header (name, note, time of export); comments are
ignored when it is read, so any scenario YAML (with or without the header) can be uploaded.
Reading is defensive: size and encoding are checked first, then the guarded YAML reader of
`model.yamlsafe` (one pass: depth, aliases, duplicate keys and YAML 1.2 values checked while it
parses), then every field's type and range; a ScenarioError lists every problem found.
"""

from __future__ import annotations

import re
from datetime import datetime

from model import Scenario, ScenarioError
from model.errors import Problem
from model.scenario import MAX_YAML_BYTES

MAX_SCENARIO_BYTES = MAX_YAML_BYTES  # a scenario is well under 1 KB; anything this big is not one


# What YAML accepts in a stream (PyYAML's reader); anything else in a name or note becomes U+FFFD.
NON_PRINTABLE = re.compile("[^\x09\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _comment(label: str, text: str) -> list[str]:
    lines = [NON_PRINTABLE.sub("\ufffd", line) for line in text.splitlines()] or [""]
    return [f"# {label}: {lines[0]}".rstrip()] + [f"#   {line}".rstrip() for line in lines[1:]]


def scenario_file_text(scenario: Scenario, *, name: str | None = None, note: str | None = None,
                       exported_at: datetime | None = None) -> str:
    """The scenario as YAML, with name and note as comments (every line of them commented)."""
    header = ["# Social media org simulator: a scenario (upload it on the Compare page)"]
    if name:
        header += _comment("name", name)
    if note:
        header += _comment("note", note)
    if exported_at is not None:
        header.append(f"# exported: {exported_at.isoformat(timespec='seconds')}")
    return "\n".join(header) + "\n" + scenario.to_yaml()


def read_scenario_file(data: bytes | str, *, max_bytes: int = MAX_SCENARIO_BYTES) -> Scenario:
    """A scenario from an uploaded file, strictly: ScenarioError names every problem (as
    model.errors.Problem codes; ui/problems.py words them)."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    if len(raw) > max_bytes:
        raise ScenarioError([Problem("file.too_large", {"size_bytes": len(raw), "most_bytes": max_bytes})])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScenarioError([Problem("file.not_utf8")]) from None
    if not text.strip():
        raise ScenarioError([Problem("file.empty")])
    if "\x00" in text:
        raise ScenarioError([Problem("file.binary")])
    return Scenario.from_yaml(text, strict=True, max_bytes=max_bytes)
