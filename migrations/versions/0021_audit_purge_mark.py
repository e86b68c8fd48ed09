"""Audit trail: one way to let the retention purge through, on both databases

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05 09:00:00

Migration 0017 let a PostgreSQL transaction delete audit rows by a per-transaction setting, and gave
SQLite no guard against deletes at all, since SQLite has no such setting. Now both refuse a delete
from audit_entries unless the deleting transaction holds a row in `audit_purges`: the app adds one,
deletes, and takes it away again before the transaction ends (audit.services.purge_allowed), so
other transactions never see it. PostgreSQL keeps refusing TRUNCATE the same way.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
        IF {allowed} THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_entries is append-only: rows cannot be deleted';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.at IS DISTINCT FROM OLD.at
        OR NEW.actor_id IS DISTINCT FROM OLD.actor_id OR NEW.actor_role IS DISTINCT FROM OLD.actor_role
        OR NEW.action IS DISTINCT FROM OLD.action OR NEW.target_type IS DISTINCT FROM OLD.target_type
        OR NEW.target_id IS DISTINCT FROM OLD.target_id
        OR (NEW.ip_address IS NOT NULL AND NEW.ip_address IS DISTINCT FROM OLD.ip_address)
        OR (NEW.user_agent IS NOT NULL AND NEW.user_agent IS DISTINCT FROM OLD.user_agent)
        OR NOT (NEW.details::jsonb <@ OLD.details::jsonb) THEN
        RAISE EXCEPTION 'audit_entries is append-only: only pseudonymisation may change a row';
    END IF;
    RETURN NEW;
END $$
"""
MARKED = "EXISTS (SELECT 1 FROM audit_purges)"
SET_BY_0017 = "coalesce(current_setting('satupintu.audit_purge', true), '') = 'on'"

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
        op.execute(PG_FUNCTION.format(allowed=MARKED))
    else:
        op.execute(SQLITE_TRIGGER)


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(PG_FUNCTION.format(allowed=SET_BY_0017))
    else:
        op.execute('DROP TRIGGER IF EXISTS audit_entries_no_delete')
    op.drop_table('audit_purges')
