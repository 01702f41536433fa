"""« Rédaction » maintains the content-warning themes too (the model came after the group)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from home.roles import ensure_redaction_setup

    ensure_redaction_setup(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_content_warning_themes"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
