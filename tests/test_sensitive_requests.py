"""What a request leaves behind. Error reports never hold what a visitor typed: Django's own 500 e-mail to ADMINS (its
ExceptionReporter with SafeExceptionReporterFilter), built from a real failing request, shows
"********" for a story, a contact e-mail, a receipt code or an address typed in a reset form.
And the CSRF cookie of the forms goes when the browser closes."""

import sys
import time

import pytest
from django.core import mail
from django.core.signals import got_request_exception
from django.test import Client
from django.views.debug import ExceptionReporter

from campagne.forms import CONTACT_TIMER
from site_parlons.ops.form_protection import HONEYPOT_FIELD, TOKEN_FIELD
from tests.factories.campagne import ContactFormFieldFactory, ContactPageFactory
from tests.factories.temoignages import valid_data

pytestmark = pytest.mark.django_db

STORY = "Un récit assez long pour le formulaire, marqué zqstorymarker."
EMAIL = "zqmailmarker@example.org"


class Fault(Exception):
    """The failure injected in the request: a bug anywhere past the form's validation."""


def fail(*args, **kwargs):
    raise Fault("injected")


@pytest.fixture
def error_report(settings):
    """What Django reports about the failing request: the 500 e-mail its default logging sends
    to ADMINS (text: POST data and settings), and the HTML report of the same exception as
    ``AdminEmailHandler(include_html=True)`` or a debug page builds it (with each frame's locals)."""
    settings.ADMINS = [("Exploitation", "exploitation@example.org")]
    failures = []

    def record(sender, request, **kwargs):
        failures.append((request, sys.exc_info()))

    got_request_exception.connect(record)

    def report() -> str:
        [message] = [m for m in mail.outbox if m.to == ["exploitation@example.org"]]
        [(request, exc_info)] = failures
        html = ExceptionReporter(request, *exc_info, is_email=True).get_traceback_html()
        return message.body + html

    yield report
    got_request_exception.disconnect(record)


def assert_hidden(report: str, *secrets: str) -> None:
    assert "Fault" in report and "********" in report  # the report is there, with its hidden values
    for secret in secrets:
        assert secret not in report


def test_the_testimony_form(section, monkeypatch, error_report):
    from temoignages.models import TestimonySubmission

    form_page = section[1]
    # A database error while saving: the ORM's frames hold the story in their arguments.
    monkeypatch.setattr(TestimonySubmission.objects, "create", fail)
    data = valid_data(form_page, story=STORY, contact_email=EMAIL, pseudonym="Zqpseudomarker")
    response = Client(raise_request_exception=False).post(form_page.url, data)
    assert response.status_code == 500
    assert_hidden(error_report(), "zqstorymarker", "zqmailmarker", "Zqpseudomarker")


def test_the_status_page(section, monkeypatch, error_report):
    from temoignages.models.submission import TestimonySubmissionQuerySet

    form_page = section[1]
    monkeypatch.setattr(TestimonySubmissionQuerySet, "with_receipt", fail)
    response = Client(raise_request_exception=False).post(
        form_page.status_url(), {"code": "ZQCODE-MARK-1234", "action": "withdraw", "confirm": "on"}
    )
    assert response.status_code == 500
    assert_hidden(error_report(), "ZQCODE", "zqcode")


def test_the_contact_form(home, monkeypatch, error_report):
    from campagne.models import contact

    page = ContactPageFactory(parent=home, slug="contacts", to_address="presse@example.org")
    ContactFormFieldFactory(page=page, label="Votre e-mail", field_type="email")
    ContactFormFieldFactory(page=page, label="Votre message", field_type="multiline")
    monkeypatch.setattr(contact, "queue_mail", fail)  # the queue's table unreachable
    data = {
        "votre_e_mail": EMAIL,
        "votre_message": STORY,
        HONEYPOT_FIELD: "",
        TOKEN_FIELD: CONTACT_TIMER.make(time.time() - 30),
    }
    response = Client(raise_request_exception=False).post(page.url, data)
    assert response.status_code == 500
    assert_hidden(error_report(), "zqstorymarker", "zqmailmarker")


def test_the_admin_password_reset(db, monkeypatch, error_report):
    from site_parlons.ops.password_reset import QueuedPasswordResetForm

    monkeypatch.setattr(QueuedPasswordResetForm, "get_users", fail)  # given the address typed
    response = Client(raise_request_exception=False).post("/admin/password_reset/", {"email": EMAIL})
    assert response.status_code == 500
    assert_hidden(error_report(), "zqmailmarker")


def test_the_csrf_cookie_of_the_testimony_form_ends_with_the_browser_session(section):
    response = Client().get(section[1].url)
    assert response.status_code == 200
    cookie = response.cookies["csrftoken"]
    assert cookie.value
    assert cookie["expires"] == "" and cookie["max-age"] == ""
    assert "expires" not in cookie.output().lower() and "max-age" not in cookie.output().lower()
