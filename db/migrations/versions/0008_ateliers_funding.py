"""ateliers funding: financeurs only through action_funding, place linked to a « lieu » partner

Drops atelier_action.funding_line_id (0007 copied it into action_funding; the free-text
``financeur`` stays for older data) and makes lieu_partner_id a foreign key to partner
(values pointing at no partner are cleared first).

On SQLite the table is rebuilt (batch mode); db.migrate turns foreign keys off during the
upgrade so dropping the old table does not cascade into action_funding, and checks them
before committing.

Revision ID: 0008_ateliers_funding
Revises: 0007_funding_links
Create Date: 2026-12-04 16:20:00
"""

from alembic import op
import sqlalchemy as sa


revision = "0008_ateliers_funding"
down_revision = "0007_funding_links"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "UPDATE atelier_action SET lieu_partner_id = NULL WHERE lieu_partner_id IS NOT NULL "
        "AND lieu_partner_id NOT IN (SELECT id FROM partner)"
    )
    with op.batch_alter_table("atelier_action", schema=None) as batch_op:
        batch_op.drop_column("funding_line_id")
        batch_op.create_index(batch_op.f("ix_atelier_action_lieu_partner_id"), ["lieu_partner_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_atelier_action_lieu_partner_id_partner"), "partner", ["lieu_partner_id"], ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("atelier_action", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_atelier_action_lieu_partner_id_partner"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_atelier_action_lieu_partner_id"))
        batch_op.add_column(sa.Column("funding_line_id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE atelier_action SET funding_line_id = (SELECT min(f.funding_line_id) FROM action_funding f "
        "WHERE f.action_id = atelier_action.id)"
    )
