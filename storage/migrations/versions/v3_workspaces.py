"""Schema version 3: workspaces, owners, a trash and a history.

- social_sim_workspaces: one row per workspace; `key_hash` is the sha256 (hex) of the workspace
  key, never the key. Row 1 is the default workspace (key_hash 'default', which no sha256 hex
  digest can equal); every existing scenario belongs to it.
- social_sim_scenarios: + workspace_id, + owner (the logged-in user who saved it, NULL without
  login), + deleted_at (in the trash since; NULL = live), + name_digest: sha256 of the normalised
  name while the row is live, NULL in the trash. The unique key is (workspace_id, name_digest), a
  fixed 64 characters whatever the name; name_key (VARCHAR(120), which a case-folded name can
  outgrow: 'ß' folds to 'ss') is dropped.
- social_sim_history: every change (who, when, what) per scenario.
- social_sim_schema.version = 3, so an app of version 1 or 2 refuses this database untouched.

Revision ID: v3
Revises: v2
"""

import hashlib
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "v3"
down_revision = "v2"
branch_labels = None
depends_on = None


def _digest(name: str) -> str:
    """Frozen copy of the app's rule: case and runs of white space do not count."""
    return hashlib.sha256(" ".join(name.split()).casefold().encode("utf-8")).hexdigest()


def upgrade() -> None:
    workspaces = op.create_table(
        "social_sim_workspaces",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("key_hash", name="uq_social_sim_workspaces_key_hash"))
    op.bulk_insert(workspaces, [{"id": 1, "key_hash": "default",
                                 "created_at": datetime.now(UTC).replace(tzinfo=None)}])
    if op.get_bind().dialect.name == "postgresql":  # the explicit id 1 did not advance the sequence
        op.execute(sa.text("SELECT setval(pg_get_serial_sequence('social_sim_workspaces', 'id'), 1)"))
    op.create_table(
        "social_sim_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("workspace_id", sa.Integer, nullable=False),
        sa.Column("scenario_id", sa.Integer, nullable=False),
        sa.Column("scenario_name", sa.String(120), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(320), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("detail", sa.Text, nullable=False))
    op.create_index("ix_social_sim_history_scenario", "social_sim_history", ["workspace_id", "scenario_id"])
    with op.batch_alter_table("social_sim_scenarios") as batch:
        batch.add_column(sa.Column("workspace_id", sa.Integer, nullable=False, server_default="1"))
        batch.add_column(sa.Column("owner", sa.String(320), nullable=True))
        batch.add_column(sa.Column("deleted_at", sa.DateTime, nullable=True))
        batch.add_column(sa.Column("name_digest", sa.String(64), nullable=True))
    scenarios = sa.table("social_sim_scenarios", sa.column("id", sa.Integer), sa.column("name", sa.String),
                         sa.column("name_digest", sa.String))
    bind = op.get_bind()
    for row_id, name in bind.execute(sa.select(scenarios.c.id, scenarios.c.name)).all():
        bind.execute(sa.update(scenarios).where(scenarios.c.id == row_id).values(name_digest=_digest(name)))
    with op.batch_alter_table("social_sim_scenarios") as batch:
        batch.drop_column("name_key")
        batch.create_unique_constraint("uq_social_sim_scenarios_name", ["workspace_id", "name_digest"])
        batch.create_foreign_key("fk_social_sim_scenarios_workspace", "social_sim_workspaces",
                                 ["workspace_id"], ["id"])
        batch.create_index("ix_social_sim_scenarios_workspace", ["workspace_id", "deleted_at"])
    op.execute(sa.text("UPDATE social_sim_schema SET version = 3 WHERE id = 1"))


def downgrade() -> None:  # pragma: no cover - kept for developers; the app only upgrades
    raise NotImplementedError("version 3 holds workspaces, trash and history that version 2 cannot keep")
