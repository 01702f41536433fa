"""Create the « Modérateurs » group (with exactly its permissions) and the
« Modération des témoignages » workflow, assigned to every testimony index."""

from django.db import migrations


def forwards(apps, schema_editor):
    from temoignages.moderation import ensure_moderation_setup

    ensure_moderation_setup(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("temoignages", "0002_testimonies"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # After the migrations that grant « choose » permissions to every admin group:
        # the moderators get exactly the permissions listed in temoignages.moderation.
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
