"""audit trail: who changed what in a review, and HR's privacy actions; anonymised people

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 09:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

ACTORS = ('person', 'system', 'erased')
ACTIONS = ('review_started', 'answer_changed', 'goal_added', 'goal_changed',
           'goal_removed', 'agreement_added', 'agreement_changed', 'agreement_removed',
           'next_evaluation_changed', 'completed', 'reaction_written', 'names_removed',
           'data_exported', 'person_anonymised', 'person_deleted')


def upgrade():
    op.create_table(
        'audit_event',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('actor', sa.Enum(*ACTORS, name='actor', native_enum=False, length=30),
                  nullable=False),
        sa.Column('account_id', sa.Integer(), nullable=True),
        sa.Column('actor_name', sa.String(length=120), nullable=True),
        sa.Column('conversation_id', sa.Integer(), nullable=True),
        sa.Column('person_id', sa.Integer(), nullable=True),
        sa.Column('action', sa.Enum(*ACTIONS, name='action', native_enum=False,
                                    length=30), nullable=False),
        sa.Column('item', sa.String(length=60), nullable=True),
        sa.Column('item_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['conversation_id'], ['conversation.id'],
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_account_id'), ['account_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_conversation_id'),
                              ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_person_id'), ['person_id'],
                              unique=False)
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('anonymised_at', sa.DateTime(timezone=True),
                                      nullable=True))


def downgrade():
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('anonymised_at')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_person_id'))
        batch_op.drop_index(batch_op.f('ix_audit_event_conversation_id'))
        batch_op.drop_index(batch_op.f('ix_audit_event_account_id'))
    op.drop_table('audit_event')
