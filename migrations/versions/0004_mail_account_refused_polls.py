"""mail_accounts.refused_polls

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 12:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Polls in a row that ended in an error only the user can fix (login refused, folder
    # missing, certificate not trusted): beat polls such a mailbox less and less often, so a
    # changed password does not become hundreds of refused logins a day (and a locked account).
    with op.batch_alter_table('mail_accounts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('refused_polls', sa.Integer(), nullable=False, server_default='0'))


def downgrade() -> None:
    # On SQLite this rebuilds mail_accounts: pipeline.schema.migration_connection and env.py
    # turn foreign keys off meanwhile, or the DROP would cascade to cursors and stored mail.
    with op.batch_alter_table('mail_accounts', schema=None) as batch_op:
        batch_op.drop_column('refused_polls')
