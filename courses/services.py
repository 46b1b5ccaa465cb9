"""Operations on learning content that span models or touch storage.

- `h5p_package_upload` turns an uploaded `.h5p` file into an `H5PPackage`: it validates the
  whole package first (`courses.h5p.validation`), extracts into staging and moves the result
  into place only when the database rows are saved. Any failure leaves storage as it was.
  The same file uploaded again (same SHA-256) is recognised: nothing new is stored, the new
  title (if any) is applied, and the result says the package was there already.
  `h5p_package_import` is the same, returning just the package.
- `narration_create` stores a narration clip already converted by `courses.audio`
  (`audio_prepare` for a file, `speech_synthesise` for the demo's synthetic voice).
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from typing import IO

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction

from .audio import EXTENSION, PreparedAudio
from .h5p import storage
from .h5p.validation import LibraryRef, ValidatedPackage, validate_package
from .models import H5PLibrary, H5PPackage, Narration


def _is_installed(ref: LibraryRef) -> bool:
    return H5PLibrary.objects.filter(
        machine_name=ref.machine_name, major_version=ref.major, minor_version=ref.minor
    ).exists()


def h5p_package_validate(*, fileobj: IO[bytes]) -> ValidatedPackage:
    """Check a package without writing anything; raises `H5PValidationError`."""
    return validate_package(fileobj, is_installed=_is_installed)


@dataclass(frozen=True)
class H5PUpload:
    package: H5PPackage
    created: bool  # False: the same file had been uploaded before


def h5p_package_import(*, fileobj: IO[bytes], title: str = "", by=None) -> H5PPackage:
    """Validate and store a package; the same file imported twice gives the same package."""
    return h5p_package_upload(fileobj=fileobj, title=title, by=by).package


def h5p_package_upload(*, fileobj: IO[bytes], title: str = "", by=None) -> H5PUpload:
    """Validate and store a package, or recognise one uploaded before and apply `title`."""
    validated = h5p_package_validate(fileobj=fileobj)
    title = " ".join((title or "").split())[:255]
    existing = H5PPackage.objects.filter(sha256=validated.sha256).first()
    if existing is not None:
        if title and title != existing.title:
            existing.title = title
            existing.save(update_fields=["title"])
        return H5PUpload(existing, created=False)

    staged = storage.extract(fileobj, validated)
    stored_file = None
    try:
        with transaction.atomic():
            libraries = []
            for lib in validated.libraries.values():
                obj, _created = H5PLibrary.objects.get_or_create(
                    machine_name=lib.ref.machine_name,
                    major_version=lib.ref.major,
                    minor_version=lib.ref.minor,
                    patch_version=lib.patch,
                    defaults={"title": lib.data["title"], "library_json": lib.data},
                )
                libraries.append(obj)
            for ref in validated.installed_dependencies.values():
                libraries.append(
                    H5PLibrary.objects.filter(
                        machine_name=ref.machine_name,
                        major_version=ref.major,
                        minor_version=ref.minor,
                    )
                    .order_by("-patch_version")
                    .first()
                )
            main = validated.main_library
            package = H5PPackage(
                title=(title or validated.title)[:255],
                sha256=validated.sha256,
                main_library=f"{main.machine_name} {main.major}.{main.minor}",
                h5p_json=validated.h5p_json,
                content_json=validated.content_json,
                size=validated.size,
                uploaded_by=by,
            )
            fileobj.seek(0)
            package.file.save(f"{validated.sha256}.h5p", File(fileobj), save=False)
            stored_file = package.file.name
            package.save()
            package.libraries.set(libraries)
            staged.commit()
    except BaseException:
        staged.rollback()
        if stored_file:
            H5PPackage.file.field.storage.delete(stored_file)
        raise
    return H5PUpload(package, created=True)


def h5p_package_files_ensure(*, package: H5PPackage) -> None:
    """Make sure this machine holds the package's extracted content and libraries.

    The extracted tree (`H5P_ROOT`, a local folder) is each machine's copy of what the
    uploaded packages hold. The uploads themselves live in the media storage, shared by
    every machine (S3, or one disk); a web server that did not take the upload — another
    machine, a new one, one whose disk was replaced — extracts the package from there on
    first use, with the same checks as an upload. Files are only ever added, each folder
    with one rename, so two requests doing this at once are harmless.
    """
    _package_extract_if_missing(package, seen=set())


def _package_extract_if_missing(package: H5PPackage, *, seen: set[int]) -> None:
    seen.add(package.pk)
    missing = [
        lib
        for lib in package.resolved_libraries().values()
        if not storage.library_dir(lib.storage_name).is_dir()
    ]
    if storage.content_dir(package.sha256).is_dir() and not missing:
        return
    with package.file.open("rb") as fileobj:
        validated = h5p_package_validate(fileobj=fileobj)
        storage.extract(fileobj, validated).commit()
    # A library version this package uses but did not carry came with another package.
    for lib in missing:
        if storage.library_dir(lib.storage_name).is_dir():
            continue
        for other in H5PPackage.objects.filter(libraries=lib).exclude(pk__in=seen):
            _package_extract_if_missing(other, seen=seen)
            if storage.library_dir(lib.storage_name).is_dir():
                break


def h5p_package_files_remove(*, sha256: str, file_name: str) -> None:
    """Remove a deleted package's upload and extracted content.

    Libraries stay: they are shared between packages and keyed by version. Call it after the
    package's row is gone (on commit), so a rolled-back delete never loses files.
    """
    if H5PPackage.objects.filter(sha256=sha256).exists():
        return
    shutil.rmtree(storage.content_dir(sha256), ignore_errors=True)
    if file_name:
        H5PPackage._meta.get_field("file").storage.delete(file_name)


def narration_create(
    *, audio: PreparedAudio, title: str, language: str, synthetic: bool = False
) -> Narration:
    """A narration clip from converted audio; its file is removed if the row is not saved."""
    narration = Narration(
        title=title[:200], language=language, synthetic=synthetic, duration=audio.duration
    )
    narration.file.save(f"{uuid.uuid4().hex}{EXTENSION}", ContentFile(audio.content), save=False)
    try:
        with transaction.atomic():
            narration.save()
    except BaseException:
        narration.file.storage.delete(narration.file.name)
        raise
    return narration
