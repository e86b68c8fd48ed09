"""Request photos: storing uploads through media.py into the app's storage, handing out their URLs,
and erasing a deleted account's photos.

Photos of a publicly visible request have plain, long-cached URLs. Photos of a private or hidden
request get URLs signed for one hour, handed only to those allowed to see the request.
"""

from flask import current_app, url_for
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select

from .. import media
from ..errors import Invalid, NotFound
from ..extensions import db
from ..storage import storage
from .access import is_publicly_visible
from .models import RequestPhoto, ServiceRequest

MAX_PHOTOS = 3
SIGNED_URL_SECONDS = 3600


def _signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="request-photo")


def store_photos(files: list, field: str = "photos") -> list[media.StoredImage]:
    """Store each uploaded image; on a refusal, remove what was already stored and say which file failed."""
    if len(files) > MAX_PHOTOS:
        raise Invalid(errors={field: [f"At most {MAX_PHOTOS} photos."]})
    stored: list[media.StoredImage] = []
    for index, file in enumerate(files):
        try:
            stored.append(media.store_image(file.stream, storage()))
        except Exception as error:
            discard_photos(stored)
            if not isinstance(error, media.ImageRefused):
                raise
            raise Invalid(error.message, errors={field: {index: [error.message]}}) from None
    return stored


def discard_photos(stored: list[media.StoredImage]) -> None:
    for image in stored:
        media.delete_image(storage(), image)


def photo_record(image: media.StoredImage, **links) -> RequestPhoto:
    return RequestPhoto(
        name=image.name, thumb_name=image.thumb_name, width=image.width, height=image.height, **links
    )


def photo_urls(request: ServiceRequest, photo: RequestPhoto, external: bool = False) -> dict:
    """URLs of the photo and its thumbnail; signed when the request is not public."""
    signed = not is_publicly_visible(request)

    def url(name: str) -> str:
        extra = {"sig": _signer().dumps(name)} if signed else {}
        return url_for(
            "service_requests.get_photo", code=request.code, name=name, _external=external, **extra
        )

    return {
        "url": url(photo.name),
        "thumb_url": url(photo.thumb_name),
        "width": photo.width,
        "height": photo.height,
    }


def send_photo(request: ServiceRequest, name: str, signature: str | None):
    """The photo behind a photo URL from the store, or NotFound when the URL does not grant it."""
    if not any(name in (photo.name, photo.thumb_name) for photo in request.photos):
        raise NotFound()
    if not is_publicly_visible(request):
        try:
            if _signer().loads(signature or "", max_age=SIGNED_URL_SECONDS) != name:
                raise NotFound()
        except BadSignature:
            raise NotFound() from None
    try:
        return storage().send(name, "image/jpeg")
    except FileNotFoundError:
        raise NotFound() from None


def erase_reporters_photos(user) -> int:
    """Remove the photos the person took for their reports, from the store and the database; the
    reports themselves stay. After-photos belong to the staff who resolved the request. The caller
    commits, after the store has let them go: a store that cannot be reached fails the deletion."""
    found = db.session.scalars(
        select(RequestPhoto)
        .join(ServiceRequest, RequestPhoto.request_id == ServiceRequest.id)
        .where(ServiceRequest.reporter_id == user.id, RequestPhoto.event_id.is_(None))
    ).all()
    for photo in found:
        for name in (photo.name, photo.thumb_name):
            storage().delete(name)
        db.session.delete(photo)
    return len(found)
