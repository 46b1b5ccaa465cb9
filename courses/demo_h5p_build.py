"""A new H5P activity for the demo, built from a shared sample's libraries.

The samples' content is about berries and colours; the selling course needs its own
questions. `build_package()` takes the libraries a content type needs (the closure of
`preloadedDependencies` from the sample's `library.json` files) out of a sample package and
writes a new `h5p.json` and `content/content.json` around them, so the result is an ordinary
`.h5p` file that goes through the same checks as any upload.
"""

import io
import json
import uuid
import zipfile
from pathlib import Path


def _folder(dep: dict) -> str:
    return f"{dep['machineName']}-{dep['majorVersion']}.{dep['minorVersion']}"


def _closure(members: dict[str, bytes], roots: list[str]) -> list[str]:
    seen: list[str] = []

    def visit(folder: str) -> None:
        if folder in seen:
            return
        library = json.loads(members[f"{folder}/library.json"])
        for dep in library.get("preloadedDependencies", []):
            visit(_folder(dep))
        seen.append(folder)

    for root in roots:
        visit(root)
    return seen


def build_package(*, sample: Path, title: str, main: str, uses: list[str], content: dict):
    """A `.h5p` file (in memory) playing `content` with `main` (a library folder such as
    "H5P.QuestionSet-1.17") and the sub-content types in `uses`, libraries from `sample`."""
    with zipfile.ZipFile(sample) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}
    folders = _closure(members, [main, *uses])
    dependencies = []
    for folder in folders:
        library = json.loads(members[f"{folder}/library.json"])
        dependencies.append(
            {
                "machineName": library["machineName"],
                "majorVersion": library["majorVersion"],
                "minorVersion": library["minorVersion"],
            }
        )
    h5p_json = {
        "title": title,
        "language": "vi",
        "mainLibrary": main.rsplit("-", 1)[0],
        "embedTypes": ["div"],
        "license": "U",
        "preloadedDependencies": dependencies,
    }
    files = {
        "h5p.json": json.dumps(h5p_json, ensure_ascii=False).encode(),
        "content/content.json": json.dumps(content, ensure_ascii=False).encode(),
    }
    files.update({n: d for n, d in members.items() if n.split("/", 1)[0] in folders})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files.items():
            # A fixed date: the same content makes the same file, which the import
            # recognises, so loading the demo again adds no second package.
            out.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data)
    buf.seek(0)
    buf.name = f"{title}.h5p"
    return buf


def true_false(question: str, correct: bool) -> dict:
    """One True/False question as Question Set sub-content (player strings come from
    courses.h5p.l10n in the learner's language)."""
    return {
        "library": "H5P.TrueFalse 1.6",
        "params": {
            "question": f"<p>{question}</p>",
            "correct": "true" if correct else "false",
            "media": {"disableImageZooming": False},
            "behaviour": {
                "enableRetry": True,
                "enableSolutionsButton": True,
                "enableCheckButton": True,
                "confirmCheckDialog": False,
                "confirmRetryDialog": False,
                "autoCheck": False,
            },
        },
        "metadata": {"contentType": "True/False Question", "license": "U", "title": question},
        "subContentId": str(uuid.uuid5(uuid.NAMESPACE_URL, question)),
    }


def question_set(questions: list[dict], *, feedback: str) -> dict:
    return {
        "introPage": {"showIntroPage": False},
        "progressType": "dots",
        "passPercentage": 75,
        "questions": questions,
        "disableBackwardsNavigation": False,
        "randomQuestions": False,
        "endGame": {
            "showResultPage": True,
            "showSolutionButton": True,
            "showRetryButton": True,
            "overallFeedback": [{"from": 0, "to": 100, "feedback": feedback}],
            "showAnimations": False,
            "skippable": False,
        },
        "override": {"checkButton": True},
    }
