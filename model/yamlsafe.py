"""Reading YAML that a user may have written or uploaded: safe_load only, no aliases (a few
hundred bytes of nested aliases can take the server's memory), bounded nesting and size."""

from __future__ import annotations

from typing import Any

import yaml

MAX_DEPTH = 40


class YamlProblem(ValueError):
    """The text is not YAML we accept; the message says why (and where, when known)."""


class _GuardedLoader(yaml.SafeLoader):
    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise YamlProblem(f"aliases (*name) are not accepted{_where(mark)}")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlProblem(f"nested deeper than {MAX_DEPTH} levels")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _where(mark) -> str:
    return f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""


def load_text(text: str | bytes, *, max_bytes: int = 2_000_000) -> Any:
    """Parse one YAML document; raise YamlProblem with a plain message on anything wrong."""
    if isinstance(text, bytes):
        if len(text) > max_bytes:
            raise YamlProblem(f"larger than {max_bytes // 1000} kB")
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise YamlProblem("not UTF-8 text") from None
    if len(text) > max_bytes:
        raise YamlProblem(f"larger than {max_bytes // 1000} kB")
    try:
        return yaml.load(text, Loader=_GuardedLoader)  # noqa: S506 - a SafeLoader subclass
    except YamlProblem:
        raise
    except (yaml.YAMLError, ValueError, RecursionError) as error:  # ValueError: huge ints
        raise YamlProblem(f"not valid YAML{_where(getattr(error, 'problem_mark', None))}") from None


class _PlainDumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:
        return True


def dump_text(data: Any) -> str:
    """YAML that load_text accepts again: no anchors or aliases, keys in their given order."""
    return yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True)
