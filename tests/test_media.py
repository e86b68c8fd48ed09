"""Photo uploads: what gets stored, and what is refused with which sentence."""

import io
import warnings

import pytest
from PIL import Image, ImageCms

from backend import media
from backend.media import ImageRefused, StoredImage, delete_image, store_image
from backend.storage import LocalStorage

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def encode(image: Image.Image, fmt: str, **params) -> io.BytesIO:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    out.seek(0)
    return out


def noisy(size: tuple[int, int]) -> Image.Image:
    """A photo-like image that does not compress to almost nothing."""
    return Image.effect_noise(size, 64).convert("RGB")


def open_stored(upload_dir, name: str) -> Image.Image:
    image = Image.open(LocalStorage(upload_dir).path(name))
    image.load()
    return image


def test_gps_exif_and_other_metadata_are_stripped_and_orientation_applied(tmp_path):
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_IFD).update({1: "S", 2: (6.0, 12.0, 30.5), 3: "E", 4: (106.0, 49.0, 12.25)})
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    upload = encode(noisy((400, 300)), "JPEG", exif=exif, icc_profile=icc, comment=b"secret")
    source = Image.open(upload)
    assert source.getexif().get_ifd(GPS_IFD)[2] == (6.0, 12.0, 30.5)
    upload.seek(0)

    stored = store_image(upload, LocalStorage(tmp_path))

    for name in (stored.name, stored.thumb_name):
        image = open_stored(tmp_path, name)
        assert len(image.getexif()) == 0
        assert not {"exif", "icc_profile", "comment", "xmp"} & image.info.keys()
        assert image.format == "JPEG" and image.mode == "RGB"
    assert (stored.width, stored.height) == (300, 400)
    assert open_stored(tmp_path, stored.name).size == (300, 400)
    assert stored.content_type == "image/jpeg"


def test_transparent_png_becomes_rgb_jpeg_on_white(tmp_path):
    image = Image.new("RGBA", (100, 80), (255, 0, 0, 0))
    image.paste((0, 0, 255, 255), (0, 0, 50, 80))

    stored = store_image(encode(image, "PNG"), LocalStorage(tmp_path))

    result = open_stored(tmp_path, stored.name)
    assert result.format == "JPEG" and result.mode == "RGB"
    right = result.getpixel((90, 40))
    left = result.getpixel((10, 40))
    assert min(right) > 240
    assert left[2] > 200 and left[0] < 40


def test_webp_is_accepted(tmp_path):
    stored = store_image(encode(noisy((120, 90)), "WEBP"), LocalStorage(tmp_path))

    assert open_stored(tmp_path, stored.name).size == (120, 90)


def test_large_image_is_shrunk_with_thumbnail(tmp_path):
    stored = store_image(encode(Image.new("RGB", (4000, 3000), "green"), "JPEG"), LocalStorage(tmp_path))

    assert (stored.width, stored.height) == (1600, 1200)
    assert open_stored(tmp_path, stored.name).size == (1600, 1200)
    assert open_stored(tmp_path, stored.thumb_name).size == (320, 240)


def test_small_image_is_not_upscaled(tmp_path):
    stored = store_image(encode(noisy((200, 150)), "PNG"), LocalStorage(tmp_path))

    assert (stored.width, stored.height) == (200, 150)
    assert open_stored(tmp_path, stored.name).size == (200, 150)
    assert open_stored(tmp_path, stored.thumb_name).size == (200, 150)


def test_files_get_random_url_safe_names_in_a_two_letter_folder(tmp_path):
    first = store_image(encode(noisy((50, 50)), "PNG"), LocalStorage(tmp_path))
    second = store_image(encode(noisy((50, 50)), "PNG"), LocalStorage(tmp_path))

    assert first.name != second.name
    stem = first.name.removesuffix(".jpg")
    assert first.thumb_name == f"{stem}_t.jpg"
    assert (tmp_path / stem[:2] / first.name).is_file()
    assert (tmp_path / stem[:2] / first.thumb_name).is_file()
    assert LocalStorage(tmp_path).path(first.name) == tmp_path / stem[:2] / first.name


def test_delete_image_removes_both_files_and_ignores_missing(tmp_path):
    stored = store_image(encode(noisy((50, 50)), "PNG"), LocalStorage(tmp_path))

    delete_image(LocalStorage(tmp_path), stored)
    delete_image(LocalStorage(tmp_path), stored)

    assert not LocalStorage(tmp_path).path(stored.name).exists()
    assert not LocalStorage(tmp_path).path(stored.thumb_name).exists()


def truncated_jpeg() -> io.BytesIO:
    data = encode(noisy((400, 300)), "JPEG").getvalue()
    return io.BytesIO(data[: len(data) // 2])


def bomb(size: tuple[int, int]) -> io.BytesIO:
    """A PNG of one colour: a few kilobytes on disk, many megapixels once decoded."""
    return encode(Image.new("1", size), "PNG")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: io.BytesIO(b"just some text, not a picture\n"), media.NOT_AN_IMAGE),
        (lambda: io.BytesIO(b""), media.EMPTY),
        (truncated_jpeg, media.DAMAGED),
        (lambda: io.BytesIO(b"\xff" * (10 * 1024 * 1024 + 1)), media.TOO_BIG),
        (lambda: bomb((10000, 10000)), media.TOO_MANY_PIXELS),
        (lambda: bomb((7000, 6000)), media.TOO_MANY_PIXELS),
        (lambda: encode(Image.new("RGB", (40, 30), "red"), "GIF"), media.NOT_AN_IMAGE),
        (lambda: encode(Image.new("RGB", (40, 30), "red"), "BMP"), media.NOT_AN_IMAGE),
    ],
    ids=["text", "empty", "truncated", "over-10-mb", "pillow-bomb", "over-max-pixels", "gif", "bmp"],
)
def test_unusable_upload_is_refused_and_nothing_is_stored(tmp_path, upload, message):
    with pytest.raises(ImageRefused) as refused:
        store_image(upload(), LocalStorage(tmp_path))

    assert refused.value.message == message
    assert list(tmp_path.iterdir()) == []


def test_refusal_messages_are_the_catalogued_sentences():
    assert media.TOO_BIG == "The file is larger than 10 MB."
    assert media.NOT_AN_IMAGE == "The file is not an image we can read (use JPEG, PNG or WebP)."
    assert media.DAMAGED == "The image file is damaged or incomplete."
    assert media.TOO_MANY_PIXELS == "The image is too large in pixels."
    assert media.EMPTY == "The file is empty."


def test_pillow_bomb_warning_becomes_a_refusal_not_a_warning(tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ImageRefused):
            store_image(bomb((10000, 10000)), LocalStorage(tmp_path))

    assert caught == []


def test_pillow_warning_filters_are_left_as_they_were(tmp_path):
    with pytest.raises(ImageRefused):
        store_image(bomb((10000, 10000)), LocalStorage(tmp_path))

    with pytest.warns(Image.DecompressionBombWarning):
        Image.open(bomb((10000, 10000)))


@pytest.mark.parametrize(
    "name",
    [
        "../etc/passwd",
        "abcdefghijkl/nopqrstuvwx.jpg",
        "abcdefghijkl\\nopqrstuvwx.jpg",
        "/etc/passwd",
        "x.jpg",
        "",
    ],
)
def test_a_storage_path_refuses_names_the_app_did_not_produce(tmp_path, name):
    with pytest.raises(FileNotFoundError):
        LocalStorage(tmp_path).path(name)


def test_delete_image_refuses_a_forged_name(tmp_path):
    victim = tmp_path / "keep.txt"
    victim.write_text("keep")
    forged = StoredImage("../keep.txt", "../keep.txt", 1, 1, "image/jpeg")

    with pytest.raises(FileNotFoundError):
        delete_image(LocalStorage(tmp_path / "uploads"), forged)

    assert victim.exists()
