"""Learning content: the course catalogue, courses, lessons and H5P activities.

Content is read-only for learners and translated with wagtail-localize; what people did
with it (progress, attempts) lives in `trainees`.
"""

from .h5p import H5PLibrary, H5PPackage

__all__ = ["H5PLibrary", "H5PPackage"]
