"""The rules are pure Python: their tests never touch the database, so the run against
PostgreSQL (.ci/run) can leave them to the first run."""
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.nodb)
