"""Unduh data saya: a ZIP of every row tied to the account, nothing of anyone else's, downloadable
by its owner only and for 24 hours."""

import io
import json
import zipfile
from datetime import datetime, timedelta

import pytest
from sqlalchemy import delete, event

from backend.extensions import db
from backend.privacy.exports import build_export, remove_expired_exports
from backend.privacy.models import DataExport
from backend.storage import storage

from ..factories import auth_headers, error_shape, jpeg, post_request
from .people import BAMBANG, KARTIKA, act_everywhere, answer_on, register

EXPORT = "/api/v1/me/export"
SECTIONS = {
    "README.txt",
    "profile.json",
    "requests.json",
    "comments.json",
    "ratings.json",
    "supports.json",
    "devices.json",
    "sign_ins.json",
    "code_sends.json",
    "consents.json",
}


def export_of(app, client, user) -> dict:
    """Start the person's export, let the job make it, and answer its state."""
    headers = auth_headers(user)
    started = client.post(EXPORT, headers=headers)
    assert started.status_code == 202 and started.get_json()["status"] == "pending"
    assert app.extensions["jobs"].wait_idle()
    return client.get(EXPORT, headers=headers).get_json()


def download(client, user, state: dict):
    return client.get(state["download_url"], headers=auth_headers(user))


@pytest.fixture
def kartika_and_bambang(client, staff, admin):
    bambang = register(BAMBANG)
    kartika = register(KARTIKA)
    act_everywhere(client, bambang, kartika, staff, admin)
    act_everywhere(client, kartika, bambang, staff, admin)
    answer_on(client, kartika, bambang)
    return kartika, bambang


def test_the_export_holds_every_row_of_the_person_and_nothing_of_anyone_elses(
    app, client, kartika_and_bambang
):
    kartika, bambang = kartika_and_bambang
    state = export_of(app, client, kartika.user)
    assert state["status"] == "ready"
    ready_at, expires_at = (datetime.fromisoformat(state[name]) for name in ("ready_at", "expires_at"))
    assert expires_at - ready_at == timedelta(hours=24)
    response = download(client, kartika.user, state)
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert "attachment" in response.headers["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    photos = {name for name in archive.namelist() if name.startswith("photos/")}
    assert set(archive.namelist()) - photos == SECTIONS
    files = {name: archive.read(name) for name in archive.namelist()}
    sections = {name: json.loads(data) for name, data in files.items() if name.endswith(".json")}

    profile = sections["profile.json"]
    assert [profile[name] for name in ("name", "email", "phone")] == [
        kartika.name,
        kartika.email,
        kartika.phone,
    ]
    reports = {report["code"]: report for report in sections["requests.json"]}
    assert set(reports) == set(kartika.requests)
    [with_photo, rated] = kartika.requests
    timeline = reports[with_photo]["timeline"]
    assert [entry["kind"] for entry in timeline] == ["created", "comment", "comment"]
    assert [entry["author"] for entry in timeline] == ["me", "me", "opd_staff"]
    assert {comment["text"] for comment in sections["comments.json"]} == set(kartika.texts[1:])
    [rating] = sections["ratings.json"]
    assert (rating["request"], rating["rating"], rating["feedback"]) == (rated, 5, kartika.texts[0])
    assert [support["request"] for support in sections["supports.json"]] == [bambang.requests[0]]
    assert [device["endpoint"] for device in sections["devices.json"]] == [kartika.device]
    assert kartika.user_agent in {sign_in["device"] for sign_in in sections["sign_ins.json"]}
    [code_sent] = sections["code_sends.json"]
    assert (code_sent["to"], code_sent["purpose"]) == (kartika.email, "sign_in")
    [consent] = sections["consents.json"]  # hers only: Bambang gave the same consent
    assert (consent["purpose"], consent["granted"]) == ("location", True)
    [photo] = kartika.photos
    assert reports[with_photo]["photos"] == [f"photos/{with_photo}/{photo}"]
    assert files[f"photos/{with_photo}/{photo}"] == storage().read(photo)
    assert "Bahasa Indonesia" in files["README.txt"].decode() and "English" in files["README.txt"].decode()

    everything = b"\n".join(files.values()).decode("utf-8", errors="replace").lower()
    theirs = [*bambang.strings(), *bambang.texts, *bambang.requests, bambang.device, bambang.user_agent]
    # Only the code of the report she supported.
    assert [text for text in theirs if text.lower() in everything] == [bambang.requests[0]]
    assert "petugas dpu akan datang" in everything  # a staff reply on her report
    assert f"sudah telepon {kartika.phone}" not in everything  # staff's internal note


def test_the_link_serves_its_owner_only_for_24_hours_then_the_file_is_removed(app, client, clock, resident):
    post_request(client, resident, photos=[jpeg()])
    state = export_of(app, client, resident)
    other = register(BAMBANG).user
    error_shape(download(client, other, state), 404)
    clock.advance(24 * 3600 - 1)
    assert download(client, resident, state).status_code == 200
    remove_expired_exports()
    export = db.session.scalars(db.select(DataExport)).one()
    assert storage().read(export.file_name)

    clock.advance(1)
    error_shape(download(client, resident, state), 404)
    assert client.get(EXPORT, headers=auth_headers(resident)).get_json()["status"] == "none"
    remove_expired_exports()
    assert db.session.scalars(db.select(DataExport)).all() == []
    with pytest.raises(FileNotFoundError):
        storage().read(export.file_name)


def test_starting_again_while_one_is_being_made_answers_the_same_export(client, resident):
    headers = auth_headers(resident)
    first = client.post(EXPORT, headers=headers).get_json()
    second = client.post(EXPORT, headers=headers).get_json()
    assert first["created_at"] == second["created_at"]
    assert db.session.scalar(db.select(db.func.count(DataExport.id))) == 1


def test_a_new_export_replaces_the_ready_one(app, client, resident):
    first = export_of(app, client, resident)
    second = export_of(app, client, resident)
    assert second["download_url"] != first["download_url"]
    error_shape(download(client, resident, first), 404)
    assert download(client, resident, second).status_code == 200


def test_the_export_is_made_and_served_from_object_storage(s3_app, seaweedfs, resident):
    client = s3_app.test_client()
    [photo] = post_request(client, resident, photos=[jpeg()]).get_json()["photos"]
    state = export_of(s3_app, client, resident)
    name = state["download_url"].rsplit("/", 1)[1]
    assert f"exports/{name}" in seaweedfs.keys(s3_app.config["STORAGE_S3_BUCKET"])
    archive = zipfile.ZipFile(io.BytesIO(download(client, resident, state).data))
    assert any(path.endswith(photo["url"].rsplit("/", 1)[1].split("?")[0]) for path in archive.namelist())


def test_an_export_finished_after_its_account_was_deleted_leaves_no_file(app, resident):
    export = DataExport(user_id=resident.id, file_name=f"export-{'b' * 32}.zip")
    db.session.add(export)
    db.session.commit()

    def account_deleted_meanwhile(session):
        with db.engine.begin() as connection:
            connection.execute(delete(DataExport).where(DataExport.id == export.id))

    event.listen(db.session, "before_commit", account_deleted_meanwhile, once=True)
    build_export(export.id)

    with pytest.raises(FileNotFoundError):
        storage().read(f"export-{'b' * 32}.zip")
