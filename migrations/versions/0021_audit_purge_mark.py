"""Audit trail: one way to let the retention purge through, on both databases

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05 09:00:00

Migration 0017 let a PostgreSQL transaction delete audit rows by a per-transaction setting, and gave
SQLite no guard against deletes at all, since SQLite has no such setting. Now both refuse a delete
from audit_entries unless the deleting transaction holds a row in `audit_purges`: the app adds one,
deletes, and takes it away again before the transaction ends (audit.services.purge_allowed), so
other transactions never see it. PostgreSQL refuses TRUNCATE the same way; 0017's function keeps
the UPDATE rule (its own DELETE branch is no longer reached). As with 0017, a later SQLite batch
migration that rebuilds audit_entries must create both triggers again.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

# PostgreSQL: 0017's function keeps the UPDATE rule; deletes and TRUNCATE get a function of their own.
PG_NO_DELETE = """
CREATE FUNCTION audit_entries_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_purges) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_entries is append-only: rows cannot be deleted';
END $$
"""
PG_TRIGGERS_0017 = (
    'CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries '
    'FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()',
    'CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries '
    'FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()',
)
PG_TRIGGERS = (
    'CREATE TRIGGER audit_entries_append_only BEFORE UPDATE ON audit_entries '
    'FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()',
    'CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries '
    'FOR EACH ROW EXECUTE FUNCTION audit_entries_no_delete()',
    'CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries '
    'FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_no_delete()',
)
PG_DROP = (
    'DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries',
    'DROP TRIGGER IF EXISTS audit_entries_no_delete ON audit_entries',
    'DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries',
)

SQLITE_TRIGGER = """
CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
WHEN NOT EXISTS (SELECT 1 FROM audit_purges)
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only: rows cannot be deleted');
END
"""


def upgrade():
    op.create_table('audit_purges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_purges'))
    )
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(PG_NO_DELETE)
        for statement in PG_DROP + PG_TRIGGERS:
            op.execute(statement)
    else:
        op.execute(SQLITE_TRIGGER)


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        for statement in PG_DROP + PG_TRIGGERS_0017:
            op.execute(statement)
        op.execute('DROP FUNCTION audit_entries_no_delete()')
    else:
        op.execute('DROP TRIGGER IF EXISTS audit_entries_no_delete')
    op.drop_table('audit_purges')
