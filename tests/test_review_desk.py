"""The moderators' review desk: who reaches it, the three decisions, redaction, urgency, wellbeing."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Locale, Task, TaskState, Workflow

from home.models import ContentWarningTheme, HarassmentType
from temoignages import services
from temoignages.choices import RejectionReason, Status, WarningLevel
from temoignages.models import TestimonyPage, TestimonySubmission
from temoignages.moderation import (
    FRENCH_TASK_NAME,
    FRENCH_WORKFLOW_NAME,
    GROUP_NAME,
    STOCK_WORKFLOW_NAME,
    rename_stock_workflow,
)
from temoignages.pii import Detection
from temoignages.review.highlight import highlight_personal_data

pytestmark = pytest.mark.django_db

PASSWORD = "motdepasse-solide-123"
ROLES = ("anonymous", "editor", "wagtail_moderator", "moderateur", "superuser")
ALLOWED = {"moderateur", "superuser"}


def submit(form_page, story: str, **extra) -> TestimonySubmission:
    kind = HarassmentType.objects.get(code="scolaire", locale=form_page.locale)
    data = {
        "harassment_type": kind,
        "role": "victime",
        "story": story,
        "consent_publication": True,
        "consent_processing": True,
        "age_range": "15-17",
        "region": "hdf",
        **extra,
    }
    submission, _code = services.save_submission(data, form_page)
    services.process_submission(submission)
    submission.refresh_from_db()
    return submission


@pytest.fixture
def users(section, django_user_model):
    found = {"anonymous": None}
    for role, group in (("editor", "Editors"), ("wagtail_moderator", "Moderators"), ("moderateur", GROUP_NAME)):
        user = django_user_model.objects.create_user(role, f"{role}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        found[role] = user
    found["superuser"] = django_user_model.objects.create_superuser("racine", "r@example.org", PASSWORD)
    return found


def client_for(users, role: str) -> Client:
    client = Client()
    if users[role] is not None:
        client.force_login(users[role])
    return client


@pytest.fixture
def pending(section):
    _index, form_page = section
    return submit(
        form_page, "Au collège Jean Moulin, Kevin Martin m'insultait tous les jours. Appelle-moi au 06 12 34 56 78."
    )


def review(submission) -> str:
    return reverse("temoignages_admin:review", args=[submission.pk])


def refused(response) -> bool:
    """403, or Wagtail's answer to a refused admin view: the login page for an anonymous visitor,
    the dashboard (with « permission denied ») for a signed-in one."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and ("/login/" in response["Location"] or response["Location"] == "/admin/")


# --- Who reaches the desk ------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_queue_and_screen_for_moderators_only(users, pending, role):
    client = client_for(users, role)
    for url in (reverse("temoignages_admin:review_queue"), review(pending)):
        response = client.get(url)
        if role in ALLOWED:
            assert response.status_code == 200, url
        else:
            assert refused(response), (url, response.status_code)
            assert b"Kevin" not in response.content


@pytest.mark.parametrize("role", [role for role in ROLES if role not in ALLOWED])
def test_decisions_refused_to_everyone_else(users, pending, role):
    client = client_for(users, role)
    page_pk = pending.page_id
    revisions = TestimonyPage.objects.get(pk=page_pk).revisions.count()
    posts = {
        "review_approve": {},
        "review_refuse": {"reason": RejectionReason.OFF_TOPIC, "details": ""},
        "review_redact": {
            "story": "Texte remplacé",
            "headline": "",
            "pseudonym": "",
            "content_warning": "",
            "tags": "",
        },
    }
    for name, data in posts.items():
        response = client.post(reverse(f"temoignages_admin:{name}", args=[pending.pk]), data)
        assert refused(response), (name, response.status_code)
    page = TestimonyPage.objects.get(pk=page_pk)
    assert not page.live
    assert page.revisions.count() == revisions
    assert TestimonySubmission.objects.get(pk=pending.pk).status == Status.PENDING
    assert TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, workflow_state__object_id=str(page_pk)
    ).exists()


def test_decision_urls_only_accept_post(users, pending):
    client = client_for(users, "moderateur")
    response = client.get(reverse("temoignages_admin:review_approve", args=[pending.pk]))
    assert response.status_code == 405
    assert not TestimonyPage.objects.get(pk=pending.page_id).live


# --- Decisions -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_approve_publishes_through_the_workflow(client, users, pending, role):
    moderator = client_for(users, role)
    response = moderator.post(reverse("temoignages_admin:review_approve", args=[pending.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("temoignages_admin:review_queue")
    page = TestimonyPage.objects.get(pk=pending.page_id)
    assert page.live
    pending.refresh_from_db()
    assert pending.status == Status.PUBLISHED
    state = TaskState.objects.get(workflow_state__object_id=str(page.pk))
    assert state.status == TaskState.STATUS_APPROVED and state.finished_by == users[role]
    assert client.get(page.url).status_code == 200
    followed = moderator.get(response["Location"])
    assert "approuvé et publié" in followed.content.decode()
    # Decided: the screen shows the decision, read-only, and a second approval changes nothing.
    html = moderator.get(review(pending)).content.decode()
    assert "data-decided" in html and "Publié" in html
    assert reverse("temoignages_admin:review_approve", args=[pending.pk]) not in html


def test_refuse_keeps_it_offline_with_reason_and_text(client, users, pending):
    moderator = client_for(users, "moderateur")
    response = moderator.post(
        reverse("temoignages_admin:review_refuse", args=[pending.pk]),
        {"reason": RejectionReason.IDENTIFIES, "details": "Le nom du collège reste reconnaissable."},
    )
    assert response.status_code == 302
    page = TestimonyPage.objects.get(pk=pending.page_id)
    assert not page.live
    pending.refresh_from_db()
    assert pending.status == Status.REJECTED
    assert pending.rejection_reason_code == RejectionReason.IDENTIFIES
    assert pending.rejection_reason == "Le nom du collège reste reconnaissable."
    assert client.get(page.url).status_code == 404
    html = moderator.get(review(pending)).content.decode()
    assert str(escape(RejectionReason.IDENTIFIES.label)) in html
    assert reverse("temoignages_admin:review_refuse", args=[pending.pk]) not in html
    # Approving now is refused: the workflow has ended.
    moderator.post(reverse("temoignages_admin:review_approve", args=[pending.pk]))
    assert not TestimonyPage.objects.get(pk=page.pk).live


def test_refuse_other_without_text_is_a_french_form_error(users, pending):
    moderator = client_for(users, "moderateur")
    response = moderator.post(
        reverse("temoignages_admin:review_refuse", args=[pending.pk]),
        {"reason": RejectionReason.OTHER, "details": "  "},
    )
    assert response.status_code == 200
    assert "Précisez la raison du refus" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Status.PENDING and pending.rejection_reason_code == ""
    no_reason = moderator.post(reverse("temoignages_admin:review_refuse", args=[pending.pk]), {"details": "x"})
    assert no_reason.status_code == 200
    assert TestimonySubmission.objects.get(pk=pending.pk).status == Status.PENDING


def test_redaction_saves_a_revision_and_never_publishes(client, users, pending):
    moderator = client_for(users, "moderateur")
    page = TestimonyPage.objects.get(pk=pending.page_id)
    revisions = page.revisions.count()
    kind = HarassmentType.objects.get(code="scolaire", locale=page.locale)
    theme = ContentWarningTheme.objects.create(name="insultes et propos haineux", locale=page.locale)
    other_language = ContentWarningTheme.objects.create(name="hate speech", locale=Locale.objects.get(language_code="en"))
    redacted = "Au collège X, un élève m'insultait tous les jours. Appelle-moi au [numéro retiré]."
    response = moderator.post(
        reverse("temoignages_admin:review_redact", args=[pending.pk]),
        {
            "headline": "Tous les jours",
            "story": redacted,
            "pseudonym": "",
            "content_warning": "Insultes répétées",
            "content_warning_level": WarningLevel.SHOCKING,
            "content_warning_themes": [theme.pk],
            "harassment_type": kind.pk,
            "tags": "école, insultes",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = TestimonyPage.objects.get(pk=page.pk)
    assert page.revisions.count() == revisions + 1
    assert not page.live
    assert client.get(page.url).status_code == 404
    draft = page.get_latest_revision_as_object()
    assert draft.story == redacted
    assert draft.content_warning == "Insultes répétées"
    assert draft.content_warning_level == WarningLevel.SHOCKING
    assert list(draft.content_warning_themes.all()) == [theme]
    # Only the page's own language's themes are offered.
    screen = moderator.get(review(pending)).content.decode()
    offered = set(re.findall(r'name="content_warning_themes" value="(\d+)"', screen))
    assert str(theme.pk) in offered and str(other_language.pk) not in offered
    assert sorted(tag.name for tag in draft.tags.all()) == ["insultes", "école"]
    assert TestimonySubmission.objects.get(pk=pending.pk).status == Status.PENDING
    # The desk now shows, and re-checks, the redacted version.
    html = moderator.get(review(pending)).content.decode()
    assert "[numéro retiré]" in html and "06 12 34 56 78" not in html
    # Approving publishes the redacted version.
    moderator.post(reverse("temoignages_admin:review_approve", args=[pending.pk]))
    page = TestimonyPage.objects.get(pk=page.pk)
    assert page.live and page.story == redacted


def test_invalid_redaction_is_shown_again_and_saves_nothing(users, pending):
    moderator = client_for(users, "moderateur")
    page = TestimonyPage.objects.get(pk=pending.page_id)
    revisions = page.revisions.count()
    response = moderator.post(
        reverse("temoignages_admin:review_redact", args=[pending.pk]),
        {"headline": "", "story": "", "pseudonym": "", "content_warning": "", "tags": ""},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "La version relue n&#x27;a pas été enregistrée" in html or "La version relue n'a pas été enregistrée" in html
    assert '<details class="review-story" open' in html
    assert TestimonyPage.objects.get(pk=page.pk).revisions.count() == revisions


def test_record_without_page_and_withdrawn_record(users, pending):
    from tests.factories.temoignages import TestimonySubmissionFactory

    moderator = client_for(users, "moderateur")
    orphan = TestimonySubmissionFactory()
    html = moderator.get(review(orphan)).content.decode()
    assert "pas encore de page en relecture" in html
    assert reverse("temoignages_admin:review_approve", args=[orphan.pk]) not in html
    response = moderator.post(reverse("temoignages_admin:review_approve", args=[orphan.pk]))
    assert response.status_code == 302
    assert TestimonySubmission.objects.get(pk=orphan.pk).status == Status.PENDING
    url = review(pending)
    services.withdraw(pending)
    # Not found (after the site's redirect to the language-prefixed 404).
    assert moderator.get(url, follow=True).status_code == 404


# --- The screen ----------------------------------------------------------------------------


def test_screen_shows_words_and_paris_time(users, pending):
    # 10:30 UTC in January is 11:30 in Paris.
    TestimonySubmission.objects.filter(pk=pending.pk).update(
        created_at=datetime.datetime(2026, 1, 15, 10, 30, tzinfo=datetime.UTC)
    )
    html = client_for(users, "moderateur").get(review(pending)).content.decode()
    main = html[html.index("<main") :]
    assert "15 janvier 2026 11:30" in main
    assert "10:30" not in main
    visible = re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.S))
    for raw in ("None", "True", "False"):
        assert not re.search(rf"\b{raw}\b", visible), raw
    assert "Oui" in visible and "Hauts-de-France" in visible and "15 à 17 ans" in visible
    # The story is highlighted in place, inside the veil the moderator opens.
    assert '<details class="review-story"' in html and "<summary" in html
    assert re.search(r'<mark class="pii pii--phone"[^>]*>06 12 34 56 78', html)
    assert '<mark class="pii pii--name"' in html


def test_queue_lists_urgent_first_then_oldest(users, section):
    _index, form_page = section
    newer = submit(form_page, "Un récit ordinaire, reçu en dernier.")
    urgent = submit(form_page, "Un récit urgent.")
    older = submit(form_page, "Un récit ancien.")
    moments = {
        newer.pk: datetime.datetime(2026, 1, 10, tzinfo=datetime.UTC),
        urgent.pk: datetime.datetime(2026, 1, 12, tzinfo=datetime.UTC),
        older.pk: datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC),
    }
    for pk, moment in moments.items():
        TestimonySubmission.objects.filter(pk=pk).update(created_at=moment)
    TestimonySubmission.objects.filter(pk=urgent.pk).update(suicide_risk=True)
    client = client_for(users, "moderateur")
    html = client.get(reverse("temoignages_admin:review_queue")).content.decode()
    positions = [html.index(review(submission) + '"') for submission in (urgent, older, newer)]
    assert positions == sorted(positions)
    assert "Urgent" in html
    dashboard = client.get("/admin/").content.decode()
    positions = [dashboard.index(review(submission) + '"') for submission in (urgent, older, newer)]
    assert positions == sorted(positions)
    assert "3 témoignages en attente de relecture" in dashboard
    assert "le plus ancien attend depuis" in dashboard
    assert reverse("temoignages_admin:review_queue") in dashboard


def test_pause_suggested_after_n_decisions_not_before(users, section, settings):
    settings.TESTIMONY_REVIEW_PAUSE_AFTER = 2
    _index, form_page = section
    first, second, third = (submit(form_page, f"Récit numéro {n}.") for n in range(3))
    client = client_for(users, "moderateur")
    queue = reverse("temoignages_admin:review_queue")
    html = client.get(queue).content.decode()
    assert "relu aucun témoignage aujourd" in html
    client.post(reverse("temoignages_admin:review_approve", args=[first.pk]))
    html = client.get(queue).content.decode()
    assert "Vous avez relu 1 témoignage aujourd'hui" in html
    assert "data-review-pause" not in html
    client.post(reverse("temoignages_admin:review_refuse", args=[second.pk]), {"reason": RejectionReason.DUPLICATE})
    html = client.get(queue).content.decode()
    assert "Vous avez relu 2 témoignages aujourd'hui" in html
    assert "data-review-pause" in html and "pause" in html
    # A suggestion, never a block: the third can still be decided.
    assert "data-review-pause" in client.get(review(third)).content.decode()
    client.post(reverse("temoignages_admin:review_approve", args=[third.pk]))
    assert TestimonyPage.objects.get(pk=third.page_id).live
    # Another moderator's count is their own.
    assert "relu aucun témoignage aujourd" in client_for(users, "superuser").get(queue).content.decode()


def test_list_rows_lead_to_the_desk_and_show_words(users, pending):
    TestimonySubmission.objects.filter(pk=pending.pk).update(suicide_risk=True)
    html = client_for(users, "moderateur").get("/admin/snippets/temoignages/testimonysubmission/").content.decode()
    assert f'href="{review(pending)}"' in html
    start = html.rindex("<table", 0, html.index(review(pending)))
    table = html[start : html.index("</table>", start)]
    visible = re.sub(r"<[^>]+>", " ", table)
    assert "Urgent" in visible
    for raw in ("None", "True", "False"):
        assert not re.search(rf"\b{raw}\b", visible), raw


def test_testimony_editor_offers_no_workflow_cancel_and_links_to_the_desk(users, pending):
    # Wagtail offers « Annuler le workflow » to superusers and to the author of the latest revision.
    html = client_for(users, "superuser").get(f"/admin/pages/{pending.page_id}/edit/").content.decode()
    assert 'name="action-cancel-workflow"' not in html
    assert 'name="action-restart-workflow"' not in html
    assert 'data-workflow-action-name="approve"' in html
    assert 'data-workflow-action-name="reject"' in html
    assert review(pending) in html


def test_stock_workflow_renamed_in_french():
    assert not Workflow.objects.filter(name=STOCK_WORKFLOW_NAME).exists()
    assert not Task.objects.filter(name=STOCK_WORKFLOW_NAME).exists()
    assert Workflow.objects.filter(name=FRENCH_WORKFLOW_NAME).exists()
    assert Task.objects.filter(name=FRENCH_TASK_NAME).exists()
    # Only the stock name is replaced; a chosen name stays, and running it again changes nothing.
    Workflow.objects.create(name="Circuit choisi")
    assert rename_stock_workflow() == 0
    assert Workflow.objects.filter(name="Circuit choisi").exists()


# --- The highlight helper ------------------------------------------------------------------


def test_highlight_escapes_everything_else():
    html = str(highlight_personal_data("<script>alert(1)</script> & Paris", [Detection("place", "Paris")]))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; " in html
    assert html.endswith("</mark>")
    assert 'title="lieu ou adresse"' in html


def test_highlight_escapes_inside_a_detection():
    html = str(highlight_personal_data('a "<b>x</b>" b', [Detection("name", '"<b>x</b>"')]))
    assert "<b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert html.count("<mark") == 1


def test_highlight_overlapping_detections_mark_once():
    text = "Au collège Jean Moulin, Jean Moulin et JEAN MOULIN."
    html = str(
        highlight_personal_data(
            text, [Detection("name", "Jean Moulin"), Detection("institution", "collège Jean Moulin")]
        )
    )
    assert html.count("<mark") == 3
    assert html.count("pii--institution") == 1
    assert "<mark" not in html.split("pii--institution")[1].split("</mark>")[0]
    assert "JEAN MOULIN<span" in html


def test_highlight_with_the_detector_and_empty_text():
    html = str(highlight_personal_data("Écris-moi sur kevin.m@example.com ou au 06 12 34 56 78."))
    assert 'pii--email" title="adresse e-mail">kevin.m@example.com' in html
    assert 'pii--phone"' in html
    assert str(highlight_personal_data("")) == ""
