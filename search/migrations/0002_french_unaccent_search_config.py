"""PostgreSQL only: French full-text search that ignores accents.

Creates the ``unaccent`` extension and a ``french_unaccent`` text-search configuration
(the ``french`` one with ``unaccent`` before the French stemmer), used as the search
backend's ``SEARCH_CONFIG``. Other databases: nothing to do.
"""

from django.db import migrations

CONFIG = "french_unaccent"


def create_config(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        cursor.execute("SELECT 1 FROM pg_catalog.pg_ts_config WHERE cfgname = %s", [CONFIG])
        if cursor.fetchone() is None:
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} ( COPY = pg_catalog.french )")
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} "
                "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem"
            )


def drop_config(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):
    dependencies = [("site_search", "0001_distress_vocabulary")]

    operations = [migrations.RunPython(create_config, drop_config, elidable=False)]
