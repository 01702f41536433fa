"""PostgreSQL only: a GIN index on the search index's combined vector.

modelsearch's PostgreSQL backend matches ``title || body`` against the query; without an
index on that expression PostgreSQL reads every page and every index entry (figures in
bench/results.md). With it the matching entries come from the index first. Other
databases: nothing to do.
"""

from django.db import migrations

INDEX = "site_search_indexentry_vector"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f'CREATE INDEX IF NOT EXISTS {INDEX} ON "{table}" USING GIN (("title" || "body"))')


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0002_french_unaccent_search_config"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
