import uuid

from django import template
from django.utils import translation
from django.utils.html import format_html

register = template.Library()

# Phone screens: one column, at most ~44rem wide.
SIZES = "(max-width: 44rem) 100vw, 44rem"


@register.simple_tag(takes_context=True)
def lang_url(context, page):
    """The page's URL in the language being read, even when `page` is the Vietnamese original.

    An untranslated page is served in Vietnamese under the reader's language prefix (see
    `FallbackRoutingMixin`), so links keep the reader in their language at no query cost.
    """
    url = page.get_url(context.get("request"))
    active = translation.get_language()
    own = page.locale.language_code
    if url and own != active and url.startswith(f"/{own}/"):
        url = f"/{active}/{url[len(own) + 2 :]}"
    return url


@register.simple_tag
def lesson_image(image, alt, css_class=""):
    """A responsive, lazy image with its width and height set, so nothing jumps on 3G.

    The project's own drawings are SVG: served as they are (they scale for free). Photos and
    screenshots become WebP renditions at phone widths.
    """
    if image is None:
        return ""
    if image.is_svg():
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="{}" loading="lazy" decoding="async"'
            ' class="{}">',
            image.file.url,
            image.width,
            image.height,
            alt,
            css_class,
        )
    small = image.get_rendition("width-360|format-webp")
    large = image.get_rendition("width-720|format-webp")
    return format_html(
        '<img src="{}" srcset="{} {}w, {} {}w" sizes="{}" width="{}" height="{}" alt="{}"'
        ' loading="lazy" decoding="async" class="{}">',
        small.url,
        small.url,
        small.width,
        large.url,
        large.width,
        SIZES,
        small.width,
        small.height,
        alt,
        css_class,
    )


@register.simple_tag
def poster_url(image):
    if image is None:
        return ""
    if image.is_svg():
        return image.file.url
    return image.get_rendition("width-720|format-webp").url


@register.filter
def translation_state(page, language_code):
    """ "missing", "partial" or "": see `FallbackRoutingMixin.translation_state`."""
    state = getattr(page, "translation_state", None)
    return state(language_code) if state else ""


@register.simple_tag
def new_uuid():
    """A fresh id for a form, so a submission sent twice is recorded once."""
    return str(uuid.uuid4())
