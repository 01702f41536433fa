"""Factories and small builders for the testimony section."""

import time

import factory
from django.utils import timezone
from wagtail.models import Locale

from home.models import DEFAULT_HARASSMENT_TYPES, HarassmentType
from site_parlons.ops import form_protection
from temoignages import models
from temoignages.choices import Role
from temoignages.forms import form_timer
from temoignages.permissions import creating_testimonies
from temoignages.receipts import hash_receipt, new_receipt_code

from .home import BasePageFactory


class TestimonyIndexPageFactory(BasePageFactory):
    class Meta:
        model = models.TestimonyIndexPage


class TestimonyPageFactory(BasePageFactory):
    story = factory.Faker("paragraph", nb_sentences=6, locale="fr_FR")
    headline = factory.Faker("sentence", nb_words=5, locale="fr_FR")
    pseudonym = factory.Faker("first_name", locale="fr_FR")
    role = factory.Faker("random_element", elements=Role.values)

    class Meta:
        model = models.TestimonyPage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Tests stand in for the submission flow, the only creator of testimony pages.
        with creating_testimonies():
            return super()._create(model_class, *args, **kwargs)


class TestimonyFormPageFactory(BasePageFactory):
    reassurance = factory.Faker("paragraph", nb_sentences=2, locale="fr_FR")
    what_is_published = factory.Faker("paragraph", nb_sentences=2, locale="fr_FR")
    review_delay = "sous sept jours"

    class Meta:
        model = models.TestimonyFormPage


class TestimonySubmissionFactory(factory.django.DjangoModelFactory):
    """A private record, without its page (like one whose page creation failed)."""

    locale = factory.LazyFunction(Locale.get_default)
    role = factory.Faker("random_element", elements=Role.values)
    story = factory.Faker("paragraph", nb_sentences=5, locale="fr_FR")
    pseudonym = factory.Faker("first_name", locale="fr_FR")
    consent_publication = True
    consent_processing = True
    consent_text_version = "2025-01"
    consented_at = factory.LazyFunction(timezone.now)
    contact_email = factory.Faker("email", locale="fr_FR")
    receipt_hash = factory.LazyFunction(lambda: hash_receipt(new_receipt_code()))

    class Meta:
        model = models.TestimonySubmission


def ensure_types() -> None:
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    for order, (code, name_fr, name_en) in enumerate(DEFAULT_HARASSMENT_TYPES):
        source = HarassmentType.objects.filter(code=code, locale=fr).first()
        if source is None:
            source = HarassmentType.objects.create(code=code, name=name_fr, sort_order=order, locale=fr)
        if not HarassmentType.objects.filter(code=code, locale=en).exists():
            translation = source.copy_for_translation(en)
            translation.name = name_en
            translation.save()


def build_testimony_section(home):
    """Types, a testimony index and its form page under ``home``: (index, form_page)."""
    ensure_types()
    index = TestimonyIndexPageFactory(parent=home, slug="temoignages", title="Témoignages")
    form_page = TestimonyFormPageFactory(parent=index, slug="temoigner", title="Témoigner")
    return index, form_page


def old_token(seconds: float = 60) -> str:
    """A form token as if the form had been shown ``seconds`` ago (past the minimum fill time)."""
    return form_timer().make(now=time.time() - seconds)


def valid_data(form_page, **overrides) -> dict:
    harassment_type = HarassmentType.objects.get(code="scolaire", locale=form_page.locale)
    data = {
        "harassment_type": harassment_type.pk,
        "role": "victime",
        "story": "Au lycée, des élèves se moquaient de moi tous les jours dans la cour et sur les réseaux.",
        "title": "",
        "pseudonym": "",
        "age_range": "15-17",
        "region": "hdf",
        "consent_publication": "on",
        "consent_processing": "on",
        "contact_email": "",
        form_protection.HONEYPOT_FIELD: "",
        form_protection.TOKEN_FIELD: old_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def tables_containing(*needles: str) -> list[str]:
    """Every ``table.column`` of the database whose text holds one of ``needles`` (case-insensitive)."""
    from django.db import connection

    found = []
    lowered = [needle.lower() for needle in needles]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - table names come from introspection
            columns = [col[0] for col in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    if value is None:
                        continue
                    text = (value.decode("utf-8", "replace") if isinstance(value, bytes | memoryview) else str(value)).lower()
                    if any(needle in text for needle in lowered):
                        found.append(f"{table}.{column}")
    return sorted(set(found))
