"""In a real browser: an administrator sets up a team and a commune coordinator with the
searchable pickers (the commune found without accents, told apart by its province)."""

import pytest

from tests.conftest import browser_login
from trainees.factories import CommuneFactory, ProvinceFactory, UserFactory
from trainees.models import Role, Team, User

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def search(page, modal, query):
    with page.expect_response(lambda response: "/results/" in response.url):
        modal.locator("input[name=q]").fill(query)


def pick_in_modal(page, button, query, row_text):
    """Open a multiple chooser, search, tick the row that shows `row_text`, confirm."""
    page.click(button)
    modal = page.locator(".modal-dialog")
    search(page, modal, query)
    row = modal.locator("tr", has_text=row_text)
    row.wait_for()
    row.locator("input[type=checkbox]").check()
    modal.locator("[data-multiple-choice-submit]").click()
    modal.wait_for(state="hidden")


def test_an_administrator_sets_up_a_team_and_a_coordinator(phone_page, wagtail_base, province):
    page = phone_page
    page.set_viewport_size({"width": 1280, "height": 900})
    son_la = ProvinceFactory(code="14", name="Sơn La", codename="son_la")
    y_ty = CommuneFactory(code="02700", name="Xã Y Tý", province=province)
    CommuneFactory(code="04000", name="Xã Y Tý", province=son_la)
    trainer = UserFactory(phone="0911000061", first_name="Hoa", last_name="Lò Thị")
    trainer.role = Role.TRAINER
    trainer.save()
    admin = UserFactory(phone="0911000060", role=Role.ADMINISTRATOR, is_superuser=True)

    browser_login(page, "0911000060")
    page.goto("/admin/teams/new/")
    page.fill("#id_name", "Đội hình Bình dân học vụ số xã Y Tý")
    page.select_option("#id_kind", "youth_union")
    pick_in_modal(page, "#id_commune_links-OPEN_MODAL", "y ty", "Lào Cai")
    pick_in_modal(page, "#id_memberships-OPEN_MODAL", "hoa", "0911000061"[1:])
    page.click("footer button[type=submit]")
    page.wait_for_url("**/admin/teams/")
    team = Team.objects.get(name="Đội hình Bình dân học vụ số xã Y Tý")
    assert list(team.communes.all()) == [y_ty]
    assert list(team.members.all()) == [trainer]

    page.goto("/admin/users/new/")
    page.fill("#id_phone", "0911000062")
    page.fill("#id_first_name", "Sử")
    page.fill("#id_last_name", "Giàng A")
    page.fill("#id_password1", "a-long-password-2026")
    page.fill("#id_password2", "a-long-password-2026")
    page.select_option("#id_role", "commune_coordinator")
    page.click("#id_team-chooser button.chooser__choose-button")
    modal = page.locator(".modal-dialog")
    search(page, modal, "y ty")
    modal.locator("a", has_text="Đội hình Bình dân học vụ số xã Y Tý").click()
    modal.wait_for(state="hidden")
    page.click("footer button[type=submit]")
    page.wait_for_url("**/admin/users/")
    coordinator = User.objects.get(phone="+84911000062")
    assert coordinator.role == Role.COMMUNE_COORDINATOR
    assert list(coordinator.teams.all()) == [team]
    assert admin.pk
