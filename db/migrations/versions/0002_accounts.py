"""Accounts: passwords (Argon2), lockout, forced change, person link; bénévole assignments;
the audit chain head used to serialise writers and detect a truncated journal.

Revision ID: 0002_accounts
Revises: 0005_tournees
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0002_accounts"
down_revision = "0005_tournees"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "benevole_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_benevole_assignment_person_id_person")),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_benevole_assignment_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_benevole_assignment")),
    )
    with op.batch_alter_table("benevole_assignment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_benevole_assignment_person_id"), ["person_id"], unique=False)
        batch_op.create_index("uq_benevole_assignment_pair", ["user_id", "person_id"], unique=True)

    # Plain ADD COLUMN (no batch table copy): app_user is referenced by audit_entry, and
    # SQLite refuses to drop-and-recreate a referenced table while foreign keys are on.
    op.add_column("app_user", sa.Column("password_hash", sa.String(length=255), nullable=True))
    op.add_column("app_user", sa.Column("must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("app_user", sa.Column("failed_attempts", sa.Integer(), server_default="0", nullable=False))
    op.add_column("app_user", sa.Column("locked_until", sa.DateTime(), nullable=True))
    op.add_column("app_user", sa.Column("last_login_at", sa.DateTime(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":  # ADD COLUMN … REFERENCES, the only way without a copy
        op.execute("ALTER TABLE app_user ADD COLUMN person_id INTEGER REFERENCES person (id)")
    else:
        op.add_column("app_user", sa.Column("person_id", sa.Integer(), nullable=True))
        op.create_foreign_key(op.f("fk_app_user_person_id_person"), "app_user", "person", ["person_id"], ["id"])
    op.create_index(op.f("ix_app_user_person_id"), "app_user", ["person_id"], unique=False)

    # The chain head: the last audit entry's id and hash (see desktop_app.security.audit).
    conn = op.get_bind()
    last = conn.execute(sa.text("SELECT id, entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1")).first()
    head = {"id": last[0], "hash": last[1]} if last else {"id": 0, "hash": ""}
    conn.execute(
        sa.text("INSERT INTO app_setting (key, value_json) VALUES ('audit.chain_head', :v)"),
        {"v": json.dumps(head)},
    )


def downgrade() -> None:
    op.execute("DELETE FROM app_setting WHERE key IN ('audit.chain_head', 'audit.anchor')")
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_app_user_person_id_person"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_app_user_person_id"))
        batch_op.drop_column("person_id")
        batch_op.drop_column("last_login_at")
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failed_attempts")
        batch_op.drop_column("must_change_password")
        batch_op.drop_column("password_hash")

    with op.batch_alter_table("benevole_assignment", schema=None) as batch_op:
        batch_op.drop_index("uq_benevole_assignment_pair")
        batch_op.drop_index(batch_op.f("ix_benevole_assignment_person_id"))

    op.drop_table("benevole_assignment")
