"""The migrations build the schema the models describe: a column added to a model
without its migration would work in a test's fresh tables and fail on a real
database made by `make run`."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from voortgang.extensions import db


def test_the_migrated_database_matches_the_models(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = compare_metadata(context, db.metadata)
    assert differences == []
