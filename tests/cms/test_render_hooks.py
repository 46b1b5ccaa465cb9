"""Issue 8, hole 11: what a hook returns is escaped unless it is already safe HTML."""

from django.template import Context, Template
from django.utils.html import format_html
from wagtail import hooks


def render(hook_name):
    return Template("{% load cms_tags %}{% render_hooks name %}").render(
        Context({"name": hook_name, "request": None})
    )


def test_plain_strings_from_hooks_are_escaped_and_safe_html_is_kept():
    with hooks.register_temporarily(
        [
            ("test_panel", lambda request, obj: "<script>alert('Lò Thị Mai')</script>"),
            (
                "test_panel",
                lambda request, obj: format_html("<p class='panel'>{}</p>", "<b>Mai</b>"),
            ),
            ("test_panel", lambda request, obj: ""),
        ]
    ):
        html = render("test_panel")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;Lò Thị Mai&#x27;)&lt;/script&gt;" in html
    assert "<p class='panel'>&lt;b&gt;Mai&lt;/b&gt;</p>" in html
