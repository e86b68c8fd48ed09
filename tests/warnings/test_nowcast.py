"""BMKG's weather warnings taken in through the real path: the list and CAP documents served by a
local server, polled, targeted at the kelurahan and handed to alerting. The province-64 warnings,
updates and cancels are synthetic (synthetic.py); the other provinces' list is BMKG's own."""

import time
from datetime import timedelta

from sqlalchemy import select

from backend.extensions import db
from backend.warnings import alerting
from backend.warnings.intake import NOWCAST, poll_sources
from backend.warnings.models import OfficialWarning, WarningSource, WarningStatus
from backend.warnings.storing import PollReport, store_warning

from .conftest import CAPTURE_TIME
from .synthetic import (
    HOSTILE,
    KELURAHAN_A,
    KELURAHAN_B,
    NOWCAST_LIST,
    SAMARINDA,
    code_of,
    identifier,
    nowcast_list,
    ring_inside,
    serve_warning,
)

SENT = CAPTURE_TIME - timedelta(minutes=10)


def poll() -> PollReport:
    return next(report for report in poll_sources(force=True) if report.source == NOWCAST)


def warning(number: int) -> OfficialWarning | None:
    return db.session.scalar(select(OfficialWarning).where(OfficialWarning.identifier == identifier(number)))


def document_requests(feeds) -> list[str]:
    return [path for path in feeds.paths() if path.startswith("/alerts/nowcast/") and path != NOWCAST_LIST]


def test_other_provinces_items_are_never_fetched(feeds, acted_on):
    feeds.serve_fixture(NOWCAST_LIST, "nowcast-rss-id.xml")

    report = poll()

    assert (report.outcome, report.other_province, report.new) == ("fetched", 3, 0)
    assert document_requests(feeds) == []
    assert db.session.scalar(select(OfficialWarning)) is None
    assert acted_on == []


def test_a_warning_over_two_kelurahan_is_stored_targeted_and_handed_to_alerting(feeds, acted_on):
    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64"), (2, "75")]))
    serve_warning(feeds, 1, SENT, [ring_inside(KELURAHAN_A), ring_inside(KELURAHAN_B)])

    report = poll()

    stored = warning(1)
    assert (report.new, report.accepted, report.other_province) == (1, 1, 1)
    assert stored.status == WarningStatus.DRAFT
    assert stored.kelurahan_codes == [KELURAHAN_A, KELURAHAN_B]
    assert stored.kecamatan_codes == ["64.71.01", "64.71.05"]
    assert (stored.msg_type, stored.event, stored.severity, stored.urgency, stored.certainty) == (
        "Alert",
        "Hujan Lebat dan Petir",
        "Moderate",
        "Immediate",
        "Observed",
    )
    assert stored.expires_at == SENT.replace(second=0) + timedelta(hours=2)
    assert stored.texts["id"]["headline"] == "Hujan Lebat disertai Petir di Kalimantan Timur"
    assert stored.texts["en"]["headline"] == "Thunderstorm This Evening in East Kalimantan"
    assert stored.texts["en"]["instruction"] == "Beware of floods"
    assert len(stored.polygons) == 2 and 116 < stored.polygons[0][0][0] < 118  # [long, lat]
    # The documents come from the list's own folder, whatever host the item's link names.
    assert stored.document_url == f"{feeds.url}/alerts/nowcast/id/{code_of(1)}"
    assert stored.details["document_url_en"] == f"{feeds.url}/alerts/nowcast/en/{code_of(1)}"
    assert "<identifier>" in stored.document
    assert document_requests(feeds) == [f"/alerts/nowcast/{lang}/{code_of(1)}" for lang in ("id", "en")]
    assert acted_on == [(identifier(1), True)]  # flushed in the transaction that stores it


def test_a_replay_fetches_nothing_again_and_sends_nothing(feeds, acted_on):
    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64")]))
    serve_warning(feeds, 1, SENT, [ring_inside(KELURAHAN_A)])
    poll()

    again = poll()

    assert (again.new, again.known) == (0, 1)
    assert len(document_requests(feeds)) == 2
    assert acted_on == [(identifier(1), True)]


def test_the_list_is_asked_with_its_validators_and_a_304_does_nothing(feeds, acted_on):
    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64")]), etag='"list-1"')
    serve_warning(feeds, 1, SENT, [ring_inside(KELURAHAN_A)])
    poll()

    again = poll()

    list_requests = [request for request in feeds.requests if request.path == NOWCAST_LIST]
    assert list_requests[1].headers["If-None-Match"] == '"list-1"'
    assert again.outcome == "not modified"
    assert db.session.get(WarningSource, NOWCAST).etag == '"list-1"'
    assert len(acted_on) == 1


def test_a_warning_outside_every_kelurahan_is_kept_as_seen_and_sends_nothing(feeds, acted_on):
    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64")]))
    serve_warning(feeds, 1, SENT, [SAMARINDA])

    report = poll()

    assert (report.new, report.accepted) == (1, 0)
    assert warning(1).status == WarningStatus.SEEN and warning(1).kelurahan_codes == []
    assert acted_on == []


def test_an_expired_warning_is_kept_as_seen_and_sends_nothing(feeds, acted_on):
    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64")]))
    serve_warning(feeds, 1, CAPTURE_TIME - timedelta(hours=3), [ring_inside(KELURAHAN_A)])

    poll()

    assert warning(1).status == WarningStatus.SEEN
    assert warning(1).kelurahan_codes == [KELURAHAN_A]
    assert acted_on == []


def test_an_update_and_a_cancel_of_an_accepted_warning_are_handed_to_alerting(feeds, acted_on):
    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64")]))
    serve_warning(feeds, 1, SENT, [ring_inside(KELURAHAN_A)])
    poll()
    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64"), (2, "64"), (3, "64"), (4, "64")]))
    # The update moves the area out of the city: it still replaces the warning it updates.
    serve_warning(feeds, 2, SENT, [SAMARINDA], msg_type="Update", references=[1])
    serve_warning(feeds, 3, SENT, [ring_inside(KELURAHAN_A)], msg_type="Cancel", references=[1, 2])
    serve_warning(feeds, 4, SENT, [SAMARINDA], msg_type="Cancel", references=[9])  # never seen

    report = poll()

    assert (report.new, report.accepted, report.known) == (3, 2, 1)
    assert warning(2).references == [identifier(1)]
    assert warning(3).references == [identifier(1), identifier(2)]
    assert (warning(2).msg_type, warning(3).msg_type) == ("Update", "Cancel")
    assert warning(4).status == WarningStatus.SEEN
    assert [call[0] for call in acted_on] == [identifier(1), identifier(2), identifier(3)]


def test_hostile_documents_are_survived_reported_and_never_fetched_again(feeds, acted_on):
    numbers = dict(enumerate(HOSTILE, start=1))
    good = len(numbers) + 1
    feeds.serve(NOWCAST_LIST, nowcast_list([(number, "64") for number in [*numbers, good]]))
    for number, name in numbers.items():
        feeds.serve(f"/alerts/nowcast/id/{code_of(number)}", HOSTILE[name])
    feeds.serve(f"/alerts/nowcast/id/{code_of(2)}", HOSTILE["external-entity"])
    feeds.serve(f"/alerts/nowcast/id/{code_of(4)}", stream_bytes=20 * 1024 * 1024)  # 20 MB, streamed
    serve_warning(feeds, good, SENT, [ring_inside(KELURAHAN_B)])

    report = poll()
    fetched = len(document_requests(feeds))
    again = poll()

    source = db.session.get(WarningSource, NOWCAST)
    assert (report.refused, report.new, report.accepted) == (len(numbers), 1, 1)
    assert warning(good).kelurahan_codes == [KELURAHAN_B]
    assert all(warning(n).status == WarningStatus.SEEN and warning(n).details["refused"] for n in numbers)
    assert "DTDForbidden" in warning(1).details["refused"]
    assert "too large" in warning(4).details["refused"]
    assert "not XML" in warning(3).details["refused"]
    assert source.last_success_at == CAPTURE_TIME and source.consecutive_failures == 0
    assert "refused" in source.last_error and source.last_error_at == CAPTURE_TIME
    assert (again.new, again.refused, again.known) == (0, 0, len(numbers) + 1)
    assert len(document_requests(feeds)) == fetched
    assert "/etc/passwd" not in str([w.document for w in db.session.scalars(select(OfficialWarning))])
    assert acted_on == [(identifier(good), True)]


def test_documents_past_the_per_poll_limit_are_left_for_the_next_poll(app, feeds, acted_on):
    app.config["WARNINGS_DOCUMENTS_PER_POLL"] = 1
    try:
        feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64"), (2, "64")]), etag='"list-1"')
        serve_warning(feeds, 1, SENT, [ring_inside(KELURAHAN_A)])
        serve_warning(feeds, 2, SENT, [ring_inside(KELURAHAN_B)])

        first, second = poll(), poll()
    finally:
        app.config["WARNINGS_DOCUMENTS_PER_POLL"] = 20

    list_requests = [request for request in feeds.requests if request.path == NOWCAST_LIST]
    assert (first.new, first.left, second.new, second.left) == (1, 1, 1, 0)
    assert "If-None-Match" not in list_requests[1].headers  # the first poll kept no validators
    assert [call[0] for call in acted_on] == [identifier(1), identifier(2)]


def test_a_warning_alerting_fails_on_is_not_stored_and_taken_in_at_the_next_poll(feeds, monkeypatch):
    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64"), (2, "64")]))
    serve_warning(feeds, 1, SENT, [ring_inside(KELURAHAN_A)])
    serve_warning(feeds, 2, SENT, [ring_inside(KELURAHAN_B)])

    def failing_for_the_first(warning):
        if warning.identifier == identifier(1):
            raise RuntimeError("alerting is broken")

    monkeypatch.setattr(alerting, "act_on", failing_for_the_first)
    report = poll()
    monkeypatch.setattr(alerting, "act_on", lambda warning: None)
    again = poll()

    assert (report.new, report.left) == (1, 1)
    assert "alerting is broken" in report.problems[0]
    assert (again.new, again.known) == (1, 1)
    assert warning(1).status == warning(2).status == WarningStatus.DRAFT


def test_a_missing_english_document_leaves_the_warning_in_indonesian(feeds, acted_on):
    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64")]))
    serve_warning(feeds, 1, SENT, [ring_inside(KELURAHAN_A)])
    del feeds.answers[f"/alerts/nowcast/en/{code_of(1)}"]

    report = poll()

    assert list(warning(1).texts) == ["id"]
    assert "no English text: HTTP 404" in report.problems[0]
    assert acted_on == [(identifier(1), True)]


def test_a_warning_stored_meanwhile_by_another_poll_is_a_replay(app, acted_on):
    def made():
        return OfficialWarning(kind="weather", source=NOWCAST, identifier=identifier(1), sent_at=SENT)

    db.session.add(made())
    db.session.commit()
    report = PollReport(NOWCAST)

    assert store_warning(made(), True, report) is False
    assert (report.known, report.new) == (1, 0)
    assert acted_on == []


def test_a_document_whose_server_fails_is_left_for_the_next_poll_and_the_others_taken(feeds, acted_on):
    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64"), (2, "64")]), etag='"list-1"')
    serve_warning(feeds, 1, SENT, [ring_inside(KELURAHAN_A)])
    serve_warning(feeds, 2, SENT, [ring_inside(KELURAHAN_B)])
    feeds.serve(f"/alerts/nowcast/id/{code_of(1)}", "Bad Gateway", status=502)

    first = poll()
    serve_warning(feeds, 1, SENT, [ring_inside(KELURAHAN_A)])
    second = poll()

    assert (first.outcome, first.new, first.left) == ("fetched", 1, 1)
    assert "HTTP 502; tried again at the next poll" in first.problems[0]
    assert (second.new, second.known) == (1, 1)
    assert [call[0] for call in acted_on] == [identifier(2), identifier(1)]


def test_after_two_hanging_documents_a_poll_fetches_no_more(app, feeds, acted_on):
    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64"), (2, "64"), (3, "64")]))
    for number in (1, 2, 3):
        feeds.serve(f"/alerts/nowcast/id/{code_of(number)}", hang=True)
    started = time.monotonic()

    report = poll()

    assert time.monotonic() - started < 2 * app.config["WARNINGS_FETCH_SECONDS"] + 1
    assert (report.outcome, report.new, report.left) == ("fetched", 0, 3)
    assert len(document_requests(feeds)) == 2
