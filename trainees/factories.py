import datetime as dt

import factory
from django.utils import timezone

from .models import (
    Commune,
    Person,
    Province,
    Role,
    Team,
    TrainingSession,
    User,
    Village,
    normalise_name,
)


class ProvinceFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"{90 + n % 10:02d}")
    name = factory.Sequence(lambda n: f"Tỉnh Thử {n}")
    kind = Province.Kind.PROVINCE
    codename = factory.Sequence(lambda n: f"tinh_thu_{n}")

    class Meta:
        model = Province
        django_get_or_create = ("code",)


class CommuneFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"9{n:04d}")
    name = factory.Sequence(lambda n: f"Xã Thử {n}")
    name_key = factory.LazyAttribute(lambda o: normalise_name(o.name))
    kind = Commune.Kind.COMMUNE
    codename = factory.Sequence(lambda n: f"xa_thu_{n}")
    province = factory.SubFactory(ProvinceFactory)

    class Meta:
        model = Commune
        django_get_or_create = ("code",)


class VillageFactory(factory.django.DjangoModelFactory):
    commune = factory.SubFactory(CommuneFactory)
    name = factory.Sequence(lambda n: f"Thôn {n}")

    class Meta:
        model = Village
        django_get_or_create = ("commune", "name")


class UserFactory(factory.django.DjangoModelFactory):
    phone = factory.Sequence(lambda n: f"+8491{n:07d}")
    first_name = "Lan"
    last_name = "Nguyễn Thị"
    role = Role.LEARNER
    password = factory.django.Password("demo-pass-2026")

    class Meta:
        model = User
        django_get_or_create = ("phone",)


class PersonFactory(factory.django.DjangoModelFactory):
    full_name = factory.Sequence(lambda n: f"Người Học {n}")
    birth_year = 1970
    gender = Person.Gender.FEMALE
    commune = factory.SubFactory(CommuneFactory)
    village = factory.SubFactory(VillageFactory, commune=factory.SelfAttribute("..commune"))
    consent = True
    name_key = factory.LazyAttribute(lambda o: normalise_name(o.full_name))

    class Meta:
        model = Person


class TeamFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Đội hình Bình dân học vụ số {n}")
    kind = Team.Kind.YOUTH_UNION

    class Meta:
        model = Team
        skip_postgeneration_save = True

    @factory.post_generation
    def communes(self, create, extracted, **kwargs):
        if create and extracted:
            self.communes.set(extracted)

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.set(extracted)


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    title = "Cài đặt và kích hoạt VNeID"
    topics = "VNeID"
    commune = factory.SubFactory(CommuneFactory)
    village = factory.SubFactory(VillageFactory, commune=factory.SelfAttribute("..commune"))
    venue = "Nhà văn hoá thôn"
    starts_at = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))

    class Meta:
        model = TrainingSession
