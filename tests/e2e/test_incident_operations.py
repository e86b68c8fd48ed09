"""An operator works an incident by hand (issue 16): opens one from the command center after a phone
call, links a nearby report of its kind and unlinks it again, sets the lead OPD, sends the area alert
and watches its delivery, merges it into another open incident, then sees the dashboard narrowed to
that incident."""

from playwright.sync_api import expect

from backend.incidents import services
from backend.security import Role

from ..factories import make_request, make_user, subscribe_devices
from .helpers import assert_accessible, log_in, screenshot
from .test_tap_targets import small_targets

GUNUNG_SAMARINDA = "64.71.03.1002"
OTHER_AREA = "64.71.01.1001"


def timeline_entry(page, kind: str):
    return page.locator(f'.cc-timeline li[data-event="{kind}"]')


def test_an_operator_opens_links_leads_alerts_and_sees_the_delivery(
    page, context, live_server, app, push_service
):
    context.route("**/tile.openstreetmap.org/**", lambda route: route.abort())
    subscribe_devices([push_service.device(), push_service.device((400, None))], kelurahan=GUNUNG_SAMARINDA)
    nearby = make_request("banjir-genangan", kelurahan=GUNUNG_SAMARINDA)
    operator = make_user(role=Role.OPERATOR)
    log_in(page, operator.email)
    page.goto("/command")
    page.get_by_role("link", name="Buka insiden baru").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Buka insiden secara manual")
    page.get_by_label("Jenis (kelompok layanan)").select_option("infrastruktur")
    page.get_by_label("Cari kelurahan").fill("gunung sam")
    page.get_by_label("Gunung Samarinda", exact=True).check()
    expect(page.get_by_text("1 kelurahan dipilih")).to_be_visible()
    page.get_by_label("Judul dan keterangan").fill("Banjir di Jl. Soekarno-Hatta, laporan telepon warga")
    assert_accessible(page)
    assert small_targets(page) == []
    page.get_by_role("button", name="Buka insiden").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Aktif")
    expect(page.get_by_role("heading", level=1)).to_contain_text("di Gunungsamarinda")
    expect(timeline_entry(page, "opened")).to_contain_text("Banjir di Jl. Soekarno-Hatta")
    expect(page.get_by_text("Belum ada laporan terkait.")).to_be_visible()

    candidates = page.get_by_role("group", name="Tautkan laporan")
    candidates.get_by_role("button", name=f"Tautkan {nearby.code}").click()
    linked = page.locator("#cc-requests-title + .cc-linked")
    expect(linked.get_by_role("link", name=nearby.code)).to_be_visible()
    expect(timeline_entry(page, "linked")).to_contain_text(nearby.code)
    expect(candidates).to_contain_text("Tidak ada laporan terbuka lain yang sejenis")
    assert_accessible(page)
    assert small_targets(page) == []

    page.get_by_role("button", name=f"Lepaskan {nearby.code}").click()
    expect(timeline_entry(page, "unlinked")).to_contain_text(nearby.code)
    expect(page.get_by_text("Belum ada laporan terkait.")).to_be_visible()
    candidates.get_by_label("Kode laporan (pisahkan dengan koma)").fill(nearby.code.lower())
    candidates.get_by_role("button", name="Tautkan kode ini").click()
    expect(timeline_entry(page, "linked")).to_have_count(2)
    expect(linked.get_by_role("link", name=nearby.code)).to_be_visible()

    page.get_by_label("OPD", exact=True).select_option("BPBD")
    page.get_by_role("button", name="Tetapkan OPD utama").click()
    expect(page.get_by_text("OPD utama ditetapkan.")).to_be_visible()
    expect(timeline_entry(page, "lead_opd")).to_contain_text("BPBD")
    expect(page.get_by_text("OPD utama: BPBD")).to_be_visible()

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Kirim peringatan wilayah").click()
    delivery = page.get_by_role("region", name="Pengiriman peringatan wilayah")
    expect(delivery).to_contain_text("Selesai", timeout=15_000)
    figures = {
        name: delivery.locator(f'[data-figure="{name}"] dd')
        for name in ("targeted", "sent", "failed", "pending")
    }
    for name, shown in {"targeted": "2", "sent": "1", "failed": "1", "pending": "0"}.items():
        expect(figures[name]).to_have_text(shown)
    expect(delivery).to_contain_text("Perangkat dituju")
    screenshot(page, "command-incident-operations")
    assert_accessible(page)

    other = services.open_by_hand(
        operator, {"group": "infrastruktur", "kelurahan": [OTHER_AREA], "description": "Genangan"}
    )
    page.reload()
    page.get_by_label("Insiden tujuan").select_option(str(other.id))
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Gabungkan", exact=True).click()
    expect(page).to_have_url(f"{live_server}/command/insiden/{other.id}")
    expect(timeline_entry(page, "merged")).to_contain_text(nearby.code)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gunungsamarinda")

    page.get_by_role("link", name="Lihat dasbor untuk insiden ini").click()
    expect(
        page.get_by_role("status").filter(has_text="Hanya laporan yang tertaut ke insiden")
    ).to_be_visible()
    page.get_by_role("button", name="Tampilkan semua").click()
    expect(page.get_by_text("Hanya laporan yang tertaut ke insiden")).to_have_count(0)
