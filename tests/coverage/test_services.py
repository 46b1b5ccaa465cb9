"""The indicators, each tested against its definition in docs/indicators.md, and the
summaries against a brute-force count after corrections, deletions, moves and merges."""

import datetime as dt
import logging

import pytest

from coverage.models import Campaign, CommunePeriodStat, PeriodKind, PersonMonth
from coverage.periods import Period, period_of
from coverage.services import indicators_for, indicators_from_raw, summaries_reconcile
from trainees.factories import VillageFactory
from trainees.models import CourseProgress, Role, TrainingSession
from trainees.people.services import person_delete, person_merge, person_update
from trainees.training.services import training_session_delete, training_session_set_status

from .conftest import make_session, mark, person

pytestmark = pytest.mark.django_db

MARCH = period_of(PeriodKind.MONTH, dt.date(2026, 3, 1))
APRIL = period_of(PeriodKind.MONTH, dt.date(2026, 4, 1))
Q1 = period_of(PeriodKind.QUARTER, dt.date(2026, 3, 1))


@pytest.fixture
def coordinator(make_user, province):
    return make_user(Role.PROVINCE_COORDINATOR, province=province, phone="0911000200")


def figures(commune, period):
    stored = indicators_for([commune.pk], period)[commune.pk]
    raw = indicators_from_raw([commune.pk], period)[commune.pk]
    assert stored == raw, period
    return stored


def test_people_trained_counts_distinct_people_with_a_present_or_late_mark(
    coordinator, commune_a, village_a
):
    s1 = make_session(coordinator, commune_a, dt.date(2026, 3, 3), village=village_a)
    s2 = make_session(coordinator, commune_a, dt.date(2026, 3, 20), village=village_a)
    lan, minh, hoa, tuan = (person(commune_a, village_a) for _ in range(4))
    mark(coordinator, s1, lan)
    mark(coordinator, s2, lan)  # twice: still one person
    mark(coordinator, s1, minh, status="late")
    mark(coordinator, s1, hoa, status="excused")
    mark(coordinator, s1, tuan, status="absent")
    got = figures(commune_a, MARCH)
    assert got["people_trained"] == 2
    assert got["sessions_held"] == 2
    assert figures(commune_a, APRIL)["people_trained"] == 0


def test_marks_at_planned_or_cancelled_sessions_do_not_count(coordinator, commune_a):
    session = make_session(coordinator, commune_a, dt.date(2026, 3, 3))
    someone = person(commune_a)
    mark(coordinator, session, someone)
    assert figures(commune_a, MARCH)["people_trained"] == 1
    training_session_set_status(
        by=coordinator, session=session, status=TrainingSession.Status.CANCELLED
    )
    got = figures(commune_a, MARCH)
    assert got["people_trained"] == 0 and got["sessions_held"] == 0


def test_a_person_counts_where_they_live_a_session_where_it_was_held(
    coordinator, commune_a, commune_b
):
    session = make_session(coordinator, commune_b, dt.date(2026, 3, 3))
    visitor = person(commune_a)
    mark(coordinator, session, visitor)
    assert figures(commune_a, MARCH)["people_trained"] == 1
    assert figures(commune_a, MARCH)["sessions_held"] == 0
    assert figures(commune_b, MARCH)["people_trained"] == 0
    assert figures(commune_b, MARCH)["sessions_held"] == 1


def test_newly_trained_is_the_period_of_the_first_trained_mark(coordinator, commune_a):
    march = make_session(coordinator, commune_a, dt.date(2026, 3, 31))
    april = make_session(coordinator, commune_a, dt.date(2026, 4, 1))
    old_hand, newcomer = person(commune_a), person(commune_a)
    mark(coordinator, march, old_hand)
    mark(coordinator, april, old_hand)
    mark(coordinator, april, newcomer)
    assert figures(commune_a, MARCH)["newly_trained"] == 1
    got = figures(commune_a, APRIL)
    assert got["people_trained"] == 2 and got["newly_trained"] == 1
    # A correction of the first mark moves the first-trained day to April.
    mark(coordinator, march, old_hand, status="absent")
    assert figures(commune_a, MARCH)["newly_trained"] == 0
    assert figures(commune_a, APRIL)["newly_trained"] == 2


def test_a_mark_earlier_than_someones_first_moves_newly_trained_back(coordinator, commune_a):
    april = make_session(coordinator, commune_a, dt.date(2026, 4, 15))
    march = make_session(coordinator, commune_a, dt.date(2026, 3, 5))
    someone = person(commune_a)
    mark(coordinator, april, someone)
    assert figures(commune_a, APRIL)["newly_trained"] == 1
    # Entered later (a paper roll typed in afterwards): March is now their first month.
    mark(coordinator, march, someone)
    assert figures(commune_a, MARCH)["newly_trained"] == 1
    got = figures(commune_a, APRIL)
    assert got["newly_trained"] == 0 and got["people_trained"] == 1


def test_a_household_is_reached_once_whichever_batch_brings_its_members(
    coordinator, commune_a, village_a
):
    week = period_of(PeriodKind.WEEK, dt.date(2026, 3, 2))
    monday = make_session(coordinator, commune_a, dt.date(2026, 3, 2), village=village_a)
    friday = make_session(coordinator, commune_a, dt.date(2026, 3, 6), village=village_a)
    later = make_session(coordinator, commune_a, dt.date(2026, 3, 20), village=village_a)
    mother = person(commune_a, village_a, household="4")
    son = person(commune_a, village_a, household="4")
    mark(coordinator, monday, mother)
    mark(coordinator, friday, son)  # the household was reached on Monday already
    mark(coordinator, later, son)
    for period in (week, MARCH, Q1):
        got = figures(commune_a, period)
        assert got["households_reached"] == 1 and got["people_trained"] == 2, period
    # Monday's mark was a mistake: the week still counts the household, through the son.
    mark(coordinator, monday, mother, status="absent")
    got = figures(commune_a, week)
    assert got["households_reached"] == 1 and got["people_trained"] == 1
    assert figures(commune_a, MARCH)["households_reached"] == 1


def test_households_are_village_and_label_pairs_and_people_without_one_are_shown(
    coordinator, commune_a, village_a
):
    other_village = VillageFactory(commune=commune_a, name="Bản Khoang")
    session = make_session(coordinator, commune_a, dt.date(2026, 3, 5))
    for p in (
        person(commune_a, village_a, household="12"),
        person(commune_a, village_a, household="12"),  # same household
        person(commune_a, other_village, household="12"),  # same label, other village
        person(commune_a, village_a, household=""),  # no label
        person(commune_a, None, household="7"),  # no village
    ):
        mark(coordinator, session, p)
    got = figures(commune_a, MARCH)
    assert got["people_trained"] == 5
    assert got["households_reached"] == 2
    assert got["trained_without_household"] == 2


def test_people_trained_per_topic(coordinator, commune_a, topics):
    vneid = make_session(coordinator, commune_a, dt.date(2026, 3, 2), topics=[topics["vneid"]])
    both = make_session(
        coordinator,
        commune_a,
        dt.date(2026, 3, 9),
        topics=[topics["vneid"], topics["online_safety"]],
    )
    none = make_session(coordinator, commune_a, dt.date(2026, 3, 16))
    a, b, c = person(commune_a), person(commune_a), person(commune_a)
    mark(coordinator, vneid, a)
    mark(coordinator, vneid, b)
    mark(coordinator, both, b)
    mark(coordinator, none, c)
    got = figures(commune_a, MARCH)
    assert got["by_topic"] == {topics["vneid"].pk: 2, topics["online_safety"].pk: 1}
    assert got["people_trained"] == 3


def test_online_course_completions_count_where_the_person_lives(coordinator, commune_a):
    from django.utils import timezone

    from coverage.services import summaries_refresh
    from tests.coverage.conftest import at

    learner = person(commune_a)
    CourseProgress.objects.create(
        person=learner,
        course_key="5e1a1b6c-0000-4000-8000-000000000001",
        percent=100,
        completed_at=at(dt.date(2026, 3, 10)),
    )
    CourseProgress.objects.create(
        person=learner, course_key="5e1a1b6c-0000-4000-8000-000000000002", percent=40
    )
    # course_completed is sent on commit by trainees.learning; its task refreshes the person.
    summaries_refresh(person_ids=[learner.pk], groups=["days"])
    assert figures(commune_a, MARCH)["course_completions"] == 1
    assert timezone.now()  # the completion is dated by completed_at, not by today


def test_any_dates_are_exact_to_the_day(coordinator, commune_a):
    s1 = make_session(coordinator, commune_a, dt.date(2026, 3, 3))
    s2 = make_session(coordinator, commune_a, dt.date(2026, 3, 25))
    a, b = person(commune_a), person(commune_a)
    mark(coordinator, s1, a)
    mark(coordinator, s2, b)
    custom = Period("custom", dt.date(2026, 3, 4), dt.date(2026, 3, 25))
    assert figures(commune_a, custom)["people_trained"] == 1
    crossing = Period("custom", dt.date(2026, 2, 20), dt.date(2026, 3, 3))
    assert figures(commune_a, crossing)["people_trained"] == 1


def test_corrections_deletions_moves_and_merges_recompute_the_people_touched(
    coordinator, commune_a, commune_b, village_a
):
    campaign = Campaign.objects.create(
        name="2026", starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 31)
    )
    periods = [MARCH, Q1, Period(PeriodKind.CAMPAIGN, campaign.starts_on, campaign.ends_on)]
    session = make_session(coordinator, commune_a, dt.date(2026, 3, 10), village=village_a)
    later = make_session(coordinator, commune_a, dt.date(2026, 3, 12), village=village_a)
    people = [person(commune_a, village_a, household=str(i % 3)) for i in range(6)]
    for p in people:
        mark(coordinator, session, p)
    mark(coordinator, later, people[0])

    def check():
        for period in periods:
            for commune in (commune_a, commune_b):
                figures(commune, period)

    check()
    mark(coordinator, session, people[1], status="absent")  # correction
    check()
    person_update(by=coordinator, person=people[2], commune=commune_b)  # moved away
    assert figures(commune_b, MARCH)["people_trained"] == 1
    check()
    person_update(by=coordinator, person=people[3], household="")  # label removed
    check()
    person_delete(by=coordinator, person=people[4])
    check()
    person_merge(kept=people[5], merged=people[0], by=coordinator)
    assert figures(commune_a, MARCH)["people_trained"] == 2  # people 3 and 5
    check()
    training_session_delete(by=coordinator, session=later)
    check()
    assert not PersonMonth.objects.filter(person_id=people[0].pk).exists()


def test_reconcile_repairs_and_reports_a_difference(coordinator, commune_a, caplog, monkeypatch):
    # Another test's dictConfig may have disabled existing loggers: this one must log.
    monkeypatch.setattr(logging.getLogger("coverage.services"), "disabled", False)
    caplog.set_level(logging.WARNING, logger="coverage.services")
    session = make_session(coordinator, commune_a, dt.date(2026, 3, 10))
    someone = person(commune_a)
    mark(coordinator, session, someone)
    assert summaries_reconcile(commune_id=commune_a.pk) == []
    PersonMonth.objects.filter(person=someone).delete()  # a summary lost behind our back
    differences = summaries_reconcile(commune_id=commune_a.pk)
    assert differences == [
        f"commune {commune_a.pk}: trained summaries differed on 1 day(s), from 2026-03-10"
    ]
    CommunePeriodStat.objects.filter(commune=commune_a, kind="month").update(people_trained=9)
    differences = summaries_reconcile(commune_id=commune_a.pk)
    assert len(differences) == 1 and "'people_trained': 9" in differences[0]
    assert "coverage reconcile repaired" in caplog.text
    assert figures(commune_a, MARCH)["people_trained"] == 1
    assert summaries_reconcile(commune_id=commune_a.pk) == []
