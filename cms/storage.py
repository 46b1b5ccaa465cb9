"""Static files, and media on S3-compatible object storage.

Static files: compressed, with hashed names, and ES module imports rewritten to them.

The offline client and the pages' scripts are ES modules that import each other by relative
path (`import … from "../cms/offline.js"`); with hashed names in production those paths must
be rewritten too, or a page would run a stale copy of a module (Django's
`support_js_module_import_aggregation`).
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    support_js_module_import_aggregation = True


class MediaStorage(S3Storage):
    """Uploaded media in an S3-compatible bucket (AWS_STORAGE_BUCKET_NAME), linked under our
    own `/media/` path, never the bucket's.

    The service worker keeps only same-origin files, so lesson pictures saved for offline
    must come from the site: `cms.views.public_media` reads them from the bucket and answers
    with the same headers as from a disk. The bucket itself stays private (no ACL, signed
    access only); a CDN in front of the site caches `/media/` like any public answer.
    """

    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(name).lstrip("/")
