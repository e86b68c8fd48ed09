"""Audit trail: append-only triggers and a target index

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 05:08:45.098125

The audit trail must hold even against a bug or a careless query, so the database itself refuses:
- DELETE (and TRUNCATE), unless the transaction set `satupintu.audit_purge` to 'on' first
  (set_config(..., true): for that transaction only). Only audit.services.purge_older_than, used
  by the retention job, and the test suite's clean-up do that.
- UPDATE, except what pseudonymising a deleted account does (audit.services.pseudonymise): the
  address and user agent may become NULL and `details` may lose keys; nothing else may change,
  and no value may be replaced by another.
A database owner can still drop the trigger: it guards against the app, not against its admin.

PostgreSQL gets both; SQLite (development, the quick test run) only the UPDATE rule, since it has
no per-transaction setting to let the retention purge through. A later SQLite batch migration that
rebuilds audit_entries must create the trigger again.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

PG_FUNCTION = """
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
        IF coalesce(current_setting('satupintu.audit_purge', true), '') = 'on' THEN
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

# SQLite: `details` may only lose top-level keys (each key left keeps its value).
SQLITE_TRIGGER = """
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE ON audit_entries
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor_id IS NOT OLD.actor_id
    OR NEW.actor_role IS NOT OLD.actor_role OR NEW.action IS NOT OLD.action
    OR NEW.target_type IS NOT OLD.target_type OR NEW.target_id IS NOT OLD.target_id
    OR (NEW.ip_address IS NOT NULL AND NEW.ip_address IS NOT OLD.ip_address)
    OR (NEW.user_agent IS NOT NULL AND NEW.user_agent IS NOT OLD.user_agent)
    OR EXISTS (
        SELECT 1 FROM json_each(NEW.details) AS kept WHERE NOT EXISTS (
            SELECT 1 FROM json_each(OLD.details) AS was
            WHERE was.key = kept.key AND was.type = kept.type AND was.value IS kept.value
        )
    )
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only: only pseudonymisation may change a row');
END
"""


def upgrade():
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entries_target', ['target_type', 'target_id'], unique=False)

    if op.get_bind().dialect.name == 'postgresql':
        op.execute(PG_FUNCTION)
        op.execute(
            'CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries '
            'FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()'
        )
        op.execute(
            'CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries '
            'FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()'
        )
    else:
        op.execute(SQLITE_TRIGGER)


def downgrade():
    op.execute('DROP TRIGGER IF EXISTS audit_entries_append_only' + (
        ' ON audit_entries' if op.get_bind().dialect.name == 'postgresql' else ''))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries')
        op.execute('DROP FUNCTION IF EXISTS audit_entries_append_only()')

    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entries_target')
