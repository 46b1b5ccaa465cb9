"""The interface in H'Mông as its users meet it: learners' and trainers' pages in /hmn/ show
H'Mông words, and none of the catalogue's Vietnamese or English sentences.

The catalogue test (test_translations.py) checks the entries; this one checks the pages, so a
template that forgets `{% translate %}` around a sentence, or a view that formats a message
before the language is known, shows up here.
"""

import datetime as dt
import html
import re
from pathlib import Path

import polib
import pytest
from django.utils import formats, timezone, translation
from wagtail.models import Locale

from tests.conftest import publish
from trainees.factories import PersonFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db

LOCALE = Path(__file__).resolve().parent.parent.parent / "locale"
WEEKDAYS = ["Hnub Ib", "Hnub Ob", "Hnub Peb", "Hnub Plaub", "Hnub Tsib", "Hnub Rau", "Hnub Xya"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd%]|\{\w*\}|<[^>]+>")


def _sentences() -> dict[str, str]:
    """Vietnamese and English fragments of the catalogue (two words or more) → their msgid.

    Single words are left out: a commune or a person may well be called by one.
    """
    vi = polib.pofile(str(LOCALE / "vi" / "LC_MESSAGES" / "django.po"))
    hmn = polib.pofile(str(LOCALE / "hmn" / "LC_MESSAGES" / "django.po"))
    hmong = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0, "") for e in hmn}
    found = {}
    for entry in vi:
        if entry.obsolete:
            continue
        texts = [entry.msgid, entry.msgid_plural, entry.msgstr, *entry.msgstr_plural.values()]
        for text in filter(None, texts):
            for fragment in PLACEHOLDER.split(text):
                fragment = fragment.strip(" .,:;!?()“”'\"…–-")
                if len(fragment.split()) >= 2 and fragment not in hmong[entry.msgctxt, entry.msgid]:
                    found[fragment] = entry.msgid
    return found


def visible_text(page: str) -> str:
    """The words a reader sees or hears: text, and labels in alt, title, placeholder, aria."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    # Words not yet translated are marked as Vietnamese (lang="vi"), on purpose; so is the
    # language switcher, which names each language in itself ("Tiếng Việt").
    page = re.sub(r'<(\w+)[^>]*\blang="vi"[^>]*>.*?</\1>', " ", page, flags=re.S)
    page = re.sub(r'<nav class="languages".*?</nav>', " ", page, flags=re.S)
    labels = re.findall(r'\b(?:alt|title|placeholder|aria-label)="([^"]*)"', page)
    text = re.sub(r"<[^>]+>", " ", page)
    return " ".join(html.unescape(" ".join([text, *labels])).split())


def foreign_sentences(page: str, sentences: dict[str, str]) -> list[str]:
    text = visible_text(page)
    return sorted(
        f"{fragment!r} (from {msgid!r})"
        for fragment, msgid in sentences.items()
        if fragment in text
    )


@pytest.fixture
def hmong_course(course_tree):
    """The catalogue and the course translated; the lessons still only in Vietnamese."""
    hmn = Locale.objects.get(language_code="hmn")
    for page, title in [
        (course_tree["index"], "Cov chav kawm"),
        (course_tree["course"], "Siv xov tooj"),
    ]:
        copy = page.copy_for_translation(hmn)
        copy.title = title
        publish(copy)
    return course_tree


@pytest.fixture
def trainer_session(trainer_a, commune_a, village_a):
    session = TrainingSessionFactory(commune=commune_a, village=village_a, title="Cài VNeID")
    PersonFactory(commune=commune_a, village=village_a, full_name="Giàng Thị Mỷ")
    return session


def test_hmong_pages_show_hmong_words_and_no_vietnamese_or_english_sentence(
    client, home_page, hmong_course, learner, trainer_a, trainer_session, commune_a
):
    sentences = _sentences()

    def check(url, response, hmong) -> list[str]:
        page = response.content.decode()
        found = [f"{url}: {sentence}" for sentence in foreign_sentences(page, sentences)]
        if response.status_code >= 500 or hmong not in page:
            found.append(f"{url}: {response.status_code}, no {hmong!r}")
        return found

    uuid = trainer_session.uuid
    weekday = WEEKDAYS[timezone.localtime(trainer_session.starts_at).weekday()]
    visits = [
        (None, "/hmn/login/", "Password (lo lus zais)"),
        (None, "/hmn/sign-up/", "Sau npe"),
        (None, "/hmn/khoa-hoc/", "Siv xov tooj"),
        (None, "/hmn/khoa-hoc/dung-dien-thoai/", "Khaws chav kawm no cia kawm"),
        # A lesson not yet translated: its words in Vietnamese, the interface in H'Mông.
        (None, "/hmn/khoa-hoc/dung-dien-thoai/doc-tin-nhan/", "Kuaj kuv lo lus teb"),
        (learner, "/hmn/khoa-hoc/dung-dien-thoai/doc-tin-nhan/", "tseem tsis tau muab txhais"),
        (None, "/hmn/certificates/check/", "Kuaj ib daim ntawv pov thawj"),
        (None, "/hmn/certificates/verify/", "Nrhiav raws tus lej"),
        (None, "/hmn/no-such-page/", "Nrhiav tsis tau nplooj ntawv no"),
        (learner, "/hmn/certificates/", "Kuv cov ntawv pov thawj"),
        (learner, "/hmn/activity/", "Kuv qhov tau ntawm kev xyaum"),
        (learner, "/hmn/sessions/", "Koj qhib tsis tau nplooj no"),
        (trainer_a, "/hmn/sessions/", weekday),
        (trainer_a, "/hmn/sessions/new/", "Rooj kawm tshiab"),
        (trainer_a, f"/hmn/sessions/{uuid}/", "Hu npe"),
        (trainer_a, f"/hmn/sessions/{uuid}/roll-call/", "Nrhiav ib lub npe"),
        (trainer_a, f"/hmn/sessions/{uuid}/sheet/", "Ntaus daim ntawv kos npe"),
        (trainer_a, f"/hmn/sessions/{uuid}/import/", "Ntxig ib daim ntawv teev neeg"),
        (trainer_a, f"/hmn/sessions/{uuid}/assist/", "Pab ib tus neeg kawm"),
        (trainer_a, "/hmn/communes/", "Nrhiav ib lub xã"),
        (trainer_a, f"/hmn/communes/{commune_a.code}/", "Cov zos"),
        (trainer_a, "/hmn/certificates/manage/", "Npe los yog tus lej"),
    ]
    problems = []
    for user, url, hmong in visits:
        client.logout()
        if user:
            client.force_login(user)
        problems += check(url, client.get(url), hmong)
    # A form sent empty: Django's own "This field is required." is in H'Mông too.
    client.logout()
    response = client.post("/hmn/login/", {})
    problems += check("POST /hmn/login/", response, "Yuav tsum sau qhov no.")
    assert not problems, "\n".join(problems)


def test_hmong_dates_are_written_in_hmong_day_first():
    """Django has no H'Mông formats: without ours a certificate would read "Th12 5, 2026"."""
    day = dt.date(2026, 12, 5)
    with translation.override("hmn"):
        assert formats.date_format(day, "DATE_FORMAT") == "hnub tim 5 lub 12 hli xyoo 2026"
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "05/12/2026"
        assert formats.date_format(day, "l") == "Hnub Rau"
    with translation.override("vi"):
        assert formats.date_format(day, "l") == "Thứ 7"
