"""Site-wide set-up: the home page in every content language.

`home_page_ensure` makes the site's root a `HomePage` and gives it a translation in each
locale, so /vi/, /en/ and /hmn/ each have a home. It is idempotent.
"""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from .models import HomePage


@transaction.atomic
def home_page_ensure(*, title: str, intro: str = "", translations: dict | None = None) -> HomePage:
    """Return the Vietnamese home page, creating it (and its translations) when missing.

    `translations` maps a language code to {"title": …, "intro": …} for that locale.
    """
    for code in ("vi", *(translations or {})):
        Locale.objects.get_or_create(language_code=code)
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale__language_code="vi").first()
    if home is None:
        # Wagtail's migrations create the root; a flushed database (live-server tests) has none.
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="vi"))
        )
        home = root.add_child(
            instance=HomePage(
                title=title,
                intro=intro,
                slug="trang-chu",
                locale=Locale.objects.get(language_code="vi"),
            )
        )
        home.save_revision().publish()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        # Wagtail's placeholder "Welcome to your new Wagtail site!" page goes.
        if type(old_root.specific) is Page and not old_root.get_children().exists():
            old_root.delete()
    for code, fields in (translations or {}).items():
        locale = Locale.objects.get(language_code=code)
        translated = home.get_translation_or_none(locale)
        if translated is None:
            translated = home.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save_revision().publish()
    return home
