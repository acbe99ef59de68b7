"""alert limit_minor and carried_minor

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 10:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The limit and carry an alert's percent was computed against, recorded with it. No
    # backfill: what the period's limit and carry were when an existing alert was recorded is
    # not known (an amount edit or a moved carry since leaves no trace on the alert). Those rows
    # stay NULL, and their message reads the period's figures at send time, as before.
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('limit_minor', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('carried_minor', sa.BigInteger(), nullable=True))


def downgrade() -> None:
    # On SQLite this rebuilds alerts (copy, drop, rename): pipeline.schema.migration_connection
    # and env.py turn foreign keys off meanwhile, or the DROP would delete every outbox row
    # through ON DELETE CASCADE.
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.drop_column('carried_minor')
        batch_op.drop_column('limit_minor')
