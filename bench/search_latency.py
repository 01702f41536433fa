"""Search latency benchmark (not a test): 10 000 published testimonies, p50/p95 of searches.

Runs in a throwaway test database (created, migrated and dropped here), never the
development one. SQLite by default; PostgreSQL when DATABASE_URL is set:

    .venv/bin/python bench/search_latency.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/parlons .venv/bin/python bench/search_latency.py

Options: --testimonies N (10 000), --rounds N (each query is run N times, 5), --seed N.
Two figures per query set: the search backend alone (count + first page), and the whole
``/fr/recherche/`` page through Django's test client (kinds, counts, excerpts, template).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_parlons.settings.test")
if not os.environ.get("DATABASE_URL"):
    # A file, as in production (WAL, real I/O), not the in-memory test default.
    import tempfile

    os.environ.setdefault("SQLITE_TEST_PATH", str(Path(tempfile.gettempdir()) / "parlons_bench_search.sqlite3"))

WORDS = (
    "collège lycée école classe récréation cantine bus professeur élèves copains insultes moqueries rumeurs "
    "photos réseaux messages téléphone compte anonyme travail bureau chef collègues réunion stage rue métro "
    "soir inconnu sifflements famille maison frère cousine confinement peur honte colère silence parler "
    "aide écoute parents amis plainte police association numéro soutien courage harcèlement harcelée "
    "cyberharcèlement menaces coups vêtements poids prénom surnom mois années semaines matin"
).split()

QUERIES = [
    "harcèlement",
    "harcelement college",
    "harcelée au lycée",
    "réseaux sociaux",
    "insultes",
    "mon chef au bureau",
    "métro soir inconnu",
    "peur",
    "cyberharcelement photos",
    "plainte police",
    "confinement famille",
    "moqueries cantine",
    "parents écoute",
    "rumeurs téléphone",
    "zzzz introuvable",
    '"NEAR" OR *',
    "x" * 10_000,
]


def _filler() -> list[str]:
    # Faker's French word list (a dev dependency) as everyday vocabulary around the theme words.
    from faker.providers.lorem.fr_FR import Provider

    return list(Provider.word_list)


FILLER: list[str] = []


def sentence(rng: random.Random) -> str:
    """A French-looking sentence: everyday words, with one theme word in two sentences."""
    if not FILLER:
        FILLER.extend(_filler())
    words = rng.sample(FILLER, rng.randint(8, 16))
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words)), rng.choice(WORDS))
    return " ".join(words).capitalize() + "."


def story(rng: random.Random) -> str:
    text = " ".join(sentence(rng) for _ in range(rng.randint(4, 10)))
    # Most testimonies name what happened: about half say « harcèlement » outright.
    return f"{text} Ce harcèlement a duré longtemps." if rng.random() < 0.5 else text


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def seed_testimonies(count: int, rng: random.Random):
    """Publish ``count`` testimonies under one index page, in bulk (tree paths computed,
    one insert per table, one bulk index update)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    from site_parlons.demo.content import ensure_home
    from temoignages.models import TestimonyIndexPage, TestimonyPage

    home = ensure_home()
    fr = Locale.objects.get(language_code="fr")
    index = TestimonyIndexPage.objects.child_of(home).first()
    if index is None:
        index = TestimonyIndexPage(title="Témoignages", slug="temoignages")
        home.add_child(instance=index)
        index.save_revision().publish()
    content_type = ContentType.objects.get_for_model(TestimonyPage)
    now = timezone.now()
    start_step = index.numchild + 1
    pages = []
    for n in range(count):
        title = sentence(rng)[:70]
        slug = f"bench-{uuid.uuid4().hex[:12]}"
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                path=Page._get_path(index.path, index.depth + 1, start_step + n),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                locale=fr,
                translation_key=uuid.uuid4(),
            )
        )
    with transaction.atomic():
        Page.objects.bulk_create(pages, batch_size=500)
        ids = list(Page.objects.filter(path__startswith=index.path, depth=index.depth + 1, slug__startswith="bench-")
                   .order_by("path").values_list("pk", flat=True))
        # Django cannot bulk-create a multi-table child: insert its own columns directly,
        # with every field's default, whatever fields the testimony page has.
        fields = [f for f in TestimonyPage._meta.local_concrete_fields]
        table = TestimonyPage._meta.db_table
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        rows = []
        for pk in ids:
            obj = TestimonyPage(page_ptr_id=pk, story=story(rng))
            rows.append([f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields])
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
    backend = get_search_backend()
    queryset = TestimonyPage.objects.filter(pk__in=ids)
    for offset in range(0, len(ids), 1000):
        backend.add_bulk(TestimonyPage, list(queryset.order_by("pk")[offset : offset + 1000]))
    # As autovacuum / PRAGMA optimize would leave a live site: statistics, and on PostgreSQL
    # the GIN indexes' pending lists merged.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return TestimonyPage.objects.live().count()


def measure(rounds: int, per_query: dict | None = None) -> tuple[list[float], list[float]]:
    from django.test import Client
    from wagtail.models import Locale

    from search import services
    from search.text import clean_query

    locale = Locale.objects.get(language_code="fr")
    client = Client()
    backend_times, page_times = [], []
    for _ in range(rounds):
        for raw in QUERIES:
            query = clean_query(raw)
            start = time.perf_counter()
            if query:
                results = services.search_pages(query, locale)
                results.count()
                list(results[:10])
            backend_times.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            response = client.get("/fr/recherche/", {"q": raw}, HTTP_HOST="localhost")
            page_times.append((time.perf_counter() - start) * 1000)
            if per_query is not None:
                per_query.setdefault(raw[:40], []).append((backend_times[-1], page_times[-1]))
            assert response.status_code == 200, (raw, response.status_code)
    return backend_times, page_times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--testimonies", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument("--per-query", action="store_true", help="also print the median of each query")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        start = time.perf_counter()
        published = seed_testimonies(args.testimonies, random.Random(args.seed))
        seeded = time.perf_counter() - start
        per_query: dict[str, list] = {}
        backend_times, page_times = measure(args.rounds, per_query)
        from wagtail.models import Locale

        from search import services

        matches = services.search_pages("harcèlement", Locale.objects.get(language_code="fr")).count()
        print(f"database: {connection.vendor} ({settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND']})")
        print(f"published testimonies: {published} (seeded and indexed in {seeded:.1f} s)")
        print(f"queries: {len(QUERIES)} × {args.rounds} rounds; « harcèlement » alone matches {matches} pages")
        for label, values in (("search backend (count + first 10)", backend_times), ("whole search page", page_times)):
            print(
                f"{label:36s} p50 {statistics.median(values):7.1f} ms   p95 {percentile(values, 0.95):7.1f} ms"
                f"   max {max(values):7.1f} ms"
            )
        if args.per_query:
            print(f"\n{'query':42s} {'backend p50':>12s} {'page p50':>10s} {'page p95':>10s}")
            for raw, times in per_query.items():
                print(
                    f"{raw!r:42s} {statistics.median(t[0] for t in times):9.1f} ms"
                    f" {statistics.median(t[1] for t in times):7.1f} ms"
                    f" {percentile([t[1] for t in times], 0.95):7.1f} ms"
                )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
