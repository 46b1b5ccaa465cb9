"""The province grid in a real browser on a 360 px phone: readable, colours said in words,
and no accessibility violation that axe-core can find."""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from coverage.models import Target
from coverage.periods import period_of
from tests.conftest import PASSWORD, browser_login
from trainees.factories import CommuneFactory, VillageFactory
from trainees.models import Role

from .conftest import make_session, mark, person

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def grid(make_user, province, topics, wagtail_base):
    """Communes in every state: on track, behind, far behind, no target."""
    admin = make_user(Role.ADMINISTRATOR, phone="0911000600")
    today = timezone.localdate()
    month = period_of("month", today)
    names = ["Xã Y Tý", "Xã Bát Xát", "Xã A Mú Sung", "Phường Sa Pa", "Xã Bản Hồ", "Xã Ngũ Chỉ Sơn"]
    for i, (name, trained) in enumerate(zip(names, [9, 5, 1, 0, 3, 0], strict=True)):
        commune = CommuneFactory(code=f"0280{i}", name=name, province=province)
        village = VillageFactory(commune=commune, name="Thôn Trung Tâm")
        if i < 4:
            # Due by today: the whole target on the month's last day, a share before.
            Target.objects.create(
                commune=commune,
                indicator="people_trained",
                period_kind="month",
                starts_on=month.start,
                ends_on=month.end,
                value=max(1, round(8 * month.days / ((today - month.start).days + 1))),
            )
        if trained:
            session = make_session(admin, commune, today, village=village)
            for _ in range(trained):
                mark(admin, session, person(commune, village, household="3"))
    return make_user(
        Role.PROVINCE_COORDINATOR, province=province, phone="0911000601", password=PASSWORD
    )


def test_grid_on_a_phone_is_readable_and_has_no_axe_violations(phone_page, grid, province):
    page = phone_page
    browser_login(page, "0911000601")
    page.goto(f"/vi/coverage/province/{province.code}/")
    tiles = page.locator(".tiles .tile")
    assert tiles.count() == 6
    # Every tile says its state in words, not only in colour.
    statuses = page.locator(".tiles .tile-status").all_inner_texts()
    assert all(
        any(w in s for w in ("tiến độ", "track", "chậm", "behind", "chỉ tiêu", "target"))
        for s in statuses
    ), statuses
    # Readable on 360 px: nothing wider than the screen, tiles side by side, text not tiny.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    boxes = [tiles.nth(i).bounding_box() for i in range(2)]
    assert boxes[0]["y"] == boxes[1]["y"] and boxes[0]["width"] >= 140
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.tile-name')).fontSize)"
    )
    assert size >= 16
    # Filtering by an accent-free name.
    page.click("summary")
    page.fill("input[name=q]", "y ty")
    page.click(".filters button[type=submit]")
    assert page.locator(".tiles .tile-name").all_inner_texts() == ["Xã Y Tý"]

    # axe comes in as a script evaluated by the test driver: the page's
    # Content-Security-Policy (script-src 'self') refuses an injected inline <script>.
    page.goto(f"/vi/coverage/province/{province.code}/")
    page.evaluate(AXE.read_text())
    result = page.evaluate("async () => await axe.run(document)")
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []
