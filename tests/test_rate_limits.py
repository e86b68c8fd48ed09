"""Rate limits per address on login and registration, 429 in the error shape with Retry-After.

Many phones share one address behind carrier-grade NAT: what succeeds is not what these limits
are for, so a crowd is not locked out by its own successes or by one attacker's few failures."""

from .factories import PASSWORD, PRIVACY_VERSION, error_shape, make_user, post_request, warnings_logged

LOGIN = "/api/v1/auth/login"
REGISTER = "/api/v1/auth/register"


def login(client, login, password="salah-salah", address="127.0.0.1"):
    return client.post(
        LOGIN, json={"login": login, "password": password}, environ_base={"REMOTE_ADDR": address}
    )


def register(client, number, **fields):
    body = {
        "name": "Warga Baru",
        "email": f"baru{number}@contoh.id",
        "password": "sandi-yang-kuat",
        "privacy_version": PRIVACY_VERSION,
    }
    return client.post(REGISTER, json=body | fields, headers={"Accept-Language": "en"})


def test_failed_logins_from_one_address_are_limited(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_LOGIN", "3 per minute")
    for number in range(3):
        error_shape(login(client, f"orang{number}@contoh.id"), 401)

    refused = login(client, "lain@contoh.id")

    error_shape(refused, 429)
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    assert login(client, "lain@contoh.id", address="127.0.0.2").status_code == 401


def test_successful_logins_from_one_address_are_not_counted(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_LOGIN", "3 per minute")
    crowd = [make_user() for _ in range(6)]

    for person in crowd:
        assert login(client, person.email, PASSWORD).status_code == 200
    for number in range(3):
        error_shape(login(client, f"orang{number}@contoh.id"), 401)
    error_shape(login(client, crowd[0].email, PASSWORD), 429)


def test_a_crowd_behind_one_address_outlasts_a_few_dozen_failures(client):
    for number in range(25):
        error_shape(login(client, f"tebakan{number}@contoh.id"), 401)

    person = make_user()
    assert login(client, person.email, PASSWORD).status_code == 200


def test_a_crowd_behind_one_address_can_register(client):
    for number in range(25):
        assert register(client, number).status_code == 202


def test_registrations_from_one_address_are_limited(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_REGISTER", "2 per minute")
    for number in range(2):
        assert register(client, number).status_code == 202

    refused = register(client, 9)

    assert error_shape(refused, 429)["message"] == "Too many attempts. Please wait and try again."
    assert int(refused.headers["Retry-After"]) > 0


def test_failed_registrations_from_one_address_are_limited_sooner(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_REGISTER_FAILED", "2 per minute")
    error_shape(register(client, 1, email="bukan-email"), 422)
    error_shape(register(client, 2, password="pendek"), 422)

    error_shape(register(client, 3), 429)


def test_while_redis_is_down_login_and_filing_answer_and_limits_apply_per_process(
    redis_app, redis_server, make_app, monkeypatch, caplog
):
    monkeypatch.setitem(redis_app.config, "RATELIMIT_LOGIN", "3 per minute")
    client = redis_app.test_client()
    person = make_user()
    redis_server.stop()

    assert login(client, person.email, PASSWORD).status_code == 200
    assert post_request(client, person).status_code == 201
    for number in range(3):
        error_shape(login(client, f"orang{number}@contoh.id"), 401)
    error_shape(login(client, "lain@contoh.id"), 429)
    [warning, cache_warning] = warnings_logged(caplog)
    assert warning.startswith("Redis (rate limits) cannot be reached (Error 111 connecting")
    assert warning.endswith("limits count in this process only until it answers again.")
    # The filing could not give the public reads new data versions either.
    assert cache_warning.startswith("Redis (cache) cannot be reached")
    # Another app server counts on its own meanwhile.
    other_server = make_app(RATELIMIT_STORAGE_URI=redis_server.url, RATELIMIT_LOGIN="3 per minute")
    error_shape(login(other_server.test_client(), "lain@contoh.id"), 401)


def test_once_redis_is_back_limits_are_shared_again(
    redis_app, redis_server, make_app, monkeypatch, clock, caplog
):
    monkeypatch.setitem(redis_app.config, "RATELIMIT_LOGIN", "3 per minute")
    client = redis_app.test_client()
    redis_server.stop()
    error_shape(login(client, "orang@contoh.id"), 401)
    redis_server.start()
    error_shape(login(client, "orang@contoh.id"), 401)
    assert redis_server.keys() == []  # not tried again before REDIS_RETRY_SECONDS

    clock.advance(redis_app.config["REDIS_RETRY_SECONDS"])
    for number in range(3):
        error_shape(login(client, f"orang{number}@contoh.id", address="10.1.1.1"), 401)

    other_server = make_app(RATELIMIT_STORAGE_URI=redis_server.url, RATELIMIT_LOGIN="3 per minute")
    error_shape(login(other_server.test_client(), "lain@contoh.id", address="10.1.1.1"), 429)
    assert warnings_logged(caplog)[-1] == "Redis (rate limits) answers again."
