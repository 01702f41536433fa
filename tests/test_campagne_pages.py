"""Each campaign page type: created where allowed through the admin (real block data
posted to the add/edit views), and rendered with its fields."""

import pytest
from bs4 import BeautifulSoup

from campagne import models
from home.models import HomePage
from tests.campagne_helpers import (
    add_page,
    chart_value,
    edit_page,
    form_errors,
    inline_formset,
    rich_text,
    streamfield,
    video_value,
)
from tests.factories import HarassmentTypeFactory
from tests.factories.campagne import (
    EditoPageFactory,
    InterviewIndexPageFactory,
    InterviewPageFactory,
    StudyIndexPageFactory,
    VideoIndexPageFactory,
)

pytestmark = pytest.mark.django_db


def soup_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return BeautifulSoup(response.content, "html.parser")


def test_edito_created_in_admin_with_every_body_block(admin_client, home, client):
    response = add_page(
        admin_client,
        home,
        models.EditoPage,
        {
            "title": "Notre édito",
            "slug": "edito",
            "intro": "Pourquoi nous parlons.",
            "date": "2019-10-15",
            "body": streamfield(
                [
                    ("heading", {"text": "Parler, c'est agir", "level": "h2"}),
                    ("paragraph", rich_text("<p>Un paragraphe <b>important</b>.</p>")),
                    ("quote", {"text": "Plus forts, ensemble.", "attribution": "L'équipe"}),
                    ("call_to_action", {"label": "Témoigner", "page": "", "url": "https://example.org/temoigner"}),
                    ("video", video_value()),
                    ("chart", chart_value()),
                    ("key_figure", {"figure": "5", "label": "étudiants fondateurs", "source": ""}),
                ]
            ),
            "signatories": streamfield([("signatory", {"name": "Camille Martin", "role": "Cofondatrice"})]),
        },
    )
    assert response.status_code == 302, form_errors(response)
    page = models.EditoPage.objects.get(slug="edito")
    assert page.live
    assert [block.block_type for block in page.body] == [
        "heading",
        "paragraph",
        "quote",
        "call_to_action",
        "video",
        "chart",
        "key_figure",
    ]
    soup = soup_of(client, page)
    main = soup.select_one("main")
    assert main.h2.get_text() == "Parler, c'est agir"
    assert main.select_one(".rich-text b").get_text() == "important"
    assert "Plus forts, ensemble." in main.select_one(".quote").get_text()
    assert main.select_one("a.button")["href"] == "https://example.org/temoigner"
    assert main.select_one("[data-video-facade]")["data-embed-url"].startswith(
        "https://www.youtube-nocookie.com/embed/KHgWd7_Ys7A"
    )
    assert main.select_one("svg[role=img] title").get_text().startswith("Harcèlement en ligne")
    assert main.select_one(".key-figure__figure").get_text() == "5"
    assert "Camille Martin" in main.select_one(".signatories").get_text()
    assert main.select_one("time")["datetime"] == "2019-10-15"


def test_edito_only_under_home_and_once(home):
    EditoPageFactory(parent=home)
    assert models.EditoPage.can_create_at(home) is False  # max_count_per_parent = 1
    assert HomePage in models.EditoPage.allowed_parent_page_models()


def test_interview_created_in_admin_renders_person_video_qa_and_transcript(admin_client, home, client):
    index = InterviewIndexPageFactory(parent=home, slug="interviews")
    school = HarassmentTypeFactory(code="scolaire", name="Harcèlement scolaire")
    response = add_page(
        admin_client,
        index,
        models.InterviewPage,
        {
            "title": "Reconnaître le harcèlement",
            "slug": "reconnaitre",
            "intro": "Une psychologue répond.",
            "person_name": "Claire Dupont",
            "person_role": "Psychologue",
            "person_organisation": "Association Écoute",
            "person_photo": "",
            "video_url": "https://www.youtube.com/watch?v=eEfKzPVbFU0&t=30s",
            "video_poster": "",
            "summary": "Ce qu'il faut retenir.",
            "questions_answered": "Est-ce que ce que je subis est du harcèlement ?\n\nÀ qui en parler ?",
            "qa": streamfield(
                [
                    (
                        "question_answer",
                        {"question": "Quand faut-il parler ?", "answer": rich_text("<p>Dès que possible.</p>")},
                    )
                ]
            ),
            "transcript": "Bonjour, je suis psychologue.",
            "harassment_types": (str(school.pk),),  # a tuple: nested_form_data would split a list
            "tags": "écoute, témoins",
        },
    )
    assert response.status_code == 302, form_errors(response)
    page = models.InterviewPage.objects.get(slug="reconnaitre")
    assert page.video_embed.youtube_id == "eEfKzPVbFU0"
    assert list(page.harassment_types.all()) == [school]
    assert sorted(page.tags.names()) == ["témoins", "écoute"]
    assert page.questions_list() == ["Est-ce que ce que je subis est du harcèlement ?", "À qui en parler ?"]
    soup = soup_of(client, page)
    main = soup.select_one("main")
    assert main.select_one(".person__name").get_text() == "Claire Dupont"
    assert main.select_one(".person__role").get_text() == "Psychologue, Association Écoute"
    assert main.select_one(".qa__question").get_text() == "Quand faut-il parler ?"
    assert main.select_one(".qa__answer").get_text(strip=True) == "Dès que possible."
    assert "Bonjour, je suis psychologue." in main.select_one("details.transcript").get_text()
    assert len(main.select(".questions-answered li")) == 2
    assert main.select_one(f'a[href="{index.url}?type=scolaire"]').get_text() == "Harcèlement scolaire"
    assert main.select_one(".share-links")


def test_interview_rejects_a_link_that_is_not_youtube(admin_client, home):
    index = InterviewIndexPageFactory(parent=home)
    response = add_page(
        admin_client,
        index,
        models.InterviewPage,
        {
            "title": "Interview",
            "slug": "interview",
            "video_url": "https://vimeo.com/123456",
            "qa": streamfield([]),
            "tags": "",
        },
    )
    assert response.status_code == 200
    assert "pas une vidéo YouTube reconnue" in form_errors(response)
    assert not models.InterviewPage.objects.filter(slug="interview").exists()


def test_video_page_created_and_edited_in_admin(admin_client, home, client):
    index = VideoIndexPageFactory(parent=home, slug="videos")
    data = {
        "title": "Sensibilisation",
        "slug": "sensibilisation",
        "intro": "Une vidéo de la campagne.",
        "video_url": "https://youtu.be/KHgWd7_Ys7A",
        "video_poster": "",
        "content_warning": "shocking",
        "duration": "3:25",
        "body": streamfield([("paragraph", rich_text("<p>Description de la vidéo.</p>"))]),
        "transcript": "Une voix off raconte.",
        "tags": "vie privée",
    }
    response = add_page(admin_client, index, models.VideoPage, data)
    assert response.status_code == 302, form_errors(response)
    page = models.VideoPage.objects.get(slug="sensibilisation")
    assert page.duration_display() == "3:25"
    response = edit_page(
        admin_client,
        page,
        {
            **data,
            "content_warning": "sensitive",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Description corrigée.</p>")),
                    ("key_figure", {"figure": "3", "label": "scènes", "source": ""}),
                ]
            ),
        },
    )
    assert response.status_code == 302, form_errors(response)
    page.refresh_from_db()
    assert page.content_warning == "sensitive"
    assert [b.block_type for b in page.body] == ["paragraph", "key_figure"]
    main = soup_of(client, page).select_one("main")
    assert "Description corrigée." in main.get_text()
    assert main.select_one("time")["datetime"] == "PT3M25S"
    assert "Une voix off raconte." in main.select_one(".transcript").get_text()
    assert "sujet sensible" in main.select_one(".content-warning").get_text()


def test_study_created_in_admin_with_key_figures_and_chart(admin_client, home, client):
    index = StudyIndexPageFactory(parent=home, slug="etudes")
    response = add_page(
        admin_client,
        index,
        models.StudyPage,
        {
            "title": "Confinement",
            "slug": "confinement",
            "study_date": "2020-03-17",
            "method": "Questionnaire en ligne.",
            "sample": "200 personnes",
            "source": "Parlons Harcèlement",
            "source_url": "",
            "example_data": "on",
            "key_figures": streamfield(
                [("key_figure", {"figure": "1 sur 3", "label": "a subi du harcèlement", "source": ""})]
            ),
            "body": streamfield([("chart", chart_value(kind="pie"))]),
        },
    )
    assert response.status_code == 302, form_errors(response)
    page = models.StudyPage.objects.get(slug="confinement")
    main = soup_of(client, page).select_one("main")
    assert "Données d'exemple" in main.select_one(".notice--example").get_text()
    assert main.select_one("time")["datetime"] == "2020-03-17"
    dl = main.select_one(".study-method dl").get_text(" ", strip=True)
    assert "Questionnaire en ligne." in dl and "200 personnes" in dl and "Parlons Harcèlement" in dl
    assert main.select_one(".key-figure__figure").get_text() == "1 sur 3"
    assert main.select_one(".chart--pie svg path")
    assert main.select_one(".chart table")


def test_social_page_shows_profiles_from_settings_and_partners(admin_client, home, client):
    from wagtail.models import Site

    from home.models import SiteSettings

    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.twitter_url = "https://twitter.com/exemple"
    settings_obj.save()
    response = add_page(
        admin_client,
        home,
        models.SocialNetworksPage,
        {
            "title": "Réseaux sociaux",
            "slug": "reseaux",
            "body": streamfield([("paragraph", rich_text("<p>Nous sommes sur Twitter.</p>"))]),
            "partners": streamfield(
                [
                    (
                        "partner",
                        {
                            "name": "Association Écoute",
                            "kind": "association",
                            "description": "Elle écoute.",
                            "url": "https://example.org/",
                        },
                    )
                ]
            ),
        },
    )
    assert response.status_code == 302, form_errors(response)
    main = soup_of(client, models.SocialNetworksPage.objects.get(slug="reseaux")).select_one("main")
    assert main.select_one('.social-profiles a[href="https://twitter.com/exemple"]')
    partner = main.select_one(".partner")
    assert partner.a["href"] == "https://example.org/" and "Association" in partner.get_text()


def test_contact_page_created_with_form_fields_and_press_contacts(admin_client, home, client):
    response = add_page(
        admin_client,
        home,
        models.ContactPage,
        {
            "title": "Contacts presse",
            "slug": "contacts",
            "body": streamfield([("paragraph", rich_text("<p>Écrivez-nous.</p>"))]),
            "press_contacts": inline_formset(
                [{"name": "Léa Bernard", "role": "Presse", "email": "lea@example.org", "phone": ""}]
            ),
            "press_kit": "",
            "key_facts": streamfield([("key_figure", {"figure": "2019", "label": "création", "source": ""})]),
            "form_intro": "Une question ?",
            "form_fields": inline_formset(
                [
                    {
                        "label": "Votre message",
                        "field_type": "multiline",
                        "required": "on",
                        "choices": "",
                        "default_value": "",
                        "help_text": "",
                    }
                ]
            ),
            "thank_you_text": "Merci !",
            "from_address": "",
            "to_address": "presse@example.org",
            "subject": "Contact",
        },
    )
    assert response.status_code == 302, form_errors(response)
    page = models.ContactPage.objects.get(slug="contacts")
    assert page.form_fields.count() == 1
    main = soup_of(client, page).select_one("main")
    assert "Léa Bernard" in main.select_one(".press-contacts").get_text()
    assert main.select_one('a[href="mailto:lea@example.org"]')
    assert main.select_one("form textarea[name=votre_message]")
    assert main.select_one(".key-figure__figure").get_text() == "2019"


def test_contact_page_offers_the_press_kit_document(home, client):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from tests.factories.campagne import ContactPageFactory

    document = Document.objects.create(
        title="Dossier de presse", file=ContentFile(b"%PDF-1.4 test", name="dossier.pdf")
    )
    page = ContactPageFactory(parent=home, press_kit=document)
    link = soup_of(client, page).select_one("a[download]")
    assert link["href"] == document.url
    assert "dossier de presse" in link.get_text().lower()


def test_items_only_under_their_index(home):
    interviews = InterviewIndexPageFactory(parent=home)
    videos = VideoIndexPageFactory(parent=home)
    assert models.InterviewPage.can_create_at(interviews)
    assert not models.InterviewPage.can_create_at(videos)
    assert not models.VideoPage.can_create_at(home)
    assert not models.StudyPage.can_create_at(interviews)


def test_social_meta_on_campaign_pages(home, client):
    index = InterviewIndexPageFactory(parent=home)
    page = InterviewPageFactory(parent=index, og_description="Texte de partage choisi.")
    head = soup_of(client, page).head
    assert head.select_one('meta[property="og:title"]')["content"] == page.title
    assert head.select_one('meta[property="og:description"]')["content"] == "Texte de partage choisi."
    assert head.select_one('meta[property="og:url"]')["content"] == page.full_url
    assert head.select_one('meta[name="twitter:card"]')
