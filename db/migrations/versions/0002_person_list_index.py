"""person: covering index for the Personnes list and its search

Revision ID: 0002_person_list_index
Revises: 0001_v1
"""

from alembic import op

revision = "0002_person_list_index"
down_revision = "0001_v1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index("ix_person_list", ["statut", "sort_key", "id", "search_text"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_list")
