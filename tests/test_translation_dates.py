"""wagtail-localize's « Traduit manuellement le … » in the editor's language: a numeric date, never
an English month name (its strftime uses the server's C locale)."""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from wagtail_localize.models import StringTranslation

pytestmark = pytest.mark.django_db


def test_a_translated_segment_is_dated_without_an_english_month(demo_site):
    string_translation = StringTranslation.objects.filter(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL
    ).first()
    assert string_translation is not None, "the demo's English pages are translated through wagtail-localize"
    with translation.override("fr"):
        comment = str(string_translation.get_comment())
    assert re.fullmatch(r"Traduit manuellement le \d{2}/\d{2}/\d{4}", comment), comment
