"""Imports point one way: coverage → certificates → trainees → courses → cms.

An app may use the apps to its right, never those to its left; only the URL and API roots
(`cms/urls.py`, `cms/api.py`, `cms/api_urlconf.py`) name every app. A reverse arrow goes
through a signal or a Wagtail hook in the app that owns the data.

Checked here, reading the files (nothing is imported):
- Python imports, absolute and relative, at module level or inside functions;
- models named by string in relations ("trainees.Person") and migration dependencies;
- templates: `{% load %}` of another app's tag library, and `{% extends %}`/`{% include %}`
  of another app's templates.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# From the bottom up: each app may depend only on those before it.
LAYERS = ["cms", "courses", "trainees", "certificates", "coverage"]
RANK = {app: rank for rank, app in enumerate(LAYERS)}
# The URL and API roots: the one place that names every app.
ROOTS = {"cms/urls.py", "cms/api.py", "cms/api_urlconf.py"}
RELATIONS = {
    "ForeignKey",
    "OneToOneField",
    "ManyToManyField",
    "ParentalKey",
    "ParentalManyToManyField",
}


def app_files(suffix):
    for app in LAYERS:
        folder = ROOT / app
        if folder.is_dir():
            for path in sorted(folder.rglob(f"*{suffix}")):
                yield app, path.relative_to(ROOT).as_posix()


def _module_of(relpath: str) -> str:
    parts = relpath.removesuffix(".py").split("/")
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def python_dependencies(relpath: str, source: str):
    """(line, app or None, what) for every import and string model reference in a module."""
    tree = ast.parse(source)
    package = _module_of(relpath)
    if not relpath.endswith("__init__.py"):
        package = package.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0], f"import {alias.name}"
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            yield node.lineno, module.split(".")[0], f"from {module} import …"
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            targets = []
            if name in RELATIONS:
                targets = node.args[:1] + [k.value for k in node.keywords if k.arg == "to"]
            for target in targets:
                if isinstance(target, ast.Constant) and isinstance(target.value, str):
                    label = target.value.split(".")[0]
                    yield node.lineno, label, f"{name}({target.value!r})"
        elif (
            isinstance(node, ast.Assign)
            and "/migrations/" in relpath
            and any(getattr(t, "id", None) == "dependencies" for t in node.targets)
        ):
            # dependencies = [("trainees", "0008_…"), …]
            for element in getattr(node.value, "elts", []):
                first = getattr(element, "elts", [None])[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    yield node.lineno, first.value, f"migration dependency {first.value!r}"


LOAD = re.compile(r"{%\s*load\s+(.+?)\s*%}")
REFERENCE = re.compile(r"{%\s*(extends|include)\s+[\"']([^\"']+)[\"']")


def tag_libraries():
    """Template tag library name → the app that defines it."""
    return {
        path.split("/")[-1].removesuffix(".py"): app
        for app, path in app_files(".py")
        if "/templatetags/" in path and not path.endswith("__init__.py")
    }


def template_dependencies(source: str, libraries: dict):
    """(line, app, what) for every tag library loaded and template named by another app."""
    for number, line in enumerate(source.splitlines(), start=1):
        for match in LOAD.finditer(line):
            words = match.group(1).split()
            names = words[words.index("from") + 1 :] if "from" in words else words
            for name in names:
                if name in libraries:
                    yield number, libraries[name], f"{{% load {name} %}}"
        for match in REFERENCE.finditer(line):
            yield number, match.group(2).split("/")[0], f"{{% {match.group(1)} {match.group(2)} %}}"


def violations(app, relpath, dependencies):
    found = []
    for line, other, what in dependencies:
        if other in RANK and RANK[other] > RANK[app] and relpath not in ROOTS:
            found.append(f"{relpath}:{line}: {what} — {app} may not depend on {other}")
    return found


def test_python_imports_point_one_way():
    found = []
    for app, relpath in app_files(".py"):
        source = (ROOT / relpath).read_text(encoding="utf-8")
        found += violations(app, relpath, python_dependencies(relpath, source))
    assert not found, "\n".join(found)


def test_templates_load_and_include_only_from_their_own_app_or_below():
    libraries = tag_libraries()
    found = []
    for suffix in (".html", ".txt", ".js", ".xml", ".svg"):
        for app, relpath in app_files(suffix):
            if "/templates/" not in relpath:
                continue
            source = (ROOT / relpath).read_text(encoding="utf-8")
            found += violations(app, relpath, template_dependencies(source, libraries))
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("relpath", "source"),
    [
        ("courses/models/pages.py", "from trainees.models import Person"),
        ("courses/models/pages.py", "def f():\n    import certificates.services"),
        ("trainees/learning/services.py", "from ...coverage import summaries"),
        ("cms/models.py", "x = models.ForeignKey('courses.CoursePage', on_delete=CASCADE)"),
        ("cms/views.py", "from courses.models import CoursePage"),
        ("courses/migrations/0009_x.py", "dependencies = [('trainees', '0008_merge')]"),
    ],
)
def test_the_checker_sees_a_reverse_arrow(relpath, source):
    app = relpath.split("/")[0]
    assert violations(app, relpath, python_dependencies(relpath, source))


def test_the_checker_allows_the_arrows_and_the_roots():
    assert not violations(
        "trainees",
        "trainees/models/training.py",
        python_dependencies(
            "trainees/models/training.py",
            "from .people import Person\nfrom courses.models import CoursePage\n"
            "x = models.ManyToManyField('courses.CoursePage')",
        ),
    )
    assert not violations(
        "cms", "cms/urls.py", python_dependencies("cms/urls.py", "from trainees import urls")
    )


def test_the_checker_sees_a_template_of_a_higher_app():
    libraries = {"trainees_progress": "trainees", "courses_tags": "courses"}
    for source in [
        "{% load i18n trainees_progress %}",
        "{% load course_completed_at from trainees_progress %}",
        '{% include "trainees/includes/continue_learning.html" %}',
    ]:
        assert violations(
            "courses",
            "courses/templates/courses/x.html",
            template_dependencies(source, libraries),
        ), source
    assert not violations(
        "trainees",
        "trainees/templates/trainees/x.html",
        template_dependencies('{% load courses_tags %}{% extends "cms/base.html" %}', libraries),
    )
