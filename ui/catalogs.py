"""Keeping the translation catalogs in step with the code (a developer's tool, no Streamlit):

    python -m ui.catalogs update             # extract every text into locale/messages.pot and
                                             # merge it into each locale/<lang>/.../messages.po
    python -m ui.catalogs translate sv FILE  # set translations from a JSON object {msgid: msgstr}
                                             # (plural: {singular: [one, other]})
    python -m ui.catalogs missing sv         # the msgids that still lack a translation

Extraction follows babel.cfg (ui.babel_extract reads the Python code and the texts in data/).
The catalogs are written under a file lock, so two people (or sessions) updating at once do not
overwrite each other. Translators' tools (Poedit, Weblate) open the .po files as they are.
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from ui.i18n import DOMAIN, LOCALE_DIR

ROOT = LOCALE_DIR.parent
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
WIDTH = 100
# A fixed date in the headers, so updating the catalogs changes only the lines that changed.
STAMP = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


@contextlib.contextmanager
def _locked() -> Iterator[None]:
    with (LOCALE_DIR / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract() -> Catalog:
    """Every text of the code and data, as a template catalog (the .pot)."""
    with (ROOT / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    template = Catalog(project="Social media org simulator", domain=DOMAIN, fuzzy=False, version="1",
                       copyright_holder="the Social media org simulator team",
                       msgid_bugs_address="the issue tracker", creation_date=STAMP, revision_date=STAMP)
    for filename, lineno, message, comments, context in extract_from_dir(
            str(ROOT), method_map, options_map, strip_comment_tags=True):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def read(lang: str) -> Catalog:
    with po_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def write(catalog: Catalog, path: Path) -> None:
    with path.open("wb") as handle:
        write_po(handle, catalog, width=WIDTH, sort_by_file=True, omit_header=False,
                 ignore_obsolete=False, include_previous=False)


def languages() -> list[str]:
    return sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def update() -> None:
    """Extract the texts and merge them into every language's catalog (new texts untranslated,
    texts gone from the code kept as obsolete entries, so their translations are not lost)."""
    with _locked():
        template = extract()
        write(template, TEMPLATE)
        for lang in languages():
            catalog = read(lang)
            catalog.update(template, no_fuzzy_matching=True)
            catalog.revision_date = STAMP
            write(catalog, po_path(lang))


def translate(lang: str, source: Path) -> int:
    """Set translations from a JSON object; returns how many msgids were not in the catalog."""
    wanted = json.loads(source.read_text(encoding="utf-8"))
    unknown = 0
    with _locked():
        catalog = read(lang)
        for msgid, msgstr in wanted.items():
            message = catalog.get(msgid)
            if message is None:
                unknown += 1
                print(f"not in the catalog (run update first?): {msgid!r}", file=sys.stderr)
                continue
            message.string = tuple(msgstr) if isinstance(msgstr, list) else msgstr
            message.flags.discard("fuzzy")
        catalog.revision_date = STAMP
        write(catalog, po_path(lang))
    return unknown


def missing(lang: str) -> list[str]:
    """The msgids of the template without a translation in `lang`."""
    catalog = read(lang)
    out = []
    for message in extract():
        if not message.id:
            continue
        found = catalog.get(message.id)
        strings = found.string if found is not None else None
        texts = strings if isinstance(strings, tuple) else (strings,)
        if found is None or "fuzzy" in found.flags or not all(texts):
            out.append(message.id if isinstance(message.id, str) else message.id[0])
    return out


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
        return 0
    if argv[:1] == ["translate"] and len(argv) == 3:
        return 1 if translate(argv[1], Path(argv[2])) else 0
    if argv[:1] == ["missing"] and len(argv) == 2:
        gaps = missing(argv[1])
        print("\n".join(gaps))
        return 1 if gaps else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
