"""Every tap target on the main screens is at least 44x44 CSS px on a 360x740 phone (WCAG 2.5.5;
the app's own floor), measured in Chromium. The one exemption is WCAG 2.5.8's inline one, and only
where running text lives (RUNNING_TEXT below)."""

import pytest
from playwright.sync_api import expect

from backend.security import Role

from ..factories import make_request, make_user
from .helpers import log_in_by_api, screenshot
from .test_report_steps import add_photo, choose_place, choose_service, next_step
from .test_resident_home_news_account import publish

PHONE = {"width": 360, "height": 740}
MINIMUM = 44

# Reports, for each visible interactive element smaller than MINIMUM in either direction, what it is
# and its size. A checkbox or radio counts with its label (tapping either ticks it); a "stretched"
# link (an absolutely placed ::after at inset 0) counts with the box it covers.
# The one exemption, WCAG 2.5.8's inline one, is kept to where running text lives: an inline link in
# an article's body, and in the map's credit line (OpenStreetMap's licence asks for it).
RUNNING_TEXT = ".article-body, .leaflet-control-attribution"
SMALL_TARGETS = """([minimum, runningText]) => {
  const selector =
    'a[href], button, input:not([type=hidden]), select, textarea, [role=button], summary, label';
  const found = [];
  let measured = 0;
  for (const el of document.querySelectorAll(selector)) {
    if (el.tagName === 'LABEL') {
      const control = el.control;
      if (!control || !['checkbox', 'radio'].includes(control.type)) continue;
    }
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    if (el.closest('[inert], [aria-hidden=true]')) continue;
    let box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right + scrollX <= 0 || box.bottom + scrollY <= 0) continue;  // parked off screen (skip link)
    if (el.labels && el.labels.length && ['checkbox', 'radio'].includes(el.type)) {
      for (const label of el.labels) {
        const own = label.getBoundingClientRect();
        if (own.width * own.height > box.width * box.height) box = own;
      }
    }
    const after = getComputedStyle(el, '::after');
    const stretched = after.position === 'absolute' && ['top', 'right', 'bottom', 'left']
      .every((side) => after[side] === '0px');
    if (stretched && el.offsetParent) box = el.offsetParent.getBoundingClientRect();
    measured += 1;
    if (el.tagName === 'A' && getComputedStyle(el).display === 'inline' && el.closest(runningText)) continue;
    if (box.width >= minimum && box.height >= minimum) continue;
    const name = (el.getAttribute('aria-label') || el.textContent || el.name || '')
      .trim().replace(/\\s+/g, ' ').slice(0, 40);
    const classes = [...el.classList].map((c) => '.' + c).join('');
    const size = `${Math.round(box.width)}x${Math.round(box.height)}`;
    found.push(`${el.tagName.toLowerCase()}${classes} "${name}" ${size}`);
  }
  return {measured, found};
}"""


def small_targets(page) -> list[str]:
    """The tap targets under MINIMUM on the page as it stands (of at least one measured)."""
    answer = page.evaluate(SMALL_TARGETS, [MINIMUM, RUNNING_TEXT])
    assert answer["measured"] > 0, "no tap target found: is the screen drawn?"
    return answer["found"]


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


@pytest.fixture
def news(app):
    editor = make_user(role=Role.OPD_STAFF, opd_code="DPU", name="Redaksi DPU")
    slug = publish(editor, "Perbaikan Jalan Sudirman", "pengumuman", body="Lajur kiri ditutup.")
    publish(editor, "Festival Teluk Balikpapan", "agenda")
    filed = make_request(reporter=make_user(name="Siti Warga"), description="Lubang besar di depan sekolah.")
    return {"article": slug, "request": filed.code}


def _check(page, path: str, heading) -> list[str]:
    page.goto(path)
    expect(page.get_by_role("heading", level=1).first).to_contain_text(heading)
    page.wait_for_load_state("networkidle")
    return [f"{path}: {target}" for target in small_targets(page)]


def test_residents_screens_have_no_tap_target_under_44_px(phone, news):
    small = []
    for path, heading in [
        ("/", "Selamat datang"),
        ("/berita", "Berita"),
        (f"/berita/{news['article']}", "Perbaikan Jalan Sudirman"),
        ("/lapor", "Buat laporan"),
        ("/laporan", "Laporan"),
        ("/laporan?tampilan=peta", "Laporan"),
        (f"/laporan/{news['request']}", "Jalan Berlubang"),
        ("/masuk", "Masuk"),
        ("/daftar", "Daftar"),
        ("/lupa-sandi", "Lupa kata sandi"),
        ("/masuk-kode", "Masuk dengan kode"),
    ]:
        small += _check(phone, path, heading)
    log_in_by_api(phone, make_user(name="Siti Warga"))
    small += _check(phone, "/akun", "Akun")
    assert small == [], "\n".join(small)


@pytest.mark.parametrize(
    ("role", "path", "heading"),
    [
        (Role.OPD_STAFF, "/staf", "Kotak masuk laporan"),
        (Role.ADMIN, "/admin", "Admin"),
        (Role.OPERATOR, "/command", "Pusat komando"),
    ],
)
def test_work_screens_have_no_tap_target_under_44_px(phone, news, role, path, heading):
    log_in_by_api(phone, make_user(role=role, opd_code="DPU" if role == Role.OPD_STAFF else None))
    small = _check(phone, path, heading)
    screenshot(phone, f"start-{role.value}-phone")
    assert small == [], "\n".join(small)


def test_every_step_of_a_report_has_no_tap_target_under_44_px(phone, app):
    phone.context.route("**/tile.openstreetmap.org/**", lambda route: route.abort())
    phone.goto("/lapor")
    small = [f"service: {target}" for target in small_targets(phone)]
    choose_service(phone, "lubang", "Jalan Berlubang")
    phone.get_by_label("Kecil (kurang dari 30 cm)").check()
    small += [f"details: {target}" for target in small_targets(phone)]
    phone.get_by_label("Keterangan").fill("Lubang di depan sekolah, motor sering terjatuh.")
    next_step(phone, "Foto")
    add_photo(phone)
    small += [f"photos: {target}" for target in small_targets(phone)]
    next_step(phone, "Lokasi")
    choose_place(phone)
    expect(phone.locator(".leaflet-control-zoom-in")).to_be_visible()
    small += [f"location: {target}" for target in small_targets(phone)]
    screenshot(phone, "report-location-phone")
    next_step(phone, "Periksa dan kirim")
    # Reporting without an account, the review offers to log in first.
    expect(phone.get_by_role("link", name="masuk dulu")).to_be_visible()
    small += [f"review: {target}" for target in small_targets(phone)]
    assert small == [], "\n".join(small)
