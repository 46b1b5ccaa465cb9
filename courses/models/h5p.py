"""H5P packages and the libraries they bring.

- **H5PLibrary** is one H5P library (JavaScript, CSS, fonts) at one full version
  (machine name, major, minor, patch). It is stored once, under
  `MEDIA_ROOT/h5p/libraries/<Machine>-<major>.<minor>.<patch>/`, and shared by every package
  that carries or needs it. Its files never change, so they are served with far-future caching.
- **H5PPackage** is one uploaded `.h5p` file: an interactive activity (true/false, multiple
  choice, fill in the blanks…). The same file uploaded twice is one package (its sha256 is
  unique). It keeps the parsed `h5p.json` and `content/content.json` — inlined into the
  lesson page so the player needs no round trip for them — and the libraries it plays with.
  Uploading needs the dedicated permission `courses.upload_h5ppackage`: library JavaScript
  runs on our origin.

Packages are created only by `courses.services.h5p_package_import`, which validates first.
What learners did with a package (xAPI statements, best scores) lives in `trainees`.
"""

import hashlib
from collections import defaultdict

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class H5PLibrary(models.Model):
    machine_name = models.CharField(_("machine name"), max_length=255)
    major_version = models.PositiveIntegerField(_("major version"))
    minor_version = models.PositiveIntegerField(_("minor version"))
    patch_version = models.PositiveIntegerField(_("patch version"))
    title = models.CharField(_("title"), max_length=255)
    library_json = models.JSONField(_("library.json"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["machine_name", "major_version", "minor_version", "patch_version"]
        verbose_name = _("H5P library")
        verbose_name_plural = _("H5P libraries")
        constraints = [
            models.UniqueConstraint(
                fields=["machine_name", "major_version", "minor_version", "patch_version"],
                name="h5plibrary_unique_full_version",
            )
        ]

    def __str__(self):
        return f"{self.machine_name} {self.major_version}.{self.minor_version}.{self.patch_version}"

    @property
    def folder(self) -> str:
        """The folder name the H5P player asks for: Machine-major.minor."""
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"

    @property
    def storage_name(self) -> str:
        return f"{self.folder}.{self.patch_version}"


class H5PPackage(index.Indexed, models.Model):
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("H5P file"), upload_to="h5p/uploads/", editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True, editable=False)
    main_library = models.CharField(_("main library"), max_length=255, editable=False)
    h5p_json = models.JSONField(_("h5p.json"), editable=False)
    content_json = models.JSONField(_("content.json"), editable=False)
    size = models.PositiveBigIntegerField(_("unpacked size in bytes"), default=0, editable=False)
    libraries = models.ManyToManyField(
        H5PLibrary, related_name="packages", verbose_name=_("libraries"), editable=False
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    panels = [FieldPanel("title")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("H5P activity")
        verbose_name_plural = _("H5P activities")
        permissions = [("upload_h5ppackage", _("Can upload H5P packages (runs their JavaScript)"))]

    def __str__(self):
        return self.title

    @property
    def machine_name(self) -> str:
        return self.main_library.split(" ")[0]

    def content_url(self) -> str:
        return reverse("h5p:content_file", kwargs={"pk": self.pk, "path": "_"})[:-2]

    def resolved_libraries(self) -> dict[str, H5PLibrary]:
        """Folder (Machine-major.minor) → the library version the player uses.

        Like the H5P core, the newest installed patch of a major.minor version is used by all
        content: patch releases are compatible bug fixes.
        """
        if getattr(self, "_resolved_libraries", None) is None:
            H5PPackage.resolve_libraries([self])
        return self._resolved_libraries

    @staticmethod
    def resolve_libraries(packages) -> None:
        """Resolve the libraries of many packages at once, in two queries whatever their
        number: a lesson page does this for all its activities before rendering them."""
        packages = [p for p in packages if getattr(p, "_resolved_libraries", None) is None]
        if not packages:
            return
        folders = defaultdict(set)
        links = H5PPackage.libraries.through.objects.filter(
            h5ppackage_id__in=[p.pk for p in packages]
        ).select_related("h5plibrary")
        for link in links:
            folders[link.h5ppackage_id].add(link.h5plibrary.folder)
        names = {f.rsplit("-", 1)[0] for wanted in folders.values() for f in wanted}
        candidates = list(
            H5PLibrary.objects.filter(machine_name__in=names).order_by("patch_version")
        )
        for package in packages:
            wanted = folders.get(package.pk, set())
            # Later (higher) patches overwrite earlier ones.
            package._resolved_libraries = {
                lib.folder: lib for lib in candidates if lib.folder in wanted
            }

    def library_token(self) -> str:
        """Changes whenever a library this package plays with changes: the cache key in URLs."""
        if getattr(self, "_library_token", None) is None:
            names = sorted(lib.storage_name for lib in self.resolved_libraries().values())
            self._library_token = hashlib.sha256("|".join(names).encode()).hexdigest()[:12]
        return self._library_token

    def libraries_url(self) -> str:
        return reverse("h5p:library_file", kwargs={"token": self.library_token(), "path": "_"})[:-2]

    def ordered_libraries(self) -> list[H5PLibrary]:
        """The libraries the content needs, dependencies first (the order scripts must run)."""
        resolved = self.resolved_libraries()
        ordered: list[H5PLibrary] = []
        seen: set[str] = set()

        def visit(deps):
            for dep in deps or []:
                folder = (
                    f"{dep['machineName']}-{int(dep['majorVersion'])}.{int(dep['minorVersion'])}"
                )
                if folder in seen or folder not in resolved:
                    continue
                seen.add(folder)
                lib = resolved[folder]
                visit(lib.library_json.get("preloadedDependencies"))
                ordered.append(lib)

        visit(self.h5p_json.get("preloadedDependencies"))
        return ordered
