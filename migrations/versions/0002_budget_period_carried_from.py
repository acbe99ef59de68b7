"""budget period carried_from

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 10:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('budget_periods', schema=None) as batch_op:
        batch_op.add_column(sa.Column('carried_from', sa.Date(), nullable=True))
    # Backfill: a row that carries something in (carried_minor != 0) got it from the row of the
    # previous period, which then existed and is the budget's latest row before it. A row
    # carrying exactly 0 stays unlinked (its carry stays fixed, as before): it cannot be told
    # apart from a row created with rollover off or without a previous row. A carry already
    # stale is linked but not recomputed here: `spendwatch verify` shows it.
    op.execute(
        'UPDATE budget_periods SET carried_from = ('
        'SELECT max(p."start") FROM budget_periods p '
        'WHERE p.budget_id = budget_periods.budget_id AND p."start" < budget_periods."start") '
        'WHERE carried_minor <> 0'
    )


def downgrade() -> None:
    with op.batch_alter_table('budget_periods', schema=None) as batch_op:
        batch_op.drop_column('carried_from')
