"""PostgreSQL only: English full-text search that ignores accents, for the English pages.

An ``english_unaccent`` text-search configuration (``english`` with ``unaccent`` before the
English stemmer), the search backend's configuration for English (``SEARCH_CONFIGS``).
Pages already indexed keep the configuration they were indexed with until
``manage.py update_index``. Other databases: nothing to do.
"""

from django.db import migrations

CONFIG = "english_unaccent"


def create_config(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        cursor.execute("SELECT 1 FROM pg_catalog.pg_ts_config WHERE cfgname = %s", [CONFIG])
        if cursor.fetchone() is None:
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} ( COPY = pg_catalog.english )")
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} "
                "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem"
            )


def drop_config(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):
    dependencies = [("site_search", "0003_postgres_index_entry_vector_index")]

    operations = [migrations.RunPython(create_config, drop_config, elidable=False)]
