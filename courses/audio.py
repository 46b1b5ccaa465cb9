"""Sound files for narration: check what an editor brought and convert it for every phone.

An editor uploads a file or records one in the admin (Chromium's MediaRecorder makes
Opus in WebM, Safari's makes AAC in MP4, phones' recorder apps make M4A, AMR or 3GP).
Not every target browser plays every one of these: Opus in WebM does not play on older
iPhones. So every clip is converted once, at upload, by Debian's `ffmpeg` into MP3 (mono,
22.05 kHz, 48 kbit/s: a voice stays clear and ten seconds weigh about 60 KB), which every
browser we target plays. `ffprobe` says first whether the file holds sound at all.

Everything that can go wrong is a `ValidationError` with a message for the editor, never a
server error: not a sound file, too big, too long, or the server lacks ffmpeg.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# A step's narration reads one short line: two minutes is generous, and keeps offline
# saving of a whole course small. Settings may change both limits.
MAX_SECONDS = 120
MAX_BYTES = 20 * 1024 * 1024
TIMEOUT = 60  # seconds for one ffprobe or ffmpeg run
MIME_TYPE = "audio/mpeg"
EXTENSION = ".mp3"


@dataclass(frozen=True)
class PreparedAudio:
    content: bytes  # MP3
    duration: float  # seconds


def max_seconds() -> int:
    return getattr(settings, "NARRATION_MAX_SECONDS", MAX_SECONDS)


def max_bytes() -> int:
    return getattr(settings, "NARRATION_MAX_BYTES", MAX_BYTES)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ValidationError(
            _(
                "This server cannot convert sound files (the program %(program)s is missing). "
                "Ask the administrator to run “make setup”."
            )
            % {"program": name},
            code="no_ffmpeg",
        )
    return path


def _not_audio() -> ValidationError:
    return ValidationError(
        _(
            "This is not a sound file we can read. Upload an MP3, M4A, OGG, WAV or WebM "
            "recording, or record one here."
        ),
        code="not_audio",
    )


def _probe(path: Path) -> dict:
    try:
        out = subprocess.run(  # noqa: S603 - our tool, a temporary path
            [
                _tool("ffprobe"),
                "-v",
                "error",
                "-show_entries",
                "stream=codec_type:format=duration",
                "-of",
                "json",
                str(path),
            ],
            capture_output=True,
            timeout=TIMEOUT,
            check=True,
        ).stdout
        return json.loads(out)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, ValueError):
        raise _not_audio() from None


def _too_long(seconds: float) -> ValidationError:
    return ValidationError(
        _(
            "This recording is %(seconds)d seconds long; a narration may last at most "
            "%(max)d seconds. Record each step on its own."
        )
        % {"seconds": round(seconds), "max": max_seconds()},
        code="too_long",
    )


def _too_big(size: int) -> ValidationError:
    return ValidationError(
        _("This file is %(size).1f MB; a narration may be at most %(max)d MB.")
        % {"size": size / 1024 / 1024, "max": max_bytes() // (1024 * 1024)},
        code="too_big",
    )


def audio_duration(path: Path) -> float:
    """Seconds of sound in the file at `path` (0.0 when the file does not say)."""
    try:
        return float(_probe(path).get("format", {}).get("duration", 0) or 0)
    except (TypeError, ValueError):
        return 0.0


def audio_prepare(*, fileobj: IO[bytes], size: int | None = None) -> PreparedAudio:
    """Check an uploaded sound file and convert it to MP3; raise ValidationError if unfit."""
    if size is not None and size > max_bytes():
        raise _too_big(size)
    with tempfile.TemporaryDirectory(prefix="narration-") as folder:
        source, target = Path(folder) / "upload", Path(folder) / f"narration{EXTENSION}"
        written = 0
        with source.open("wb") as out:
            if hasattr(fileobj, "seek"):
                fileobj.seek(0)
            for chunk in iter(lambda: fileobj.read(1024 * 1024), b""):
                written += len(chunk)
                if written > max_bytes():
                    raise _too_big(written)
                out.write(chunk)
        info = _probe(source)
        if not any(s.get("codec_type") == "audio" for s in info.get("streams", [])):
            raise _not_audio()
        try:
            declared = float(info.get("format", {}).get("duration") or 0)
        except (TypeError, ValueError):
            declared = 0.0
        # MediaRecorder's WebM says no duration; such files are measured after converting.
        if declared > max_seconds() + 0.5:
            raise _too_long(declared)
        try:
            subprocess.run(  # noqa: S603 - our tool, temporary paths
                [
                    _tool("ffmpeg"),
                    "-nostdin",
                    "-v",
                    "error",
                    "-i",
                    str(source),
                    # One second past the limit is enough to tell a file is too long.
                    "-t",
                    str(max_seconds() + 1),
                    "-vn",
                    "-map_metadata",
                    "-1",
                    "-ac",
                    "1",
                    "-ar",
                    "22050",
                    "-c:a",
                    "libmp3lame",
                    "-b:a",
                    "48k",
                    str(target),
                ],
                capture_output=True,
                timeout=TIMEOUT,
                check=True,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            raise _not_audio() from None
        duration = audio_duration(target)
        if duration <= 0.05:
            raise _not_audio()
        if duration > max_seconds() + 0.5:
            raise _too_long(duration)
        return PreparedAudio(content=target.read_bytes(), duration=round(duration, 2))


def speech_synthesise(*, text: str, voice: str = "vi") -> PreparedAudio | None:
    """`text` spoken by espeak-ng in `voice`, as MP3; None when espeak-ng is not installed."""
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        return None
    with tempfile.TemporaryDirectory(prefix="espeak-") as folder:
        wav = Path(folder) / "speech.wav"
        subprocess.run(  # noqa: S603 - fixed arguments; the text goes through stdin
            [espeak, "-v", voice, "-s", "140", "-w", str(wav), "--stdin"],
            input=text.encode(),
            capture_output=True,
            timeout=TIMEOUT,
            check=True,
        )
        with wav.open("rb") as f:
            return audio_prepare(fileobj=f)
