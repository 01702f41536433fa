"""The thank-you page lets the author keep the receipt code: copy it, or save it as a text file."""

from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from temoignages import models as tm
from temoignages.receipts import hash_receipt
from tests.factories.temoignages import valid_data

pytestmark = pytest.mark.django_db

DATA_PREFIX = "data:text/plain;charset=utf-8,"


def saved_file(soup, label: str) -> tuple[str, str]:
    link = next(a for a in soup.select(".receipt-actions a") if a.get_text(strip=True) == label)
    assert link["href"].startswith(DATA_PREFIX), link["href"][:60]
    return link["download"], unquote(link["href"][len(DATA_PREFIX) :])


def test_both_links_save_a_text_file_with_the_code_and_the_status_address(client, section):
    _index, form_page = section
    response = client.post(form_page.url, valid_data(form_page))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    code = soup.select_one(".receipt-code").get_text(strip=True)
    for label in ("Copier le code", "Enregistrer dans un fichier"):
        name, text = saved_file(soup, label)
        assert name == "parlons-harcelement-code.txt"
        assert f"Code : {code}" in text
        assert f"Page de suivi : http://testserver{form_page.status_url()}" in text
        assert "retirer à tout moment" in text
    # The code that works is the one in the file: its hash is the one stored.
    assert tm.TestimonySubmission.objects.get().receipt_hash == hash_receipt(code)
    copy = soup.select_one("[data-copy-code]")
    assert copy["data-copy-code"] == code and copy["data-copied"] == "Code copié"
    live = soup.select_one("[data-copy-status]")
    assert live["aria-live"] == "polite" and live["role"] == "status"
    assert soup.select_one('script[src$="temoignages/receipt.js"]')


def test_the_file_is_in_the_visitors_language(client, demo_site):
    from temoignages.models import TestimonyFormPage

    form_page = TestimonyFormPage.objects.get(locale__language_code="en")
    with translation.override("en"):
        response = client.post(form_page.url, valid_data(form_page))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    code = soup.select_one(".receipt-code").get_text(strip=True)
    _name, text = saved_file(soup, "Save to a file")
    assert f"Code: {code}" in text and "Tracking page: http://testserver/en/" in text
    assert "withdraw it at any time" in text
    assert "Copy the code" in soup.select_one(".receipt-actions").get_text()


def test_a_resent_form_shows_no_file(client, section):
    """The second post of the same form has no code to save (it was shown the first time)."""
    _index, form_page = section
    data = valid_data(form_page)
    client.post(form_page.url, data)
    soup = BeautifulSoup(client.post(form_page.url, data).content, "html.parser")
    assert not soup.select_one(".receipt-actions")
