"""Where certificate PDFs are kept: the `certificates` entry of STORAGES.

It lies outside MEDIA_ROOT, so no web server hands the files out by URL; the download view
checks who asks and streams the file.
"""

from django.core.files.storage import storages


def certificate_storage():
    return storages["certificates"]
