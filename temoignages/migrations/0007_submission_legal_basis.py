"""The legal basis of each private record: consent from 15, legitimate interest
of prevention under 15. Existing records get theirs from their age range, and any contact
e-mail left on an under-15 record is erased."""

from django.db import migrations, models

UNDER_15 = "moins-15"


def backfill(apps, schema_editor):
    TestimonySubmission = apps.get_model("temoignages", "TestimonySubmission")
    TestimonySubmission.objects.filter(age_range=UNDER_15).update(legal_basis="prevention-under-15", contact_email="")


class Migration(migrations.Migration):
    dependencies = [
        ("temoignages", "0006_testimonysubmission_overdue_alert_sent_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="testimonysubmission",
            name="legal_basis",
            field=models.CharField(
                choices=[
                    ("consent", "Consentement de la personne (RGPD, art. 6.1.a ; seule dès 15 ans)"),
                    (
                        "prevention-under-15",
                        "Intérêt légitime de prévention, moins de 15 ans (RGPD, art. 6.1.f et considérant 38)",
                    ),
                ],
                default="consent",
                editable=False,
                help_text="Déduite de la tranche d'âge : consentement dès 15 ans, intérêt légitime de prévention avant.",
                max_length=30,
                verbose_name="base légale",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
