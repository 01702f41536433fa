"""The CSS and template linters of `make lint` catch the bugs they are there for.

Each case lints a small file holding one real bug with the project's own configuration
(.stylelintrc.json, pyproject.toml's [tool.djlint]), so a rule switched off by mistake fails here.
The first case is the bug that shipped: main.css opened `@media print {` and never closed it, so
every later rule applied only when printing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STYLELINT = ROOT / "node_modules" / ".bin" / "stylelint"
BIN = Path(sys.executable).parent

needs_stylelint = pytest.mark.skipif(
    shutil.which("node") is None or not STYLELINT.exists(),
    reason="needs node and node_modules/.bin/stylelint (make lint installs it with npm ci)",
)

UNCLOSED_MEDIA = """\
.site-header { background: #f4f0f8; }
@media print {
    .site-header { display: none; }

.hp-field { position: absolute; left: -10000px; }
"""


def stylelint(tmp_path: Path, css: str) -> subprocess.CompletedProcess:
    sheet = tmp_path / "sheet.css"
    sheet.write_text(css)
    return subprocess.run(  # noqa: S603 - fixed arguments
        [str(STYLELINT), "--config", str(ROOT / ".stylelintrc.json"), str(sheet)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@needs_stylelint
def test_stylelint_rejects_an_unclosed_media_block(tmp_path):
    result = stylelint(tmp_path, UNCLOSED_MEDIA)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Unclosed block" in output, output


@needs_stylelint
@pytest.mark.parametrize(
    ("css", "message"),
    [
        (".a { colr: red; }\n", 'Unknown property "colr"'),
        (".a { color: red; }\n.b { margin: 0; }\n.a { padding: 0; }\n", 'Duplicate selector ".a"'),
        # stylelint 17 reports an invalid hex colour as a value the property cannot take.
        (".a { border: 1px solid #12345; }\n", 'Unknown value "#12345"'),
        ("@media (width >= 40em) { .a { margin: 0; } }\n", "media-feature-range-notation"),
    ],
    ids=["unknown property", "duplicate selector", "invalid hex", "range syntax old phones ignore"],
)
def test_stylelint_keeps_the_rules_that_catch_bugs(tmp_path, css, message):
    result = stylelint(tmp_path, css)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert message in output, output


@needs_stylelint
def test_stylelint_accepts_the_compact_house_style(tmp_path):
    css = (
        ".site-header__inner { display: flex; gap: 0.5rem; }\n"
        ".helplines--urgent { border-color: #9b1c1c; }\n"
        "@media (min-width: 48rem) { .cards { grid-template-columns: repeat(2, 1fr); } }\n"
    )
    result = stylelint(tmp_path, css)
    assert result.returncode == 0, result.stdout + result.stderr


def template(tmp_path: Path, html: str) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    path = folder / "page.html"
    path.write_text(html)
    return path


def test_djlint_rejects_an_unclosed_tag_and_an_image_without_alt(tmp_path):
    path = template(
        tmp_path,
        '{% extends "base.html" %}\n{% block content %}\n<div>\n    <section><p>text</p>\n</div>\n'
        '<img src="/static/img/logo.svg">\n{% endblock %}\n',
    )
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [str(BIN / "djlint"), "--lint", "--configuration", str(ROOT / "pyproject.toml"), str(path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0, result.stdout
    assert "H025" in result.stdout, result.stdout  # orphan tag
    assert "H013" in result.stdout, result.stdout  # img without alt


def test_djhtml_check_rejects_a_misindented_template(tmp_path):
    path = template(tmp_path, "{% block content %}\n<main>\n<p>text</p>\n</main>\n{% endblock %}\n")
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [str(BIN / "djhtml"), "--check", str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0, result.stdout + result.stderr
    assert "would have reindented" in result.stdout + result.stderr
