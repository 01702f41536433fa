import site_parlons.encryption
from django.db import migrations

ENCRYPTED = ["headline", "pseudonym", "story"]


def _revisions(apps):
    content_type = apps.get_model("contenttypes", "ContentType").objects.filter(
        app_label="temoignages", model="testimonypage"
    )
    return apps.get_model("wagtailcore", "Revision").objects.filter(content_type__in=content_type)


def encrypt_pages(apps, schema_editor):
    table = apps.get_model("temoignages", "TestimonyPage")._meta.db_table
    site_parlons.encryption.rewrite_columns(
        schema_editor.connection, table, ENCRYPTED, site_parlons.encryption.encrypt, pk="page_ptr_id"
    )
    for revision in _revisions(apps).iterator():
        revision.content = site_parlons.encryption.encrypt_keys(revision.content, ENCRYPTED)
        revision.save(update_fields=["content"])


def decrypt_pages(apps, schema_editor):
    table = apps.get_model("temoignages", "TestimonyPage")._meta.db_table
    site_parlons.encryption.rewrite_columns(
        schema_editor.connection, table, ENCRYPTED, site_parlons.encryption.decrypt, pk="page_ptr_id"
    )
    for revision in _revisions(apps).iterator():
        revision.content = site_parlons.encryption.decrypt_keys(revision.content)
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):

    dependencies = [
        ("temoignages", "0008_encrypt_personal_data"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="testimonypage",
            name="headline",
            field=site_parlons.encryption.EncryptedTextField(
                blank=True,
                help_text="Titre public proposé par l'auteur ou l'autrice ; vérifiez qu'il ne permet d'identifier personne.",
                max_length=120,
                verbose_name="titre affiché",
            ),
        ),
        migrations.AlterField(
            model_name="testimonypage",
            name="pseudonym",
            field=site_parlons.encryption.EncryptedTextField(
                blank=True, help_text="Laissez vide pour afficher « Anonyme ».", max_length=60, verbose_name="pseudonyme"
            ),
        ),
        migrations.AlterField(
            model_name="testimonypage",
            name="story",
            field=site_parlons.encryption.EncryptedTextField(
                help_text="Le récit tel qu'il sera publié : retirez noms, lieux, établissements et coordonnées.",
                verbose_name="récit",
            ),
        ),
        # After the columns became text: a token is longer than the old varchar(120) or (60).
        migrations.RunPython(encrypt_pages, decrypt_pages),
    ]
