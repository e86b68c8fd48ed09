"""Where stored photos (and people's data exports) live: a folder on local disk (UPLOAD_DIR, the
embedded default) or a bucket on S3-compatible object storage (STORAGE_S3_BUCKET), so that app
servers share nothing on disk.

Both keep a photo under the same key, `<first two characters>/<name>`, and an export under
`exports/<name>`. Objects are never made
public: the app serves every photo itself after its own visibility check, streaming it from the
store with the same ETag, Last-Modified and 304 handling as a file from disk.
"""

import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, Response, current_app, request, send_file

from .errors import Unavailable

# secrets.token_urlsafe(18) is 24 characters from [A-Za-z0-9_-]; thumbnails add "_t".
STORED_NAME = re.compile(r"[A-Za-z0-9_-]{24}(_t)?\.jpg")
# A data export (privacy/exports.py): secrets.token_urlsafe(24) is 32 characters.
EXPORT_NAME = re.compile(r"export-[A-Za-z0-9_-]{32}\.zip")
UNREACHABLE = "Photos cannot be reached right now. Please try again in a moment."


def key_for(name: str) -> str:
    """The key of a stored file; FileNotFoundError for any name the app did not produce."""
    if STORED_NAME.fullmatch(name):
        return f"{name[:2]}/{name}"
    if EXPORT_NAME.fullmatch(name):
        return f"exports/{name}"
    raise FileNotFoundError(name)


class LocalStorage:
    """Files under a folder of this machine: enough for one app server."""

    def __init__(self, root: str):
        self.root = Path(root)

    def path(self, name: str) -> Path:
        return self.root / key_for(name)

    def put(self, name: str, data: bytes, content_type: str) -> None:
        path = self.path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def read(self, name: str) -> bytes:
        return self.path(name).read_bytes()

    def delete(self, name: str) -> None:
        self.path(name).unlink(missing_ok=True)

    def send(self, name: str, mimetype: str):
        """A response with the file (conditional, no max-age: the caller sets Cache-Control)."""
        path = self.path(name)
        if not path.is_file():
            raise FileNotFoundError(name)
        return send_file(path, mimetype=mimetype, max_age=0)

    def names(self) -> Iterator[str]:
        """Every stored file's name, in key order; other files in the folder are not the app's."""
        for path in sorted(self.root.glob("*/*.jpg")):
            if STORED_NAME.fullmatch(path.name) and path.parent.name == path.name[:2]:
                yield path.name


class S3Storage:
    """Objects in a private bucket of an S3-compatible store, shared by every app server."""

    def __init__(self, bucket: str, client_options: dict):
        self.bucket, self.client_options = bucket, client_options
        self._clients: dict[int, object] = {}
        self._lock = threading.Lock()

    @property
    def client(self):
        """One boto3 client per process: gunicorn forks workers, and a client's connections must
        not be shared across a fork (boto3 clients are thread-safe within one process)."""
        pid = os.getpid()
        if pid not in self._clients:
            with self._lock:
                if pid not in self._clients:
                    # Imported here: boto3 takes a while to import, and the embedded default needs none of it.
                    import boto3
                    from botocore.config import Config as BotoConfig

                    config = BotoConfig(
                        connect_timeout=3, read_timeout=10, retries={"mode": "standard", "max_attempts": 3}
                    )
                    self._clients = {pid: boto3.client("s3", config=config, **self.client_options)}
        return self._clients[pid]

    def check(self) -> None:
        """Raise when the bucket cannot be reached with the app's credentials (readiness)."""
        self.client.head_bucket(Bucket=self.bucket)

    def put(self, name: str, data: bytes, content_type: str) -> None:
        """Store an object; boto3 sends a checksum of the body, which the store verifies."""
        with _reaching_the_store():
            self.client.put_object(Bucket=self.bucket, Key=key_for(name), Body=data, ContentType=content_type)

    def read(self, name: str) -> bytes:
        """An object's bytes; FileNotFoundError when the bucket has no such object."""
        with _reaching_the_store(missing_is_not_found=True):
            return self.client.get_object(Bucket=self.bucket, Key=key_for(name))["Body"].read()

    def delete(self, name: str) -> None:
        """Remove an object; S3 answers a delete of a missing key as a success."""
        with _reaching_the_store():
            self.client.delete_object(Bucket=self.bucket, Key=key_for(name))

    def holds(self, name: str, size: int) -> bool:
        """Whether the bucket already has the object, whole. A name is random and its file never
        changes, so the same name and size mean the same photo."""
        try:
            with _reaching_the_store(missing_is_not_found=True):
                head = self.client.head_object(Bucket=self.bucket, Key=key_for(name))
        except FileNotFoundError:
            return False
        return head["ContentLength"] == size

    def send(self, name: str, mimetype: str):
        """The object streamed through the app, conditional on its ETag like a file from disk. The
        browser's If-None-Match goes to the store, so an unchanged photo is never downloaded."""
        condition = {"IfNoneMatch": request.headers["If-None-Match"]} if request.if_none_match else {}
        try:
            with _reaching_the_store(missing_is_not_found=True):
                found = self.client.get_object(Bucket=self.bucket, Key=key_for(name), **condition)
        except _NotModified as unchanged:
            return Response(status=304, headers={"ETag": unchanged.etag} if unchanged.etag else {})
        response = send_file(
            found["Body"],
            mimetype=mimetype,
            etag=found["ETag"].strip('"'),
            last_modified=found["LastModified"],
            max_age=0,
        )
        if response.status_code == 200:
            response.content_length = found["ContentLength"]
        return response


class _NotModified(Exception):
    def __init__(self, etag: str | None):
        super().__init__(etag)
        self.etag = etag


@contextmanager
def _reaching_the_store(missing_is_not_found: bool = False):
    """The store's "no such key" becomes FileNotFoundError (when asked), any other failure to reach
    it a 503 in the app's error shape."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        yield
    except (BotoCoreError, ClientError) as error:
        code = str(error.response.get("Error", {}).get("Code")) if isinstance(error, ClientError) else ""
        if code == "304":
            raise _NotModified(error.response["ResponseMetadata"]["HTTPHeaders"].get("etag")) from None
        if missing_is_not_found and code in ("404", "NoSuchKey", "NotFound"):
            raise FileNotFoundError(str(error)) from None
        current_app.logger.warning("Object storage failed: %s", error)
        raise Unavailable(UNREACHABLE) from None


def init_storage(app: Flask) -> None:
    """The app's storage, chosen by configuration: STORAGE_S3_BUCKET set means object storage."""
    bucket = app.config.get("STORAGE_S3_BUCKET")
    if not bucket:
        app.extensions["storage"] = LocalStorage(app.config["UPLOAD_DIR"])
        return
    # Credentials left unset come from boto3's own chain (environment, profile, instance role).
    options = {
        "endpoint_url": app.config.get("S3_ENDPOINT_URL"),
        "region_name": app.config.get("AWS_DEFAULT_REGION"),
        "aws_access_key_id": app.config.get("AWS_ACCESS_KEY_ID"),
        "aws_secret_access_key": app.config.get("AWS_SECRET_ACCESS_KEY"),
    }
    app.extensions["storage"] = S3Storage(bucket, {key: value for key, value in options.items() if value})


def storage() -> LocalStorage | S3Storage:
    """The current app's storage."""
    return current_app.extensions["storage"]


@dataclass
class Migration:
    copied: int = 0
    already_there: int = 0
    removed: int = 0


def migrate_local_files(source: LocalStorage, target: S3Storage, keep_local: bool = False) -> Migration:
    """Copy every stored file from disk into the bucket, then remove it from disk once the bucket
    holds the same bytes; a second run finds nothing left to move (or, with keep_local, all there)."""
    counts = Migration()
    for name in source.names():
        data = source.path(name).read_bytes()
        if target.holds(name, len(data)):
            counts.already_there += 1
        else:
            target.put(name, data, "image/jpeg")
            counts.copied += 1
        if not keep_local:
            source.delete(name)
            counts.removed += 1
    return counts
