"""Every public page type is valid HTML for the Nu HTML checker (vnu-jar from npm, run on Java)."""

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


def test_every_public_page_type_is_valid_html(site, tmp_path):
    assert VNU_JAR.exists(), f"vnu-jar is missing: run `npm ci` at the repository root ({VNU_JAR})"
    java = shutil.which("java")
    assert java, "the Nu HTML checker needs Java (apt install default-jre-headless)"
    files = {}
    for language in LANGUAGES:
        for number, url in enumerate(page_type_urls(language)):
            path = tmp_path / f"{language}-{number:02d}.html"
            path.write_bytes(fetch(site.url + url.path))
            files[path.name] = url
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
