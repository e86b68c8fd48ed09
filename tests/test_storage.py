"""Photos on object storage: request photos and news images in a private SeaweedFS bucket, served by
the app after its own checks; the move from disk; a deleted account's photos leave the store."""

import urllib.error
import urllib.request
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from backend.storage import key_for

from .factories import (
    PASSWORD,
    REQUESTS,
    auth_headers,
    error_shape,
    hide_request,
    jpeg,
    make_user,
    post_request,
)
from .services import free_port

NEWS = "/api/v1/news"


def keys_of(photo: dict) -> set[str]:
    return {key_for(url.split("?")[0].rsplit("/", 1)[1]) for url in (photo["url"], photo["thumb_url"])}


def stored_on_disk(app) -> list[Path]:
    return list(Path(app.config["UPLOAD_DIR"]).rglob("*.jpg"))


def test_a_request_photo_goes_to_the_bucket_and_comes_back_through_the_api(s3_app, seaweedfs, resident):
    client = s3_app.test_client()
    filed = post_request(client, resident, photos=[jpeg((640, 480))])
    assert filed.status_code == 201, filed.get_data(as_text=True)
    [photo] = filed.get_json()["photos"]

    assert seaweedfs.keys(s3_app.config["STORAGE_S3_BUCKET"]) == keys_of(photo)
    assert stored_on_disk(s3_app) == []
    served = client.get(photo["url"])
    assert served.status_code == 200 and served.mimetype == "image/jpeg"
    assert Image.open(BytesIO(served.data)).size == (640, 480)
    assert served.headers["Cache-Control"] == "public, max-age=86400"
    assert served.content_length == len(served.data) and served.headers["Last-Modified"]
    store_answers = []
    s3_app.extensions["storage"].client.meta.events.register(
        "after-call.s3.GetObject", lambda http_response, **_: store_answers.append(http_response.status_code)
    )
    again = client.get(photo["url"], headers={"If-None-Match": served.headers["ETag"]})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == served.headers["ETag"]
    assert store_answers == [304]  # the store was asked conditionally: the photo was not downloaded
    thumb = client.get(photo["thumb_url"])
    assert Image.open(BytesIO(thumb.data)).size == (320, 240)


def test_the_bucket_is_not_readable_without_the_apps_credentials(s3_app, seaweedfs, resident):
    [photo] = post_request(s3_app.test_client(), resident, photos=[jpeg()]).get_json()["photos"]
    key = sorted(keys_of(photo))[0]
    bucket = s3_app.config["STORAGE_S3_BUCKET"]

    with pytest.raises(urllib.error.HTTPError) as anonymous:
        urllib.request.urlopen(f"{seaweedfs.endpoint}/{bucket}/{key}", timeout=10)
    assert anonymous.value.code == 403
    assert seaweedfs.client().get_object(Bucket=bucket, Key=key)["Body"].read()[:2] == b"\xff\xd8"


def test_a_hidden_requests_photo_is_served_only_to_its_reporter_and_staff(s3_app, resident, staff, admin):
    client = s3_app.test_client()
    code = post_request(client, resident, photos=[jpeg()]).get_json()["code"]
    [public_photo] = client.get(f"{REQUESTS}/{code}").get_json()["photos"]
    hide_request(client, admin, code)

    for headers in ({}, auth_headers(make_user())):
        error_shape(client.get(f"{REQUESTS}/{code}", headers=headers), 404)
        error_shape(client.get(public_photo["url"], headers=headers), 404)
    for viewer in (resident, staff):
        [photo] = client.get(f"{REQUESTS}/{code}", headers=auth_headers(viewer)).get_json()["photos"]
        served = client.get(photo["url"])
        assert served.status_code == 200 and served.data[:2] == b"\xff\xd8"
        assert served.headers["Cache-Control"] == "private, max-age=3600"


def test_a_news_image_is_stored_in_the_bucket_and_cached_for_a_year(s3_app, seaweedfs, staff):
    client = s3_app.test_client()
    upload = client.post(
        f"{NEWS}/images",
        data={"image": (BytesIO(jpeg((800, 600))), "sampul.jpg")},
        headers=auth_headers(staff),
        content_type="multipart/form-data",
    )
    assert upload.status_code == 201, upload.get_data(as_text=True)
    image = upload.get_json()

    assert seaweedfs.keys(s3_app.config["STORAGE_S3_BUCKET"]) == keys_of(image)
    served = client.get(image["url"])
    assert served.status_code == 200 and Image.open(BytesIO(served.data)).size == (800, 600)
    assert served.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    error_shape(client.get(f"{NEWS}/images/{'A' * 24}.jpg"), 404)


def test_migrate_moves_the_files_on_disk_into_the_bucket_once(make_app, s3_app, seaweedfs, resident):
    local = make_app(UPLOAD_DIR=s3_app.config["UPLOAD_DIR"])
    [photo] = post_request(local.test_client(), resident, photos=[jpeg()]).get_json()["photos"]
    client, bucket = s3_app.test_client(), s3_app.config["STORAGE_S3_BUCKET"]
    assert len(stored_on_disk(s3_app)) == 2
    error_shape(client.get(photo["url"]), 404)

    first = s3_app.test_cli_runner().invoke(args=["storage", "migrate"])
    assert first.exit_code == 0, first.output
    assert "Copied 2 file(s)" in first.output and "0 already there; 2 removed" in first.output
    assert seaweedfs.keys(bucket) == keys_of(photo)
    assert stored_on_disk(s3_app) == []
    assert client.get(photo["url"]).status_code == 200

    second = s3_app.test_cli_runner().invoke(args=["storage", "migrate"])
    assert "Copied 0 file(s)" in second.output and "0 already there; 0 removed" in second.output


def test_migrate_keeping_the_local_files_counts_them_as_there_the_second_time(make_app, s3_app, resident):
    local = make_app(UPLOAD_DIR=s3_app.config["UPLOAD_DIR"])
    post_request(local.test_client(), resident, photos=[jpeg(), jpeg(color="blue")])

    runs = [s3_app.test_cli_runner().invoke(args=["storage", "migrate", "--keep-local"]) for _ in range(2)]

    assert "Copied 4 file(s)" in runs[0].output and "0 already there; 0 removed" in runs[0].output
    assert "Copied 0 file(s)" in runs[1].output and "4 already there; 0 removed" in runs[1].output
    assert len(stored_on_disk(s3_app)) == 4


def test_migrate_needs_a_bucket(app):
    result = app.test_cli_runner().invoke(args=["storage", "migrate"])

    assert result.exit_code != 0 and "STORAGE_S3_BUCKET" in result.output


def test_deleting_an_account_deletes_its_photos_from_the_store(s3_app, seaweedfs, resident, staff):
    client, bucket = s3_app.test_client(), s3_app.config["STORAGE_S3_BUCKET"]
    mine = post_request(client, resident, photos=[jpeg(), jpeg(color="red")]).get_json()
    theirs = post_request(client, make_user(), photos=[jpeg(color="green")]).get_json()
    for to in ("accepted", "in_progress"):
        client.post(f"{REQUESTS}/{mine['code']}/transitions", json={"to": to}, headers=auth_headers(staff))
    resolved = client.post(
        f"{REQUESTS}/{mine['code']}/transitions",
        data={"to": "resolved", "note": "Selesai.", "photo": (BytesIO(jpeg(color="black")), "a.jpg")},
        headers=auth_headers(staff),
        content_type="multipart/form-data",
    )
    assert resolved.status_code == 200, resolved.get_data(as_text=True)
    [after] = client.get(f"{REQUESTS}/{mine['code']}/events").get_json()[-1]["photos"]

    deleted = client.delete("/api/v1/me", json={"password": PASSWORD}, headers=auth_headers(resident))

    assert deleted.status_code == 204
    assert seaweedfs.keys(bucket) == keys_of(theirs["photos"][0]) | keys_of(after)
    assert client.get(f"{REQUESTS}/{mine['code']}").get_json()["photos"] == []
    assert client.get(after["url"]).status_code == 200
    error_shape(client.get(mine["photos"][0]["url"]), 404)


def test_an_unreachable_store_answers_503_in_the_error_shape(make_app, s3_app, resident, seaweedfs):
    down = make_app(**seaweedfs.settings("photos") | {"S3_ENDPOINT_URL": f"http://127.0.0.1:{free_port()}"})

    body = error_shape(post_request(down.test_client(), resident, photos=[jpeg()]), 503)

    assert body["message"] == "Foto sedang tidak dapat dijangkau. Silakan coba lagi sebentar lagi."


def test_readiness_checks_the_bucket(make_app, s3_app, seaweedfs):
    ready = s3_app.test_client().get("/readyz")
    missing = make_app(**seaweedfs.settings("no-such-bucket")).test_client().get("/readyz")
    down = make_app(**seaweedfs.settings("photos") | {"S3_ENDPOINT_URL": f"http://127.0.0.1:{free_port()}"})

    assert ready.status_code == 200 and ready.get_json()["checks"]["storage"] == {"ok": True}
    assert missing.status_code == 503 and missing.get_json()["checks"]["storage"]["ok"] is False
    assert down.test_client().get("/readyz").get_json()["checks"]["storage"]["ok"] is False
