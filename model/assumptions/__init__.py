"""Every number behind a plan as a table a client can question and change.

A Catalog's numbers are shown as plain tables, one per concept: pay and capacity, external
providers, demand coefficients, global settings, the fit of roles and providers to each
capability, and the numeric rule parameters. Each cell is one assumption with its unit, its
bounds (model/schema.py, the same the catalog's reader checks), its source, and where it lives in
the YAML schema of data/. Nothing is worded here: ui/ names tables, rows, columns and units.

- `tables`: what the tables hold (`assumption_tables`, `assumption_cells`);
- `edits`: edits applied to a catalog, reset and compared (`apply_edits`, `reset_table`,
  `differences`), and a whole set read from YAML (`import_yaml`; `Catalog.to_yaml` writes it);
  anything refused raises `AssumptionError` (a model.errors.Problem and the cell it is about);
- `sensitivity`: which assumptions move coverage and cost most;
- `labels`: the English labels of rule parameters (data/rule_labels.yaml).

    tables = assumption_tables(catalog)
    edited = apply_edits(catalog, "pay", {("social_media_manager", "pay_sek_month"): 50_000})
    report = sensitivity(Scenario(), edited)
"""

from .edits import (
    MAX_IMPORT_BYTES,
    ORIGIN,
    AssumptionError,
    Change,
    apply_edits,
    coerce,
    declared_bounds,
    differences,
    import_yaml,
    parse_number,
    reset_table,
)
from .labels import PARAM_LABELS, PARAM_LABELS_FILE, read_param_labels
from .sensitivity import METRICS, Sensitivity, Swing, sensitivity, varied_values, with_value, with_values
from .tables import (
    BASE,
    ESTIMATE,
    GUIDANCE_ESTIMATE,
    SETTINGS,
    SOURCE_CODES,
    SQRT,
    TABLE_IDS,
    UNIT_CODES,
    VALUE,
    Cell,
    CellKey,
    Column,
    Row,
    Table,
    assumption_cells,
    assumption_tables,
)

__all__ = [
    "BASE", "ESTIMATE", "GUIDANCE_ESTIMATE", "MAX_IMPORT_BYTES", "METRICS", "ORIGIN", "PARAM_LABELS",
    "PARAM_LABELS_FILE", "SETTINGS", "SOURCE_CODES", "SQRT", "TABLE_IDS", "UNIT_CODES", "VALUE",
    "AssumptionError", "Cell", "CellKey", "Change", "Column", "Row", "Sensitivity", "Swing", "Table",
    "apply_edits", "assumption_cells", "assumption_tables", "coerce", "declared_bounds", "differences",
    "import_yaml", "parse_number", "read_param_labels", "reset_table", "sensitivity", "varied_values",
    "with_values",
    "with_value",
]
