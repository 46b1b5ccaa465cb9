"""The personal parts of public pages, answered by the one JSON call `GET /api/me/`.

Public pages (home, catalogue, courses, lessons) are the same HTML for every visitor, so a
proxy and the service worker may keep them (docs/architecture.md). What belongs to the
visitor — the account links in the header, "continue where you left off", completed
lessons, best scores, whom a trainer is learning for, flash messages — comes from here and
is filled in by `cms/static/cms/site.js`. Calling it also sets the CSRF cookie that the
page's scripts send with their posts.

`cms` must not import the apps that own these data, so each part comes from a Wagtail hook
that the owning app registers (the same hooks that used to render into the page):

- `<kind>_page_top(request, page)` → HTML above the page (`banner`), kind = home, course,
  lesson…;
- `<kind>_page_learner_panel(request, page)` → HTML of the learner's panel (`panel`);
- `personal_page_data(request, page)` → a dict merged into the answer (`completed`, `scores`);
- `account_links(request, None)` → links in the header (inside `account`).
"""

from __future__ import annotations

from django.contrib import messages
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.crypto import salted_hmac
from django.utils.html import format_html_join
from wagtail import hooks
from wagtail.models import Page


def _hooks_html(name: str, request, obj) -> str:
    parts = [fn(request, obj) for fn in hooks.get_hooks(name)]
    return str(format_html_join("", "{}", ((part,) for part in parts if part)))


def _page_kind(page: Page) -> str:
    """HomePage → "home", CoursePage → "course", LessonPage → "lesson"."""
    name = type(page).__name__
    return name[: -len("Page")].lower() if name.endswith("Page") else name.lower()


def user_key(user) -> str | None:
    """Who is signed in, as the phone's scripts see it: a stable key that is not the id.

    The offline client keeps it beside what it stores, so a change of user on a shared
    phone is noticed (item 9 of issue 9) without the phone learning anybody's id.
    """
    if not user.is_authenticated:
        return None
    return salted_hmac("cms.personal.user_key", str(user.pk)).hexdigest()[:20]


def personal_data(*, request, page_id: int | None) -> dict:
    get_token(request)  # the CSRF cookie, for the scripts' posts
    user = request.user
    data = {
        "authenticated": user.is_authenticated,
        "user": user_key(user),
        "name": user.get_short_name() if user.is_authenticated else "",
        "account": render_to_string("cms/includes/account.html", request=request),
        "banner": "",
        "panel": "",
        "completed": [],
        "scores": {},
        "messages": [
            {"level": message.tags, "text": str(message)}
            for message in messages.get_messages(request)
        ],
    }
    page = Page.objects.live().filter(pk=page_id).first() if page_id else None
    if page is not None:
        page = page.specific
        kind = _page_kind(page)
        data["banner"] = _hooks_html(f"{kind}_page_top", request, page)
        data["panel"] = _hooks_html(f"{kind}_page_learner_panel", request, page)
        for fn in hooks.get_hooks("personal_page_data"):
            data.update(fn(request, page) or {})
    return data
