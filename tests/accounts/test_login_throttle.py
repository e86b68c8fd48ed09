"""Failed logins per account: a few are free, then each attempt waits a short, growing delay;
never a lock the owner cannot pass. The clock is moved, never waited for."""

import pytest

from backend.accounts import login_throttle
from backend.errors import TooManyRequests

from ..factories import PASSWORD, error_shape, make_user

LOGIN = "/api/v1/auth/login"
OWNER = "pemilik@contoh.id"


def attempt(client, password="tebakan-salah", login=OWNER, address="127.0.0.1", **headers):
    return client.post(
        LOGIN,
        json={"login": login, "password": password},
        headers=headers,
        environ_base={"REMOTE_ADDR": address},
    )


def fail(client, times: int, clock=None) -> None:
    """Wrong passwords, each from another address and after the delay the previous ones earned."""
    for number in range(times):
        address = f"10.0.{number // 200}.{number % 200 + 1}"
        response = attempt(client, address=address)
        if response.status_code == 429 and clock:
            clock.advance(int(response.headers["Retry-After"]))
            response = attempt(client, address=address)
        error_shape(response, 401)


@pytest.fixture
def owner(app):
    return make_user(email=OWNER)


def test_five_failures_are_free_then_the_delay_doubles_up_to_a_minute(client, owner, clock):
    fail(client, 5)
    waits = []
    for _ in range(8):
        refused = attempt(client)
        waits.append(int(refused.headers["Retry-After"]))
        assert error_shape(refused, 429)["message"] == (
            "Terlalu banyak percobaan masuk yang gagal dengan e-mail atau nomor telepon ini. "
            f"Silakan tunggu {waits[-1]} detik lalu coba lagi."
        )
        clock.advance(waits[-1] - 1)
        error_shape(attempt(client), 429)
        clock.advance(1)
        error_shape(attempt(client), 401)
    assert waits == [2, 4, 8, 16, 32, 60, 60, 60]


def test_the_owner_gets_in_after_a_short_wait_however_long_the_attack(client, owner, clock):
    fail(client, 40, clock)

    refused = attempt(client, PASSWORD, **{"Accept-Language": "en"})
    wait = int(refused.headers["Retry-After"])
    assert error_shape(refused, 429)["message"] == (
        f"Too many failed logins with this e-mail or phone number. Please wait {wait} s and try again."
    )
    assert 0 < wait <= 60
    clock.advance(wait)
    assert attempt(client, PASSWORD).status_code == 200


def test_a_successful_login_clears_the_failures(client, owner, clock):
    fail(client, 5)
    clock.advance(2)
    assert attempt(client, PASSWORD).status_code == 200

    fail(client, 5)
    error_shape(attempt(client), 429)


def test_failures_are_forgotten_after_a_quarter_hour_without_one(client, owner, clock):
    fail(client, 8, clock)
    clock.advance(15 * 60)

    fail(client, 5)
    error_shape(attempt(client), 429)


def test_failures_count_however_the_login_is_spelt(client, owner):
    for spelling in [OWNER, OWNER.upper(), " Pemilik@Contoh.ID ", OWNER, OWNER]:
        error_shape(attempt(client, login=spelling), 401)

    error_shape(attempt(client, PASSWORD, login=" PEMILIK@contoh.id"), 429)


def test_unknown_logins_are_delayed_like_real_ones(client, clock):
    fail(client, 5)
    refused = attempt(client)
    error_shape(refused, 429)
    assert refused.headers["Retry-After"] == "2"


def test_other_accounts_are_not_delayed(client, owner):
    fail(client, 5)
    other = make_user(email="tetangga@contoh.id")

    assert attempt(client, PASSWORD, login=other.email).status_code == 200


def test_an_attempt_counts_before_its_password_is_checked(app, owner, clock):
    """So that many attempts sent at once cannot all pass the check before the first one fails."""
    for _ in range(5):
        login_throttle.begin_attempt(OWNER)

    with pytest.raises(TooManyRequests) as refused:
        login_throttle.begin_attempt(OWNER)
    assert refused.value.retry_after == 2


def test_successful_logins_are_never_delayed(client, owner):
    for _ in range(12):
        assert attempt(client, PASSWORD).status_code == 200


def test_while_redis_is_down_the_delay_still_applies_in_this_process(redis_app, redis_server):
    client = redis_app.test_client()
    make_user(email=OWNER)
    redis_server.stop()

    fail(client, 5)
    error_shape(attempt(client), 429)
