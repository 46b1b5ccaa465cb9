"""gunicorn's settings for every deployment; gunicorn reads this file from the working
directory by itself. Command-line flags (`--workers`, `--bind`) override it.

https://docs.gunicorn.org/en/stable/settings.html
"""

# Import the site once in the master, then fork the workers: the code, templates and
# translations loaded at start are shared copy-on-write instead of being loaded again by
# each worker (docs/performance.md has the figures). Database connections are opened only
# by a request, so no connection is shared between workers.
preload_app = True


def when_ready(server):
    """In the master, after the app is loaded and before the first worker is forked."""
    from cms.warmup import warm_up

    warm_up()
