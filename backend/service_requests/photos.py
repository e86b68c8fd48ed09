"""Request photos: storing uploads through media.py and handing out their URLs.

Photos of a publicly visible request have plain, long-cached URLs. Photos of a private or hidden
request get URLs signed for one hour, handed only to those allowed to see the request.
"""

from flask import current_app, url_for
from itsdangerous import BadSignature, URLSafeTimedSerializer

from .. import media
from ..errors import Invalid, NotFound
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
    upload_dir = current_app.config["UPLOAD_DIR"]
    stored: list[media.StoredImage] = []
    for index, file in enumerate(files):
        try:
            stored.append(media.store_image(file.stream, upload_dir))
        except media.ImageRefused as refusal:
            discard_photos(stored)
            raise Invalid(refusal.message, errors={field: {index: [refusal.message]}}) from None
    return stored


def discard_photos(stored: list[media.StoredImage]) -> None:
    for image in stored:
        media.delete_image(current_app.config["UPLOAD_DIR"], image)


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


def photo_file(request: ServiceRequest, name: str, signature: str | None):
    """The file behind a photo URL, or NotFound when the URL does not grant it."""
    if not any(name in (photo.name, photo.thumb_name) for photo in request.photos):
        raise NotFound()
    if not is_publicly_visible(request):
        try:
            if _signer().loads(signature or "", max_age=SIGNED_URL_SECONDS) != name:
                raise NotFound()
        except BadSignature:
            raise NotFound() from None
    try:
        return media.image_path(current_app.config["UPLOAD_DIR"], name)
    except FileNotFoundError:
        raise NotFound() from None
