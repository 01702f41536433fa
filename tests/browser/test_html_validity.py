"""Every public page type, and the testimony pages a POST shows, are valid HTML for the Nu HTML
checker (vnu-jar from npm, run on Java)."""

from __future__ import annotations

import json
import shutil
import subprocess
import urllib.error
import urllib.request

import pytest

from .axe import ROOT
from .pages import LANGUAGES, page_type_urls

pytestmark = pytest.mark.browser

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def fetch(url: str) -> bytes:
    """The HTML exactly as the server sends it (not the browser's DOM after scripts)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - the local live server
            return response.read()
    except urllib.error.HTTPError as error:  # the 404 page is checked too
        return error.read()


def form_fields(html: bytes, selector: str) -> dict[str, str]:
    """The hidden fields (CSRF token, anti-bot timer) of the form at ``selector``."""
    from bs4 import BeautifulSoup

    form = BeautifulSoup(html, "html.parser").select_one(selector)
    return {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}


def answer_pages(settings) -> dict[str, bytes]:
    """The testimony pages only a POST shows: the form sent back with errors, the thank-you
    page with its receipt code, the status page with a result (Django's test client, on the
    live server's database)."""
    from bs4 import BeautifulSoup
    from django.test import Client

    from temoignages.models import TestimonyFormPage

    settings.TESTIMONY_MIN_FILL_SECONDS = 0
    form_page = TestimonyFormPage.objects.live().filter(locale__language_code="fr").first()
    client = Client(HTTP_HOST="localhost")
    url = form_page.get_url()
    empty = client.get(url).content
    pages = {"testimony form with errors": client.post(url, form_fields(empty, "form.testimony-form")).content}
    filled = client.get(url).content
    soup = BeautifulSoup(filled, "html.parser")
    data = form_fields(filled, "form.testimony-form")
    data.update(
        harassment_type=soup.select("#id_harassment_type option[value]")[1]["value"],
        role=soup.select_one("input[name=role]")["value"],
        story="Au collège, on me bousculait dans les couloirs tous les jours depuis la rentrée.",
        consent_publication="on",
        consent_processing="on",
    )
    thank_you = client.post(url, data).content
    pages["thank-you page"] = thank_you
    code = BeautifulSoup(thank_you, "html.parser").select_one(".receipt-code").get_text(strip=True)
    status_url = form_page.status_url()
    status_form = client.get(status_url).content
    pages["status page with a result"] = client.post(
        status_url, {**form_fields(status_form, "main form"), "code": code, "action": "check"}
    ).content
    assert b"error-summary" in pages["testimony form with errors"]
    assert b"status-result" in pages["status page with a result"]
    return pages


def test_every_public_page_type_is_valid_html(site, tmp_path, settings):
    assert VNU_JAR.exists(), f"vnu-jar is missing: run `npm ci` at the repository root ({VNU_JAR})"
    java = shutil.which("java")
    assert java, "the Nu HTML checker needs Java (apt install default-jre-headless)"
    files = {}
    for language in LANGUAGES:
        for number, url in enumerate(page_type_urls(language)):
            path = tmp_path / f"{language}-{number:02d}.html"
            path.write_bytes(fetch(site.url + url.path))
            files[path.name] = url
    for number, (label, html) in enumerate(answer_pages(settings).items()):
        path = tmp_path / f"answer-{number:02d}.html"
        path.write_bytes(html)
        files[path.name] = label
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{files[message['url'].rsplit('/', 1)[-1]]} line {message.get('lastLine')}: {message['message']}"
        f"\n    {message.get('extract', '').strip()[:160]}"
        for message in messages
        if message.get("type") == "error"
    ]
    assert not errors, "Nu HTML checker errors:\n" + "\n".join(errors)
    assert result.returncode == 0, result.stderr
