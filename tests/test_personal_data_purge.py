"""purge_personal_data: every retention limit of issue 15 in one nightly command, through the real
forms, search and e-mail queue, on SQLite and PostgreSQL."""

import io
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from freezegun import freeze_time
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from campagne.forms import CONTACT_TIMER
from site_parlons.ops.form_protection import HONEYPOT_FIELD, TOKEN_FIELD
from tests.factories.campagne import ContactFormFieldFactory, ContactPageFactory
from tests.factories.temoignages import tables_containing
from tests.mailqueue import queued_mail, run_mail_queue

pytestmark = pytest.mark.django_db


def purge() -> dict[str, int]:
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    counts = {}
    for line in out.getvalue().splitlines():
        label, _, count = line.rpartition(": ")
        counts[label] = int(count)
    return counts


@pytest.fixture
def contact(home):
    page = ContactPageFactory(
        parent=home, slug="contacts", to_address="presse@example.org, redaction@example.org", subject="Contact presse"
    )
    ContactFormFieldFactory(page=page, label="Votre e-mail", field_type="email")
    ContactFormFieldFactory(page=page, label="Votre message", field_type="multiline")
    return page


def send_contact_message(page, email: str, message: str):
    data = {
        "votre_e_mail": email,
        "votre_message": message,
        HONEYPOT_FIELD: "",
        TOKEN_FIELD: CONTACT_TIMER.make(time.time() - 30),
    }
    assert Client().post(page.url, data).status_code == 200


def test_the_command_prints_a_count_for_every_kind(db):
    counts = purge()
    assert set(counts) == {
        "rejected testimonies erased",
        "withdrawn testimonies erased",
        "undecided testimonies erased",
        "overdue testimonies reported to the moderators",
        "published testimonies' e-mails and original texts erased",
        "old testimony revisions deleted",
        "messages with testimonies' authors erased",
        "contact messages erased",
        "search terms erased",
        "finished e-mail tasks deleted",
    }
    assert set(counts.values()) == {0}


def test_contact_messages_and_finished_mail_tasks_are_erased_after_their_delay(contact, settings):
    settings.CONTACT_RETENTION_DAYS = 90
    settings.EMAIL_TASK_RETENTION_DAYS = 7
    with freeze_time("2025-01-01 10:00"):
        send_contact_message(contact, "zqancien@example.org", "Message ancien zqoldmessage.")
        assert run_mail_queue() == 2
    with freeze_time("2025-03-20 10:00"):
        send_contact_message(contact, "zqrecent@example.org", "Message récent zqnewmessage.")
        assert run_mail_queue() == 2
    # The queue named the message and each « adresse de destination » by number, never by value.
    assert [task.args_kwargs["kwargs"]["ids"]["recipient"] for task in queued_mail().order_by("enqueued_at")] == [
        0, 1, 0, 1
    ]  # fmt: skip
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "presse@example.org", "presse@example.org", "redaction@example.org", "redaction@example.org"
    ]  # fmt: skip
    assert tables_containing("presse@example.org") == ["campagne_contactpage.to_address"]  # nothing else holds it

    with freeze_time("2025-04-02 10:00"):  # 91 days after the first message, 13 after the second
        with freeze_time("2025-03-25 10:00"):
            send_contact_message(contact, "zqqueued@example.org", "Pas encore envoyé.")  # READY, not finished
        counts = purge()
    assert counts["contact messages erased"] == 1
    assert counts["finished e-mail tasks deleted"] == 4
    assert tables_containing("zqancien@example.org", "zqoldmessage") == []
    assert tables_containing("zqnewmessage")
    assert FormSubmission.objects.count() == 2
    assert queued_mail().count() == 2 and not queued_mail().finished().exists()
    with freeze_time("2025-04-02 10:05"):
        assert purge()["finished e-mail tasks deleted"] == 0


def test_no_mail_task_carries_an_address_or_a_text(contact, section, django_user_model, client):
    """Every kind of e-mail the site queues: contact, testimony review requests, password reset, overdue alert,
    the author's notice of a question and the moderators' notice of an answer."""
    from django.contrib.auth.models import Group

    from temoignages.author_messages import answer, ask_author
    from temoignages.models import TestimonySubmission
    from temoignages.moderation import GROUP_NAME
    from tests.factories.temoignages import valid_data

    moderator = django_user_model.objects.create_user("moderatrice", "zqmoderatrice@example.org", "mot-de-passe-42")
    moderator.groups.add(Group.objects.get(name=GROUP_NAME))
    story = "Un récit de test assez long, marqué zqtaskstory."
    with freeze_time("2025-01-01 10:00"):
        send_contact_message(contact, "zqvisitor@example.org", "Un message zqtaskmessage.")
        form_page = section[1]
        Client().post(form_page.url, valid_data(form_page, story=story, contact_email="zqauthor@example.org"))
        Client().post("/admin/password_reset/", {"email": "zqmoderatrice@example.org"})
    with freeze_time("2025-01-20 10:00"):
        purge()
        # The moderators ask the author a question; the author answers on the status page.
        submission = TestimonySubmission.objects.get()
        ask_author(submission, moderator, "Une question marquée zqtaskmessage ?")
        answer(submission, "Une réponse marquée zqtaskstory.")
    kinds = {task.args_kwargs["kwargs"]["kind"] for task in queued_mail()}
    assert kinds == {
        "contact", "moderation", "password_reset", "pending_overdue", "author_message_notice", "author_answered"
    }  # fmt: skip

    def leaking(rows):
        return [row for row in rows if any(marker in str(row) for marker in ("@", "zqtaskstory", "zqtaskmessage"))]

    assert leaking(queued_mail().values_list("args_kwargs", flat=True)) == []
    run_mail_queue()
    # Sent, and the rows hold the outcome only.
    assert {address for message in mail.outbox for address in message.to} >= {
        "presse@example.org", "redaction@example.org", "zqmoderatrice@example.org", "zqauthor@example.org"
    }  # fmt: skip
    assert leaking(queued_mail().values_list("args_kwargs", "return_value", "traceback")) == []


def search(term: str):
    assert Client().get("/fr/recherche/", {"q": term}).status_code == 200


def test_raw_search_terms_go_after_a_week_and_promoted_ones_keep_their_counts(home, settings, django_user_model):
    settings.SEARCH_TERMS_RETENTION_DAYS = 7
    with freeze_time("2025-01-01 10:00"):
        search("mon harceleur zqjean zqdupont")
        search("collège")
        search("collège")
        search("trottinette")
    SearchPromotion.objects.create(query=Query.get("collège"), external_link_url="https://example.org/", sort_order=0)
    with freeze_time("2025-01-06 10:00"):
        search("trottinette")
        search("collège")

    admin = django_user_model.objects.create_superuser("admin", "", "mot-de-passe-solide-1")
    report = Client()
    report.force_login(admin)

    def report_rows():
        response = report.get(reverse("wagtailsearchpromotions:search_terms"))
        assert response.status_code == 200
        return response.content.decode()

    with freeze_time("2025-01-07 10:00"):
        page = report_rows()
        assert "zqjean" in page and "trottinette" in page and "collège" in page
    # Past the week, before any purge: the report no longer lists the old raw term.
    with freeze_time("2025-01-09 10:00"):
        page = report_rows()
        assert "zqjean" not in page and "trottinette" in page
        export = report.get(reverse("wagtailsearchpromotions:search_terms"), {"export": "csv"})
        csv = b"".join(export.streaming_content).decode()
        assert "zqjean" not in csv and "trottinette,1" in csv and "collège,3" in csv
        assert purge()["search terms erased"] == 1
    assert tables_containing("zqjean", "zqdupont") == []
    assert Query.get("trottinette").hits == 1  # the recent count only
    assert Query.get("collège").hits == 3  # promoted: every count kept

    with freeze_time("2025-01-20 10:00"):
        assert purge()["search terms erased"] == 1  # trottinette
        assert "trottinette" not in report_rows()
    assert list(Query.objects.values_list("query_string", flat=True)) == ["collège"]
    assert QueryDailyHits.objects.filter(query__query_string="collège").count() == 2
