"""People, places and accounts (see the package docstring)."""

import unicodedata

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..people.fields import PhoneNumberField
from ..people.phone import normalise_phone


class ScopedQuerySet(models.QuerySet):
    """Operational data reached through a commune. `for_user` is the only way views read it.

    A model using it names, in `scope_path`, the lookup from itself to its Commune
    ("" for Commune itself).
    """

    def for_user(self, user):
        from ..scoping import scope_queryset

        return scope_queryset(self, user)


class CommuneQuerySet(ScopedQuerySet):
    def search(self, query: str):
        """Communes whose name contains `query`, accents and case ignored ("y ty" → "Y Tý")."""
        key = normalise_name(query)
        return self.filter(name_key__contains=key) if key else self


class Province(models.Model):
    class Kind(models.TextChoices):
        PROVINCE = "province", _("province")
        CITY = "city", _("centrally-run city")

    code = models.CharField(_("official code"), max_length=2, unique=True)
    name = models.CharField(pgettext_lazy("place", "name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    codename = models.SlugField(max_length=100, help_text=_("ASCII name, for URLs and exports"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name


class Commune(models.Model):
    class Kind(models.TextChoices):
        COMMUNE = "commune", _("commune")
        WARD = "ward", _("ward")
        SPECIAL_ZONE = "special_zone", _("special zone")

    code = models.CharField(_("official code"), max_length=5, unique=True)
    name = models.CharField(pgettext_lazy("place", "name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    codename = models.SlugField(max_length=100)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="communes", verbose_name=_("province")
    )
    # Accent-free name (see normalise_name), so "y ty" finds "Xã Y Tý"; set with the name by
    # `admin_units_load` and the factories.
    name_key = models.CharField(max_length=100, blank=True, db_index=True, editable=False)

    objects = CommuneQuerySet.as_manager()
    scope_path = ""

    class Meta:
        ordering = ["name"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self):
        return self.name


class Village(models.Model):
    class Kind(models.TextChoices):
        VILLAGE = "village", _("village")
        HAMLET = "hamlet", _("hamlet")
        RESIDENTIAL_GROUP = "residential_group", _("residential group")

    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="villages", verbose_name=_("commune")
    )
    name = models.CharField(pgettext_lazy("place", "name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.VILLAGE)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "commune"

    class Meta:
        ordering = ["name"]
        verbose_name = _("village")
        verbose_name_plural = _("villages")
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "name"], name="village_unique_name_in_commune"
            )
        ]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    LEARNER = "learner", _("Learner")
    TRAINER = "trainer", _("Trainer")
    COMMUNE_COORDINATOR = "commune_coordinator", _("Commune coordinator")
    PROVINCE_COORDINATOR = "province_coordinator", _("Province coordinator")
    CONTENT_EDITOR = "content_editor", _("Content editor")
    ADMINISTRATOR = "administrator", _("Administrator")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, phone, password=None, **extra_fields):
        user = self.model(phone=normalise_phone(phone), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, phone, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True, role=Role.ADMINISTRATOR)
        return self.create_user(phone, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    phone = PhoneNumberField(
        _("phone number"),
        unique=True,
        error_messages={"unique": _("An account with this phone number already exists.")},
    )
    # Wagtail's user forms expect first_name/last_name; Vietnamese names are written
    # family name first, so last_name holds "họ và tên đệm" and first_name the given name.
    first_name = models.CharField(_("given name"), max_length=150, blank=True)
    last_name = models.CharField(_("family and middle name"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.LEARNER)
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
        help_text=_("For province coordinators: the province they oversee."),
    )
    # A trainer's or commune coordinator's communes are those of their teams
    # (`Team.members`); see `trainees.scoping`.
    is_staff = models.BooleanField(
        pgettext_lazy("account", "staff status"),
        default=False,
        help_text=_("Can log into the Wagtail admin."),
    )
    is_active = models.BooleanField(pgettext_lazy("account", "active"), default=True)
    date_joined = models.DateTimeField(
        pgettext_lazy("account", "date joined"), default=timezone.now
    )

    objects = UserManager()

    USERNAME_FIELD = "phone"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = pgettext_lazy("account", "user")
        verbose_name_plural = pgettext_lazy("account", "users")

    def __str__(self):
        return self.get_full_name() or self.phone

    def get_full_name(self):
        return f"{self.last_name} {self.first_name}".strip()

    @property
    def works_in_communes(self) -> bool:
        """Trainers, coordinators and administrators: they see sessions and communes."""
        return self.is_superuser or self.role in {
            Role.TRAINER,
            Role.COMMUNE_COORDINATOR,
            Role.PROVINCE_COORDINATOR,
            Role.ADMINISTRATOR,
        }

    def get_short_name(self):
        return self.first_name or self.phone


def normalise_name(name: str) -> str:
    """Lower-case, accent-free, single-spaced: "Nguyễn  Thị Đào" → "nguyen thi dao".

    Trainers type names without accents on cheap keyboards; search and duplicate detection
    compare these keys (the JavaScript roll call uses the same rule in `rollcall.js`).
    """
    name = (name or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


class Ethnicity(models.TextChoices):
    """Viet Nam's 54 recognised ethnic groups; their own names, which are not translated."""

    KINH = "kinh", "Kinh"
    TAY = "tay", "Tày"
    THAI = "thai", "Thái"
    MUONG = "muong", "Mường"
    KHMER = "khmer", "Khmer"
    HOA = "hoa", "Hoa"
    NUNG = "nung", "Nùng"
    HMONG = "hmong", "H'Mông"
    DAO = "dao", "Dao"
    GIA_RAI = "gia_rai", "Gia Rai"
    NGAI = "ngai", "Ngái"
    E_DE = "e_de", "Ê Đê"
    BA_NA = "ba_na", "Ba Na"
    XO_DANG = "xo_dang", "Xơ Đăng"
    SAN_CHAY = "san_chay", "Sán Chay"
    CO_HO = "co_ho", "Cơ Ho"
    CHAM = "cham", "Chăm"
    SAN_DIU = "san_diu", "Sán Dìu"
    HRE = "hre", "Hrê"
    MNONG = "mnong", "Mnông"
    RA_GLAI = "ra_glai", "Ra Glai"
    XTIENG = "xtieng", "Xtiêng"
    BRU_VAN_KIEU = "bru_van_kieu", "Bru-Vân Kiều"
    THO = "tho", "Thổ"
    GIAY = "giay", "Giáy"
    CO_TU = "co_tu", "Cơ Tu"
    GIE_TRIENG = "gie_trieng", "Gié Triêng"
    MA = "ma", "Mạ"
    KHO_MU = "kho_mu", "Khơ Mú"
    CO = "co", "Co"
    TA_OI = "ta_oi", "Tà Ôi"
    CHO_RO = "cho_ro", "Chơ Ro"
    KHANG = "khang", "Kháng"
    XINH_MUN = "xinh_mun", "Xinh Mun"
    HA_NHI = "ha_nhi", "Hà Nhì"
    CHU_RU = "chu_ru", "Chu Ru"
    LAO = "lao", "Lào"
    LA_CHI = "la_chi", "La Chí"
    LA_HA = "la_ha", "La Ha"
    PHU_LA = "phu_la", "Phù Lá"
    LA_HU = "la_hu", "La Hủ"
    LU = "lu", "Lự"
    LO_LO = "lo_lo", "Lô Lô"
    CHUT = "chut", "Chứt"
    MANG = "mang", "Mảng"
    PA_THEN = "pa_then", "Pà Thẻn"
    CO_LAO = "co_lao", "Cơ Lao"
    CONG = "cong", "Cống"
    BO_Y = "bo_y", "Bố Y"
    SI_LA = "si_la", "Si La"
    PU_PEO = "pu_peo", "Pu Péo"
    BRAU = "brau", "Brâu"
    O_DU = "o_du", "Ơ Đu"
    RO_MAM = "ro_mam", "Rơ Măm"


class PersonQuerySet(ScopedQuerySet):
    def with_phone(self, phone: str):
        """People whose record carries this phone number (as typed by whoever registered
        them), those without an account first, then the oldest.

        A phone number says nothing about who is holding the phone: this finds *likely*
        duplicates for a trainer to check, never an identity.
        """
        if not phone:
            return self.none()
        return self.filter(phone=phone).order_by(
            models.F("user").asc(nulls_first=True), "created_at", "pk"
        )

    def flagged_for(self, user):
        """Records flagged `possible_duplicate_of` another, both in `user`'s scope: what a
        trainer or coordinator checks and merges."""
        return self.for_user(user).filter(
            possible_duplicate_of__in=Person.objects.for_user(user).values("pk")
        )


class Person(models.Model):
    class Gender(models.TextChoices):
        FEMALE = "female", _("female")
        MALE = "male", _("male")
        OTHER = "other", _("other")

    full_name = models.CharField(_("full name"), max_length=150)
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("commune"),
    )
    village = models.ForeignKey(
        Village,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("village"),
    )
    phone = PhoneNumberField(_("phone number"), blank=True)
    user = models.OneToOneField(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("account"),
    )
    ethnicity = models.CharField(
        _("ethnic group"), max_length=20, choices=Ethnicity.choices, blank=True
    )
    household = models.CharField(
        _("household"),
        max_length=50,
        blank=True,
        help_text=_("A label or number for the household within the village."),
    )
    consent = models.BooleanField(
        _("agrees to be recorded"),
        default=False,
        help_text=_("The person agreed that their name and training are recorded."),
    )
    notes = models.TextField(_("notes"), blank=True)
    # Accent-free name (see normalise_name), set by the services that write names.
    name_key = models.CharField(max_length=150, blank=True, db_index=True, editable=False)
    # Made by the phone that registered the person offline: a re-sent registration is
    # recognised instead of creating the person twice.
    client_uuid = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    registered_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    # A phone number proves nothing: someone who signs up (or checks in) with the phone of
    # a person already on record gets a record of their own, pointing here, until a trainer
    # or coordinator in scope merges the two or says they are different people.
    possible_duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="possible_duplicates",
        verbose_name=_("may be the same person as"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Set when the person's data was erased on request (trainees.people.privacy): the row
    # stays, without name or contact, so counts and certificate serials stay right.
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True, editable=False)

    objects = PersonQuerySet.as_manager()
    scope_path = "commune"

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [
            models.Index(
                fields=["village", "birth_year", "name_key"], name="person_duplicate_lookup"
            )
        ]

    def __str__(self):
        return self.full_name


class LoginThrottle(models.Model):
    """Wrong passwords for one account from one address, and until when it must wait.

    Kept per (account, address) pair, never per address alone: a whole village may share a
    carrier-NAT address, and a stranger must not be able to lock a trainer out from
    elsewhere. The rules are in `trainees.people.throttle`.
    """

    account = models.CharField(_("phone number"), max_length=64)
    address = models.CharField(pgettext_lazy("login throttle", "address"), max_length=64)
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField(default=timezone.now)
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("login throttle")
        constraints = [
            models.UniqueConstraint(fields=["account", "address"], name="login_throttle_pair")
        ]

    def __str__(self):
        return f"{self.account} @ {self.address}"
