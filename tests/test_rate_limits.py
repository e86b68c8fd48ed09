"""Rate limits on login and registration: per address and per account, 429 in the error shape."""

from .factories import PASSWORD, error_shape, make_user

LOGIN = "/api/v1/auth/login"


def test_failed_logins_for_one_account_are_limited_however_it_is_spelt(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_LOGIN_ACCOUNT", "3 per minute")
    make_user(email="target@contoh.id")
    for spelling in ["target@contoh.id", "TARGET@contoh.id", " Target@Contoh.id "]:
        error_shape(client.post(LOGIN, json={"login": spelling, "password": "tebakan-salah"}), 401)
    response = client.post(LOGIN, json={"login": "target@contoh.id", "password": PASSWORD})
    body = error_shape(response, 429)
    assert body["message"] == "Terlalu banyak percobaan. Silakan tunggu lalu coba lagi."
    assert int(response.headers["Retry-After"]) > 0


def test_successful_logins_do_not_use_up_the_account_limit(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_LOGIN_ACCOUNT", "2 per minute")
    make_user(email="rajin@contoh.id")
    for _ in range(4):
        assert client.post(LOGIN, json={"login": "rajin@contoh.id", "password": PASSWORD}).status_code == 200


def test_logins_from_one_address_are_limited(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_LOGIN", "3 per minute")
    for number in range(3):
        client.post(LOGIN, json={"login": f"orang{number}@contoh.id", "password": "salah-salah"})
    error_shape(client.post(LOGIN, json={"login": "lain@contoh.id", "password": "salah-salah"}), 429)
    other_address = client.post(
        LOGIN,
        json={"login": "lain@contoh.id", "password": "salah-salah"},
        environ_base={"REMOTE_ADDR": "127.0.0.2"},
    )
    assert other_address.status_code == 401


def test_registrations_from_one_address_are_limited(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_REGISTER", "2 per minute")
    for number in range(2):
        body = {"name": "Warga Baru", "email": f"baru{number}@contoh.id", "password": "sandi-yang-kuat"}
        assert client.post("/api/v1/auth/register", json=body).status_code == 201
    body = {"name": "Warga Baru", "email": "baru9@contoh.id", "password": "sandi-yang-kuat"}
    response = client.post("/api/v1/auth/register", json=body, headers={"Accept-Language": "en"})
    assert error_shape(response, 429)["message"] == "Too many attempts. Please wait and try again."
