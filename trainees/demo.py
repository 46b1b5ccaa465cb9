"""Demo teams, trainers, villagers, sessions and attendance in Lào Cai (idempotent).

Everything has a fixed uuid derived from its name, and marks go through the same sync as
phones use, so running it again creates nothing twice.
"""

import datetime as dt
import random
import uuid

from django.db import transaction
from django.utils import timezone

from .factories import UserFactory
from .models import (
    AttendanceMethod,
    AttendanceStatus,
    Commune,
    Ethnicity,
    Person,
    Role,
    Team,
    TrainingSession,
    User,
    Village,
    normalise_name,
)
from .people.services import user_assign_role
from .training import services

NAMESPACE = uuid.UUID("6f1c7d2e-5b0a-4d7e-9a57-0c6c1b3f8a11")
TRAINER_PHONE = "0900000005"  # created by load_demo_data
SECOND_TRAINER = ("0900000007", "demo-trainer-2026", "Hoa", "Lò Thị")

# Teams give trainers and commune coordinators their communes.
PROVINCE_TEAM = "Đội hình Bình dân học vụ số — Tỉnh đoàn Lào Cai"
Y_TY_TEAM = "Đội hình Bình dân học vụ số xã Y Tý"
SUOI_CHAI_TEAM = "Tổ công nghệ số cộng đồng thôn Suối Chải"
BAT_XAT_TEAM = "Tổ công nghệ số cộng đồng xã Bát Xát"
TEAMS = [
    (PROVINCE_TEAM, Team.Kind.YOUTH_UNION, ["Xã Bát Xát", "Xã Mường Khương"]),
    (Y_TY_TEAM, Team.Kind.YOUTH_UNION, ["Xã Y Tý"]),
    (SUOI_CHAI_TEAM, Team.Kind.COMMUNITY, ["Xã Bát Xát"]),
    (BAT_XAT_TEAM, Team.Kind.COMMUNITY, ["Xã Bát Xát"]),
]

# Family names and given names by ethnic group, as they are written in Lào Cai.
NAMES = {
    Ethnicity.HMONG: (
        ["Giàng", "Lý", "Sùng", "Vàng", "Thào", "Hầu", "Lù", "Má"],
        ["A Sử", "A Chứ", "A Páo", "A Dế", "A Lử", "A Tủa"],
        ["Thị Mỷ", "Thị Lan", "Thị Dợ", "Thị Mai", "Thị Sủa", "Thị Chở"],
    ),
    Ethnicity.DAO: (
        ["Tẩn", "Chảo", "Phàn", "Lý", "Triệu"],
        ["Láo Sử", "Văn Chản", "Kim Phú", "Văn Quẩy"],
        ["Thị Mẩy", "Thị Dín", "Thị Xe", "Mùi Chiêu"],
    ),
    Ethnicity.HA_NHI: (
        ["Ly", "Chu", "Phu", "Pờ"],
        ["Xè Phà", "Mò Chừ", "Gạ Chừ"],
        ["Mé Xá", "Mó Xá", "Lỳ Me"],
    ),
    Ethnicity.TAY: (
        ["Hoàng", "Nông", "Lương", "Ma"],
        ["Văn Tú", "Văn Thắng", "Đức Anh"],
        ["Thị Hương", "Thị Thu", "Thị Nga"],
    ),
}
# commune → [(village, main ethnic group, people)]
VILLAGES = {
    "Xã Bát Xát": [("Suối Chải", Ethnicity.HMONG, 28), ("Bản Vược", Ethnicity.TAY, 14)],
    "Xã Mường Khương": [("Sả Hồ", Ethnicity.HMONG, 18), ("Lồ Suối Tủng", Ethnicity.DAO, 12)],
    "Xã Y Tý": [("Lao Chải", Ethnicity.HA_NHI, 16), ("Choản Thèn", Ethnicity.HMONG, 10)],
}
# (commune, village, title, topics, days from today, hour)
SESSIONS = [
    ("Xã Bát Xát", "Suối Chải", "Cài đặt và kích hoạt VNeID", "VNeID", -21, 8),
    ("Xã Bát Xát", "Suối Chải", "Nhận biết cuộc gọi lừa đảo", "An toàn trên mạng", -7, 14),
    ("Xã Bát Xát", "Bản Vược", "Dùng điện thoại thông minh", "Điện thoại", -10, 8),
    ("Xã Bát Xát", "Suối Chải", "Bán mận Tam hoa trên mạng", "Bán hàng trên mạng", 3, 8),
    ("Xã Mường Khương", "Sả Hồ", "Nộp hồ sơ dịch vụ công trực tuyến", "Dịch vụ công", -14, 8),
    ("Xã Mường Khương", "Lồ Suối Tủng", "Cài đặt và kích hoạt VNeID", "VNeID", -3, 14),
    ("Xã Mường Khương", "Sả Hồ", "Bảo vệ mã OTP", "An toàn trên mạng", 5, 8),
    ("Xã Y Tý", "Lao Chải", "Tham gia nhóm Zalo của thôn", "Điện thoại", -5, 8),
    ("Xã Y Tý", "Choản Thèn", "Cài đặt và kích hoạt VNeID", "VNeID", 9, 8),
]


def _uuid(*parts) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "|".join(str(p) for p in parts))


def _people(commune: Commune, village: Village, ethnicity: str, count: int, by: User):
    rng = random.Random(f"{commune.code}-{village.name}")  # noqa: S311 - reproducible demo
    families, men, women = NAMES[ethnicity]
    this_year = timezone.localdate().year
    for n in range(count):
        client_uuid = _uuid("person", commune.code, village.name, n)
        if Person.objects.filter(client_uuid=client_uuid).exists():
            continue
        female = n % 2 == 0
        full_name = f"{rng.choice(families)} {rng.choice(women if female else men)}"
        Person.objects.create(
            client_uuid=client_uuid,
            full_name=full_name,
            name_key=normalise_name(full_name),
            birth_year=this_year - rng.randint(16, 72),
            gender=Person.Gender.FEMALE if female else Person.Gender.MALE,
            ethnicity=ethnicity,
            commune=commune,
            village=village,
            household=str(1 + n // 3),  # about three people a household
            consent=True,
            registered_by=by,
        )


def _lao_cai_communes() -> dict[str, Commune]:
    return {c.name: c for c in Commune.objects.filter(province__code="15", name__in=VILLAGES)}


@transaction.atomic
def demo_teams_ensure() -> dict[str, Team]:
    """The demo teams, each working in exactly its communes; by name."""
    communes = _lao_cai_communes()
    teams = {}
    for name, kind, commune_names in TEAMS:
        team, _ = Team.objects.get_or_create(name=name, defaults={"kind": kind})
        team.communes.set([communes[n] for n in commune_names])
        teams[name] = team
    return teams


@transaction.atomic
def load_attendance_demo() -> None:
    communes = _lao_cai_communes()
    teams = demo_teams_ensure()
    trainer = User.objects.get(phone="+84" + TRAINER_PHONE[1:])
    phone, password, first, last = SECOND_TRAINER
    second = UserFactory(phone=phone, first_name=first, last_name=last)
    second.set_password(password)
    second.save(update_fields=["password"])
    user_assign_role(user=second, role=Role.TRAINER, teams=[teams[Y_TY_TEAM]])

    for commune_name, villages in VILLAGES.items():
        commune = communes[commune_name]
        for village_name, ethnicity, count in villages:
            village, _ = Village.objects.get_or_create(commune=commune, name=village_name)
            _people(commune, village, ethnicity, count, trainer)

    today = timezone.localdate()
    tz = timezone.get_current_timezone()
    admin = User.objects.filter(role=Role.ADMINISTRATOR).first() or trainer
    for commune_name, village_name, title, topics, days, hour in SESSIONS:
        commune = communes[commune_name]
        village = commune.villages.get(name=village_name)
        key = _uuid("session", commune_name, village_name, title, days)
        session = TrainingSession.objects.filter(uuid=key).first()
        if session is None:
            starts = dt.datetime.combine(today + dt.timedelta(days=days), dt.time(hour), tz)
            session = TrainingSession.objects.create(
                uuid=key,
                title=title,
                topics=topics,
                commune=commune,
                village=village,
                venue=f"Nhà văn hoá thôn {village_name}",
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=2),
                capacity=40,
                team=teams[Y_TY_TEAM if commune_name == "Xã Y Tý" else PROVINCE_TEAM],
                checkin_open=days >= 0,
                created_by=trainer,
            )
            session.trainers.set([second if commune_name == "Xã Y Tý" else trainer])
        if days >= 0:
            continue
        # Who came: most of the village, a few late or excused, marked the usual ways.
        rng = random.Random(str(key))  # noqa: S311 - reproducible demo
        marks = []
        for person in Person.objects.filter(village=village).order_by("pk"):
            roll = rng.random()
            status = (
                AttendanceStatus.PRESENT
                if roll < 0.72
                else AttendanceStatus.LATE
                if roll < 0.8
                else AttendanceStatus.EXCUSED
                if roll < 0.86
                else AttendanceStatus.ABSENT
            )
            method = rng.choice(
                [AttendanceMethod.ROLL_CALL] * 6
                + [AttendanceMethod.QR] * 2
                + [AttendanceMethod.SIGN_IN_SHEET]
            )
            marks.append(
                services.MarkData(
                    uuid=_uuid("mark", key, person.pk),
                    session=session.uuid,
                    person_id=person.pk,
                    status=status,
                    method=method,
                    recorded_at=session.starts_at + dt.timedelta(minutes=rng.randint(0, 25)),
                    server_clock=True,
                )
            )
        services.attendance_sync(by=admin, marks=marks)
        TrainingSession.objects.filter(pk=session.pk).update(status=TrainingSession.Status.HELD)
