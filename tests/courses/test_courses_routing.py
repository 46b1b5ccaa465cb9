import pytest
from django.core.cache import cache
from django.urls import resolve
from django.utils import translation

from courses.lesson_urls import CATALOGUE_SLUGS_CACHE_KEY

pytestmark = pytest.mark.django_db


def test_the_fast_lesson_route_only_takes_catalogue_paths(course_tree):
    cache.delete(CATALOGUE_SLUGS_CACHE_KEY)
    with translation.override("vi"):
        assert resolve("/vi/khoa-hoc/dung-dien-thoai/goi-dien/").url_name == "lesson"
        assert resolve("/vi/something/else/entirely/").url_name != "lesson"


def test_a_lesson_page_needs_at_most_ten_queries(
    client, course_tree, django_assert_max_num_queries
):
    url = "/vi/khoa-hoc/dung-dien-thoai/doc-tin-nhan/"
    client.get(url)  # warm the caches a running site has warm
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200
