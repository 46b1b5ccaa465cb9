"""Shared set-up for the H5P benchmark commands: a throw-away database and media folder.

The benchmarks must not touch the developer's data, so they build a test database (as the
test runner does), point MEDIA_ROOT at a temporary folder, and remove both at the end.
"""

import contextlib
import tempfile

from django.db import connection
from django.test.utils import override_settings, setup_test_environment, teardown_test_environment


@contextlib.contextmanager
def throwaway_site(**settings_overrides):
    """A migrated test database and an empty MEDIA_ROOT, for the duration of the block."""
    with tempfile.TemporaryDirectory(prefix="h5p-bench-") as media:
        setup_test_environment()
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        try:
            with override_settings(MEDIA_ROOT=media, **settings_overrides):
                yield media
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()
