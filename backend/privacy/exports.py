"""A person's copy of their data ("Unduh data saya", UU PDP): a job makes the ZIP and keeps it in
the store; its owner, and only they, download it for 24 hours, after which a periodic job
removes it."""

import io
import json
import logging
import secrets
import zipfile
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.orm.exc import StaleDataError

from ..accounts.models import User
from ..database import utcnow
from ..errors import NotFound
from ..extensions import db
from ..jobs import job, periodic
from ..storage import storage
from .models import DataExport, ExportStatus
from .sections import SECTIONS, photo_files

log = logging.getLogger(__name__)
VALID_FOR = timedelta(hours=24)
# A job that has not finished by then has died (a worker lost): the person may start again.
STALLED_AFTER = timedelta(minutes=10)
GONE = "This download has expired or is not yours. Start a new one from Akun."
REMOVE_AT_ONCE = 200

README = """SatuPintu — data Anda / your data
Dibuat / made: {made} UTC. Tautan berlaku sampai / link valid until: {until} UTC.

[Bahasa Indonesia]
Berkas ini berisi semua data yang terkait dengan akun Anda di SatuPintu, sesuai UU No. 27 Tahun
2022 tentang Pelindungan Data Pribadi:
  profile.json     profil Anda (nama, email, nomor HP, bahasa)
  requests.json    laporan Anda beserta riwayatnya
  comments.json    komentar Anda
  ratings.json     penilaian Anda atas laporan yang selesai
  supports.json    laporan yang Anda dukung ("saya juga")
  devices.json     perangkat yang menerima notifikasi
  sign_ins.json    riwayat masuk (perangkat dan waktu)
  code_sends.json  kode sekali pakai yang dikirim ke kontak Anda (tanpa kodenya)
  photos/          foto yang Anda lampirkan, per laporan
Komentar warga lain dan catatan internal petugas tidak termasuk.

[English]
This file holds all the data tied to your SatuPintu account, as Indonesia's Personal Data
Protection Law (Law 27 of 2022) provides:
  profile.json     your profile (name, e-mail, phone number, language)
  requests.json    your reports with their timelines
  comments.json    your comments
  ratings.json     your ratings of resolved reports
  supports.json    the reports you supported ("me too")
  devices.json     the devices that receive notifications
  sign_ins.json    your sign-ins (device and time)
  code_sends.json  one-time codes sent to your contacts (never the codes)
  photos/          the photos you attached, by report
Other residents' comments and staff's internal notes are not included.
"""


def current_export(user: User) -> DataExport | None:
    """The person's latest export while it can still be downloaded (or is being made)."""
    latest = db.session.scalar(
        select(DataExport).where(DataExport.user_id == user.id).order_by(DataExport.id.desc()).limit(1)
    )
    if latest is None or _expired(latest, utcnow()):
        return None
    return latest


def start_export(user: User) -> DataExport:
    """Start making the person's export; one being made already is answered instead of a second."""
    now = utcnow()
    latest = current_export(user)
    if (
        latest is not None
        and latest.status == ExportStatus.PENDING
        and now - latest.created_at < STALLED_AFTER
    ):
        return latest
    discard_exports(user)
    export = DataExport(user_id=user.id, file_name=f"export-{secrets.token_urlsafe(24)}.zip", created_at=now)
    db.session.add(export)
    db.session.commit()
    build_export.enqueue(export.id)
    return export


def export_for_download(user: User, file_name: str) -> DataExport:
    """The person's own ready export under that name; NotFound for anyone else's, or once expired."""
    export = db.session.scalar(
        select(DataExport).where(DataExport.user_id == user.id, DataExport.file_name == file_name)
    )
    if export is None or export.status != ExportStatus.READY or _expired(export, utcnow()):
        raise NotFound(GONE)
    return export


@job
def build_export(export_id: int) -> None:
    """Make the ZIP and store it; safe to run twice (a ready export is left alone)."""
    export = db.session.get(DataExport, export_id)
    if export is None or export.status != ExportStatus.PENDING:
        return
    now = utcnow()
    try:
        data = _zip(db.session.get(User, export.user_id), now)
        storage().put(export.file_name, data, "application/zip")
    except Exception:
        db.session.rollback()
        export.status = ExportStatus.FAILED
        db.session.commit()
        raise
    export.status, export.size = ExportStatus.READY, len(data)
    export.ready_at, export.expires_at = now, now + VALID_FOR
    file_name = export.file_name
    try:
        db.session.commit()
    except StaleDataError:  # the account was deleted while the ZIP was made: no copy may stay
        db.session.rollback()
        storage().delete(file_name)


def _zip(user: User, now: datetime) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        made, until = (moment.strftime("%Y-%m-%d %H:%M") for moment in (now, now + VALID_FOR))
        archive.writestr("README.txt", README.format(made=made, until=until))
        for file_name, section in SECTIONS.items():
            archive.writestr(file_name, json.dumps(section(user), ensure_ascii=False, indent=2))
        for path, name in photo_files(user):
            try:
                # JPEGs are compressed already.
                archive.writestr(path, storage().read(name), compress_type=zipfile.ZIP_STORED)
            except FileNotFoundError:
                log.warning("Photo %s is missing from the store; left out of an export", name)
    return buffer.getvalue()


def _expired(export: DataExport, now: datetime) -> bool:
    if export.expires_at is not None:
        return export.expires_at <= now
    return now - export.created_at >= VALID_FOR


def _remove(exports: list[DataExport]) -> None:
    """Remove the files from the store, then their rows. The caller commits."""
    for export in exports:
        storage().delete(export.file_name)
    db.session.execute(delete(DataExport).where(DataExport.id.in_([export.id for export in exports])))


def discard_exports(user: User) -> None:
    """Every export of the person goes, files included (a new one, or the account's deletion).
    The caller commits."""
    _remove(db.session.scalars(select(DataExport).where(DataExport.user_id == user.id)).all())


@periodic
def remove_expired_exports() -> None:
    """Exports are kept 24 hours: older files leave the store, and their rows go with them."""
    now = utcnow()
    old = db.session.scalars(
        select(DataExport)
        .where(or_(DataExport.expires_at <= now, DataExport.created_at <= now - VALID_FOR))
        .order_by(DataExport.id)
        .limit(REMOVE_AT_ONCE)
    ).all()
    if old:
        _remove(old)
        db.session.commit()
