"""Create the « Rédaction » group (campaign pages, images, documents, help directory,
taxonomy, translations; never testimonies) with exactly its permissions."""

from django.db import migrations


def forwards(apps, schema_editor):
    from home.roles import ensure_redaction_setup

    ensure_redaction_setup(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_standardpage_retention_table"),
        ("ressources", "0004_suicideriskvocabulary"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        # After the migrations that grant « choose » permissions to every admin group.
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
