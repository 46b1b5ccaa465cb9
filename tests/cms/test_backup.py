"""The backup script dumps the database, restores it into a fresh one and proves the row
counts match (docs/backups.md); it fails loudly when they do not."""

import os
import subprocess
from pathlib import Path

import pytest
from django.db import connection

from trainees.factories import PersonFactory

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(not os.environ.get("DATABASE_URL"), reason="pg_dump needs PostgreSQL"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_backup_restores_into_a_fresh_database_with_every_row(commune_a, tmp_path):
    PersonFactory.create_batch(25, commune=commune_a)
    db = connection.settings_dict
    url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )
    result = subprocess.run(
        ["bash", "scripts/backup_restore_check.sh", url, str(tmp_path / "site.dump")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "every count matches" in result.stdout
    assert (tmp_path / "site.dump").stat().st_size > 0
