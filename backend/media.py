"""Uploaded photos: checked, stripped of all metadata and re-encoded as JPEG. Only this module imports Pillow.

Every photo is decoded in full and written anew, so nothing from the upload reaches the disk
except its pixels: no GPS position, no camera serial, no hidden payload in a comment.
"""

import secrets
import warnings
from contextlib import suppress
from dataclasses import dataclass
from io import BytesIO

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE = 1600
THUMB_SIDE = 320
MAX_PIXELS = 40_000_000
JPEG_QUALITY = 82
# Restricting the decoders Pillow may try keeps every other parser away from the upload;
# the JPEG decoder also opens multi-picture JPEGs (MPO) from phone cameras.
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")

TOO_BIG = "The file is larger than 10 MB."
NOT_AN_IMAGE = "The file is not an image we can read (use JPEG, PNG or WebP)."
DAMAGED = "The image file is damaged or incomplete."
TOO_MANY_PIXELS = "The image is too large in pixels."
EMPTY = "The file is empty."


class ImageRefused(Exception):
    """An upload that is not a usable photo; `message` is a sentence for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class StoredImage:
    name: str
    thumb_name: str
    width: int
    height: int
    content_type: str


def _read(stream) -> bytes:
    """The upload's bytes, refused when empty or over MAX_UPLOAD_BYTES."""
    data = stream.read(MAX_UPLOAD_BYTES + 1)
    if not data:
        raise ImageRefused(EMPTY)
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImageRefused(TOO_BIG)
    return data


def _decode(data: bytes) -> Image.Image:
    """Fully decoded, upright pixels of an allowed image, or ImageRefused."""
    try:
        # catch_warnings is process-wide and not thread-safe; the MAX_PIXELS check below
        # stays the real guard if another thread restores the filters early.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(BytesIO(data), formats=ALLOWED_FORMATS)
            if image.width * image.height > MAX_PIXELS:
                raise ImageRefused(TOO_MANY_PIXELS)
            image.load()
            return ImageOps.exif_transpose(image)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ImageRefused(TOO_MANY_PIXELS) from None
    except UnidentifiedImageError:
        raise ImageRefused(NOT_AN_IMAGE) from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise ImageRefused(DAMAGED) from None


def _flatten(image: Image.Image) -> Image.Image:
    """RGB pixels with transparency laid on white, carrying no metadata."""
    if image.has_transparency_data:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
    else:
        flat = image.convert("RGB")
    # The JPEG writer falls back to info["comment"], so the source's info must not survive.
    flat.info = {}
    return flat


def _jpeg(image: Image.Image, side: int) -> tuple[bytes, tuple[int, int]]:
    """A JPEG of `image` whose longest side is at most `side`, and its size."""
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = BytesIO()
    copy.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return out.getvalue(), copy.size


def store_image(stream, storage) -> StoredImage:
    """Check an uploaded image and store it re-encoded, with a thumbnail, under a random name in
    `storage` (backend/storage.py)."""
    image = _flatten(_decode(_read(stream)))
    photo, (width, height) = _jpeg(image, MAX_SIDE)
    thumb, _ = _jpeg(image, THUMB_SIDE)
    stem = secrets.token_urlsafe(18)
    stored = StoredImage(f"{stem}.jpg", f"{stem}_t.jpg", width, height, "image/jpeg")
    try:
        storage.put(stored.name, photo, stored.content_type)
        storage.put(stored.thumb_name, thumb, stored.content_type)
    except Exception:
        # The store itself may be what failed: the error to report is the first one.
        with suppress(Exception):
            delete_image(storage, stored)
        raise
    return stored


def delete_image(storage, stored: StoredImage) -> None:
    """Remove a stored photo and its thumbnail, ignoring files already gone."""
    for name in (stored.name, stored.thumb_name):
        storage.delete(name)
