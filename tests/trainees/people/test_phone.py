import pytest
from django.core.exceptions import ValidationError

from trainees.models import User
from trainees.people.phone import format_phone_national, normalise_phone


@pytest.mark.parametrize(
    "written",
    [
        "0912345678",
        "0912 345 678",
        "091.234.5678",
        "+84 912-345-678",
        "84912345678",
        "(+84)912345678",
    ],
)
def test_the_ways_people_write_a_mobile_number_are_one_number(written):
    assert normalise_phone(written) == "+84912345678"


def test_a_hanoi_landline_is_accepted():
    assert normalise_phone("024 3825 3536") == "+842438253536"


@pytest.mark.parametrize(
    ("written", "code", "says"),
    [
        ("", "required", "Enter a phone number"),
        ("09123abc78", "invalid_characters", "only digits"),
        ("0912", "invalid_length", "wrong number of digits"),
        ("091234567890123", "invalid_length", "wrong number of digits"),
        ("+1 202 555 0143", "not_vietnamese", "Vietnamese phone number"),
    ],
)
def test_bad_numbers_get_a_clear_error(written, code, says):
    from django.utils import translation

    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            normalise_phone(written)
        assert exc.value.code == code
        assert says in " ".join(exc.value.messages)


def test_the_error_is_in_the_users_language():
    from django.utils import translation

    with translation.override("vi"), pytest.raises(ValidationError) as exc:
        normalise_phone("0912")
    assert "số" in exc.value.messages[0]


def test_national_format_for_display():
    assert format_phone_national("+84912345678") == "0912 345 678"


@pytest.mark.django_db
def test_an_account_is_found_however_its_number_is_written():
    User.objects.create_user("0912 345 678", "pw-long-enough-2026")
    assert User.objects.get(phone="+84 912 345 678").phone == "+84912345678"
    assert User.objects.filter(phone="0912345678").count() == 1


@pytest.mark.django_db
def test_login_with_a_differently_written_number(client):
    User.objects.create_user("0912345678", "pw-long-enough-2026")
    response = client.post(
        "/vi/login/", {"username": "+84 912 345 678", "password": "pw-long-enough-2026"}
    )
    assert response.status_code == 302
    assert client.session.get("_auth_user_id")


@pytest.mark.django_db
def test_login_with_a_malformed_number_says_what_is_wrong(client):
    response = client.post("/en/login/", {"username": "0912", "password": "x"})
    assert response.status_code == 200
    assert "wrong number of digits" in response.content.decode()


@pytest.mark.django_db
def test_login_with_a_wrong_password_says_so_in_vietnamese(client):
    User.objects.create_user("0912345678", "pw-long-enough-2026")
    response = client.post("/vi/login/", {"username": "0912345678", "password": "nope"})
    assert "Sai số điện thoại hoặc mật khẩu" in response.content.decode()
