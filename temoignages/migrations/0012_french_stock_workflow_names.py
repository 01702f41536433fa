"""Give Wagtail's stock workflow and task French names.

Wagtail's own migration names them after the groups that could publish (« Moderators approval »),
and the French page editor then offers « Soumettre à Moderators approval ». Renamed only while
they still carry that stock name: a name an administrator chose is left alone.
"""

from django.db import migrations

from temoignages.moderation import rename_stock_workflow


def forwards(apps, schema_editor):
    rename_stock_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("temoignages", "0011_submission_rejection_reason_code"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
