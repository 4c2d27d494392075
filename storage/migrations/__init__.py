"""Alembic revisions of the saved-scenario schema, run from code by `storage.schema` (no alembic.ini).

    versions/v1_scenarios.py   the first table (unique case-folded name in VARCHAR(120))
    versions/v2_assumptions.py + assumptions_yaml
    versions/v3_workspaces.py  workspaces, trash (deleted_at), history, owner; the unique key
                               becomes (workspace, sha256 of the normalised name)

A revision is frozen once released: it writes out its own tables and functions instead of
importing the app's, so a later change to the app cannot change what an old step does.
"""
