import pytest
from django.urls import resolve
from django.utils import translation

from cms.models import CampaignSettings
from tests.conftest import publish

pytestmark = pytest.mark.django_db


def test_the_fast_lesson_route_only_takes_catalogue_paths(course_tree):
    with translation.override("vi"):
        assert resolve("/vi/khoa-hoc/dung-dien-thoai/goi-dien/").url_name == "lesson"
        assert resolve("/vi/something/else/entirely/").url_name != "lesson"


def test_a_renamed_catalogue_takes_the_fast_route_at_once(client, course_tree):
    client.get("/vi/khoa-hoc/dung-dien-thoai/goi-dien/")
    index = course_tree["index"]
    index.slug = "bai-hoc"
    publish(index)
    with translation.override("vi"):
        assert resolve("/vi/bai-hoc/dung-dien-thoai/goi-dien/").url_name == "lesson"
        assert resolve("/vi/khoa-hoc/dung-dien-thoai/goi-dien/").url_name != "lesson"
    assert client.get("/vi/bai-hoc/dung-dien-thoai/goi-dien/").status_code == 200


def test_a_lesson_page_needs_at_most_four_queries(
    client, course_tree, django_assert_max_num_queries
):
    CampaignSettings.load()  # a running site has its settings row
    url = "/vi/khoa-hoc/dung-dien-thoai/doc-tin-nhan/"
    client.get(url)  # warm the caches a running site has warm
    # The lesson, its course, its siblings, the pictures in it: the site, the view
    # restrictions, the settings and the translations' addresses are kept (cms.kept).
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200
