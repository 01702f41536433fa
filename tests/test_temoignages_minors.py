"""Children under 15 (issue 15): told before writing, no contact e-mail kept, the legal basis recorded."""

import pytest
from bs4 import BeautifulSoup

from temoignages import models as tm
from temoignages.choices import AgeRange, LegalBasis
from tests.factories.temoignages import build_testimony_section, valid_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def form_page(home):
    from ressources.demo import ensure_helplines

    ensure_helplines()
    return build_testimony_section(home)[1]


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_under_15_with_an_email_keeps_the_story_but_not_the_email(client, form_page):
    story = "À la récré, trois élèves de ma classe me bousculent et se moquent de moi tous les jours."
    response = client.post(
        form_page.url, valid_data(form_page, age_range=AgeRange.UNDER_15, story=story, contact_email="lea.m@exemple.fr")
    )

    assert response.status_code == 200
    submission = tm.TestimonySubmission.objects.get()
    assert submission.story == story
    assert submission.contact_email == ""
    assert submission.legal_basis == LegalBasis.PREVENTION_UNDER_15
    text = soup_of(response).get_text(" ", strip=True)
    assert "l'adresse e-mail que vous aviez écrite n'a pas été gardée" in text
    assert "lea.m@exemple.fr" not in response.content.decode()


def test_under_15_with_a_mistyped_email_is_not_asked_to_fix_it(client, form_page):
    response = client.post(form_page.url, valid_data(form_page, age_range=AgeRange.UNDER_15, contact_email="lea@"))

    assert response.status_code == 200
    assert tm.TestimonySubmission.objects.get().contact_email == ""


@pytest.mark.parametrize("age_range", [AgeRange.FROM_15_TO_17, AgeRange.FROM_26_TO_40, ""])
def test_from_15_and_unknown_ages_keep_the_email_on_consent(client, form_page, age_range):
    response = client.post(form_page.url, valid_data(form_page, age_range=age_range, contact_email="sam@exemple.fr"))

    assert response.status_code == 200
    submission = tm.TestimonySubmission.objects.get()
    assert submission.contact_email == "sam@exemple.fr"
    assert submission.legal_basis == LegalBasis.CONSENT
    assert "n'a pas été gardée" not in soup_of(response).get_text(" ")


def test_the_age_question_comes_first_and_the_notice_right_after_it(client, form_page):
    soup = soup_of(client.get(form_page.url))

    fields = [el["name"] for el in soup.select("form.testimony-form select, form.testimony-form textarea")]
    assert fields[0] == "age_range" and fields.index("age_range") < fields.index("story")
    notice = soup.select_one(".form-field--age_range + details.minor-notice")
    assert notice is not None and not notice.has_attr("open")
    text = notice.get_text(" ", strip=True)
    assert "Vous avez moins de 15 ans" in notice.summary.get_text()
    assert "équipe de modération" in text
    assert "code de suivi" in text and "retirer" in text
    assert "sans l'accord de vos parents" in text


def test_the_notice_offers_the_three_lines_for_young_people_as_tap_to_call_links(client, form_page):
    notice = soup_of(client.get(form_page.url)).select_one("details.minor-notice")

    calls = {a["href"] for a in notice.select("a[href^='tel:']")}
    assert calls == {"tel:3018", "tel:119", "tel:0800235236"}
    assert "Fil Santé Jeunes" in notice.get_text()


def test_the_notice_is_open_when_the_form_comes_back_with_under_15(client, form_page):
    response = client.post(form_page.url, valid_data(form_page, age_range=AgeRange.UNDER_15, story="Court."))

    assert response.status_code == 400
    assert soup_of(response).select_one("details.minor-notice").has_attr("open")


def test_the_notice_is_in_english_on_the_english_form(client, form_page, locales):
    from ressources.demo import ensure_helplines

    en_form = form_page.copy_for_translation(locales[1], copy_parents=True)
    en_form.save_revision().publish()
    ensure_helplines()

    notice = soup_of(client.get(en_form.url)).select_one("details.minor-notice")

    assert "Under 15?" in notice.summary.get_text()
    assert {a["href"] for a in notice.select("a[href^='tel:']")} == {"tel:3018", "tel:119", "tel:0800235236"}


def test_an_under_15_record_never_keeps_an_email_whatever_the_way_in():
    from tests.factories.temoignages import TestimonySubmissionFactory

    child = TestimonySubmissionFactory(age_range=AgeRange.UNDER_15, contact_email="kid@exemple.fr")
    adult = TestimonySubmissionFactory(age_range=AgeRange.FROM_18_TO_25, contact_email="adulte@exemple.fr")

    child.refresh_from_db()
    adult.refresh_from_db()
    assert (child.contact_email, child.legal_basis) == ("", LegalBasis.PREVENTION_UNDER_15)
    assert (adult.contact_email, adult.legal_basis) == ("adulte@exemple.fr", LegalBasis.CONSENT)
