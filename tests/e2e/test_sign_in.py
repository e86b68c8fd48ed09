"""Signing in, in Chromium: a deep link survives the login once, ?next= only ever names a screen of
this app, each role starts at its own screen, and only residents' screens carry the tab bar."""

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from backend.security import Role

from ..factories import PASSWORD, make_user
from .helpers import log_in, pass_second_step

STARTS = {
    Role.RESIDENT: ("/", re.compile("^Halo")),
    Role.OPD_STAFF: ("/staf", "Kotak masuk laporan"),
    Role.OPERATOR: ("/command", "Pusat komando"),
    Role.ADMIN: ("/admin", "Admin"),
}


def _submit_login(page, user) -> None:
    page.get_by_label("Email atau nomor HP").fill(user.email)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    pass_second_step(page, user)


def _at(page, live_server: str, path: str) -> None:
    expect(page).to_have_url(re.compile(rf"^{re.escape(live_server + path)}(\?.*)?$"))


@pytest.mark.parametrize(
    ("role", "path", "heading"),
    [
        (Role.ADMIN, "/admin", "Admin"),
        (Role.OPD_STAFF, "/staf/berita/baru", "Artikel baru"),
        (Role.OPERATOR, "/command", "Pusat komando"),
    ],
)
def test_a_deep_link_leads_to_the_login_once_and_then_to_the_screen_asked_for(
    page, live_server, app, role, path, heading
):
    user = make_user(role=role, opd_code="DPU" if role == Role.OPD_STAFF else None)
    page.goto(path)
    expect(page.get_by_role("heading", level=1, name="Masuk")).to_be_visible()
    # Settled on one login screen that names the screen asked for, not on a login about a login.
    page.wait_for_load_state("networkidle")
    assert page.url == f"{live_server}/masuk?next={quote(path, safe='')}"

    _submit_login(page, user)
    expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
    assert page.url == live_server + path
    expect(page.get_by_text("Anda sudah masuk")).to_have_count(0)


@pytest.mark.parametrize("role", list(STARTS))
def test_each_role_starts_at_its_own_screen_after_logging_in(page, live_server, app, role):
    user = make_user(role=role, opd_code="DPU" if role == Role.OPD_STAFF else None)
    path, heading = STARTS[role]
    page.goto("/masuk")
    _submit_login(page, user)
    expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
    _at(page, live_server, path)


def test_a_valid_next_wins_over_the_roles_start(page, live_server, app):
    staff = make_user(role=Role.OPD_STAFF, opd_code="DPU")
    page.goto(f"/masuk?next={quote('/berita', safe='')}")
    _submit_login(page, staff)
    expect(page.get_by_role("heading", level=1, name="Berita")).to_be_visible()
    _at(page, live_server, "/berita")


OTHER_SITES = [
    "https://contoh.invalid/",
    "//contoh.invalid/",
    "/\\contoh.invalid/",
    "/\t/contoh.invalid/",
    "javascript:alert(1)",
    "masuk",
    "/masuk",
    "/masuk/?next=/admin",
    "/masuk?next=%2Fadmin",
    "/daftar?next=%2Fadmin",
]


def test_next_never_leaves_the_app_nor_leads_back_to_the_login(page, live_server, app):
    resident = make_user()
    page.goto(f"/masuk?next={quote(OTHER_SITES[0], safe='')}")
    _submit_login(page, resident)
    expect(page.get_by_role("heading", level=1, name=re.compile("^Halo"))).to_be_visible()
    _at(page, live_server, "/")

    # Logged in, the login screen offers the way on: always a path of this app, here the start.
    for bad in OTHER_SITES:
        # Each load trades the refresh cookie for a new one: let it land before the next load.
        page.wait_for_load_state("networkidle")
        page.goto(f"/masuk?next={quote(bad, safe='')}")
        expect(page.get_by_role("link", name="Lanjutkan")).to_have_attribute("href", "/")
        register = page.get_by_role("link", name="Daftar")
        expect(register).to_have_attribute("href", "/daftar")
    page.wait_for_load_state("networkidle")
    page.goto(f"/masuk?next={quote('/laporan?status=open', safe='')}")
    expect(page.get_by_role("link", name="Lanjutkan")).to_have_attribute("href", "/laporan?status=open")


@pytest.mark.parametrize(
    ("role", "path"), [(Role.OPD_STAFF, "/staf"), (Role.OPERATOR, "/command"), (Role.ADMIN, "/admin")]
)
def test_work_screens_link_to_the_account_instead_of_the_residents_tab_bar(
    page, live_server, app, role, path
):
    user = make_user(role=role, opd_code="DPU" if role == Role.OPD_STAFF else None)
    log_in(page, user.email)
    page.goto(path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("navigation", name="Navigasi utama")).to_have_count(0)
    page.get_by_role("navigation", name="Menu petugas").get_by_role("link", name="Akun").click()
    expect(page.get_by_role("heading", level=1, name="Akun")).to_be_visible()
    _at(page, live_server, "/akun")
    # The account is a resident's screen too: there the tab bar is back.
    expect(page.get_by_role("navigation", name="Navigasi utama")).to_be_visible()


def test_residents_screens_keep_the_tab_bar(page, app):
    resident = make_user()
    log_in(page, resident.email)
    for path in ("/", "/berita", "/lapor", "/laporan-saya", "/akun"):
        page.goto(path)
        expect(page.get_by_role("navigation", name="Navigasi utama")).to_be_visible()
    expect(page.get_by_role("navigation", name="Menu petugas")).to_have_count(0)
