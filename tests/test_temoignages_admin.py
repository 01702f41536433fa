"""Moderators: group permissions, private records, export, dashboard, personal-data detection."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from temoignages import models as tm
from temoignages.moderation import GROUP_NAME, WORKFLOW_NAME
from temoignages.pii import detect_personal_data
from tests.factories import temoignages as factories
from tests.factories.temoignages import valid_data

pytestmark = pytest.mark.django_db


def make_user(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "motdepasse-solide-123")
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def moderator(django_user_model, section):
    return make_user(django_user_model, "moderateur", GROUP_NAME)


@pytest.fixture
def editor(django_user_model, section):
    return make_user(django_user_model, "editrice", "Editors")


def test_moderators_group_has_exactly_its_permissions(section):
    index, _ = section
    group = Group.objects.get(name=GROUP_NAME)
    codenames = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    assert codenames == {
        "wagtailadmin.access_admin",
        "temoignages.view_testimonysubmission",
        "temoignages.change_testimonysubmission",
        "temoignages.export_testimonysubmission",
    }
    page_perms = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename"))
    assert page_perms == {(index.pk, "change_page"), (index.pk, "publish_page")}
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert WorkflowPage.objects.get(page=index).workflow == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [group]


def test_editors_cannot_see_private_records(section, editor, moderator):
    factories.TestimonySubmissionFactory(contact_email="secret@example.org")
    _, editor_client = editor
    _, moderator_client = moderator
    listing = "/admin/snippets/temoignages/testimonysubmission/"
    assert editor_client.get(listing).status_code in (302, 403)
    assert editor_client.get("/admin/temoignages/export.csv").status_code in (302, 403)
    assert b"secret@example.org" not in editor_client.get("/admin/").content
    response = moderator_client.get(listing)
    assert response.status_code == 200
    submission = tm.TestimonySubmission.objects.get()
    desk = f"/admin/temoignages/relecture/{submission.pk}/"
    review = moderator_client.get(desk)
    assert review.status_code == 200 and b"secret@example.org" in review.content
    assert editor_client.get(desk).status_code in (302, 403)


def test_listing_filters_by_status_and_type(section, moderator):
    factories.TestimonySubmissionFactory(status="pending")
    factories.TestimonySubmissionFactory(status="rejected")
    _, client = moderator
    response = client.get("/admin/snippets/temoignages/testimonysubmission/?status=rejected")
    assert response.status_code == 200
    rejected = tm.TestimonySubmission.objects.get(status="rejected")
    pending = tm.TestimonySubmission.objects.get(status="pending")
    html = response.content.decode()
    assert f"n° {rejected.pk}<" in html or f"n° {rejected.pk}" in html
    assert f"Témoignage reçu n° {pending.pk}<" not in html


def test_csv_export_leaves_out_emails_unless_asked(section, moderator):
    factories.TestimonySubmissionFactory(contact_email="joignable@example.org", story="=HYPERLINK(\"http://evil\")")
    _, client = moderator
    plain = client.get("/admin/temoignages/export.csv")
    assert plain.status_code == 200 and plain["Content-Type"].startswith("text/csv")
    text = plain.content.decode("utf-8-sig")
    assert "joignable@example.org" not in text
    rows = list(csv.reader(io.StringIO(text)))
    assert "e-mail de contact" not in rows[0]
    assert rows[1][rows[0].index("récit d'origine")].startswith("'=")  # no formula runs in a spreadsheet
    with_email = client.get("/admin/temoignages/export.csv?contact=1").content.decode("utf-8-sig")
    assert "joignable@example.org" in with_email
    filtered = client.get("/admin/temoignages/export.csv?status=published").content.decode("utf-8-sig")
    assert len(list(csv.reader(io.StringIO(filtered)))) == 1


def test_dashboard_panel_counts_pending_testimonies(client, section, moderator, editor):
    _, form_page = section
    for _ in range(2):
        client.post(form_page.url, valid_data(form_page))
    _, moderator_client = moderator
    html = moderator_client.get("/admin/").content.decode()
    assert "2 témoignages en attente de relecture" in html
    submission = tm.TestimonySubmission.objects.first()
    assert f"/admin/temoignages/relecture/{submission.pk}/" in html
    _, editor_client = editor
    assert "en attente de relecture" not in editor_client.get("/admin/").content.decode()


def test_edit_view_lists_detected_personal_data(client, section, moderator):
    _, form_page = section
    story = (
        "Au collège Jean Moulin de Lens, Kevin Martin m'écrivait sur kevin.m@example.com "
        "et m'appelait au 06 12 34 56 78. Il postait tout sur https://exemple.fr/profil."
    )
    client.post(form_page.url, valid_data(form_page, story=story))
    page = tm.TestimonySubmission.objects.get().page
    _, moderator_client = moderator
    html = moderator_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    for expected in ["kevin.m@example.com", "06 12 34 56 78", "https://exemple.fr/profil", "collège Jean Moulin", "Lens", "Kevin Martin"]:
        assert f"<mark>{expected}</mark>" in html, expected


def test_personal_data_detection():
    found = {(d.kind, d.text) for d in detect_personal_data(
        "Je travaillais chez Carrefour à Arras, 12 rue des Lilas, 62000. Mon chef Paul Durand "
        "m'écrivait sur Instagram @paul_dd ou au +33 6 11 22 33 44. Mardi, au lycée Saint Joseph, rien."
    )}
    assert ("institution", "Carrefour") in found
    assert ("place", "Arras") in found
    assert ("place", "62000") in found
    assert ("name", "Paul Durand") in found
    assert ("url", "@paul_dd") in found
    assert ("phone", "+33 6 11 22 33 44") in found
    assert any(kind == "institution" and "lycée Saint Joseph" in text for kind, text in found)
    assert not any(text in {"Je", "Mardi", "Mon", "Instagram"} for _, text in found)
    assert detect_personal_data("") == []
