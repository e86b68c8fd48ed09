"""Number attribute bounds

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 21:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    # Null stands for the defaults (0 and 1,000,000,000), so existing attributes need no values.
    with op.batch_alter_table('service_attributes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('minimum', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('maximum', sa.Float(), nullable=True))


def downgrade():
    with op.batch_alter_table('service_attributes', schema=None) as batch_op:
        batch_op.drop_column('maximum')
        batch_op.drop_column('minimum')
