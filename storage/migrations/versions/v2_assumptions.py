"""Schema version 2: the edited assumptions (catalog YAML) saved with a scenario; NULL = defaults.

Revision ID: v2
Revises: v1
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "v2"
down_revision = "v1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    long_text = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")
    op.add_column("social_sim_scenarios", sa.Column("assumptions_yaml", long_text, nullable=True))
    op.execute(sa.text("UPDATE social_sim_schema SET version = 2 WHERE id = 1"))


def downgrade() -> None:
    with op.batch_alter_table("social_sim_scenarios") as batch:
        batch.drop_column("assumptions_yaml")
    op.execute(sa.text("UPDATE social_sim_schema SET version = 1 WHERE id = 1"))
