"""Static files: compressed, with hashed names, and ES module imports rewritten to them.

The offline client and the pages' scripts are ES modules that import each other by relative
path (`import … from "../cms/offline.js"`); with hashed names in production those paths must
be rewritten too, or a page would run a stale copy of a module (Django's
`support_js_module_import_aggregation`).
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    support_js_module_import_aggregation = True
