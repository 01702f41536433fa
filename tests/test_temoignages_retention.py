"""Retention: purge_testimonies erases expired testimonies with every trace, and nothing else."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from freezegun import freeze_time
from wagtail.models import PageLogEntry, Revision, TaskState, WorkflowState

from temoignages import models as tm
from temoignages.choices import Status
from tests.factories.temoignages import build_testimony_section, tables_containing, valid_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def form_page(home):
    cache.clear()
    return build_testimony_section(home)[1]


def submit(form_page, token, email="", pseudonym=""):
    cache.clear()
    story = f"Un récit de test assez long, marqué {token}."
    Client().post(form_page.url, valid_data(form_page, story=story, contact_email=email, pseudonym=pseudonym))
    # The story is encrypted at rest: no lookup on it; the newest record is this one.
    submission = tm.TestimonySubmission.objects.latest("pk")
    assert token in submission.story
    return submission


def reject(submission, reason):
    page = submission.page
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)
    task_state.specific.task.specific.on_action(task_state, None, "reject", comment=reason)
    submission.refresh_from_db()
    return submission


def approve(submission):
    page = submission.page
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)
    task_state.specific.task.specific.on_action(task_state, None, "approve")
    submission.refresh_from_db()
    return submission


def revisions_of(page_id):
    return Revision.objects.filter(object_id=str(page_id), base_content_type__app_label="wagtailcore")


def purge() -> str:
    out = io.StringIO()
    call_command("purge_testimonies", stdout=out)
    return out.getvalue()


def test_purge_erases_expired_items_and_touches_nothing_else(form_page, settings):
    settings.TESTIMONY_RETENTION_DAYS = 30
    with freeze_time("2025-01-01 10:00"):
        old_rejected = reject(submit(form_page, "zqoldrejected"), "Raison zqreason")
        old_published = approve(
            submit(form_page, "zqoldpublished", email="zqoldmail@example.org", pseudonym="Zqoldpseudo")
        )
        old_page = old_published.page.specific
        old_page.story = "Version relue et publiée zqredacted."
        old_page.pseudonym = "Camille"
        old_page.save_revision().publish()
        tm.TestimonySubmission.objects.filter(pk=old_published.pk).update(moderator_note="Appelé le 119 pour zqnote")
    with freeze_time("2025-01-25 10:00"):
        recent_rejected = reject(submit(form_page, "zqrecentrejected"), "Raison récente")
        recent_published = approve(submit(form_page, "zqrecentpublished", email="zqrecentmail@example.org"))
        pending = submit(form_page, "zqpending", email="zqpendingmail@example.org")
    rejected_page_id = old_rejected.page_id
    assert Status.REJECTED == old_rejected.status and Status.PUBLISHED == old_published.status
    assert revisions_of(rejected_page_id).exists()

    with freeze_time("2025-02-05 10:00"):
        output = purge()
    assert "1 rejected and 0 withdrawn testimonies erased" in output
    assert "1 contact e-mails and original texts erased" in output

    # Expired: the rejected testimony is gone with its revisions, workflow, log entries and reason.
    assert not tm.TestimonySubmission.objects.filter(pk=old_rejected.pk).exists()
    assert not tm.TestimonyPage.objects.filter(pk=rejected_page_id).exists()
    assert not revisions_of(rejected_page_id).exists()
    assert not PageLogEntry.objects.filter(page_id=rejected_page_id).exists()
    assert not WorkflowState.objects.filter(object_id=str(rejected_page_id)).exists()
    assert tables_containing("zqoldrejected", "zqreason") == []
    assert tm.TestimonyCounter.get("purged_rejected") == 1

    # The old published one stays public; only its e-mail, original text and old revisions go.
    old_published.refresh_from_db()
    assert old_published.contact_email == "" and old_published.story == "" and old_published.pseudonym == ""
    assert old_published.moderator_note == ""  # the moderators' note about the person goes with the rest
    assert old_published.personal_data_erased_at is not None
    old_page.refresh_from_db()
    assert old_page.live and Client().get(old_page.url).status_code == 200
    assert tables_containing("zqoldmail@example.org") == []
    assert tables_containing("zqoldpublished", "zqoldpseudo") == []
    assert tables_containing("zqredacted")

    # Not expired yet: untouched.
    recent_rejected.refresh_from_db()
    assert recent_rejected.page is not None and revisions_of(recent_rejected.page_id).exists()
    recent_published.refresh_from_db()
    assert recent_published.contact_email == "zqrecentmail@example.org"
    pending.refresh_from_db()
    assert pending.contact_email == "zqpendingmail@example.org" and pending.page.workflow_in_progress

    with freeze_time("2025-02-05 11:00"):
        again = purge()
    assert "0 rejected and 0 withdrawn testimonies erased, 0 testimonies erased undecided" in again
    assert "0 contact e-mails" in again

    with freeze_time("2025-03-01 10:00"):
        later = purge()
    assert "1 rejected" in later and "1 contact e-mails" in later
    assert not tm.TestimonySubmission.objects.filter(pk=recent_rejected.pk).exists()
    assert tm.TestimonySubmission.objects.filter(pk=pending.pk).exists()


def test_withdrawn_records_left_behind_are_purged(form_page):
    with freeze_time("2025-01-01"):
        submission = submit(form_page, "zqwithdrawn")
        submission.mark(Status.WITHDRAWN)
    with freeze_time("2025-03-01"):
        assert "0 rejected and 1 withdrawn" in purge()
    assert not tm.TestimonySubmission.objects.exists()
    assert tables_containing("zqwithdrawn") == []


@pytest.fixture
def moderator(django_user_model):
    from django.contrib.auth.models import Group

    from temoignages.moderation import GROUP_NAME

    user = django_user_model.objects.create_user("moderatrice", "moderatrice@example.org", "motdepasse-solide-123")
    user.groups.add(Group.objects.get(name=GROUP_NAME))
    return user


def test_pending_testimonies_are_reported_once_then_erased_unread(form_page, moderator, settings):
    from django.core import mail

    from tests.mailqueue import queued_mail, run_mail_queue

    settings.TESTIMONY_PENDING_ESCALATION_DAYS = 14
    settings.TESTIMONY_PENDING_RETENTION_DAYS = 90
    with freeze_time("2025-01-01 10:00"):
        old = submit(form_page, "zqoldpending", email="zqpendingmail@example.org", pseudonym="Zqpendingpseudo")
    with freeze_time("2025-01-10 10:00"):
        recent = submit(form_page, "zqrecentpending")
    page_id = old.page_id
    queued_mail().delete()  # the review requests sent on receipt

    with freeze_time("2025-01-16 10:00"):
        assert "1 overdue testimonies reported to the moderators" in purge()
    old.refresh_from_db()
    assert old.overdue_alert_sent_at is not None
    recent.refresh_from_db()
    assert recent.overdue_alert_sent_at is None
    # The task names the record and the moderator by id; the message is built when it is sent.
    tasks = list(queued_mail())
    assert [task.args_kwargs["kwargs"]["ids"] for task in tasks] == [
        {"submission_id": old.pk, "recipient_id": moderator.pk}
    ]
    with freeze_time("2025-01-16 10:05"):
        assert run_mail_queue() == 1
    [message] = mail.outbox
    assert message.to == ["moderatrice@example.org"]
    assert f"n° {old.pk}" in message.subject
    assert f"/admin/pages/{page_id}/edit/" in message.body
    assert "1 avril 2025" in message.body  # erased 90 days after receipt
    assert "zqoldpending" not in message.body and "Zqpendingpseudo" not in message.body

    with freeze_time("2025-01-17 10:00"):
        assert "0 overdue testimonies reported" in purge()  # once, not every night
    assert queued_mail().ready().count() == 0

    with freeze_time("2025-04-01 11:00"):
        output = purge()
    assert "1 testimonies erased undecided" in output
    assert not tm.TestimonySubmission.objects.filter(pk=old.pk).exists()
    assert not tm.TestimonyPage.objects.filter(pk=page_id).exists()
    assert not revisions_of(page_id).exists()
    assert not WorkflowState.objects.filter(object_id=str(page_id)).exists()
    assert not PageLogEntry.objects.filter(page_id=page_id).exists()
    assert tables_containing("zqoldpending", "zqpendingmail@example.org", "zqpendingpseudo") == []
    assert tm.TestimonyCounter.get("purged_pending") == 1
    # The younger one was reported in the meantime and is kept until its own 90 days.
    recent.refresh_from_db()
    assert recent.overdue_alert_sent_at is not None and recent.story.endswith("zqrecentpending.")


def test_an_alert_about_a_testimony_decided_since_is_not_sent(form_page, moderator):
    from django.core import mail

    from tests.mailqueue import queued_mail, run_mail_queue

    with freeze_time("2025-01-01 10:00"):
        submission = submit(form_page, "zqdecidedlate")
    queued_mail().delete()
    with freeze_time("2025-01-20 10:00"):
        purge()
    approve(submission)
    mail.outbox.clear()
    queued_mail().exclude(args_kwargs__kwargs__kind="pending_overdue").delete()
    assert run_mail_queue() == 1
    assert mail.outbox == []
