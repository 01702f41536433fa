"""`make screenshots`: full-page PNGs of every page type, French and English, at 360 and 1280 px.

One page of each type (tests/browser/pages.py, the list the accessibility tests use: search
results, the empty search and the 404 page included), plus the testimony form with its errors,
the thank-you page and the status page, which only a POST reaches. Files go to
SCREENSHOTS_DIR (default var/screenshots/), named <language>-<page>-<width>.png.

Without BASE_URL it builds its own throwaway production-like site (tests/browser/prodlike.py:
its own SQLite database with the demo content, gunicorn on a free port) and stops it at the
end. With BASE_URL=http://127.0.0.1:8000 it photographs that running site instead, finding
the pages in the database of this checkout's settings (the one `make run` serves); it then
submits two testimonies there (one per language) to reach the thank-you and status pages.

It lives beside the browser tests because it is built from their pieces (pages.py,
form_states.py, prodlike.py, Playwright on Debian's Chromium) and is a development tool:
the apps ship to production without Playwright, and the client fixed the top-level layout.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.form_states import walk_testimony_form
from tests.browser.prodlike import ROOT, production_like_site

WIDTHS = (360, 1280)
HEIGHT = 800
# The production anti-bot timer (TESTIMONY_MIN_FILL_SECONDS): a faster post gets a decoy page.
MIN_FILL_SECONDS = 3.5
LIST_PAGES = """
import json
from tests.browser.pages import LANGUAGES, page_type_urls
from temoignages.models import TestimonyFormPage
rows = {"pages": [], "forms": {}}
for language in LANGUAGES:
    rows["pages"] += [[language, url.label, url.path] for url in page_type_urls(language)]
    form = TestimonyFormPage.objects.live().filter(locale__language_code=language).first()
    if form is not None:
        rows["forms"][language] = form.get_url()
print(json.dumps(rows))
"""


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def list_pages(env: dict) -> dict:
    output = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "shell", "-c", LIST_PAGES],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def shoot(tab, folder: Path, name: str) -> list[Path]:
    """The page as it is now, full length, at each width."""
    files = []
    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": HEIGHT})
        path = folder / f"{name}-{width}.png"
        tab.screenshot(path=str(path), full_page=True)
        files.append(path)
    return files


def photograph(base_url: str, pages: dict, folder: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    files: list[Path] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            for language, label, path in pages["pages"]:
                context = browser.new_context(locale=f"{language}-FR" if language == "fr" else "en-GB")
                tab = context.new_page()
                tab.goto(base_url + path, wait_until="networkidle")
                files += shoot(tab, folder, f"{language}-{slug(label.split(' [')[0])}")
                context.close()
            for language, form_path in pages["forms"].items():
                context = browser.new_context(viewport={"width": WIDTHS[0], "height": HEIGHT})
                tab = context.new_page()
                for state in walk_testimony_form(tab, base_url, form_path, language, MIN_FILL_SECONDS):
                    files += shoot(tab, folder, f"{language}-{slug(state)}")
                    tab.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
                context.close()
        finally:
            browser.close()
    return files


def main() -> int:
    if not CHROMIUM.exists():
        raise SystemExit(f"Chromium is missing at {CHROMIUM} (apt install chromium)")
    folder = Path(os.environ.get("SCREENSHOTS_DIR") or ROOT / "var" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    base_url = os.environ.get("BASE_URL", "").rstrip("/")
    if base_url:
        files = photograph(base_url, list_pages(dict(os.environ)), folder)
    else:
        print("Building a production-like site with the demo content", flush=True)
        with production_like_site() as site:
            files = photograph(site.url, list_pages(site.env), folder)
    print(f"{len(files)} screenshots in {folder}:")
    for path in files:
        print(f"  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
