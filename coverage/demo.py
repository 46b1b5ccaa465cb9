"""Demo coverage for Lào Cai's 99 communes: targets, populations and enough activity for a
grid worth looking at — some communes on track, some behind, some far behind, some where
nobody has come yet (and so grey or red). Idempotent: run it again and nothing is added.

Marks go through trainees' sync, as phones send them, so the summaries are built by the
same code path as in real use.
"""

import datetime as dt
import math
import random
import uuid

from django.db import transaction
from django.utils import timezone

from trainees.models import (
    Commune,
    Person,
    Province,
    Role,
    SessionTopic,
    User,
    Village,
    normalise_name,
)
from trainees.training.services import MarkData, attendance_sync, training_session_create

from .models import Campaign, CommuneFigures, Indicator, PeriodKind, Target
from .periods import expected_fraction, period_of

LAO_CAI = "15"
CAMPAIGN = "Bình dân học vụ số {year}"
NAMESPACE = uuid.UUID("1d7d5a4e-8c44-4b7b-9f3e-5a1c1c0c2026")
# Share of communes in each state, in a fixed shuffled order.
STATES = ["green"] * 30 + ["yellow"] * 28 + ["red"] * 24 + ["idle"] * 12 + ["no_target"] * 5
RATIO = {"green": 1.15, "yellow": 0.7, "red": 0.3, "idle": 0, "no_target": 0.5}
FAMILY = ["Giàng", "Lý", "Sùng", "Vàng", "Thào", "Tẩn", "Chảo", "Hoàng", "Nông", "Lò"]
GIVEN = ["Thị Mỷ", "A Chứ", "Thị Lan", "A Páo", "Thị Dín", "Văn Chản", "Thị Hương", "Văn Tú"]


@transaction.atomic
def load_coverage_demo(today: dt.date | None = None) -> int:
    """Create the demo; returns how many communes got activity (0 when already there)."""
    today = today or timezone.localdate()
    province = Province.objects.filter(code=LAO_CAI).first()
    if province is None:
        return 0
    month = period_of(PeriodKind.MONTH, today)
    campaign, _ = Campaign.objects.get_or_create(
        name=CAMPAIGN.format(year=today.year),
        defaults={"starts_on": dt.date(today.year, 1, 1), "ends_on": dt.date(today.year, 12, 31)},
    )
    communes = list(Commune.objects.filter(province=province).order_by("code"))
    if Target.objects.filter(commune__in=communes, starts_on=month.start).exists():
        return 0
    admin = (
        User.objects.filter(role=Role.ADMINISTRATOR).first()
        or User.objects.filter(is_superuser=True).first()
    )
    if admin is None:
        return 0
    rng = random.Random(2026)  # noqa: S311 - demo data, not secrets
    states = (STATES * 2)[: len(communes)]
    rng.shuffle(states)
    topics = list(SessionTopic.objects.filter(active=True))
    fraction = expected_fraction(month, today)
    active = 0
    for commune, state in zip(communes, states, strict=True):
        households = rng.randrange(300, 1800)
        CommuneFigures.objects.update_or_create(
            commune=commune,
            defaults={"population": households * rng.randrange(4, 6), "households": households},
        )
        target = rng.randrange(4, 12) * 10
        if state != "no_target":
            Target.objects.create(
                commune=commune,
                indicator=Indicator.PEOPLE_TRAINED,
                period_kind=PeriodKind.MONTH,
                starts_on=month.start,
                ends_on=month.end,
                value=target,
            )
            Target.objects.get_or_create(
                commune=commune,
                indicator=Indicator.PEOPLE_TRAINED,
                starts_on=campaign.starts_on,
                ends_on=campaign.ends_on,
                defaults={
                    "period_kind": PeriodKind.CAMPAIGN,
                    "campaign": campaign,
                    "value": target * 12,
                },
            )
        trained = math.ceil(float(fraction) * target * RATIO[state])
        if trained:
            _activity(commune, trained, today, month.start, admin, topics, rng)
            active += 1
    return active


def _activity(commune, trained, today, first_day, admin, topics, rng) -> None:
    village, _ = Village.objects.get_or_create(commune=commune, name="Thôn Trung Tâm")
    people = []
    for i in range(trained):
        name = f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}"
        people.append(
            Person(
                full_name=name,
                name_key=normalise_name(name),
                birth_year=rng.randrange(1950, 2008),
                commune=commune,
                village=village,
                # Some people are registered without their household, as in the field.
                household="" if i % 7 == 3 else str(rng.randrange(1, 60)),
                consent=True,
                registered_by=admin,
                client_uuid=uuid.uuid5(NAMESPACE, f"{commune.code}-{i}"),
            )
        )
    Person.objects.bulk_create(people)
    people = list(Person.objects.filter(commune=commune, village=village).order_by("pk"))
    tz = timezone.get_current_timezone()
    # Up to three sessions between the first of the month and today.
    days = sorted(
        {
            first_day + dt.timedelta(days=rng.randrange((today - first_day).days + 1))
            for _ in range(min(3, len(people)))
        }
    )
    for n, day in enumerate(days):
        start = dt.datetime.combine(day, dt.time(8 + n), tzinfo=tz)
        session = training_session_create(
            by=admin,
            commune=commune,
            village=village,
            title=topics[n % len(topics)].name if topics else "Kỹ năng số",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=2),
            venue="Nhà văn hoá thôn",
            topic_list=[topics[n % len(topics)]] if topics else [],
        )
        group = people[n :: len(days)]
        attendance_sync(
            by=admin,
            marks=[
                MarkData(
                    uuid=uuid.uuid5(NAMESPACE, f"{session.uuid}-{p.pk}"),
                    session=session.uuid,
                    person_id=p.pk,
                    status="late" if i % 9 == 4 else "present",
                    method="roll_call",
                    recorded_at=min(start, timezone.now()),
                )
                for i, p in enumerate(group)
            ],
        )
