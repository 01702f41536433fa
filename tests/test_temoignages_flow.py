"""Testimonies end to end: form → private record → draft in the workflow → approval → withdrawal."""

import re
import smtplib
import uuid

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import Client
from wagtail.models import PageLogEntry, Revision, TaskState, WorkflowState

from temoignages import models as tm
from temoignages import services
from temoignages.choices import Status
from temoignages.moderation import GROUP_NAME, WORKFLOW_NAME
from tests.factories.temoignages import tables_containing, valid_data
from tests.mailqueue import queued_mail, run_mail_queue

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderatrice", "moderatrice@example.org", "motdepasse-solide-123")
    user.groups.add(Group.objects.get(name=GROUP_NAME))
    return user


def unique_token() -> str:
    return "zq" + uuid.uuid4().hex[:12]


def receipt_code(response) -> str:
    node = BeautifulSoup(response.content, "html.parser").select_one(".receipt-code")
    return node.get_text(strip=True) if node else ""


def submit(client, form_page, **overrides):
    return client.post(form_page.url, valid_data(form_page, **overrides))


def test_full_journey_through_http(section, moderator, django_capture_on_commit_callbacks):
    index, form_page = section
    token = unique_token()
    visitor = Client(enforce_csrf_checks=True)

    form = visitor.get(form_page.url)
    assert form.status_code == 200
    assert "no-store" in form["Cache-Control"]
    soup = BeautifulSoup(form.content, "html.parser")
    csrf = soup.select_one("input[name=csrfmiddlewaretoken]")["value"]
    assert soup.select_one("input[name=started]")["value"]

    # Without the CSRF token the post is refused: CSRF stays on for this form.
    assert visitor.post(form_page.url, valid_data(form_page)).status_code == 403

    story = f"Dans mon collège on m'insultait chaque jour, {token}, et personne ne réagissait."
    with django_capture_on_commit_callbacks(execute=True):
        thanks = visitor.post(
            form_page.url,
            valid_data(form_page, story=story, csrfmiddlewaretoken=csrf, contact_email="moi@example.org"),
        )
    assert thanks.status_code == 200
    assert "no-store" in thanks["Cache-Control"]
    code = receipt_code(thanks)
    assert re.fullmatch(r"([A-Z2-7]{4}-){6}[A-Z2-7]{2}", code), code

    submission = tm.TestimonySubmission.objects.get()
    assert submission.status == Status.PENDING
    assert submission.contact_email == "moi@example.org"
    page = submission.page
    assert page is not None and not page.live
    assert page.get_parent().pk == index.pk
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    assert Client().get(page.url).status_code == 404

    # The moderator (not a superuser) approves through the admin's workflow action view.
    admin = Client()
    admin.force_login(moderator)
    assert admin.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    task_state = TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    submission.refresh_from_db()
    assert submission.status == Status.PUBLISHED and submission.decided_at is not None
    public = Client().get(page.url)
    assert public.status_code == 200 and token in public.content.decode()

    status_url = form_page.url + "suivi/"
    status = visitor.get(status_url)
    assert "no-store" in status["Cache-Control"]
    csrf = BeautifulSoup(status.content, "html.parser").select_one("input[name=csrfmiddlewaretoken]")["value"]
    result = visitor.post(status_url, {"code": code.lower().replace("-", " "), "action": "check", "csrfmiddlewaretoken": csrf})
    assert "publié" in result.content.decode()
    assert "no-store" in result["Cache-Control"]

    with django_capture_on_commit_callbacks(execute=True):
        withdrawn = visitor.post(
            status_url, {"code": code, "action": "withdraw", "confirm": "on", "csrfmiddlewaretoken": csrf}
        )
    assert withdrawn.status_code == 200
    assert "retiré et effacé" in withdrawn.content.decode()
    assert Client().get(page.url).status_code == 404
    assert not tm.TestimonySubmission.objects.exists()
    assert not tm.TestimonyPage.objects.filter(pk=page.pk).exists()
    assert not Revision.objects.filter(object_id=str(page.pk), base_content_type__model="page").exists()
    assert not PageLogEntry.objects.filter(page_id=page.pk).exists()
    assert tm.TestimonyCounter.get("withdrawn") == 1
    assert tables_containing(token, "moi@example.org") == []


def test_withdrawing_a_pending_testimony_erases_it(client, section):
    _, form_page = section
    code = receipt_code(submit(client, form_page))
    page = tm.TestimonySubmission.objects.get().page
    response = client.post(form_page.url + "suivi/", {"code": code, "action": "check"})
    assert "en attente de relecture" in response.content.decode()
    client.post(form_page.url + "suivi/", {"code": code, "action": "withdraw", "confirm": "on"})
    assert not tm.TestimonySubmission.objects.exists()
    assert not tm.TestimonyPage.objects.filter(pk=page.pk).exists()
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()


def test_withdrawal_needs_confirmation(client, section):
    _, form_page = section
    code = receipt_code(submit(client, form_page))
    response = client.post(form_page.url + "suivi/", {"code": code, "action": "withdraw"})
    assert "Cochez la case" in response.content.decode()
    assert tm.TestimonySubmission.objects.count() == 1


def test_not_public_before_approval(client, section):
    index, form_page = section
    token = unique_token()
    submit(client, form_page, story=f"Un récit assez long pour passer la validation : {token}.", title=f"Titre {token}")
    page = tm.TestimonySubmission.objects.get().page
    urls = [
        "/fr/",
        index.url,
        index.url + "?type=scolaire",
        page.url,
        "/sitemap.xml",
        "/robots.txt",
    ]
    for url in urls:
        response = client.get(url)
        assert token not in response.content.decode(), url
    assert client.get(page.url).status_code == 404
    assert page.url not in client.get("/sitemap.xml").content.decode()
    assert_not_found_by_search(client, token, page)


def assert_not_found_by_search(client, token, page):
    """The search page echoes the query: the token may appear exactly as often as an unknown word."""
    found = client.get(f"/fr/recherche/?q={token}").content.decode()
    control = client.get("/fr/recherche/?q=zzunknownword").content.decode()
    assert found.count(token) == control.count("zzunknownword")
    assert page.url not in found


def test_rejected_testimony_stays_private_and_status_follows(client, section, moderator, django_capture_on_commit_callbacks):
    _, form_page = section
    token = unique_token()
    code = receipt_code(submit(client, form_page, story=f"Encore un récit qui sera refusé ici même : {token}."))
    page = tm.TestimonySubmission.objects.get().page
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)
    admin = Client()
    admin.force_login(moderator)
    admin.post(f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/", {"comment": "Hors sujet"})
    submission = tm.TestimonySubmission.objects.get()
    assert submission.status == Status.REJECTED
    assert submission.rejection_reason == "Hors sujet"
    assert client.get(page.url).status_code == 404
    assert_not_found_by_search(client, token, page)
    response = client.post(form_page.url + "suivi/", {"code": code, "action": "check"})
    assert "non publié" in response.content.decode()


def test_no_ip_address_or_user_agent_stored(client, section, caplog):
    _, form_page = section
    ip, forwarded, agent = "203.0.113.77", "198.51.100.99", "DistinctiveAgent/9.9 zqxjv"
    response = client.post(
        form_page.url,
        valid_data(form_page),
        REMOTE_ADDR=ip,
        HTTP_X_FORWARDED_FOR=forwarded,
        HTTP_USER_AGENT=agent,
    )
    assert response.status_code == 200
    assert tm.TestimonySubmission.objects.count() == 1
    client.post(form_page.url + "suivi/", {"code": "WRONG"}, REMOTE_ADDR=ip, HTTP_USER_AGENT=agent)
    assert tables_containing(ip, forwarded, agent) == []
    assert ip not in caplog.text and agent not in caplog.text


class BrokenSMTPBackend(BaseEmailBackend):
    def open(self):
        raise smtplib.SMTPServerDisconnected("SMTP server is down")

    def send_messages(self, messages):
        raise smtplib.SMTPException("SMTP server is down")


def test_smtp_failure_keeps_submission_and_shows_thank_you(client, section, moderator, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.test_temoignages_flow.BrokenSMTPBackend"
    _, form_page = section
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, form_page)
    assert response.status_code == 200
    assert receipt_code(response)
    submission = tm.TestimonySubmission.objects.get()
    assert submission.page is not None
    assert submission.page.workflow_in_progress
    # The worker meets the broken server: nothing sent, the notification queued again.
    assert run_mail_queue() == 1
    assert mail.outbox == []
    assert list(queued_mail().order_by("enqueued_at").values_list("status", flat=True)) == ["FAILED", "READY"]


def test_moderators_get_a_link_only(client, section, moderator, django_capture_on_commit_callbacks):
    _, form_page = section
    token = unique_token()
    with django_capture_on_commit_callbacks(execute=True):
        submit(
            client,
            form_page,
            story=f"Un récit avec un détail unique {token} à ne jamais envoyer par e-mail.",
            title=f"Titre {token}",
            contact_email=f"{token}@example.org",
        )
    page = tm.TestimonySubmission.objects.get().page
    assert mail.outbox == []  # queued in the request, sent by the worker
    assert run_mail_queue() >= 1
    to_moderator = [m for m in mail.outbox if "moderatrice@example.org" in m.to]
    assert to_moderator
    for message in to_moderator:
        text = message.subject + message.body + "".join(str(a[0]) for a in getattr(message, "alternatives", []))
        assert token not in text
        assert f"/admin/pages/{page.pk}/" in text


def test_page_creation_failure_keeps_record_and_repair_recreates(client, section, monkeypatch):
    _, form_page = section

    def broken(submission_id):
        raise RuntimeError("tree is on fire")

    monkeypatch.setattr(services, "_create_page_locked", broken)
    response = submit(client, form_page)
    assert response.status_code == 200 and receipt_code(response)
    submission = tm.TestimonySubmission.objects.get()
    assert submission.page is None
    assert tm.TestimonySubmission.objects.missing_page().count() == 1

    monkeypatch.undo()
    out = __import__("io").StringIO()
    call_command("repair_testimonies", stdout=out)
    assert "1 draft pages created" in out.getvalue()
    submission.refresh_from_db()
    assert submission.page is not None and submission.page.workflow_in_progress
    call_command("repair_testimonies", stdout=out)  # idempotent
    assert tm.TestimonyPage.objects.filter(live=False).count() == 1


def test_admin_repair_action(client, section, moderator):
    from tests.factories import temoignages as factories

    _, form_page = section
    factories.TestimonySubmissionFactory(form_page=form_page, locale=form_page.locale)
    admin = Client()
    admin.force_login(moderator)
    assert admin.get("/admin/temoignages/reparer/").status_code == 200
    response = admin.post("/admin/temoignages/reparer/")
    assert response.status_code == 302
    assert tm.TestimonySubmission.objects.get().page.workflow_in_progress


def test_a_resubmitted_form_is_saved_once(client, section):
    _, form_page = section
    data = valid_data(form_page)
    first = client.post(form_page.url, data)
    second = client.post(form_page.url, data)
    assert receipt_code(first) and not receipt_code(second)
    assert second.status_code == 200
    assert tm.TestimonySubmission.objects.count() == 1


def test_receipt_code_is_stored_only_as_a_hash(client, section):
    _, form_page = section
    codes = {receipt_code(submit(client, form_page)) for _ in range(3)}
    assert len(codes) == 3
    for code in codes:
        assert tables_containing(code, code.replace("-", "")) == []


def test_english_form_creates_the_draft_under_the_english_index(client, demo_site):
    form_page = tm.TestimonyFormPage.objects.get(locale__language_code="en")
    form = client.get(form_page.url)
    assert form.status_code == 200 and b'<html lang="en">' in form.content
    response = client.post(form_page.url, valid_data(form_page))
    assert response.status_code == 200
    assert receipt_code(response)
    assert "Thank you" in response.content.decode()
    page = tm.TestimonySubmission.objects.get().page
    assert page.locale.language_code == "en"
    assert page.get_parent().specific == form_page.get_parent().specific
    status = client.get(form_page.url + "suivi/")
    assert status.status_code == 200
