"""review cycle: preparation, private notes, carry-over, sign-off, check-ins

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 06:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('check_in',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('manager_id', sa.Integer(), nullable=True),
    sa.Column('review_id', sa.Integer(), nullable=True),
    sa.Column('planned_on', sa.Date(), nullable=False),
    sa.Column('held_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('next_step', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['person.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['manager_id'], ['person.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['review_id'], ['conversation.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_in_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_check_in_manager_id'), ['manager_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_check_in_review_id'), ['review_id'], unique=False)

    op.create_table('prepared_answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('question_key', sa.String(length=60), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('shared_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['person.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversation.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('conversation_id', 'author_id', 'question_key')
    )
    with op.batch_alter_table('prepared_answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_prepared_answer_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_prepared_answer_conversation_id'), ['conversation_id'], unique=False)

    op.create_table('private_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['person.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversation.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('conversation_id', 'author_id')
    )
    with op.batch_alter_table('private_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_private_note_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_private_note_conversation_id'), ['conversation_id'], unique=False)

    op.create_table('reopening',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversation.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('reopening', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reopening_conversation_id'), ['conversation_id'], unique=False)

    op.create_table('agreement_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('verdict', sa.Enum('done', 'partly', 'not_done', name='verdict', native_enum=False, length=20), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversation.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('conversation_id', 'agreement_id')
    )
    with op.batch_alter_table('agreement_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_review_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_review_conversation_id'), ['conversation_id'], unique=False)

    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('done_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('carried_from_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key('fk_agreement_carried_from', 'agreement', ['carried_from_id'], ['id'], ondelete='SET NULL')

    # An agreement made before this had its last change when it was made.
    op.execute("UPDATE agreement SET updated_at = created_at")
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.alter_column('updated_at', existing_type=sa.DateTime(timezone=True),
                              nullable=False)

    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('manager_signed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('manager_signed_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('employee_signed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key('fk_conversation_manager_signed_by', 'person', ['manager_signed_by_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('goal', schema=None) as batch_op:
        batch_op.add_column(sa.Column('period', sa.Enum('past', 'coming', name='goalperiod', native_enum=False, length=20), nullable=False,
                                      server_default='past'))
        batch_op.add_column(sa.Column('comment', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('carried_from_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_goal_carried_from', 'goal', ['carried_from_id'], ['id'], ondelete='SET NULL')



def downgrade():
    with op.batch_alter_table('goal', schema=None) as batch_op:
        batch_op.drop_constraint('fk_goal_carried_from', type_='foreignkey')
        batch_op.drop_column('carried_from_id')
        batch_op.drop_column('comment')
        batch_op.drop_column('period')

    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.drop_constraint('fk_conversation_manager_signed_by', type_='foreignkey')
        batch_op.drop_column('employee_signed_at')
        batch_op.drop_column('manager_signed_by_id')
        batch_op.drop_column('manager_signed_at')

    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.drop_constraint('fk_agreement_carried_from', type_='foreignkey')
        batch_op.drop_column('updated_at')
        batch_op.drop_column('carried_from_id')
        batch_op.drop_column('done_on')

    with op.batch_alter_table('agreement_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_review_conversation_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_review_agreement_id'))

    op.drop_table('agreement_review')
    with op.batch_alter_table('reopening', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reopening_conversation_id'))

    op.drop_table('reopening')
    with op.batch_alter_table('private_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_private_note_conversation_id'))
        batch_op.drop_index(batch_op.f('ix_private_note_author_id'))

    op.drop_table('private_note')
    with op.batch_alter_table('prepared_answer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_prepared_answer_conversation_id'))
        batch_op.drop_index(batch_op.f('ix_prepared_answer_author_id'))

    op.drop_table('prepared_answer')
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_in_review_id'))
        batch_op.drop_index(batch_op.f('ix_check_in_manager_id'))
        batch_op.drop_index(batch_op.f('ix_check_in_employee_id'))

    op.drop_table('check_in')
