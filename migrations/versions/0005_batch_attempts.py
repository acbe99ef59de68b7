"""batch_attempts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 11:00:00.000000
"""
from alembic import op
import sqlalchemy as sa
import models.tables


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A batch's attempt as one row per set of mails (pipeline.process_batch) instead of an
    # UPDATE of attempts on each of its mails. Nothing to carry over: a batch that was running
    # during the upgrade left its mails with attempts counted, and those go one by one as before.
    op.create_table(
        'batch_attempts',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('created_at', models.tables.TZDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_batch_attempts')),
    )


def downgrade() -> None:
    op.drop_table('batch_attempts')
