"""An index on Wagtail's page table for the listings: the newest live pages of one type in
one language, read in order (``home.models.listing.listed_children``).

Wagtail's own page model cannot take a ``Meta.indexes`` from this project, hence SQL; the
statement is the same on SQLite and PostgreSQL. Partial on ``live``: drafts are never listed,
and the listings' ``WHERE live`` is the index's own condition.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0009_redaction_content_warning_themes"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.RunSQL(
            sql=(
                'CREATE INDEX "page_listing_order" ON "wagtailcore_page" '
                '("content_type_id", "locale_id", "first_published_at" DESC) WHERE "live"'
            ),
            reverse_sql='DROP INDEX "page_listing_order"',
        ),
    ]
