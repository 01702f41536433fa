"""Editors' image uploads: metadata stripped, bombs and fake images refused."""

import io
import secrets

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

GPS_IFD = 0x8825


def jpeg_with_gps(width=64, height=48, orientation=None) -> bytes:
    image = PILImage.new("RGB", (width, height), (200, 30, 30))
    exif = PILImage.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Phone 12"  # Model
    if orientation:
        exif[0x0112] = orientation
    exif[GPS_IFD] = {1: "N", 2: (50.0, 25.0, 58.0), 3: "E", 4: (2.0, 49.0, 58.0)}  # Lens
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def has_metadata(data: bytes) -> bool:
    with PILImage.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        return bool(exif) or "exif" in image.info or "xmp" in image.info


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("photos", "p@example.org", secrets.token_urlsafe(16))
    client.force_login(user)
    return client


def upload(editor_client, name, data, content_type="image/jpeg"):
    return editor_client.post(
        "/admin/images/add/",
        {
            "title": "Photo d'un atelier",
            "description": "Des mains qui dessinent sur une grande feuille",
            "file": SimpleUploadedFile(name, data, content_type=content_type),
        },
    )


def test_fixture_really_carries_gps():
    data = jpeg_with_gps()
    with PILImage.open(io.BytesIO(data)) as image:
        assert image.getexif().get_ifd(GPS_IFD)


@pytest.mark.django_db
def test_uploaded_original_loses_gps_and_exif(editor_client):
    response = upload(editor_client, "atelier.jpg", jpeg_with_gps())
    assert response.status_code == 302, response.content[:2000]
    image = get_image_model().objects.get(title="Photo d'un atelier")
    with image.open_file() as f:
        stored = f.read()
    assert not has_metadata(stored)
    assert b"PhoneMaker" not in stored
    # Size and hash describe the stored (clean) file.
    assert image.file_size == len(stored)
    from wagtail.utils.file import hash_filelike

    assert image.file_hash == hash_filelike(io.BytesIO(stored))


@pytest.mark.django_db
def test_renditions_carry_no_metadata(editor_client):
    upload(editor_client, "atelier.jpg", jpeg_with_gps())
    image = get_image_model().objects.get(title="Photo d'un atelier")
    rendition = image.get_rendition("fill-32x32")
    with rendition.file.open("rb") as f:
        assert not has_metadata(f.read())


@pytest.mark.django_db
def test_orientation_is_applied_before_stripping(editor_client):
    # Orientation 6 = rotate 90°: a 64×48 sensor image is a 48×64 portrait photo.
    upload(editor_client, "portrait.jpg", jpeg_with_gps(64, 48, orientation=6))
    image = get_image_model().objects.get(title="Photo d'un atelier")
    assert (image.width, image.height) == (48, 64)


@pytest.mark.django_db
def test_png_text_chunks_are_dropped(editor_client):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "pris au 12 rue des Lilas")
    out = io.BytesIO()
    PILImage.new("RGBA", (20, 20), (0, 0, 0, 0)).save(out, format="PNG", pnginfo=info)
    assert upload(editor_client, "logo.png", out.getvalue(), "image/png").status_code == 302
    image = get_image_model().objects.get(title="Photo d'un atelier")
    with image.open_file() as f:
        stored = f.read()
    assert b"rue des Lilas" not in stored
    with PILImage.open(io.BytesIO(stored)) as clean:
        assert clean.mode == "RGBA"


@pytest.mark.django_db
def test_decompression_bomb_is_refused(editor_client, settings):
    # 8000 × 8000 = 64 Mpx of one colour compresses to a few kilobytes.
    out = io.BytesIO()
    PILImage.new("1", (8000, 8000)).save(out, format="PNG")
    data = out.getvalue()
    assert len(data) < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response = upload(editor_client, "bombe.png", data, "image/png")
    assert response.status_code == 200  # form redisplayed with an error
    assert not get_image_model().objects.exists()
    assert "pixels" in response.content.decode().lower()


@pytest.mark.django_db
def test_oversized_file_is_refused(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    response = upload(editor_client, "grande.jpg", jpeg_with_gps(400, 400) + b"\0" * 2048)
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("faux.jpg", b"<?php system($_GET['c']); ?>"),
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("image.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
)
def test_files_that_are_not_real_images_are_refused(editor_client, name, data):
    response = upload(editor_client, name, data, "image/jpeg")
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
