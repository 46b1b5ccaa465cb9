"""trainees.permissions: who may merge people (issue 9, item 2)."""

import pytest

from trainees.factories import CommuneFactory, PersonFactory
from trainees.models import Role
from trainees.permissions import user_can_merge_people

pytestmark = pytest.mark.django_db


def test_merging_is_for_recorders_with_both_records_in_scope(
    make_user, commune_a, commune_b, province, learner
):
    here, there = PersonFactory(commune=commune_a), PersonFactory(commune=commune_b)
    trainer = make_user(Role.TRAINER, communes=[commune_a], phone="0911000501")
    both = make_user(Role.COMMUNE_COORDINATOR, communes=[commune_a, commune_b], phone="0911000502")
    provincial = make_user(Role.PROVINCE_COORDINATOR, province=province, phone="0911000503")
    elsewhere = make_user(
        Role.PROVINCE_COORDINATOR, province=CommuneFactory().province, phone="0911000504"
    )
    admin = make_user(Role.ADMINISTRATOR, phone="0911000505")
    assert user_can_merge_people(trainer, here, PersonFactory(commune=commune_a))
    assert not user_can_merge_people(trainer, here, there)
    for user in (both, provincial, admin):
        assert user_can_merge_people(user, here, there)
    for user in (elsewhere, learner):
        assert not user_can_merge_people(user, here, there)
    # A record that belongs to no commune (an account made in the admin) is nobody's to merge.
    assert not user_can_merge_people(admin, here, PersonFactory(commune=None, village=None))
