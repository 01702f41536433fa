"""`make docs-screenshots`: the admin screenshots of the README's « Who does what ».

Photographs a running development site (BASE_URL, default http://127.0.0.1:8000, served from
this checkout's database with the demo content) at 1280 px, logged in as a « Modérateur » (the
dashboard, « Témoignages reçus ») and as a « Rédaction » member (the page explorer), with
French as their admin language. The two accounts (``doc-moderation``, ``doc-redaction``) are
created or updated in that database with a fresh random password at each run; one demo
testimony is submitted when none awaits review, so the moderators' screens are not empty.
The images are reduced to a 256-colour palette and written to docs/screenshots/admin-*.png.

Needs the development settings (no second factor) and Chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_parlons.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from PIL import Image  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from wagtail.users.models import UserProfile  # noqa: E402

from home.roles import get_redaction_group  # noqa: E402
from temoignages.moderation import get_moderators_group  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
OUT_DIR = ROOT / "docs" / "screenshots"
WIDTH, HEIGHT = 1280, 800


def member(username: str, group) -> tuple[str, str]:
    """The account (created or reset) and its password for this run."""
    password = secrets.token_urlsafe(16)
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.first_name = {"doc-moderation": "Camille", "doc-redaction": "Sam"}[username]
    user.set_password(password)
    user.save()
    user.groups.set([group])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    return username, password


def ensure_pending_testimony() -> None:
    from home.models import HarassmentType
    from temoignages import services
    from temoignages.choices import Status
    from temoignages.models import TestimonyFormPage, TestimonySubmission

    if TestimonySubmission.objects.filter(status=Status.PENDING).exists():
        return
    form_page = TestimonyFormPage.objects.live().get(locale__language_code="fr")
    data = {
        "harassment_type": HarassmentType.objects.filter(locale=form_page.locale).first(),
        "role": "victime",
        "story": "Exemple de la documentation : des messages moqueurs chaque soir sur le groupe de la classe.",
        "consent_publication": True,
        "consent_processing": True,
    }
    submission, _code = services.save_submission(data, form_page)
    services.process_submission(submission)


def save(png: bytes, name: str) -> Path:
    """A 256-colour PNG: a few tens of KB for an admin screen, text still sharp."""
    path = OUT_DIR / f"{name}.png"
    raw = path.with_suffix(".raw.png")
    raw.write_bytes(png)
    with Image.open(raw) as image:
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    raw.unlink()
    return path


def photograph(browser, credentials: tuple[str, str], shots: list[tuple[str, str]]) -> list[Path]:
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, locale="fr-FR")
    page = context.new_page()
    page.goto(f"{BASE_URL}/admin/login/")
    page.fill("input[name=username]", credentials[0])
    page.fill("input[name=password]", credentials[1])
    page.click("button[type=submit]")
    page.wait_for_url(f"{BASE_URL}/admin/**")
    written = []
    for path, name in shots:
        page.goto(BASE_URL + path)
        page.wait_for_load_state("networkidle")
        written.append(save(page.screenshot(), name))
    context.close()
    return written


def main() -> None:
    from home.models import HomePage
    from temoignages.models import TestimonyIndexPage, TestimonySubmission

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    ensure_pending_testimony()
    moderator = member("doc-moderation", get_moderators_group())
    editor = member("doc-redaction", get_redaction_group())
    home = HomePage.objects.get(locale__language_code="fr")
    index = TestimonyIndexPage.objects.get(locale__language_code="fr")
    pending = TestimonySubmission.objects.review_queue().exclude(page=None).first()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        written = photograph(
            browser,
            moderator,
            [
                ("/admin/", "admin-moderation-dashboard"),
                ("/admin/temoignages/relecture/", "admin-moderation-queue"),
                (f"/admin/temoignages/relecture/{pending.pk}/", "admin-moderation-review"),
                ("/admin/snippets/temoignages/testimonysubmission/", "admin-moderation-received"),
                (f"/admin/pages/{index.pk}/", "admin-moderation-section"),
            ],
        )
        written += photograph(browser, editor, [(f"/admin/pages/{home.pk}/", "admin-redaction-explorer")])
        browser.close()
    for path in written:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
