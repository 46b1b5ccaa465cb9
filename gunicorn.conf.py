"""gunicorn's settings for every deployment; gunicorn reads this file from the working
directory by itself. Command-line flags (`--workers`, `--bind`) override it.

https://docs.gunicorn.org/en/stable/settings.html
"""

# Import the site once in the master, then fork the workers: the code, templates and
# translations loaded at start are shared copy-on-write instead of being loaded again by
# each worker (see docs/performance.md for what this saves). Database connections are
# opened only by a request, so no connection is shared between workers.
preload_app = True
