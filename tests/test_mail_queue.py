"""The e-mail queue's promises: in the transaction of the change, retried with a capped back-off,
once per recipient, nothing sent about what is gone, and Wagtail's search tasks left immediate."""

import datetime
import smtplib
import uuid

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.db import transaction
from django.test import Client
from django_tasks import task_backends
from django_tasks.backends.immediate import ImmediateBackend
from freezegun import freeze_time
from wagtail.models import TaskState

from site_parlons.ops.mail import retry_delay
from temoignages import models as tm
from temoignages import services
from temoignages.moderation import GROUP_NAME, get_moderation_workflow
from temoignages.permissions import creating_testimonies
from tests.factories.temoignages import valid_data
from tests.mailqueue import queued_mail, run_mail_queue

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderators(django_user_model):
    group = Group.objects.get(name=GROUP_NAME)
    users = []
    for name in ("alice", "bruno"):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "motdepasse-solide-123")
        user.groups.add(group)
        users.append(user)
    return users


def draft(section, story="Un récit assez long pour la validation du formulaire de témoignage."):
    """A testimony saved by the form's own services, its draft page created without starting the workflow."""
    from wagtail.models import Page

    index, form_page = section
    submission = tm.TestimonySubmission.objects.create(
        locale=form_page.locale,
        form_page=form_page,
        role="victime",
        story=story,
        consent_publication=True,
        consent_processing=True,
        consent_text_version="2025-01",
        consented_at=datetime.datetime.now(tz=datetime.UTC),
        receipt_hash=uuid.uuid4().hex,
    )
    page = tm.TestimonyPage(title=f"Témoignage n° {submission.pk}", slug=f"t-{submission.pk}", story=story, live=False)
    with creating_testimonies():  # as the submission flow does
        Page.objects.get(pk=index.pk).add_child(instance=page)
    page.save_revision(log_action=False)
    submission.page = page
    submission.save(update_fields=["page"])
    return page


def test_queued_in_the_same_transaction_rolled_back_with_it(section, moderators, django_capture_on_commit_callbacks):
    page = draft(section)
    with pytest.raises(RuntimeError), transaction.atomic():
        get_moderation_workflow().start(page, None)
        assert queued_mail().count() == 2  # one per moderator, inside the transaction
        raise RuntimeError("the change fails after the workflow started")
    assert queued_mail().count() == 0  # a rolled-back change sends nothing

    # Committed: the rows are there at once, with no on-commit callback run (a crash right after the
    # commit, before any callback, loses nothing).
    with django_capture_on_commit_callbacks(execute=False):
        with transaction.atomic():
            get_moderation_workflow().start(page, None)
    assert sorted(task.args_kwargs["kwargs"]["ids"]["recipient_id"] for task in queued_mail()) == sorted(
        user.pk for user in moderators
    )
    assert mail.outbox == []


class FailsForBruno(LocmemBackend):
    def send_messages(self, messages):
        if any("bruno@example.org" in message.to for message in messages):
            raise smtplib.SMTPRecipientsRefused({"bruno@example.org": (450, b"try later")})
        return super().send_messages(messages)


def test_a_retry_never_resends_to_who_already_got_it(section, moderators, settings):
    settings.EMAIL_BACKEND = "tests.test_mail_queue.FailsForBruno"
    get_moderation_workflow().start(draft(section), None)
    assert run_mail_queue() == 2
    assert [message.to for message in mail.outbox] == [["alice@example.org"]]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with freeze_time(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(seconds=31)):
        assert run_mail_queue() == 1
    assert sorted(message.to[0] for message in mail.outbox) == ["alice@example.org", "bruno@example.org"]


def test_back_off_doubles_up_to_the_cap_and_never_gives_up(section, moderators, settings):
    settings.EMAIL_BACKEND = "tests.test_temoignages_flow.BrokenSMTPBackend"
    settings.MAIL_RETRY_BASE_SECONDS, settings.MAIL_RETRY_MAX_SECONDS = 30, 120
    assert [retry_delay(attempt) for attempt in range(1, 7)] == [30, 60, 120, 120, 120, 120]
    moderators[1].delete()  # one recipient: one chain of attempts
    get_moderation_workflow().start(draft(section), None)
    now = datetime.datetime.now(tz=datetime.UTC)
    delays = []
    with freeze_time(now) as clock:
        for _ in range(5):
            assert run_mail_queue() == 1
            pending = queued_mail().get(status="READY")
            delays.append(round((pending.run_after - now).total_seconds()))
            assert run_mail_queue() == 0  # not before its time
            clock.move_to(pending.run_after)
            now = pending.run_after
    assert delays == [30, 60, 120, 120, 120]
    statuses = list(queued_mail().values_list("status", flat=True))
    assert statuses.count("FAILED") == 5 and statuses.count("READY") == 1
    failed = queued_mail().filter(status="FAILED").first()
    assert failed.exception_class_path == "site_parlons.ops.mail.MailNotSent"
    assert "SMTPException" in failed.traceback and "SMTP server is down" not in failed.traceback


def test_nothing_is_sent_about_a_withdrawn_or_decided_testimony(client, section, moderators):
    _, form_page = section
    for _ in range(2):
        cache.clear()
        assert client.post(form_page.url, valid_data(form_page)).status_code == 200
    withdrawn, decided = tm.TestimonySubmission.objects.order_by("pk")
    services.withdraw(withdrawn)
    state = TaskState.objects.get(workflow_state__object_id=str(decided.page_id), status=TaskState.STATUS_IN_PROGRESS)
    admin = Client()
    admin.force_login(moderators[0])
    admin.post(f"/admin/pages/workflow/action/{decided.page_id}/reject/{state.pk}/", {"comment": "Hors sujet"})
    assert run_mail_queue() == 4
    assert mail.outbox == []
    assert set(queued_mail().values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert set(queued_mail().values_list("return_value", flat=True)) == {"nothing to send"}


def test_html_notifications_carry_links_only_too(client, section, moderators, settings):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    _, form_page = section
    token = "zq" + uuid.uuid4().hex[:12]
    client.post(
        form_page.url,
        valid_data(
            form_page, story=f"Un récit avec un détail {token} à ne jamais envoyer.", contact_email=f"{token}@ex.org"
        ),
    )
    page = tm.TestimonySubmission.objects.get().page
    assert run_mail_queue() == 2
    for message in mail.outbox:
        html = message.alternatives[0][0]
        assert f"/admin/pages/{page.pk}/" in html and f"/admin/pages/{page.pk}/" in message.body
        assert token not in html + message.body + message.subject


def test_wagtail_index_tasks_stay_immediate_so_search_forgets_at_once(client, section, moderators):
    token = "zq" + uuid.uuid4().hex[:12]
    page = draft(section, story=f"Un récit publié puis retiré, avec le mot {token} dedans.")
    page.get_latest_revision().publish()
    assert page.url in client.get(f"/fr/recherche/?q={token}").content.decode()
    page.refresh_from_db()
    page.unpublish()
    assert page.url not in client.get(f"/fr/recherche/?q={token}").content.decode()  # no worker ran
    assert isinstance(task_backends["default"], ImmediateBackend)
