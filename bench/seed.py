"""Seed a benchmark database: the demo site plus 10 000 testimonies, 200 campaign pages, 100 associations.

Run with the target settings in the environment (bench/run.py does it):
    python bench/seed.py [--testimonies 10000] [--campaign 200] [--associations 100]
Prints one JSON line with the URLs to benchmark. Idempotent: a database that already holds
the pages is not seeded twice.

Pages are inserted in bulk (wagtailcore_page rows with their materialised paths computed
here, then the page type's own table), then added to the search index in batches:
creating 10 000 pages through Wagtail's tree API would take long minutes.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Q  # noqa: E402
from django.templatetags.static import static  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

WORDS = (
    "harcèlement école collège lycée travail rue réseaux messages insultes peur silence parler aide "
    "amis parents professeur collègue témoin courage écoute association soutien plainte confiance "
    "moqueries rumeurs menaces isolement honte force ensemble solidarité respect victime"
).split()
RNG = random.Random(2019)  # fixed seed: same content on every run
#: Rows per INSERT batch and per search-index batch: the search backend recomputes its title
#: norms over the whole index once per batch, so few large batches keep seeding linear.
BATCH = 5000


def sentence(n: int = 12) -> str:
    words = [RNG.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(sentences: int = 6) -> str:
    return " ".join(sentence(RNG.randint(8, 18)) for _ in range(sentences))


# Drawn once, then picked from: writing 50 000 random stories word by word costs more than
# inserting them, and search and listings only need varied text, not unique text.
SENTENCES = [sentence(RNG.randint(4, 25)) for _ in range(512)]
PARAGRAPHS = [paragraph(8) for _ in range(256)]


def _row_values(model, fields, values_by_name: dict) -> list:
    row = []
    for field in fields:
        value = values_by_name[field.name] if field.name in values_by_name else None
        if field.name not in values_by_name:
            if field.is_relation and not field.null and not field.has_default():
                value = field.related_model._default_manager.order_by("pk").values_list("pk", flat=True).first()
            else:
                value = field.get_default()
        row.append(field.get_db_prep_save(value, connection))
    return row


def _insert_sql(model, fields) -> str:
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    return f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608 - identifiers from the model


def bulk_pages(parent: Page, model, count: int, slug_prefix: str, fields) -> list[int]:
    """Insert ``count`` live pages of ``model`` under ``parent``; returns their ids.

    Plain ``executemany`` of the ``wagtailcore_page`` rows (materialised paths computed
    here), their ids read back by path, then the page type's own rows: no model instances,
    which cost more than the inserts themselves."""
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    start = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    child_fields = model._meta.local_concrete_fields
    page_sql, child_sql = _insert_sql(Page, page_fields), _insert_sql(model, child_fields)
    depth = parent.depth + 1
    ids = []
    for offset in range(0, count, BATCH):
        numbers = range(start + offset, start + min(offset + BATCH, count))
        page_rows, extras = [], {}
        for number in numbers:
            i = number - start
            title, overrides = fields(i)
            slug = f"{slug_prefix}-{number}"
            path = Page._get_path(parent.path, depth, number)
            published = now - timedelta(minutes=i)
            extras[path] = overrides
            page_rows.append(
                _row_values(
                    Page,
                    page_fields,
                    {
                        "path": path,
                        "depth": depth,
                        "numchild": 0,
                        "translation_key": uuid.uuid4(),
                        "locale": parent.locale_id,
                        "live": True,
                        "has_unpublished_changes": False,
                        "first_published_at": published,
                        "last_published_at": published,
                        "title": title,
                        "draft_title": title,
                        "slug": slug,
                        "content_type": content_type.pk,
                        "url_path": f"{parent.url_path}{slug}/",
                        "show_in_menus": False,
                    },
                )
            )
        first, last_path = (
            Page._get_path(parent.path, depth, numbers[0]),
            Page._get_path(parent.path, depth, numbers[-1]),
        )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(page_sql, page_rows)
            batch = Page.objects.filter(path__gte=first, path__lte=last_path, depth=depth).values_list("path", "pk")
            child_rows = [
                _row_values(model, child_fields, {model._meta.pk.name: pk, **extras[path]}) for path, pk in batch
            ]
            cursor.executemany(child_sql, child_rows)
        ids.extend(row[child_fields.index(model._meta.pk)] for row in child_rows)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
    return ids


def index_pages(model, ids: list[int]) -> None:
    backend = get_search_backend()
    for offset in range(0, len(ids), BATCH):
        backend.add_bulk(model, list(model.objects.filter(pk__in=ids[offset : offset + BATCH])))


def first_live(model_label: str, home: Page):
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return None
    return model.objects.descendant_of(home).live().order_by("path").first()


def seed(testimonies: int, campaign: int, associations: int) -> dict:
    from django.core.management import call_command

    notes = []
    # The demo loader completes every page it finds, seeded ones included (drawing their
    # illustrations one by one): a database already seeded keeps its demo content as is.
    if not Page.objects.filter(Q(slug__startswith="temoignage-bench-") | Q(slug__startswith="bench-")).exists():
        call_command("load_demo_content", stdout=sys.stderr)
    home = Page.objects.get(depth=2, locale__language_code="fr")
    TestimonyPage = apps.get_model("temoignages", "TestimonyPage")
    index = first_live("temoignages.TestimonyIndexPage", home)
    existing = TestimonyPage.objects.child_of(index).live().count()
    HarassmentType = apps.get_model("home", "HarassmentType")
    types = list(HarassmentType.objects.filter(locale_id=index.locale_id).order_by("pk").values_list("pk", flat=True))
    if existing < testimonies:
        ids = bulk_pages(
            index,
            TestimonyPage,
            testimonies - existing,
            "temoignage-bench",
            lambda i: (
                SENTENCES[i % len(SENTENCES)][:200],
                {
                    "story": PARAGRAPHS[i % len(PARAGRAPHS)],
                    "intro": SENTENCES[(i * 7) % len(SENTENCES)],
                    # Every type in turn, as real testimonies spread: the ?type= filters read real rows.
                    "harassment_type": types[i % len(types)] if types else None,
                },
            ),
        )
        index_pages(TestimonyPage, ids)
    for label, index_label in (
        ("campagne.InterviewPage", "campagne.InterviewIndexPage"),
        ("campagne.VideoPage", "campagne.VideoIndexPage"),
        ("campagne.StudyPage", "campagne.StudyIndexPage"),
    ):
        model = apps.get_model(label)
        parent = first_live(index_label, home)
        wanted = campaign // 3 + (1 if label.endswith("InterviewPage") else 0) * (campaign % 3)
        have = model.objects.child_of(parent).live().count()
        # A video page is not valid without its video (the demo loader re-validates pages).
        video = {"video_url": "https://www.youtube.com/watch?v=bench000000"} if hasattr(model, "video_url") else {}
        if have < wanted:
            ids = bulk_pages(
                parent,
                model,
                wanted - have,
                "bench",
                lambda i, video=video: (
                    SENTENCES[i % len(SENTENCES)][:200],
                    {"intro": SENTENCES[(i * 3) % len(SENTENCES)], **video},
                ),
            )
            index_pages(model, ids)
    try:
        Association = apps.get_model("ressources", "Association")
    except LookupError:
        notes.append("no ressources.Association model yet: associations not seeded")
        Association = None
    if Association is not None:
        try:
            have = Association.objects.count()
            if have < associations:
                seed_associations(Association, associations - have)
        except Exception as error:  # a model still being built by another branch
            notes.append(f"associations not seeded: {error.__class__.__name__}: {error}")

    with connection.cursor() as cursor:
        # As autovacuum leaves a live site after bulk inserts: planner statistics, and on
        # PostgreSQL the GIN indexes' pending lists merged (a search otherwise reads them
        # through on every query).
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    testimony = TestimonyPage.objects.child_of(index).live().order_by("-first_published_at").first()
    resources = first_live("ressources.ResourceIndexPage", home)
    form = first_live("temoignages.TestimonyFormPage", home)
    interview = apps.get_model("campagne.InterviewPage").objects.live().descendant_of(home).first()
    return {
        "home": home.url,
        "testimony_index": index.url,
        "testimony": testimony.url,
        "interview": interview.url if interview else None,
        "interview_index": getattr(first_live("campagne.InterviewIndexPage", home), "url", None),
        "resources": resources.url if resources else None,
        "form": form.url if form else None,
        "search": f"/{home.locale.language_code}/recherche/",
        "static": static("css/main.css"),
        "testimonies": TestimonyPage.objects.live().count(),
        "campaign_pages": sum(
            apps.get_model(label).objects.live().count()
            for label in ("campagne.InterviewPage", "campagne.VideoPage", "campagne.StudyPage")
        ),
        "associations": Association.objects.count() if Association is not None and not notes else 0,
        "notes": notes,
    }


def seed_associations(model, count: int) -> None:
    """Associations are snippets or plain models: fill required text fields generically."""
    objects = []
    for i in range(count):
        values = {}
        for field in model._meta.concrete_fields:
            if field.primary_key or field.has_default() or field.null or field.blank and not field.is_relation:
                continue
            if field.is_relation:
                values[field.attname] = (
                    field.related_model._default_manager.order_by("pk").values_list("pk", flat=True).first()
                )
            elif field.get_internal_type() in ("CharField", "TextField", "SlugField"):
                values[field.name] = f"{sentence(3)[: (field.max_length or 60) - 6]} {i}"[: field.max_length or 200]
            elif field.get_internal_type() in ("URLField",):
                values[field.name] = f"https://association-{i}.example.org/"
            elif field.get_internal_type() in ("EmailField",):
                values[field.name] = f"contact{i}@association.example.org"
        objects.append(model(**values))
    model.objects.bulk_create(objects, batch_size=500)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--testimonies", type=int, default=10_000)
    parser.add_argument("--campaign", type=int, default=200)
    parser.add_argument("--associations", type=int, default=100)
    arguments = parser.parse_args()
    print(json.dumps(seed(arguments.testimonies, arguments.campaign, arguments.associations)))
