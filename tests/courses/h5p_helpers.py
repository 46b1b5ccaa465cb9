"""Building crafted .h5p packages for tests, from the tiny GreetingCard sample."""

import io
import json
import zipfile
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "h5p"
SAMPLE_FILES = sorted(SAMPLES.glob("*.h5p"))
NEGATIVE_SVG = SAMPLES / "negative" / "xss-svg-in-content.h5p"
GREETING = SAMPLES / "greetingcard1.h5p"
TRUEFALSE = SAMPLES / "truefalse-hello-world.h5p"


def sample_members(path=GREETING) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}


def build(members: dict[str, bytes], *, symlinks=(), extra_infos=()) -> io.BytesIO:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
        for name, target in symlinks:
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = 0o120777 << 16
            zf.writestr(info, target)
        for info, data in extra_infos:
            zf.writestr(info, data)
    buf.seek(0)
    buf.name = "crafted.h5p"
    return buf


def greeting(**changes) -> dict[str, bytes]:
    members = sample_members()
    for name, data in changes.items():
        if data is None:
            members.pop(name, None)
        else:
            members[name] = data if isinstance(data, bytes) else json.dumps(data).encode()
    return members


def h5p_json(**overrides) -> dict:
    data = json.loads(sample_members()["h5p.json"])
    data.update(overrides)
    return data
