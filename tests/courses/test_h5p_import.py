"""Importing H5P packages: every real sample works; every crafted attack is refused, with a
message naming the file and the rule, and storage left exactly as it was."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation

from courses.h5p import storage
from courses.models import H5PLibrary, H5PPackage
from courses.services import h5p_package_import

from .h5p_helpers import (
    GREETING,
    NEGATIVE_SVG,
    SAMPLE_FILES,
    TRUEFALSE,
    build,
    greeting,
    h5p_json,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


def snapshot(media: Path) -> set[str]:
    """Every file and folder under MEDIA_ROOT (staging included)."""
    return {str(p.relative_to(media)) for p in media.rglob("*")} if media.exists() else set()


def refused(media, fileobj, language="en") -> list[str]:
    """Import `fileobj`, expect a refusal, check nothing changed; the messages, in `language`."""
    before = snapshot(media)
    count = H5PPackage.objects.count(), H5PLibrary.objects.count()
    with pytest.raises(ValidationError) as excinfo, translation.override(language):
        h5p_package_import(fileobj=fileobj)
    assert snapshot(media) - before <= {"h5p", "h5p/.tmp"}  # only empty staging folders
    assert not any((media / "h5p" / ".tmp").iterdir()) if (media / "h5p/.tmp").exists() else True
    assert (H5PPackage.objects.count(), H5PLibrary.objects.count()) == count
    return excinfo.value.messages


def test_samples_exist():
    assert len(SAMPLE_FILES) >= 6, "../shared/samples/h5p/ must hold the sample packages"


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_sample_imports_once(media, path):
    with open(path, "rb") as fh:
        package = h5p_package_import(fileobj=fh)
    with zipfile.ZipFile(path) as zf:
        meta = json.loads(zf.read("h5p.json"))
    assert package.title == meta["title"]
    assert package.main_library.startswith(meta["mainLibrary"] + " ")
    assert (storage.content_dir(package.sha256) / "content.json").is_file()
    assert Path(package.file.path).read_bytes() == path.read_bytes()
    main = package.resolved_libraries()[package.main_library.replace(" ", "-")]
    for js in main.library_json.get("preloadedJs", []):
        assert (storage.library_dir(main.storage_name) / js["path"]).is_file()
    assert package.ordered_libraries()[-1] == main  # dependencies before the main library
    # The same file again is the same package.
    with open(path, "rb") as fh:
        assert h5p_package_import(fileobj=fh).pk == package.pk
    assert H5PPackage.objects.count() == 1
    assert not any((media / "h5p" / ".tmp").iterdir())


def test_libraries_are_shared_between_packages(media):
    with open(TRUEFALSE, "rb") as fh:
        tf = h5p_package_import(fileobj=fh)
    mc_path = TRUEFALSE.with_name("multichoice.h5p")
    with open(mc_path, "rb") as fh:
        mc = h5p_package_import(fileobj=fh)
    shared = set(tf.libraries.all()) & set(mc.libraries.all())
    assert {lib.storage_name for lib in shared} >= {"FontAwesome-4.5.4", "Tether-1.0.2"}
    assert H5PLibrary.objects.filter(machine_name="FontAwesome").count() == 1
    # Two patch releases of one version are both kept; the player uses the newest, as the
    # H5P core does.
    assert H5PLibrary.objects.filter(machine_name="H5P.JoubelUI").count() == 2
    assert tf.resolved_libraries()["H5P.JoubelUI-1.3"].storage_name == "H5P.JoubelUI-1.3.10"


def test_library_scripts_get_a_gzip_twin(media):
    with open(TRUEFALSE, "rb") as fh:
        package = h5p_package_import(fileobj=fh)
    lib = package.resolved_libraries()["H5P.TrueFalse-1.6"]
    js = storage.library_dir(lib.storage_name) / lib.library_json["preloadedJs"][0]["path"]
    assert js.with_name(js.name + ".gz").stat().st_size < js.stat().st_size / 2


def test_negative_sample_svg_in_content_is_refused(media):
    with open(NEGATIVE_SVG, "rb") as fh:
        messages = refused(media, fh)
    assert any("content/images/xss.svg" in m and ".svg" in m for m in messages), messages


# --- Crafted packages, one per rule -----------------------------------------------------------


def test_zip_slip(media):
    messages = refused(media, build(greeting(**{"content/../../evil.json": b"{}"})))
    assert any("content/../../evil.json" in m and "'..'" in m for m in messages), messages


def test_absolute_path(media):
    messages = refused(media, build(greeting(**{"/etc/cron.d/evil.json": b"{}"})))
    assert any("/etc/cron.d/evil.json" in m and "absolute" in m for m in messages), messages


def test_symlink(media):
    fileobj = build(greeting(), symlinks=[("content/link.json", "/etc/passwd")])
    messages = refused(media, fileobj)
    assert any("content/link.json" in m and "symbolic link" in m for m in messages), messages


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("content\\evil.json", "backslash"),
        ("C:/evil.json", "drive letter"),
        ("content/evil\x00.json", "NUL"),
    ],
)
def test_unsafe_names(media, name, rule):
    # zipfile drops everything after a NUL when writing, so write a stand-in and patch it.
    raw = build(greeting(**{name.replace("\x00", "#"): b"{}"})).getvalue()
    fileobj = io.BytesIO(raw.replace(b"evil#", b"evil\x00"))
    messages = refused(media, fileobj)
    assert any(rule in m for m in messages), messages


def test_names_colliding_without_case(media):
    messages = refused(media, build(greeting(**{"content/Earth.jpg": b"x"})))
    assert any("content/Earth.jpg" in m and "case" in m for m in messages), messages


def test_zip_bomb(media):
    bomb = b"\0" * (3 * 1024 * 1024)  # compresses about a thousand times
    messages = refused(media, build(greeting(**{"content/bomb.txt": bomb})))
    assert any("content/bomb.txt" in m and "zip bomb" in m for m in messages), messages


def test_too_big_uncompressed(media, settings):
    settings.H5P_LIMITS = {"total_bytes": 20_000}
    messages = refused(media, build(greeting()))
    assert any("unpacks to" in m and "limit" in m for m in messages), messages


@pytest.mark.parametrize("name", ["content/shell.php", "content/page.html", "content/x.js"])
def test_forbidden_types_in_content(media, name):
    messages = refused(media, build(greeting(**{name: b"<?php system($_GET['c']);"})))
    assert any(name in m for m in messages), messages


def test_php_inside_a_library_is_refused_too(media):
    messages = refused(media, build(greeting(**{"H5P.GreetingCard1-1.0/x.php": b"<?php"})))
    assert any("H5P.GreetingCard1-1.0/x.php" in m and ".php" in m for m in messages), messages


def test_missing_h5p_json(media):
    messages = refused(media, build(greeting(**{"h5p.json": None})))
    assert any("h5p.json is missing" in m for m in messages), messages


def test_malformed_h5p_json(media):
    messages = refused(media, build(greeting(**{"h5p.json": b'{"title": "x",'})))
    assert any("h5p.json is not valid JSON" in m for m in messages), messages


@pytest.mark.parametrize(
    ("field", "value"),
    [("language", "not a language!"), ("embedTypes", ["popup"]), ("title", "")],
)
def test_h5p_json_fields(media, field, value):
    messages = refused(media, build(greeting(**{"h5p.json": h5p_json(**{field: value})})))
    assert any("h5p.json" in m and field in m for m in messages), messages


def test_versions_may_be_strings_or_integers(media):
    data = h5p_json()
    data["preloadedDependencies"][0].update(majorVersion=1, minorVersion="0")
    package = h5p_package_import(fileobj=build(greeting(**{"h5p.json": data})))
    assert package.main_library == "H5P.GreetingCard1 1.0"


def test_missing_content_json(media):
    messages = refused(media, build(greeting(**{"content/content.json": None})))
    assert any("content/content.json" in m for m in messages), messages


def test_malformed_content_json(media):
    messages = refused(media, build(greeting(**{"content/content.json": b"{oops"})))
    assert any("content/content.json is not valid JSON" in m for m in messages), messages


def test_missing_dependency(media):
    data = h5p_json()
    data["preloadedDependencies"].append(
        {"machineName": "H5P.Missing", "majorVersion": 2, "minorVersion": 3}
    )
    messages = refused(media, build(greeting(**{"h5p.json": data})))
    assert any("H5P.Missing 2.3" in m and "h5p.json" in m for m in messages), messages


def test_library_folder_version_differs_from_library_json(media):
    members = greeting()
    renamed = {
        name.replace("H5P.GreetingCard1-1.0/", "H5P.GreetingCard1-1.1/"): data
        for name, data in members.items()
    }
    messages = refused(media, build(renamed))
    assert any(
        "H5P.GreetingCard1-1.1" in m and "does not match library.json" in m for m in messages
    ), messages


def test_library_folder_name_must_have_a_version(media):
    members = {
        name.replace("H5P.GreetingCard1-1.0/", "GreetingCard/"): data
        for name, data in greeting().items()
    }
    messages = refused(media, build(members))
    assert any("GreetingCard" in m and "library folder name" in m for m in messages), messages


def test_not_a_zip(media):
    messages = refused(media, io.BytesIO(b"<html>not a package</html>"))
    assert any("not a ZIP" in m for m in messages)


def test_corrupt_member_fails_at_extraction_and_leaves_nothing(media):
    raw = bytearray(build(greeting()).getvalue())
    with zipfile.ZipFile(GREETING) as zf:
        jpg = zf.read("content/earth.jpg")
    at = bytes(raw).find(jpg[100:140]) if jpg[100:140] in raw else -1
    if at < 0:  # stored deflated: flip a byte in the middle of the archive instead
        at = len(raw) // 2
    raw[at] ^= 0xFF
    refused(media, io.BytesIO(bytes(raw)))


def test_messages_are_in_the_users_language(media):
    messages = refused(media, build(greeting(**{"h5p.json": None})), language="vi")
    assert messages == ["Thiếu tệp h5p.json. Gói H5P nào cũng phải có tệp này ở thư mục gốc."]
    messages = refused(media, build(greeting(**{"content/../x.json": b"{}"})), language="vi")
    assert messages == [
        "content/../x.json: không được có '..' trong đường dẫn (tệp sẽ bị ghi ra ngoài gói)."
    ]


# --- The command ------------------------------------------------------------------------------


def test_import_command_prints_the_id(media, capsys):
    call_command("import_h5p", str(GREETING), "--title", "Thiệp chúc mừng")
    package = H5PPackage.objects.get()
    assert capsys.readouterr().out.strip() == str(package.pk)
    assert package.title == "Thiệp chúc mừng"


def test_importing_the_same_file_again_applies_the_new_title_and_says_it_was_there(media, capsys):
    call_command("import_h5p", str(GREETING), "--title", "Thiệp chúc mừng")
    first = capsys.readouterr()
    call_command("import_h5p", str(GREETING), "--title", "Greeting card")
    again = capsys.readouterr()
    package = H5PPackage.objects.get()
    assert again.out.strip() == first.out.strip() == str(package.pk)
    assert "already stored" in again.err
    assert package.title == "Greeting card"


def test_import_command_fails_with_the_reason(media, tmp_path):
    bad = tmp_path / "bad.h5p"
    bad.write_bytes(build(greeting(**{"content/shell.php": b"<?php"})).getvalue())
    with pytest.raises(CommandError) as excinfo:
        call_command("import_h5p", str(bad))
    assert "content/shell.php" in str(excinfo.value)
    assert not H5PPackage.objects.exists()
    assert snapshot(Path(media)) <= {"h5p", "h5p/.tmp"}
