"""The labels of rule parameters (data/rule_labels.yaml), by the label key each rule kind declares
for a numeric parameter (model/rules.py `Param.label`): English texts, which ui/ translates through
the catalogs. They are texts of the app, not assumptions: no uploaded set carries or changes them.

A label is a plain string; the older form, a mapping of languages ({en: ..., sv: ...}), is still
read, as its English text.
"""

from __future__ import annotations

from pathlib import Path

from ..catalog import DATA_DIR
from ..errors import CatalogError, Problem, shown
from ..yamlsafe import YamlProblem, load_text

PARAM_LABELS_FILE = DATA_DIR / "rule_labels.yaml"


def read_param_labels(path: Path = PARAM_LABELS_FILE) -> dict[str, str]:
    """label key -> English label. Raises CatalogError naming the file, the label and the problem."""
    try:
        doc = load_text(path.read_bytes())
    except YamlProblem as problem:
        raise CatalogError(str(path), None, None, problem.problem) from None
    except OSError:
        raise CatalogError(str(path), None, None, Problem("data.file_missing")) from None
    labels = doc.get("labels") if isinstance(doc, dict) else None
    if not isinstance(labels, dict):
        raise CatalogError(str(path), None, "labels", Problem("type.mapping"))
    out: dict[str, str] = {}
    for key, value in labels.items():
        where = str(key)[:60]
        if isinstance(value, dict) and "en" in value:  # the older form: {en: ..., sv: ...}
            value = value["en"]
        if not isinstance(value, str) or not value.strip():
            raise CatalogError(str(path), where, None, Problem("text.expected", {"got": shown(value)}))
        out[str(key)] = value.strip()
    return out


PARAM_LABELS: dict[str, str] = read_param_labels()
