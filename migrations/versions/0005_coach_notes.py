"""coach notes: a follow-up question of the coach, kept as the review's own note;
an agreement's date can be the day it starts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 18:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('coach_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('tip_key', sa.String(length=120), nullable=False),
    sa.Column('question_key', sa.String(length=60), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversation.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('conversation_id', 'tip_key')
    )
    with op.batch_alter_table('coach_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coach_note_conversation_id'), ['conversation_id'], unique=False)
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('due_is_start', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.drop_column('due_is_start')
    with op.batch_alter_table('coach_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coach_note_conversation_id'))
    op.drop_table('coach_note')
