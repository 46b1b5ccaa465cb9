"""Demo data for `make demo`: idempotent, built on the factories the tests use."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail import hooks

from cms.services import home_page_ensure
from courses.demo import load_courses_demo
from courses.demo_h5p import load_h5p_demo
from courses.demo_narration import load_narration_demo
from trainees.demo import (
    BAT_XAT_TEAM,
    PROVINCE_TEAM,
    SUOI_CHAI_TEAM,
    demo_teams_ensure,
    load_attendance_demo,
)
from trainees.factories import PersonFactory, UserFactory, VillageFactory
from trainees.models import Commune, Person, Province, Role
from trainees.people.services import admin_units_load, user_assign_role

LAO_CAI = "15"
# Villages in real Lào Cai communes (Suối Chải is the village of the brief: 86 households).
VILLAGES = {
    "Xã Bát Xát": ["Suối Chải", "Bản Vược", "Tân Bảo"],
    "Xã Mường Khương": ["Sả Hồ", "Lồ Suối Tủng", "Mường Khương"],
    "Xã Y Tý": ["Lao Chải", "Choản Thèn"],
}
# (phone, password, given name, family name, role, scope: "province" or the names of teams)
USERS = [
    ("0900000001", "demo-admin-2026", "Quản trị", "Demo", Role.ADMINISTRATOR, None),
    ("0900000002", "demo-editor-2026", "Biên tập", "Demo", Role.CONTENT_EDITOR, None),
    (
        "0900000003",
        "demo-province-2026",
        "Tỉnh",
        "Điều phối",
        Role.PROVINCE_COORDINATOR,
        "province",
    ),
    (
        "0900000004",
        "demo-commune-2026",
        "Xã",
        "Điều phối",
        Role.COMMUNE_COORDINATOR,
        [BAT_XAT_TEAM],
    ),
    (
        "0900000005",
        "demo-trainer-2026",
        "Hùng",
        "Giàng A",
        Role.TRAINER,
        [PROVINCE_TEAM, SUOI_CHAI_TEAM],
    ),
    ("0900000006", "demo-learner-2026", "Mai", "Lò Thị", Role.LEARNER, None),
]
PEOPLE = [
    ("Giàng Thị Mỷ", 1978, Person.Gender.FEMALE, "Xã Bát Xát", "Suối Chải"),
    ("Lý A Chứ", 1965, Person.Gender.MALE, "Xã Bát Xát", "Suối Chải"),
    ("Sùng Thị Lan", 1990, Person.Gender.FEMALE, "Xã Mường Khương", "Sả Hồ"),
    ("Vàng A Páo", 1958, Person.Gender.MALE, "Xã Y Tý", "Lao Chải"),
]


class Command(BaseCommand):
    help = "Create demo pages, places, people and one account per role (safe to run again)."

    @transaction.atomic
    def handle(self, *args, **options):
        if not Province.objects.filter(code=LAO_CAI).exists():
            admin_units_load()
        province = Province.objects.get(code=LAO_CAI)
        communes = {c.name: c for c in Commune.objects.filter(province=province)}

        home_page_ensure(
            title="Bình dân học vụ số",
            intro="Học dùng điện thoại, VNeID, dịch vụ công trực tuyến và phòng tránh lừa đảo — "
            "miễn phí, từng bài ngắn.",
            translations={
                "en": {
                    "title": "Digital literacy for all",
                    "intro": "Learn to use your phone, VNeID, online public services and stay "
                    "safe from fraud — free, in short lessons.",
                },
                "hmn": {
                    "title": "Txhua tus neeg kawm digital",
                    "intro": "Kawm siv xov tooj, VNeID thiab kev pab cuam online — dawb xwb.",
                },
            },
        )

        for commune_name, names in VILLAGES.items():
            for name in names:
                VillageFactory(commune=communes[commune_name], name=name)

        for full_name, birth_year, gender, commune_name, village_name in PEOPLE:
            commune = communes[commune_name]
            if not Person.objects.filter(full_name=full_name, commune=commune).exists():
                PersonFactory(
                    full_name=full_name,
                    birth_year=birth_year,
                    gender=gender,
                    commune=commune,
                    village=commune.villages.get(name=village_name),
                )

        teams = demo_teams_ensure()
        rows = []
        for phone, password, first, last, role, scope in USERS:
            user = UserFactory(phone=phone, first_name=first, last_name=last)
            user.set_password(password)
            user.save(update_fields=["password"])
            user_assign_role(
                user=user,
                role=role,
                province=province if scope == "province" else None,
                teams=[teams[n] for n in scope] if isinstance(scope, list) else None,
            )
            rows.append((role.label, phone, password))

        load_attendance_demo()
        load_courses_demo()
        load_narration_demo(stdout=self.stdout)
        load_h5p_demo(stdout=self.stdout)
        # Apps above trainees (certificates, coverage) add their demo data through this hook.
        for load in hooks.get_hooks("load_demo_data"):
            load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready. Log in with a phone number:"))
        for label, phone, password in rows:
            self.stdout.write(f"  {str(label):<22} {phone}  {password}")
