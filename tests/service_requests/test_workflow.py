"""The OPD workflow and residents' actions: transitions, reroutes, notes, rating, reopening, duplicates."""

from datetime import datetime, timedelta
from io import BytesIO

import pytest

from backend import events
from backend.database import utcnow
from backend.security import Role
from backend.service_requests.models import TRANSITIONS, Status

from ..factories import (
    REQUESTS,
    auth_headers,
    error_shape,
    jpeg,
    make_request,
    make_user,
    post_request,
    set_fields,
)

STATUSES = [status.value for status in Status]
ALLOWED = [(source, target) for source in STATUSES for target in TRANSITIONS[source]]
ILLEGAL = [
    (source, target) for source in STATUSES for target in STATUSES if target not in TRANSITIONS[source]
]


def transition(client, user, code: str, to: str, note: str | None = None, **fields):
    body = {"to": to} | ({"note": note} if note else {}) | fields
    return client.post(f"{REQUESTS}/{code}/transitions", json=body, headers=auth_headers(user))


def reroute(client, user, code: str, opd: str = "DLH"):
    return client.post(
        f"{REQUESTS}/{code}/reroute",
        json={"opd": opd, "reason": "Pohon tumbang, bukan jalan."},
        headers=auth_headers(user),
    )


def note(client, user, code: str):
    return client.post(
        f"{REQUESTS}/{code}/notes", json={"text": "Cek lokasi besok."}, headers=auth_headers(user)
    )


def detail(client, code: str, user=None) -> dict:
    return client.get(f"{REQUESTS}/{code}", headers=auth_headers(user) if user else {}).get_json()


def resolved_ago(reporter, elapsed: timedelta):
    request = make_request(reporter=reporter, status="resolved")
    set_fields(request, resolved_at=utcnow() - elapsed)
    return request


def reopen(client, user, code: str, reason: str = "Masih berlubang."):
    return client.post(f"{REQUESTS}/{code}/reopen", json={"reason": reason}, headers=auth_headers(user))


def test_a_request_lives_from_filing_to_rating(client, resident, staff):
    filed = post_request(client, resident, photos=[jpeg(color="gray")]).get_json()
    code = filed["code"]
    assert filed["first_response_at"] is None

    accepted = transition(client, staff, code, "accepted")
    assert accepted.status_code == 200
    assert accepted.get_json()["status"] == "accepted"
    assert accepted.get_json()["first_response_at"] is not None
    assert accepted.get_json()["viewer"]["allowed_transitions"] == ["in_progress", "rejected"]

    assert transition(client, staff, code, "in_progress").get_json()["status"] == "in_progress"

    resolved = client.post(
        f"{REQUESTS}/{code}/transitions",
        data={
            "to": "resolved",
            "note": "Lubang sudah ditambal.",
            "photo": (BytesIO(jpeg(color="black")), "a.jpg"),
        },
        headers=auth_headers(staff),
        content_type="multipart/form-data",
    )
    assert resolved.status_code == 200, resolved.get_data(as_text=True)
    assert resolved.get_json()["status"] == "resolved" and resolved.get_json()["resolved_at"]
    assert len(resolved.get_json()["photos"]) == 1
    timeline = client.get(f"{REQUESTS}/{code}/events").get_json()
    assert [(event["kind"], event["to_status"]) for event in timeline] == [
        ("created", "submitted"),
        ("status", "accepted"),
        ("status", "in_progress"),
        ("status", "resolved"),
    ]
    resolution = timeline[-1]
    assert resolution["text"] == "Lubang sudah ditambal."
    assert resolution["author"] == {"role": "opd_staff", "opd": {"code": "DPU", "name": "DPU"}}
    [after_photo] = resolution["photos"]
    assert client.get(after_photo["url"]).mimetype == "image/jpeg"

    mine = detail(client, code, resident)
    assert mine["viewer"]["can_rate"] is True and mine["viewer"]["can_reopen"] is True
    rated = client.post(
        f"{REQUESTS}/{code}/rating",
        json={"rating": 5, "feedback": "Cepat sekali!"},
        headers=auth_headers(resident),
    )
    assert rated.status_code == 200
    assert rated.get_json()["rating"] == 5 and rated.get_json()["viewer"]["can_rate"] is False
    rating_event = client.get(f"{REQUESTS}/{code}/events").get_json()[-1]
    assert (rating_event["kind"], rating_event["text"]) == ("rating", "Cepat sekali!")


def test_rating_twice_conflicts(client, resident):
    code = make_request(reporter=resident, status="resolved").code
    headers = auth_headers(resident)
    client.post(f"{REQUESTS}/{code}/rating", json={"rating": 4}, headers=headers)

    body = error_shape(client.post(f"{REQUESTS}/{code}/rating", json={"rating": 1}, headers=headers), 409)

    assert body["message"] == "Laporan ini sudah dinilai."
    assert detail(client, code)["rating"] == 4


def test_only_the_reporter_rates(client, resident):
    code = make_request(reporter=resident, status="resolved").code

    response = client.post(f"{REQUESTS}/{code}/rating", json={"rating": 1}, headers=auth_headers(make_user()))

    assert error_shape(response, 403)["message"] == "Hanya pelapor yang dapat memberi penilaian."


@pytest.mark.parametrize("status", ["submitted", "accepted", "in_progress", "rejected"])
def test_rating_waits_for_the_resolution(client, resident, status):
    code = make_request(reporter=resident, status=status).code

    response = client.post(f"{REQUESTS}/{code}/rating", json={"rating": 5}, headers=auth_headers(resident))

    error_shape(response, 409)


@pytest.mark.parametrize("rating", [0, 6, "lima", None])
def test_rating_is_one_to_five(client, resident, rating):
    code = make_request(reporter=resident, status="resolved").code

    body = error_shape(
        client.post(f"{REQUESTS}/{code}/rating", json={"rating": rating}, headers=auth_headers(resident)), 422
    )

    assert "rating" in body["errors"]


def test_reporter_reopens_within_seven_days(client, resident):
    request = resolved_ago(resident, timedelta(days=6, hours=23))

    response = reopen(client, resident, request.code)

    assert response.status_code == 200
    assert response.get_json()["status"] == "in_progress"
    assert response.get_json()["resolved_at"] is None
    last = client.get(f"{REQUESTS}/{request.code}/events").get_json()[-1]
    assert (last["from_status"], last["to_status"], last["text"]) == (
        "resolved",
        "in_progress",
        "Masih berlubang.",
    )


def test_reopening_after_seven_days_conflicts(client, resident):
    request = resolved_ago(resident, timedelta(days=7, minutes=1))

    response = reopen(client, resident, request.code)

    body = error_shape(response, 409)
    assert body["message"] == "Laporan hanya dapat dibuka kembali dalam 7 hari setelah diselesaikan."
    assert detail(client, request.code, resident)["status"] == "resolved"
    assert detail(client, request.code, resident)["viewer"]["can_reopen"] is False


@pytest.mark.parametrize(
    ("elapsed", "reopens"), [(timedelta(days=7) - timedelta(seconds=1), True), (timedelta(days=7), False)]
)
def test_the_offer_to_reopen_and_the_reopening_agree_at_the_edge_of_the_week(
    client, resident, clock, elapsed, reopens
):
    request = resolved_ago(resident, elapsed)

    offered = detail(client, request.code, resident)["viewer"]["can_reopen"]
    response = reopen(client, resident, request.code)

    assert offered is reopens
    assert response.status_code == (200 if reopens else 409)


def test_only_the_reporter_reopens(client, resident):
    code = make_request(reporter=resident, status="resolved").code

    response = reopen(client, make_user(), code, "Belum.")

    error_shape(response, 403)


@pytest.mark.parametrize("status", ["in_progress", "closed", "rejected"])
def test_only_a_resolved_request_reopens(client, resident, status):
    code = make_request(reporter=resident, status=status).code

    response = reopen(client, resident, code, "Belum.")

    assert (
        error_shape(response, 409)["message"] == "Hanya laporan yang sudah selesai yang dapat dibuka kembali."
    )


def test_rejecting_as_duplicate_makes_its_reporter_a_supporter_of_the_original(client, staff):
    first_reporter, second_reporter = make_user(), make_user()
    original = make_request(reporter=first_reporter)
    duplicate = make_request(reporter=second_reporter)

    response = transition(
        client, staff, duplicate.code, "rejected", "Sudah dilaporkan.", duplicate_of=original.code.lower()
    )

    assert response.status_code == 200
    assert response.get_json()["duplicate_of"] == original.code
    assert response.get_json()["closed_at"] is not None
    assert detail(client, original.code)["supporter_count"] == 1
    assert detail(client, original.code, second_reporter)["viewer"]["has_supported"] is True


def test_duplicate_by_the_same_reporter_adds_no_supporter(client, resident, staff):
    original = make_request(reporter=resident)
    duplicate = make_request(reporter=resident)

    transition(client, staff, duplicate.code, "rejected", "Ganda.", duplicate_of=original.code)

    assert detail(client, original.code)["supporter_count"] == 0


@pytest.mark.parametrize(
    ("to", "duplicate_of", "status"),
    [("accepted", "ORIGINAL", 422), ("rejected", "SELF", 422), ("rejected", "BPN-ZZZZZ", 404)],
    ids=["not-a-rejection", "itself", "unknown"],
)
def test_duplicate_must_name_another_existing_request(client, staff, to, duplicate_of, status):
    original, request = make_request(), make_request()
    named = {"ORIGINAL": original.code, "SELF": request.code}.get(duplicate_of, duplicate_of)

    error_shape(transition(client, staff, request.code, to, "Ganda.", duplicate_of=named), status)

    assert detail(client, request.code)["status"] == "submitted"
    assert detail(client, original.code)["supporter_count"] == 0


@pytest.mark.parametrize(("to", "message"), [("resolved", "Jelaskan apa yang telah dikerjakan."),
                                             ("rejected", "Jelaskan alasan penolakan.")])  # fmt: skip
@pytest.mark.parametrize("note_text", [None, "   "])
def test_resolving_or_rejecting_needs_a_note(client, staff, to, message, note_text):
    code = make_request(status="in_progress").code

    body = error_shape(transition(client, staff, code, to, **({"note": note_text} if note_text else {})), 422)

    assert body["errors"]["note"] == [message]
    assert detail(client, code)["status"] == "in_progress"


def test_staff_reroute_hands_the_request_to_the_other_opd(client, staff):
    code = make_request().code
    dlh_staff = make_user(role=Role.OPD_STAFF, opd_code="DLH")

    response = reroute(client, staff, code)

    assert response.status_code == 200 and response.get_json()["opd"]["code"] == "DLH"
    error_shape(transition(client, staff, code, "accepted"), 403)
    error_shape(note(client, staff, code), 403)
    error_shape(reroute(client, staff, code, "DPU"), 403)
    assert transition(client, dlh_staff, code, "accepted").status_code == 200
    event = next(e for e in client.get(f"{REQUESTS}/{code}/events").get_json() if e["kind"] == "reroute")
    assert (event["from_opd"]["code"], event["to_opd"]["code"]) == ("DPU", "DLH")
    assert event["text"] == "Pohon tumbang, bukan jalan."


def test_reroute_to_the_same_opd_is_refused(client, staff):
    body = error_shape(reroute(client, staff, make_request().code, "DPU"), 422)

    assert body["errors"]["opd"] == ["Laporan sudah berada di OPD ini."]


def test_reroute_to_an_unknown_opd_is_refused(client, staff):
    error_shape(reroute(client, staff, make_request().code, "TIDAKADA"), 404)


@pytest.mark.parametrize("status", ["resolved", "closed", "rejected"])
def test_only_an_open_request_is_rerouted(client, staff, status):
    body = error_shape(reroute(client, staff, make_request(status=status).code), 409)

    assert body["message"] == "Hanya laporan yang masih terbuka yang dapat dialihkan."


def test_operator_reroutes_and_adds_notes_but_does_not_transition(client, operator):
    code = make_request().code

    assert note(client, operator, code).status_code == 201
    assert reroute(client, operator, code, "DISHUB").status_code == 200
    error_shape(transition(client, operator, code, "accepted"), 403)
    assert detail(client, code)["status"] == "submitted"


def test_admin_transitions_any_opds_request(client, admin):
    code = make_request(service_code="sampah-menumpuk").code

    assert transition(client, admin, code, "accepted").status_code == 200


@pytest.mark.parametrize("action", ["transition", "note", "reroute"])
def test_staff_of_another_opd_cannot_work_the_request(client, action):
    code = make_request().code
    other = make_user(role=Role.OPD_STAFF, opd_code="DLH")

    response = {
        "transition": lambda: transition(client, other, code, "accepted"),
        "note": lambda: note(client, other, code),
        "reroute": lambda: reroute(client, other, code, "DISHUB"),
    }[action]()

    error_shape(response, 403)
    assert detail(client, code)["opd"]["code"] == "DPU"


@pytest.mark.parametrize(("source", "target"), ILLEGAL)
def test_illegal_transition_conflicts_naming_the_allowed_ones(client, staff, source, target):
    code = make_request(status=source).code

    body = error_shape(transition(client, staff, code, target, "Catatan petugas."), 409)

    assert body["message"].startswith(
        f"Laporan berstatus {source} tidak dapat menjadi {target}. Yang diizinkan: "
    )
    if TRANSITIONS[source]:
        assert body["message"].endswith(f"Yang diizinkan: {', '.join(TRANSITIONS[source])}.")
    assert detail(client, code)["status"] == source


@pytest.mark.parametrize(("source", "target"), ALLOWED)
def test_every_edge_of_the_workflow_is_allowed(client, staff, source, target):
    code = make_request(status=source).code

    response = transition(client, staff, code, target, "Catatan petugas.")

    assert response.status_code == 200
    assert response.get_json()["status"] == target


def test_transition_to_an_unknown_status_is_refused(client, staff):
    body = error_shape(transition(client, staff, make_request().code, "selesai"), 422)

    assert "to" in body["errors"]


def test_closing_sets_closed_at(client, staff):
    code = make_request(status="resolved").code

    closed = transition(client, staff, code, "closed").get_json()

    assert closed["open311_status"] == "closed"
    assert datetime.fromisoformat(closed["closed_at"]) >= datetime.fromisoformat(closed["resolved_at"])


def test_every_change_sends_its_signal_once(client, resident, staff):
    received = []

    def receiver(sender, event):
        received.append((sender.code, event.kind, event.to_status))

    signals = [events.request_status_changed, events.request_commented, events.request_rerouted]
    code = make_request(reporter=resident, service_code="pohon-tumbang").code
    dpu_code = make_request(reporter=resident).code
    dlh_staff = make_user(role=Role.OPD_STAFF, opd_code="DLH")
    for signal in signals:
        signal.connect(receiver)
    try:
        transition(client, dlh_staff, code, "accepted")
        client.post(
            f"{REQUESTS}/{code}/comments", json={"text": "Terima kasih."}, headers=auth_headers(resident)
        )
        note(client, dlh_staff, code)
        transition(client, dlh_staff, code, "in_progress")
        transition(client, dlh_staff, code, "resolved", "Sudah dipotong.")
        reopen(client, resident, code, "Masih ada.")
        transition(client, dlh_staff, code, "closed")
        reroute(client, staff, dpu_code)
        transition(client, staff, dpu_code, "accepted")
    finally:
        for signal in signals:
            signal.disconnect(receiver)

    assert received == [
        (code, "status", "accepted"),
        (code, "comment", None),
        (code, "status", "in_progress"),
        (code, "status", "resolved"),
        (code, "status", "in_progress"),
        (dpu_code, "reroute", None),
    ]


def test_a_private_request_cannot_be_named_as_the_original_of_a_duplicate(client, staff, resident):
    from ..factories import make_request

    private = make_request("warga-terlantar", reporter=resident)
    duplicate = make_request(reporter=resident)
    response = client.post(
        f"/api/v1/requests/{duplicate.code}/transitions",
        json={"to": "rejected", "note": "Ganda", "duplicate_of": private.code},
        headers=auth_headers(staff),
    )
    assert "duplicate_of" in error_shape(response, 422)["errors"]
