"""The command center's kelurahan read (the choropleth): open and overdue per kelurahan, every
kelurahan listed, within the dashboard's filters."""

from datetime import timedelta

from ..factories import auth_headers, make_request, set_fields

KELURAHAN = "/api/v1/dashboard/kelurahan"
MANGGAR = "64.71.01.1001"  # Balikpapan Timur
LAMARU = "64.71.01.1002"  # Balikpapan Timur
BARU_ILIR = "64.71.02.1001"  # Balikpapan Barat


def overdue(row, clock):
    return set_fields(row, sla_due_at=clock.now - timedelta(minutes=1))


def by_code(response) -> dict:
    assert response.status_code == 200
    return {row["code"]: row for row in response.get_json()}


def test_every_kelurahan_has_its_open_and_overdue_requests(client, operator, clock):
    overdue(make_request(kelurahan=MANGGAR), clock)
    overdue(make_request(kelurahan=MANGGAR, status="in_progress"), clock)
    make_request(kelurahan=MANGGAR, status="accepted")
    make_request(kelurahan=MANGGAR, status="resolved")
    make_request(kelurahan=BARU_ILIR)
    rows = by_code(client.get(KELURAHAN, headers=auth_headers(operator)))
    assert len(rows) == 34
    assert rows[MANGGAR] == {
        "code": MANGGAR,
        "name": "Manggar",
        "kecamatan": "64.71.01",
        "open": 3,
        "overdue": 2,
    }
    assert (rows[BARU_ILIR]["open"], rows[BARU_ILIR]["overdue"]) == (1, 0)
    assert (rows[LAMARU]["open"], rows[LAMARU]["overdue"]) == (0, 0)
    assert sum(row["open"] for row in rows.values()) == 4


def test_a_request_becomes_overdue_when_the_clock_passes_its_deadline(client, operator, clock):
    request = make_request(kelurahan=LAMARU)
    before = by_code(client.get(f"{KELURAHAN}?days=7", headers=auth_headers(operator)))
    assert (before[LAMARU]["open"], before[LAMARU]["overdue"]) == (1, 0)
    clock.set(request.sla_due_at + timedelta(seconds=1))
    after = by_code(client.get(f"{KELURAHAN}?days=8", headers=auth_headers(operator)))
    assert (after[LAMARU]["open"], after[LAMARU]["overdue"]) == (1, 1)


def test_the_kecamatan_filter_keeps_its_kelurahan_only(client, admin, clock):
    overdue(make_request(kelurahan=MANGGAR), clock)
    make_request(kelurahan=BARU_ILIR)
    rows = by_code(client.get(f"{KELURAHAN}?kecamatan=64.71.01", headers=auth_headers(admin)))
    assert set(rows) and all(code.startswith("64.71.01.") for code in rows)
    assert BARU_ILIR not in rows
    assert (rows[MANGGAR]["open"], rows[MANGGAR]["overdue"]) == (1, 1)


def test_the_opd_filter_counts_that_opds_requests_only(client, operator, clock):
    make_request("jalan-berlubang", kelurahan=MANGGAR)
    overdue(make_request("sampah-menumpuk", kelurahan=MANGGAR), clock)
    headers = auth_headers(operator)
    dpu = by_code(client.get(f"{KELURAHAN}?opd=DPU", headers=headers))
    dlh = by_code(client.get(f"{KELURAHAN}?opd=DLH", headers=headers))
    assert len(dpu) == len(dlh) == 34
    assert (dpu[MANGGAR]["open"], dpu[MANGGAR]["overdue"]) == (1, 0)
    assert (dlh[MANGGAR]["open"], dlh[MANGGAR]["overdue"]) == (1, 1)


def test_open_requests_count_whenever_they_were_filed(client, operator, clock):
    """As the open KPI: the period chooses what was filed, not what is still open."""
    old = make_request(kelurahan=MANGGAR)
    set_fields(old, created_at=clock.now - timedelta(days=60))
    rows = by_code(client.get(f"{KELURAHAN}?days=1", headers=auth_headers(operator)))
    assert rows[MANGGAR]["open"] == 1
