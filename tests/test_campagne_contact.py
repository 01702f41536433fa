"""Contact form (Wagtail form builder): stored, e-mailed, protected against spam without a third party."""

import time
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from campagne.forms import CONTACT_RATE_LIMIT, CONTACT_TIMER
from site_parlons.ops.form_protection import HONEYPOT_FIELD
from site_parlons.ops.form_protection import TOKEN_FIELD as TIMESTAMP_FIELD
from tests.factories.campagne import ContactFormFieldFactory, ContactPageFactory
from tests.mailqueue import queued_mail, run_mail_queue

pytestmark = pytest.mark.django_db

RATE_LIMIT = CONTACT_RATE_LIMIT.limit
make_token = CONTACT_TIMER.make


@pytest.fixture
def contact(home):
    page = ContactPageFactory(parent=home, slug="contacts", to_address="presse@example.org", subject="Contact presse")
    ContactFormFieldFactory(page=page, label="Votre nom", field_type="singleline")
    ContactFormFieldFactory(page=page, label="Votre e-mail", field_type="email")
    ContactFormFieldFactory(page=page, label="Votre message", field_type="multiline")
    return page


def valid_data(**overrides):
    data = {
        "votre_nom": "Inès Journaliste",
        "votre_e_mail": "ines@example.org",
        "votre_message": "Bonjour, une demande d'interview.",
        HONEYPOT_FIELD: "",
        TIMESTAMP_FIELD: make_token(time.time() - 30),
    }
    data.update(overrides)
    return data


def test_form_shows_fields_honeypot_and_signed_timer(client, contact):
    soup = BeautifulSoup(client.get(contact.url).content, "html.parser")
    form = soup.select_one("main form")
    assert form.select_one("input[name=votre_nom]")
    honeypot = form.select_one(f"input[name={HONEYPOT_FIELD}]")
    assert honeypot["tabindex"] == "-1"
    assert honeypot.find_parent(attrs={"aria-hidden": "true"})
    assert form.select_one(f"input[type=hidden][name={TIMESTAMP_FIELD}]")["value"]


def test_valid_message_is_stored_and_emailed(client, contact):
    response = client.post(contact.url, valid_data(), REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Navigateur/1.0")
    assert response.status_code == 200
    assert "Message envoyé" in response.content.decode()
    submission = FormSubmission.objects.get(page=contact)
    assert submission.form_data == {
        "votre_nom": "Inès Journaliste",
        "votre_e_mail": "ines@example.org",
        "votre_message": "Bonjour, une demande d'interview.",
    }
    # Queued in the request (nothing sent yet), sent by the worker.
    assert mail.outbox == []
    assert run_mail_queue() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["presse@example.org"]
    assert "une demande d'interview" in message.body
    for private in ("203.0.113.7", "Navigateur/1.0", HONEYPOT_FIELD, TIMESTAMP_FIELD):
        assert private not in message.body
        assert private not in str(submission.form_data)


def test_honeypot_filled_is_refused_with_the_text_kept_and_the_field_emptied(client, contact):
    response = client.post(contact.url, valid_data(**{HONEYPOT_FIELD: "http://spam.example"}))
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert "n'a pas pu être envoyé" in soup.select_one(".error-summary").get_text()
    assert soup.select_one("textarea[name=votre_message]").get_text().strip() == "Bonjour, une demande d'interview."
    # A person cannot see the field to clear it: the page sent back has it empty.
    assert soup.select_one(f"input[name={HONEYPOT_FIELD}]").get("value", "") == ""
    assert not FormSubmission.objects.exists()
    assert mail.outbox == []


def test_too_fast_is_refused_with_a_clear_message_and_text_kept(client, contact):
    response = client.post(contact.url, valid_data(**{TIMESTAMP_FIELD: make_token()}))
    assert response.status_code == 400
    html = response.content.decode()
    assert "trop vite" in html
    assert "Bonjour, une demande d&#x27;interview." in html  # the visitor does not lose their text
    assert not FormSubmission.objects.exists()


# Tokens built inside the test: a time-based value in the ids would differ between xdist workers.
TOKENS = {
    "missing": lambda: "",
    "forged": lambda: "pas-un-jeton",
    "expired": lambda: make_token(time.time() - 3 * 60 * 60),
}


@pytest.mark.parametrize("kind", sorted(TOKENS))
def test_missing_forged_or_expired_token_is_refused(client, contact, kind):
    token = TOKENS[kind]()
    response = client.post(contact.url, valid_data(**{TIMESTAMP_FIELD: token}))
    assert response.status_code == 400
    assert "expiré" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_missing_required_field_is_a_400_with_the_field_error(client, contact):
    response = client.post(contact.url, valid_data(votre_message=""))
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".form-field--error textarea[name=votre_message]") is not None or soup.select_one(
        ".form-field--error"
    )
    assert "corrigez les champs" in soup.get_text()


def test_rate_limit_per_client(client, contact):
    for _ in range(RATE_LIMIT):
        assert client.post(contact.url, valid_data(), REMOTE_ADDR="198.51.100.1").status_code == 200
    blocked = client.post(contact.url, valid_data(), REMOTE_ADDR="198.51.100.1")
    assert blocked.status_code == 429
    assert "Réessayez dans quelques minutes" in blocked.content.decode()
    assert FormSubmission.objects.count() == RATE_LIMIT
    # Another visitor is not affected.
    assert client.post(contact.url, valid_data(), REMOTE_ADDR="198.51.100.2").status_code == 200
    # Nothing about the address is stored in the database.
    assert "198.51.100" not in str(list(FormSubmission.objects.values_list("form_data", flat=True)))


def test_mail_server_down_keeps_the_submission_and_the_queued_mail(client, contact):
    with mock.patch("django.core.mail.message.EmailMessage.send", side_effect=ConnectionRefusedError):
        response = client.post(contact.url, valid_data())
        assert response.status_code == 200
        assert FormSubmission.objects.filter(page=contact).count() == 1
        assert run_mail_queue() == 1  # fails, and the next attempt is queued
    assert mail.outbox == []
    assert list(queued_mail().order_by("enqueued_at").values_list("status", flat=True)) == ["FAILED", "READY"]


def test_demo_contact_page_has_form_press_contact_and_key_facts(client, demo_site):
    from campagne.models import ContactPage

    for language in ("fr", "en"):
        page = ContactPage.objects.get(locale__language_code=language)
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        assert soup.select_one("main form textarea")
        assert soup.select_one('a[href="mailto:parlonsharcelementcontact@gmail.com"]')
        assert len(soup.select(".key-figure")) == 3
    english = ContactPage.objects.get(locale__language_code="en")
    assert [f.label for f in english.form_fields.all()][0] == "Your name"


def test_rate_limit_behind_a_proxy_counts_per_visitor(client, contact, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for _ in range(RATE_LIMIT):
        response = client.post(contact.url, valid_data(), HTTP_X_FORWARDED_FOR="198.51.100.9", **proxy)
        assert response.status_code == 200
    assert client.post(contact.url, valid_data(), HTTP_X_FORWARDED_FOR="198.51.100.9", **proxy).status_code == 429
    # Another visitor behind the same proxy still gets through (the proxy appends the real address last).
    other = client.post(contact.url, valid_data(), HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.10", **proxy)
    assert other.status_code == 200


def test_forwarded_header_ignored_without_a_proxy(client, contact, settings):
    settings.TRUST_X_FORWARDED_FOR = False
    for i in range(RATE_LIMIT):
        client.post(contact.url, valid_data(), HTTP_X_FORWARDED_FOR=f"192.0.2.{i}", REMOTE_ADDR="198.51.100.3")
    forged = client.post(contact.url, valid_data(), HTTP_X_FORWARDED_FOR="192.0.2.99", REMOTE_ADDR="198.51.100.3")
    assert forged.status_code == 429


def test_failed_message_gets_a_focused_error_summary_at_the_top(client, contact):
    response = client.post(contact.url, valid_data(votre_message="", votre_e_mail="pas-une-adresse"))
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.title.get_text().startswith("Erreur : ")
    summary = soup.select_one("main .error-summary")
    assert summary["tabindex"] == "-1" and summary.has_attr("autofocus")
    assert summary.find_next("h1") is not None, "the summary comes before the page heading"
    links = {a["href"]: a.get_text() for a in summary.select("a")}
    assert set(links) == {"#id_votre_e_mail", "#id_votre_message"}
    assert links["#id_votre_message"].startswith("Votre message : ")
    # No fragment in the form's address: a page opened on a #fragment does not autofocus.
    assert "#" not in soup.select_one("main form")["action"]


def test_each_invalid_field_is_described_by_its_error(client, contact):
    soup = BeautifulSoup(client.post(contact.url, valid_data(votre_message="")).content, "html.parser")
    control = soup.select_one("textarea[name=votre_message]")
    assert control["aria-invalid"] == "true"
    described = control["aria-describedby"].split()
    errors = soup.select_one(f"#{described[-1]}")
    assert errors is not None and "errorlist" in errors["class"]
    assert soup.select_one("input[name=votre_nom]").get("aria-describedby") is None
