"""The testimony form: French errors next to fields, bad input, anti-abuse, status page."""

import time

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from site_parlons.ops import form_protection
from temoignages import models as tm
from temoignages.forms import form_timer
from temoignages.receipts import hash_receipt, new_receipt_code, normalise
from tests.factories.temoignages import build_testimony_section, valid_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def form_page(home):
    return build_testimony_section(home)[1]


def field_errors(response, name: str) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    wrapper = soup.select_one(f".form-field--{name}")
    errors = wrapper.select_one(".errorlist") if wrapper else None
    return errors.get_text(" ", strip=True) if errors else ""


def test_form_shows_every_field_with_french_labels(client, form_page):
    response = client.get(form_page.url)
    soup = BeautifulSoup(response.content, "html.parser")
    names = {el["name"] for el in soup.select("form.testimony-form [name]")}
    assert {
        "harassment_type",
        "role",
        "story",
        "title",
        "pseudonym",
        "age_range",
        "region",
        "consent_publication",
        "consent_processing",
        "contact_email",
        form_protection.HONEYPOT_FIELD,
        form_protection.TOKEN_FIELD,
    } <= names
    text = soup.get_text(" ")
    assert "Votre récit" in text and "Entre 30 et 10\u202f000 caractères" in text
    assert soup.select_one("textarea[name=story]")["maxlength"] == "10000"
    types = [o.get_text() for o in soup.select("select[name=harassment_type] option")]
    assert "Harcèlement scolaire" in types and "Cyberharcèlement" in types
    honeypot = soup.select_one(f"input[name={form_protection.HONEYPOT_FIELD}]")
    assert honeypot.find_parent(class_="hp-field")["aria-hidden"] == "true"
    assert soup.select_one(".helplines")
    assert "no-store" in response["Cache-Control"]


def test_consent_link_leads_to_the_privacy_page(client, home, form_page):
    """The site's privacy page (site settings, also in the footer) unless the form picks its own."""
    from home.models import SiteSettings
    from tests.factories.home import StandardPageFactory

    privacy = StandardPageFactory(parent=home, slug="confidentialite", title="Confidentialité")
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.privacy_page = privacy
    site_settings.save()
    soup = BeautifulSoup(client.get(form_page.url).content, "html.parser")
    assert soup.select_one(f".form-field--consent_processing a[href='{privacy.url}']")

    own = StandardPageFactory(parent=home, slug="donnees-temoignages", title="Vos données")
    form_page.privacy_page = own
    form_page.save_revision().publish()
    soup = BeautifulSoup(client.get(form_page.url).content, "html.parser")
    assert soup.select_one(f".form-field--consent_processing a[href='{own.url}']")


def test_missing_consent_gives_french_errors_next_to_fields_and_keeps_the_text(client, form_page):
    story = "Voici mon récit, que je ne veux surtout pas devoir retaper une seconde fois."
    data = valid_data(form_page, story=story, consent_publication=None, consent_processing=None, pseudonym="Nour")
    response = client.post(form_page.url, data)
    assert response.status_code == 400
    assert "Cochez cette case pour que votre récit puisse être publié" in field_errors(response, "consent_publication")
    assert "sans elle, nous ne pouvons pas garder votre récit" in field_errors(response, "consent_processing")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("textarea[name=story]").get_text().strip() == story
    assert soup.select_one("input[name=pseudonym]")["value"] == "Nour"
    assert soup.select_one(".error-summary a[href='#id_consent_publication']")
    assert "no-store" in response["Cache-Control"]
    assert not tm.TestimonySubmission.objects.exists()


@pytest.mark.parametrize(
    ("story", "message"),
    [
        ("", "Écrivez votre récit"),
        ("   ", "Écrivez votre récit"),
        ("Trop court.", "trop court"),
        ("a" * (1024 * 1024), "trop long"),
        ("Un récit\x00 avec un caractère nul au milieu, ce qui est refusé.", "caractère nul"),
    ],
)
def test_bad_story_is_refused_with_a_french_message(client, form_page, story, message):
    response = client.post(form_page.url, valid_data(form_page, story=story))
    assert response.status_code == 400
    assert message in field_errors(response, "story")
    assert not tm.TestimonySubmission.objects.exists()


def test_html_rtl_and_emoji_are_kept_and_escaped(client, form_page, django_user_model):
    story = "<script>alert('x')</script> مرحبا بالعالم — 😢🙏 une histoire assez longue pour passer."
    response = client.post(form_page.url, valid_data(form_page, story=story, pseudonym="<b>moi</b>", title="<img src=x onerror=alert(1)>"))
    assert response.status_code == 200
    submission = tm.TestimonySubmission.objects.get()
    assert submission.story == story
    page = submission.page
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html and "<b>moi</b>" not in html
    assert "مرحبا بالعالم" in html and "😢🙏" in html


def test_bad_choices_and_email_are_refused(client, form_page):
    data = valid_data(form_page, harassment_type="999999", role="roi", region="mars", contact_email="pas-un-email")
    response = client.post(form_page.url, data)
    assert response.status_code == 400
    assert "Choisissez un type dans la liste" in field_errors(response, "harassment_type")
    assert "n'est pas valide" in field_errors(response, "contact_email")
    assert field_errors(response, "region")


TEXT = st.text(st.characters(codec="utf-8"), max_size=300) | st.sampled_from(
    ["<script>alert(1)</script>", "\x00", "שלום עולם", "🔥" * 50, "' OR 1=1 --", "a" * 20_000, "\u202eevil"]
)


@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(story=TEXT, title=TEXT, pseudonym=TEXT, email=TEXT, region=TEXT, role=TEXT, extra=TEXT)
def test_any_input_never_500_and_never_unescaped(client, form_page, story, title, pseudonym, email, region, role, extra):
    cache.clear()
    data = valid_data(
        form_page,
        story=story,
        title=title,
        pseudonym=pseudonym,
        contact_email=email,
        region=region,
        role=role,
        age_range=extra,
    )
    response = client.post(form_page.url, data)
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if response.status_code == 400:
        assert "Votre témoignage n'est pas encore envoyé" in html


def test_honeypot_filled_is_a_400_with_the_text_kept_never_a_decoy_thank_you(client, form_page):
    """A person whose browser autofilled the hidden field must learn that nothing was sent."""
    pages = tm.TestimonyPage.objects.count()
    story = "Mon navigateur a rempli un champ que je ne voyais pas, et je ne veux pas perdre ce récit."
    data = valid_data(form_page, story=story, **{form_protection.HONEYPOT_FIELD: "https://mon-site.example"})
    response = client.post(form_page.url, data)
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert not soup.select_one(".receipt-code")
    assert "un champ caché, qui sert à repérer les robots, a été rempli" in soup.select_one(".error-summary").get_text()
    assert soup.select_one("textarea[name=story]").get_text().strip() == story
    # Emptied, with a fresh token: sending again (after the minimum time) goes through.
    assert soup.select_one(f"input[name={form_protection.HONEYPOT_FIELD}]").get("value", "") == ""
    assert not tm.TestimonySubmission.objects.exists()
    assert tm.TestimonyPage.objects.count() == pages
    resend = {el["name"]: el.get("value", "") for el in soup.select("form.testimony-form input[type=hidden]")}
    assert resend[form_protection.TOKEN_FIELD] != data[form_protection.TOKEN_FIELD]
    again = valid_data(form_page, story=story, **{form_protection.TOKEN_FIELD: form_timer().make(time.time() - 30)})
    assert client.post(form_page.url, again).status_code == 200
    assert tm.TestimonySubmission.objects.count() == 1


@pytest.mark.parametrize("token", ["too-fast", "forged", ""])
def test_too_fast_or_forged_token_is_a_400_with_the_text_kept(client, form_page, token):
    value = {"too-fast": form_timer().make(), "forged": "eyJ0IjoxfQ:forged:sig", "": ""}[token]
    story = "Un récit envoyé dans un formulaire que le serveur ne peut pas vérifier, gardé pour le renvoyer."
    response = client.post(form_page.url, valid_data(form_page, story=story, **{form_protection.TOKEN_FIELD: value}))
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert not soup.select_one(".receipt-code")
    assert "Votre témoignage n'est pas encore envoyé" in soup.select_one(".error-summary").get_text()
    assert soup.select_one("textarea[name=story]").get_text().strip() == story
    assert not tm.TestimonySubmission.objects.exists()


def test_expired_form_keeps_text_and_asks_to_resend(client, form_page):
    token = form_timer().make(now=time.time() - 3 * 24 * 3600)
    response = client.post(form_page.url, valid_data(form_page, **{form_protection.TOKEN_FIELD: token}))
    assert response.status_code == 400
    assert "resté ouvert longtemps" in response.content.decode()
    assert not tm.TestimonySubmission.objects.exists()
    fresh = BeautifulSoup(response.content, "html.parser").select_one("input[name=started]")["value"]
    assert form_timer().check(fresh) == "ok"


def test_rate_limit_per_client_stores_nothing_more(client, form_page, settings):
    settings.TESTIMONY_RATE_LIMIT = (2, 3600)
    for _ in range(2):
        assert client.post(form_page.url, valid_data(form_page), REMOTE_ADDR="192.0.2.10").status_code == 200
    story = "Un troisième récit envoyé trop vite après les deux premiers, depuis le même appareil."
    response = client.post(form_page.url, valid_data(form_page, story=story), REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 429
    assert "réessayez dans une heure" in response.content.decode()
    assert BeautifulSoup(response.content, "html.parser").select_one("textarea[name=story]").get_text().strip() == story
    assert tm.TestimonySubmission.objects.count() == 2
    # Another client is not affected.
    assert client.post(form_page.url, valid_data(form_page), REMOTE_ADDR="192.0.2.11").status_code == 200
    # The cache key is a keyed hash: the address is not in it.
    assert all("192.0.2.10" not in key for key in cache._cache)  # locmem internals, test settings only


def test_wrong_codes_get_the_same_answer_and_are_rate_limited(client, form_page, settings):
    settings.TESTIMONY_STATUS_RATE_LIMIT = (3, 900)
    url = form_page.url + "suivi/"

    def result_block(code):
        response = client.post(url, {"code": code, "action": "check"})
        return response.status_code, BeautifulSoup(response.content, "html.parser").select_one(".status-result").get_text(strip=True)

    first = result_block("AAAA-BBBB-CCCC")
    second = result_block(new_receipt_code())
    assert first == second and first[0] == 200
    assert "Aucun témoignage en cours" in first[1]
    limited = client.post(url, {"code": new_receipt_code(), "action": "check"})
    limited = client.post(url, {"code": new_receipt_code(), "action": "check"})
    assert limited.status_code == 429
    assert "Trop d'essais" in limited.content.decode()
    assert "no-store" in limited["Cache-Control"]


def test_receipt_codes_have_128_bits_and_forgive_typing():
    codes = {new_receipt_code() for _ in range(200)}
    assert len(codes) == 200
    code = codes.pop()
    assert len(normalise(code)) == 26  # 26 base32 characters = 130 bits of room for 128 random bits
    assert hash_receipt(code) == hash_receipt(code.lower().replace("-", " "))
    assert len(hash_receipt(code)) == 64


def test_error_summary_comes_first_is_focused_and_links_to_each_invalid_control(client, form_page):
    """GOV.UK pattern: before the heading, focusable, autofocused, the title says « Erreur : »."""
    response = client.post(form_page.url, valid_data(form_page, role="", story="", consent_publication=None))
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.title.get_text().startswith("Erreur : ")
    summary = soup.select_one("main .error-summary")
    assert summary["tabindex"] == "-1" and summary.has_attr("autofocus")
    assert summary.select_one("h2").get_text(strip=True) == "Il y a un problème"
    first = soup.select_one("main").find(["div", "h1"], recursive=False)
    assert first is summary, "the summary comes before the page heading"
    targets = [a["href"] for a in summary.select("a")]
    # Radio buttons: the first button, which can take the focus (their wrapper cannot).
    assert targets == ["#id_role_0", "#id_story", "#id_consent_publication"]
    for target in targets:
        assert soup.select_one(f"form.testimony-form {target}").name in {"input", "textarea", "select"}


def test_no_error_summary_and_a_plain_title_before_any_error(client, form_page):
    soup = BeautifulSoup(client.get(form_page.url).content, "html.parser")
    assert not soup.select_one(".error-summary")
    assert not soup.title.get_text().startswith("Erreur")


def test_status_form_errors_use_the_same_summary(client, form_page):
    response = client.post(form_page.status_url(), {"code": "", "action": "check"})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.title.get_text().startswith("Erreur : ")
    summary = soup.select_one("main .error-summary[autofocus]")
    assert [a["href"] for a in summary.select("a")] == ["#id_code"]
    assert "Saisissez votre code de suivi." in summary.get_text()
