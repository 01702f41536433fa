"""Asking the author: moderators write from the admin, the author reads and answers on the status
page with their receipt code, notices leave through the mail queue with a link only."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from temoignages import author_messages
from temoignages.choices import MessageDirection, MessageKind, Status
from temoignages.models import AuthorMessage, TestimonySubmission
from temoignages.moderation import GROUP_NAME
from temoignages.receipts import normalise
from temoignages.retention import purge
from temoignages.review import review_url
from tests.factories.temoignages import tables_containing, valid_data
from tests.mailqueue import queued_mail, run_mail_queue

pytestmark = pytest.mark.django_db


def token() -> str:
    return "zq" + uuid.uuid4().hex[:12]


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderatrice", "moderatrice@example.org", "motdepasse-solide-123")
    user.groups.add(Group.objects.get(name=GROUP_NAME))
    return user


@pytest.fixture
def moderator_client(moderator):
    client = Client()
    client.force_login(moderator)
    return client


def send_testimony(form_page, **overrides) -> tuple[TestimonySubmission, str]:
    """A testimony sent through the form; the record and the receipt code shown to its author."""
    before = set(TestimonySubmission.objects.values_list("pk", flat=True))
    response = Client().post(form_page.url, valid_data(form_page, **overrides))
    assert response.status_code == 200
    code = BeautifulSoup(response.content, "html.parser").select_one(".receipt-code").get_text(strip=True)
    submission = TestimonySubmission.objects.exclude(pk__in=before).get()
    return submission, code


def ask_url(submission) -> str:
    return f"/admin/temoignages/messages/{submission.pk}/demander/"


def propose_url(submission) -> str:
    return f"/admin/temoignages/messages/{submission.pk}/proposer/"


def status(form_page, client=None, **data):
    return (client or Client()).post(form_page.url + "suivi/", data)


def text(response) -> str:
    return response.content.decode()


def test_a_question_reaches_only_the_holder_of_the_code(section, moderator_client):
    _, form_page = section
    submission, code = send_testimony(form_page)
    _other, other_code = send_testimony(form_page)
    question = f"Pouvez-vous préciser la ville ? {token()}"

    response = moderator_client.post(ask_url(submission), {"body": question})
    assert response.status_code == 302
    assert response["Location"] == review_url(submission.pk)
    message = AuthorMessage.objects.get()
    assert (message.kind, message.direction, message.moderator.username) == (
        MessageKind.QUESTION, MessageDirection.MODERATORS, "moderatrice"
    )  # fmt: skip

    page = status(form_page, code=code, action="check")
    assert page.status_code == 200
    assert question in text(page)
    assert "Question de l'équipe de modération" in text(page)
    assert code not in page.request["PATH_INFO"]
    message.refresh_from_db()
    assert message.read_at is not None  # the moderators see that the author read it

    assert question not in text(status(form_page, code=other_code, action="check"))
    assert question not in text(status(form_page, code="ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ", action="check"))
    assert question not in text(Client().get(form_page.url + "suivi/"))


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("Editors", False), ("Moderators", False), (GROUP_NAME, True), ("superuser", True)],
)
def test_only_moderators_may_write_to_the_author(section, django_user_model, role, allowed):
    _, form_page = section
    submission, _code = send_testimony(form_page)
    client = Client()
    if role == "superuser":
        client.force_login(django_user_model.objects.create_superuser("racine", "r@example.org", "motdepasse-123"))
    elif role != "anonymous":
        user = django_user_model.objects.create_user("membre", "m@example.org", "motdepasse-solide-123")
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)

    asked = client.post(ask_url(submission), {"body": "Une question ?"})
    proposed = client.post(propose_url(submission))
    if allowed:
        assert (asked.status_code, proposed.status_code) == (302, 302)
        assert AuthorMessage.objects.count() == 2
    else:
        expected = 302 if role == "anonymous" else 403  # the anonymous visitor is sent to the login
        assert (asked.status_code, proposed.status_code) == (expected, expected)
        if role == "anonymous":
            assert asked["Location"].startswith("/admin/login/")
        assert not AuthorMessage.objects.exists()
    assert client.get(ask_url(submission)).status_code == (302 if role == "anonymous" else 405)


def test_the_admin_posts_need_the_csrf_token(section, moderator):
    _, form_page = section
    submission, _code = send_testimony(form_page)
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    assert client.post(ask_url(submission), {"body": "Une question ?"}).status_code == 403
    assert not AuthorMessage.objects.exists()


def test_back_to_a_safe_next_only(section, moderator_client):
    _, form_page = section
    submission, _code = send_testimony(form_page)
    here = moderator_client.post(ask_url(submission), {"body": "Question 1", "next": "/admin/pages/"})
    assert here["Location"] == "/admin/pages/"
    away = moderator_client.post(ask_url(submission), {"body": "Question 2", "next": "https://evil.example/"})
    assert away["Location"] == review_url(submission.pk)


def test_the_panel_shows_the_conversation_and_marks_new_answers_once(section, moderator_client):
    _, form_page = section
    submission, code = send_testimony(form_page)
    moderator_client.post(ask_url(submission), {"body": "Dans quel établissement ?"})
    answer_text = f"Un collège, je préfère ne pas le nommer {token()}"
    answered = status(form_page, code=code, action="answer", **{"reponse-answer": answer_text})
    assert answered.status_code == 200
    assert "Votre réponse est envoyée" in text(answered)

    screen = moderator_client.get(review_url(submission.pk))
    assert screen.status_code == 200
    panel = BeautifulSoup(screen.content, "html.parser").select_one(".author-messages")
    assert answer_text in panel.get_text()
    assert "Dans quel établissement ?" in panel.get_text()
    assert "Nouveau" in panel.get_text()
    assert "par moderatrice" in panel.get_text()
    assert AuthorMessage.objects.get(kind=MessageKind.ANSWER).read_at is not None
    again = BeautifulSoup(moderator_client.get(review_url(submission.pk)).content, "html.parser")
    assert "Nouveau" not in again.select_one(".author-messages").get_text()


def test_dates_are_shown_in_paris_time(section, moderator_client):
    _, form_page = section
    submission, code = send_testimony(form_page)
    with freeze_time("2026-01-15 09:05:00"):  # UTC; 10:05 in Paris
        author_messages.ask_author(submission, None, "Une question en hiver ?")
    page = text(status(form_page, code=code, action="check"))
    assert "15 janvier 2026, 10:05" in page
    panel = text(moderator_client.get(review_url(submission.pk)))
    assert "15 janvier 2026, 10:05" in panel


def test_the_redacted_version_is_shown_in_full_and_accepted(section, moderator_client):
    _, form_page = section
    submission, code = send_testimony(
        form_page, story="Le professeur Dupont au lycée Jean Moulin m'humiliait chaque jour."
    )
    draft = submission.page.get_latest_revision_as_object()
    redacted = f"Un professeur de mon lycée m'humiliait chaque jour. {token()}"
    draft.story = redacted
    draft.headline = "Chaque jour"
    draft.save_revision()

    assert moderator_client.post(propose_url(submission)).status_code == 302
    proposal = AuthorMessage.objects.get()
    assert (proposal.kind, proposal.headline, proposal.body) == (MessageKind.REDACTION, "Chaque jour", redacted)

    page = status(form_page, code=code, action="check")
    soup = BeautifulSoup(page.content, "html.parser")
    assert redacted in soup.select_one(".author-conversation__redaction").get_text()
    assert "Dupont" not in soup.select_one(".author-conversation").get_text()
    accept = soup.select_one("button[name=action][value=accept]")
    assert accept is not None and "J'accepte cette version relue" in accept.get_text()

    accepted = status(form_page, code=code, action="accept")
    assert accepted.status_code == 200
    assert "vous acceptez la version relue" in text(accepted)
    message = AuthorMessage.objects.get(kind=MessageKind.ACCEPTED)
    assert message.reply_to == proposal and message.direction == MessageDirection.AUTHOR
    assert author_messages.redaction_accepted(submission)
    assert BeautifulSoup(accepted.content, "html.parser").select_one("button[value=accept]") is None
    again = status(form_page, code=code, action="accept")
    assert again.status_code == 409
    assert "déjà accepté" in text(again)
    assert AuthorMessage.objects.filter(kind=MessageKind.ACCEPTED).count() == 1


def test_messages_are_encrypted_at_rest(section, moderator_client):
    _, form_page = section
    submission, code = send_testimony(form_page)
    question, answer_text = f"Question {token()}", f"Réponse {token()}"
    moderator_client.post(ask_url(submission), {"body": question})
    status(form_page, code=code, action="answer", **{"reponse-answer": answer_text})
    assert [m.body for m in AuthorMessage.objects.conversation()] == [question, answer_text]
    assert tables_containing(question.split()[1], answer_text.split()[1]) == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM temoignages_authormessage")
        raw = [row[0] for row in cursor.fetchall()]
    assert len(raw) == 2 and all(value.startswith("gAAAA") for value in raw)


def test_the_author_gets_a_notice_with_a_link_only_if_they_left_an_email(section, moderator_client):
    _, form_page = section
    with_email, code = send_testimony(form_page, contact_email="autrice@example.org")
    without_email, _code = send_testimony(form_page)
    under_15, _code15 = send_testimony(form_page, age_range="moins-15", contact_email="enfant@example.org")
    run_mail_queue()  # the moderators' review requests
    mail.outbox.clear()
    question = f"Une précision ? {token()}"
    for submission in (with_email, without_email, under_15):
        moderator_client.post(ask_url(submission), {"body": question})
    moderator_client.post(propose_url(with_email))

    tasks = [task.args_kwargs["kwargs"] for task in queued_mail().filter(status="READY")]
    assert [task["kind"] for task in tasks] == ["author_message_notice", "author_message_notice"]
    for task in tasks:  # ids only in the queue
        assert set(task["ids"]) == {"message_id"}
        assert question not in str(task) and "autrice@example.org" not in str(task)

    assert run_mail_queue() == 2
    assert [message.to for message in mail.outbox] == [["autrice@example.org"], ["autrice@example.org"]]
    notice = mail.outbox[0]
    assert notice.subject == "Parlons Harcèlement : un message vous attend"
    assert "http://" in notice.body and form_page.url + "suivi/" in notice.body
    whole = notice.subject + notice.body
    assert question not in whole and question.split()[-1] not in whole
    assert code not in whole and normalise(code) not in whole.upper().replace("-", "")
    assert with_email.page.get_latest_revision_as_object().story not in whole


def test_no_notice_once_the_testimony_is_decided(section, moderator_client):
    _, form_page = section
    submission, _code = send_testimony(form_page, contact_email="autrice@example.org")
    run_mail_queue()
    mail.outbox.clear()
    moderator_client.post(ask_url(submission), {"body": "Une précision ?"})
    submission.mark(Status.REJECTED)
    run_mail_queue()
    assert mail.outbox == []


def test_moderators_are_told_of_an_answer_with_a_link_only(section, moderator_client, moderator):
    _, form_page = section
    submission, code = send_testimony(form_page)
    moderator_client.post(ask_url(submission), {"body": "Une précision ?"})
    run_mail_queue()
    mail.outbox.clear()
    answer_text = f"Ma réponse {token()}"
    status(form_page, code=code, action="answer", **{"reponse-answer": answer_text})
    tasks = [task.args_kwargs["kwargs"] for task in queued_mail().filter(status="READY")]
    assert tasks == [{"kind": "author_answered", "ids": {"message_id": AuthorMessage.objects.get(
        kind=MessageKind.ANSWER).pk, "recipient_id": moderator.pk}, "attempt": 1}]  # fmt: skip
    run_mail_queue()
    (notice,) = mail.outbox
    assert notice.to == ["moderatrice@example.org"]
    assert f"n° {submission.pk}" in notice.subject
    assert review_url(submission.pk) in notice.body
    assert answer_text not in notice.subject + notice.body and code not in notice.body


def test_a_decided_testimony_refuses_messages(section, moderator_client):
    _, form_page = section
    submission, code = send_testimony(form_page)
    moderator_client.post(ask_url(submission), {"body": "Une précision ?"})
    moderator_client.post(propose_url(submission))
    submission.mark(Status.REJECTED)

    refused = moderator_client.post(ask_url(submission), {"body": "Encore une ?"}, follow=True)
    assert "la conversation est close" in text(refused)
    with pytest.raises(author_messages.MessageRefused):
        author_messages.propose_redaction(submission, None)

    answer_text = f"Trop tard {token()}"
    late = status(form_page, code=code, action="answer", **{"reponse-answer": answer_text})
    assert late.status_code in (400, 409)
    page = text(late)
    assert "n'attend plus de décision" in page
    assert late_accept_refused(form_page, code)
    assert AuthorMessage.objects.count() == 2
    assert not AuthorMessage.objects.from_author().exists()


def late_accept_refused(form_page, code) -> bool:
    response = status(form_page, code=code, action="accept")
    return response.status_code < 500 and not AuthorMessage.objects.filter(kind=MessageKind.ACCEPTED).exists()


def test_bad_input_gives_french_errors_and_keeps_the_text(section, moderator_client):
    _, form_page = section
    submission, code = send_testimony(form_page)

    # Nothing to answer yet.
    early = status(form_page, code=code, action="answer", **{"reponse-answer": "Bonjour"})
    assert early.status_code == 409 and "rien à répondre" in text(early)
    assert status(form_page, code=code, action="accept").status_code == 409

    moderator_client.post(ask_url(submission), {"body": "Une précision ?"})
    empty = status(form_page, code=code, action="answer", **{"reponse-answer": "   "})
    assert empty.status_code == 400
    assert "Écrivez votre réponse avant de l&#x27;envoyer." in text(empty)

    too_long = "x" * (author_messages.ANSWER_MAX_LENGTH + 1)
    long_response = status(form_page, code=code, action="answer", **{"reponse-answer": too_long})
    assert long_response.status_code == 400
    assert "Votre réponse est trop longue : 3000 caractères au plus (elle en compte 3001)" in text(long_response)
    textarea = BeautifulSoup(long_response.content, "html.parser").select_one("textarea[name=reponse-answer]")
    assert textarea.get_text().strip() == too_long  # nothing lost

    wrong = status(form_page, code="WRONG-CODE", action="answer", **{"reponse-answer": "Ma réponse gardée"})
    assert wrong.status_code == 200 and "Aucun témoignage en cours ne correspond" in text(wrong)
    no_code = status(form_page, action="answer", **{"reponse-answer": "Ma réponse gardée"})
    assert no_code.status_code == 400 and "Saisissez votre code de suivi." in text(no_code)
    assert not AuthorMessage.objects.from_author().exists()

    for odd in ({"action": "answer"}, {"action": "zzz", "code": code}, {"code": code * 50, "action": "accept"}):
        assert status(form_page, **odd).status_code < 500

    blank_question = moderator_client.post(ask_url(submission), {"body": " "}, follow=True)
    assert "Écrivez la question avant de l&#x27;envoyer." in text(blank_question)
    # An unknown record: the admin's 404 (redirected to the language-prefixed not-found page).
    unknown = moderator_client.post(
        "/admin/temoignages/messages/999999/demander/", {"body": "Une question ?"}, follow=True
    )
    assert unknown.status_code == 404
    long_question = moderator_client.post(ask_url(submission), {"body": "q" * 2001}, follow=True)
    assert "La question est trop longue" in text(long_question)
    assert AuthorMessage.objects.count() == 1


def test_a_rate_limited_answer_is_shown_again(section, moderator_client, settings):
    _, form_page = section
    submission, code = send_testimony(form_page)
    moderator_client.post(ask_url(submission), {"body": "Une précision ?"})
    settings.TESTIMONY_STATUS_RATE_LIMIT = (1, 900)
    visitor = Client()
    assert status(form_page, visitor, code=code, action="check").status_code == 200
    limited = status(form_page, visitor, code=code, action="answer", **{"reponse-answer": "Ma réponse à garder"})
    assert limited.status_code == 429
    assert "Ma réponse à garder" in text(limited)
    assert not AuthorMessage.objects.from_author().exists()


def test_withdrawal_erases_the_messages(section, moderator_client):
    _, form_page = section
    submission, code = send_testimony(form_page)
    question = f"Question {token()}"
    moderator_client.post(ask_url(submission), {"body": question})
    status(form_page, code=code, action="withdraw", confirm="on")
    assert not AuthorMessage.objects.exists()
    assert not TestimonySubmission.objects.filter(pk=submission.pk).exists()


def test_the_purge_erases_the_messages_after_the_decision(section, moderator_client, settings):
    settings.TESTIMONY_RETENTION_DAYS = 30
    _, form_page = section
    published, _c1 = send_testimony(form_page)
    rejected, _c2 = send_testimony(form_page)
    pending, _c3 = send_testimony(form_page)
    for submission in (published, rejected, pending):
        moderator_client.post(ask_url(submission), {"body": "Une précision ?"})
    TestimonySubmission.objects.filter(pk=published.pk).update(status=Status.PUBLISHED, decided_at=timezone.now())
    rejected.mark(Status.REJECTED)

    done = purge(now=timezone.now() + timedelta(days=29))
    assert done["messages"] == 0 and AuthorMessage.objects.count() == 3

    done = purge(now=timezone.now() + timedelta(days=31))
    assert done["rejected"] == 1
    assert done["messages"] == 1  # the published one's; the rejected one's went with its record
    assert list(AuthorMessage.objects.values_list("submission", flat=True)) == [pending.pk]


def test_the_csv_export_has_no_messages(section, moderator_client):
    _, form_page = section
    submission, code = send_testimony(form_page)
    question, answer_text = f"Question {token()}", f"Réponse {token()}"
    moderator_client.post(ask_url(submission), {"body": question})
    status(form_page, code=code, action="answer", **{"reponse-answer": answer_text})
    for query in ("", "?contact=1"):
        export = moderator_client.get("/admin/temoignages/export.csv" + query)
        rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
        assert len(rows) == 2
        whole = export.content.decode("utf-8-sig")
        assert question not in whole and answer_text not in whole


def test_the_privacy_page_lists_the_messages(db):
    from django.utils import translation

    from home.privacy import retention_schedule

    with translation.override("fr"):
        rows = [row for group in retention_schedule() for row in group.rows]
    (row,) = [row for row in rows if row.data.startswith("Messages échangés avec l'équipe de modération")]
    assert "30 jours après la décision" in row.duration
