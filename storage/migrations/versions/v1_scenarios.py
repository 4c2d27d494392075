"""Schema version 1: the version table and one table of saved scenarios.

Revision ID: v1
Revises: (none)
"""

import sqlalchemy as sa
from alembic import op

revision = "v1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("social_sim_schema",
                    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
                    sa.Column("version", sa.Integer, nullable=False))
    op.create_table("social_sim_scenarios",
                    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
                    sa.Column("name", sa.String(120), nullable=False),
                    sa.Column("name_key", sa.String(120), nullable=False, unique=True),
                    sa.Column("note", sa.Text, nullable=False),
                    sa.Column("scenario_yaml", sa.Text, nullable=False),
                    sa.Column("created_at", sa.DateTime, nullable=False),
                    sa.Column("updated_at", sa.DateTime, nullable=False))
    op.execute(sa.text("INSERT INTO social_sim_schema (id, version) VALUES (1, 1)"))


def downgrade() -> None:
    op.drop_table("social_sim_scenarios")
    op.drop_table("social_sim_schema")
