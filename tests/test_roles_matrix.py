"""Who may do what to a testimony in the admin: every role against every admin URL.

The rows are read against Django's URL patterns: an admin URL that touches pages, workflows,
translations or the private records and has no row here fails ``test_every_admin_url_has_a_row``,
so a Wagtail upgrade or a new view cannot open a way around moderation unnoticed.

Roles: an anonymous visitor, Wagtail's stock « Editors » and « Moderators » groups (created by
Wagtail's migrations, with rights on the whole tree), our « Rédaction » (campaign editors, with
rights on each home page: the testimony subtree is below them), our « Modérateurs » and a superuser.
The same table is in the README (« Qui peut faire quoi sur un témoignage »).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLResolver, get_resolver
from wagtail.models import Page, TaskState, WorkflowState

from home.models import HarassmentType
from home.roles import get_redaction_group
from temoignages import services
from temoignages.choices import Status
from temoignages.models import AuthorMessage, TestimonyPage, TestimonySubmission
from temoignages.moderation import GROUP_NAME

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "editor", "wagtail_moderator", "redaction", "moderateur", "superuser")
STAFF = frozenset(ROLES[1:])
MODERATION = frozenset({"moderateur", "superuser"})
SUPERUSER = frozenset({"superuser"})
NOBODY = frozenset()
# Roles holding « unlock » on some pages, who open the locked pages report.
UNLOCKERS = frozenset({"wagtail_moderator", "redaction", "superuser"})


@dataclass
class World:
    index: Page
    form_page: Page
    home: Page
    pending: TestimonyPage
    published: TestimonyPage
    refused: TestimonyPage
    marker: str
    users: dict = field(default_factory=dict)

    @property
    def submission(self) -> TestimonySubmission:
        return TestimonySubmission.objects.get(page=self.pending)

    def task_state(self) -> TaskState:
        return TaskState.objects.get(
            workflow_state__object_id=str(self.pending.pk), status=TaskState.STATUS_IN_PROGRESS
        )

    def revision_id(self) -> int:
        return self.pending.get_latest_revision().pk

    def testimony_count(self) -> int:
        return TestimonyPage.objects.count()

    def pending_live(self) -> bool:
        return TestimonyPage.objects.get(pk=self.pending.pk).live

    def pending_text(self) -> str:
        return TestimonyPage.objects.get(pk=self.pending.pk).get_latest_revision_as_object().story

    def refused_text(self) -> str:
        return TestimonyPage.objects.get(pk=self.refused.pk).get_latest_revision_as_object().story


def _submit(form_page, story: str) -> TestimonyPage:
    kind = HarassmentType.objects.get(code="scolaire", locale=form_page.locale)
    data = {
        "harassment_type": kind,
        "role": "victime",
        "story": story,
        "consent_publication": True,
        "consent_processing": True,
    }
    submission, _code = services.save_submission(data, form_page)
    return services.process_submission(submission)


@pytest.fixture
def world(section, django_user_model):
    index, form_page = section
    home = index.get_parent().specific
    marker = "secret" + uuid.uuid4().hex[:10]
    approver = django_user_model.objects.create_superuser("approbation", "a@example.org", "motdepasse-solide-123")
    pending = _submit(form_page, f"Le professeur Martin {marker} me harcèle.")
    published = _submit(form_page, f"Récit publié {marker}-publie.")
    refused = _submit(form_page, f"Récit refusé {marker}-refuse.")
    for page, decision in ((published, "approve"), (refused, "reject")):
        state = WorkflowState.objects.for_instance(page).get()
        getattr(state.current_task_state.specific, decision)(user=approver)
    published.refresh_from_db()
    assert published.live
    assert TestimonySubmission.objects.get(page=refused).status == Status.REJECTED

    users = {"anonymous": None}
    groups = {
        "editor": Group.objects.get(name="Editors"),
        "wagtail_moderator": Group.objects.get(name="Moderators"),
        "redaction": get_redaction_group(),
        "moderateur": Group.objects.get(name=GROUP_NAME),
    }
    for role, group in groups.items():
        user = django_user_model.objects.create_user(role, f"{role}@example.org", "motdepasse-solide-123")
        user.groups.add(group)
        users[role] = user
    users["superuser"] = django_user_model.objects.create_superuser("racine", "r@example.org", "motdepasse-solide-123")
    return World(
        index=index,
        form_page=form_page,
        home=home,
        pending=pending,
        published=published,
        refused=refused,
        marker=marker,
        users=users,
    )


def client_for(world: World, role: str) -> Client:
    client = Client()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


# --- Rows ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Access:
    """A GET that shows a testimony: ``ok`` for ``allowed``, refused for every other role."""

    url: Callable[[World], str]
    allowed: frozenset
    shows_text: bool = True
    ok: int = 200


def pending_link(world: World) -> str:
    return f"/admin/pages/{world.pending.pk}/"


def record_link(world: World) -> str:
    # A row of « Témoignages reçus » opens the review desk.
    return f"/admin/temoignages/relecture/{world.submission.pk}/"


def index_link(world: World) -> str:
    return f"/admin/pages/{world.index.pk}/"


@dataclass(frozen=True)
class Listing:
    """A GET every ``reach`` role may open; ``target`` (by default the pending testimony) is
    listed for ``sees`` only. ``prepare`` sets the scene (e.g. locks the testimony)."""

    url: Callable[[World], str]
    reach: frozenset
    sees: frozenset
    target: Callable[[World], str] = pending_link
    prepare: Callable[[World], None] | None = None


@dataclass(frozen=True)
class Effect:
    """A POST whose effect (``happened``) must take place for ``allowed`` roles only."""

    url: Callable[[World], str]
    data: Callable[[World], dict]
    happened: Callable[[World, dict], bool]
    allowed: frozenset


def _before(world: World) -> dict:
    return {"count": world.testimony_count(), "text": world.pending_text(), "refused": world.refused_text()}


def new_testimony(world, before):
    return world.testimony_count() > before["count"]


def pending_published(world, before):
    return world.pending_live()


def message_sent(world, before):
    return AuthorMessage.objects.filter(submission=world.submission).exists()


def pages(path: str) -> Callable[[World], str]:
    return lambda w: "/admin/pages/" + path.format(w=w)


def COPY_DATA(w: World) -> dict:  # noqa: N802 - used as a row's data, like the lambdas
    return {
        "new_title": "Copie",
        "new_slug": f"copie-{uuid.uuid4().hex[:6]}",
        "new_parent_page": w.index.pk,
        "copy_subpages": "",
        "publish_copies": "on",
        "alias": "",
    }


def edit_data(story: str, action: str) -> Callable[[World], dict]:
    def data(w: World) -> dict:
        page = TestimonyPage.objects.get(pk=w.pending.pk if "pending" in story else w.refused.pk)
        return {
            "title": page.title,
            "slug": page.slug,
            "headline": "",
            "intro": "",
            "story": story.format(marker=w.marker),
            "content_warning_level": "none",
            "content_warning": "",
            "tags": "",
            "harassment_type": "",
            "role": "victime",
            "pseudonym": "",
            "age_range": "",
            "region": "",
            "seo_title": "",
            "search_description": "",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            action: "1",
        }

    return data


ROWS: dict[str, Access | Listing | Effect | tuple] = {
    # --- Page editing, previews, history -----------------------------------------------------
    "wagtailadmin_pages:edit": Access(pages("{w.pending.pk}/edit/"), MODERATION),
    "wagtailadmin_pages:edit [publish]": Effect(
        pages("{w.pending.pk}/edit/"),
        edit_data("pending Le professeur Martin {marker}", "action-publish"),
        pending_published,
        NOBODY,
    ),
    "wagtailadmin_pages:edit [refused]": Access(pages("{w.refused.pk}/edit/"), NOBODY),
    "wagtailadmin_pages:edit [refused, save]": Effect(
        pages("{w.refused.pk}/edit/"),
        edit_data("refused Jean Dupont {marker}", "action-submit"),
        lambda w, b: w.refused_text() != b["refused"],
        NOBODY,
    ),
    # Without posted form data the preview answers with an empty state, never the story.
    "wagtailadmin_pages:preview_on_edit": Access(pages("{w.pending.pk}/edit/preview/"), MODERATION, shows_text=False),
    "wagtailadmin_pages:view_draft": Access(pages("{w.pending.pk}/view_draft/"), MODERATION),
    "wagtailadmin_pages:usage": Access(pages("{w.pending.pk}/usage/"), MODERATION, shows_text=False),
    "wagtailadmin_pages:history": Access(pages("{w.pending.pk}/history/"), MODERATION, shows_text=False),
    "wagtailadmin_pages:history_results": Access(
        pages("{w.pending.pk}/history/results/"), MODERATION, shows_text=False
    ),
    "wagtailadmin_pages:revisions_view": Access(
        lambda w: f"/admin/pages/{w.pending.pk}/revisions/{w.revision_id()}/view/", MODERATION
    ),
    "wagtailadmin_pages:revisions_compare": Access(
        pages("{w.pending.pk}/revisions/compare/earliest...latest/"), MODERATION, shows_text=False
    ),
    "wagtailadmin_pages:revisions_revert": Access(
        lambda w: f"/admin/pages/{w.refused.pk}/revisions/{w.refused.get_latest_revision().pk}/revert/", NOBODY
    ),
    "wagtailadmin_pages:revisions_unschedule": Access(
        lambda w: f"/admin/pages/{w.pending.pk}/revisions/{w.revision_id()}/unschedule/", NOBODY, shows_text=False
    ),
    "wagtailadmin_pages:workflow_history": Access(
        pages("{w.pending.pk}/workflow_history/"), MODERATION, shows_text=False
    ),
    "wagtailadmin_pages:workflow_history_detail": Access(
        lambda w: (
            f"/admin/pages/{w.pending.pk}/workflow_history/detail/{WorkflowState.objects.for_instance(w.pending).get().pk}/"
        ),
        MODERATION,
        shows_text=False,
    ),
    "wagtailadmin_pages:workflow_preview": Access(
        lambda w: f"/admin/pages/workflow/preview/{w.pending.pk}/{w.task_state().task_id}/", MODERATION
    ),
    "wagtailadmin_pages:collect_workflow_action_data": Access(
        lambda w: f"/admin/pages/workflow/collect_action_data/{w.pending.pk}/reject/{w.task_state().pk}/",
        MODERATION,
        shows_text=False,
    ),
    # Wagtail answers any admin user here, with the workflow's and the task's names only.
    "wagtailadmin_pages:confirm_workflow_cancellation": Access(
        pages("workflow/confirm_cancellation/{w.pending.pk}/"), STAFF, shows_text=False
    ),
    # --- Decisions: only the workflow's approve step publishes -----------------------------
    "wagtailadmin_pages:workflow_action": Effect(
        lambda w: f"/admin/pages/workflow/action/{w.pending.pk}/approve/{w.task_state().pk}/",
        lambda w: {"comment": ""},
        pending_published,
        MODERATION,
    ),
    "wagtailadmin_pages:workflow_action [reject]": Effect(
        lambda w: f"/admin/pages/workflow/action/{w.pending.pk}/reject/{w.task_state().pk}/",
        lambda w: {"comment": "Hors sujet"},
        lambda w, b: (
            w.submission.status == Status.REJECTED
            if TestimonySubmission.objects.filter(page=w.pending).exists()
            else False
        ),
        MODERATION,
    ),
    "wagtailadmin_pages:unpublish": Effect(
        pages("{w.published.pk}/unpublish/"),
        lambda w: {},
        lambda w, b: not TestimonyPage.objects.get(pk=w.published.pk).live,
        MODERATION,
    ),
    "wagtailadmin_pages:copy": Effect(pages("{w.pending.pk}/copy/"), COPY_DATA, new_testimony, NOBODY),
    "wagtailadmin_pages:copy [section with subpages]": Effect(
        lambda w: f"/admin/pages/{w.index.pk}/copy/",
        lambda w: {**COPY_DATA(w), "new_parent_page": w.home.pk, "copy_subpages": "on"},
        new_testimony,
        NOBODY,
    ),
    "wagtailadmin_pages:move": Access(pages("{w.pending.pk}/move/"), NOBODY, shows_text=False),
    "wagtailadmin_pages:move_confirm": Effect(
        lambda w: f"/admin/pages/{w.pending.pk}/move/{w.home.pk}/confirm/",
        lambda w: {},
        lambda w, b: TestimonyPage.objects.get(pk=w.pending.pk).get_parent().pk != w.index.pk,
        NOBODY,
    ),
    # Reordering is a move: refused (the listing sorts by date anyway).
    "wagtailadmin_pages:set_page_position": Effect(
        lambda w: f"/admin/pages/{w.pending.pk}/set_position/?position=0",
        lambda w: {},
        lambda w, b: TestimonyPage.objects.get(pk=w.pending.pk).get_prev_sibling() is None,
        NOBODY,
    ),
    "wagtailadmin_pages:delete": Effect(
        pages("{w.pending.pk}/delete/"),
        lambda w: {},
        lambda w, b: not TestimonyPage.objects.filter(pk=w.pending.pk).exists(),
        NOBODY,
    ),
    "wagtailadmin_pages:set_privacy": Access(pages("{w.pending.pk}/privacy/"), NOBODY, shows_text=False),
    "wagtailadmin_pages:lock": Effect(
        pages("{w.pending.pk}/lock/"),
        lambda w: {},
        lambda w, b: TestimonyPage.objects.get(pk=w.pending.pk).locked,
        MODERATION,
    ),
    "wagtailadmin_pages:unlock": Access(pages("{w.pending.pk}/unlock/"), NOBODY, shows_text=False),
    "wagtailadmin_pages:convert_alias": Access(pages("{w.pending.pk}/convert_alias/"), NOBODY, shows_text=False),
    "wagtailadmin_pages:add": Access(
        lambda w: f"/admin/pages/add/temoignages/testimonypage/{w.index.pk}/", NOBODY, shows_text=False
    ),
    "wagtailadmin_pages:preview_on_add": Access(
        lambda w: f"/admin/pages/add/temoignages/testimonypage/{w.index.pk}/preview/", NOBODY, shows_text=False
    ),
    "wagtailadmin_pages:add_subpage": Access(pages("{w.pending.pk}/add_subpage/"), NOBODY, shows_text=False),
    # --- Listings: the queue is only in the moderators' -------------------------------------
    "wagtailadmin_pages:search": Listing(lambda w: "/admin/pages/search/?q=Témoignage", STAFF, MODERATION),
    "wagtailadmin_pages:search_results": Listing(
        lambda w: "/admin/pages/search/results/?q=Témoignage", STAFF, MODERATION
    ),
    "wagtailadmin_pages:type_use": Listing(
        lambda w: "/admin/pages/usage/temoignages/testimonypage/", STAFF, MODERATION
    ),
    "wagtailadmin_pages:type_use_results": Listing(
        lambda w: "/admin/pages/usage/temoignages/testimonypage/results/", STAFF, MODERATION
    ),
    "wagtailadmin_explore": Listing(lambda w: f"/admin/pages/{w.index.pk}/", STAFF, MODERATION),
    "wagtailadmin_explore_results": Listing(lambda w: f"/admin/pages/{w.index.pk}/results/", STAFF, MODERATION),
    # The section's own entry: gone from the campaign editors' tree. (A « Modérateur » explores
    # from the testimony index: Wagtail sends them there from the home page.)
    "wagtailadmin_explore [home]": Listing(
        lambda w: f"/admin/pages/{w.home.pk}/", STAFF - {"moderateur"}, SUPERUSER, target=index_link
    ),
    "wagtailadmin_home": Listing(lambda w: "/admin/", STAFF, MODERATION),
    "wagtailadmin_choose_page_child": Listing(lambda w: f"/admin/choose-page/{w.index.pk}/", STAFF, MODERATION),
    "wagtailadmin_choose_page_search": Listing(lambda w: "/admin/choose-page/search/?q=Témoignage", STAFF, MODERATION),
    # Editors may link to the testimony listing (a public page)...
    "wagtailadmin_choose_page_child [home]": Listing(
        lambda w: f"/admin/choose-page/{w.home.pk}/", STAFF, STAFF, target=index_link
    ),
    # ...and Wagtail answers a page id the caller already knows with its title, applying no
    # chooser hook: a testimony's title is neutral by design (« Témoignage n° 12 »), never its text.
    "wagtailadmin_choose_page_chosen_multiple": Listing(
        lambda w: f"/admin/choose-page/chosen-multiple/?id={w.pending.pk}", STAFF, STAFF
    ),
    "wagtailadmin_reports:locked_pages": Listing(
        lambda w: "/admin/reports/locked/",
        UNLOCKERS,
        SUPERUSER,
        prepare=lambda w: lock(w),
    ),
    "wagtailadmin_reports:locked_pages_results": Listing(
        lambda w: "/admin/reports/locked/results/",
        UNLOCKERS,
        SUPERUSER,
        prepare=lambda w: lock(w),
    ),
    "wagtailadmin_reports:workflow": Listing(lambda w: "/admin/reports/workflow/", STAFF, MODERATION),
    "wagtailadmin_reports:workflow_results": Listing(lambda w: "/admin/reports/workflow/results/", STAFF, MODERATION),
    "wagtailadmin_reports:workflow_tasks": Listing(lambda w: "/admin/reports/workflow_tasks/", STAFF, MODERATION),
    "wagtailadmin_reports:workflow_tasks_results": Listing(
        lambda w: "/admin/reports/workflow_tasks/results/", STAFF, MODERATION
    ),
    "wagtailadmin_reports:site_history": Listing(lambda w: "/admin/reports/site-history/", STAFF, MODERATION),
    "wagtailadmin_reports:site_history_results": Listing(
        lambda w: "/admin/reports/site-history/results/", STAFF, MODERATION
    ),
    "wagtailadmin_reports:aging_pages": Listing(
        lambda w: "/admin/reports/aging-pages/", STAFF, MODERATION, target=lambda w: f"/admin/pages/{w.published.pk}/"
    ),
    "wagtailadmin_reports:aging_pages_results": Listing(
        lambda w: "/admin/reports/aging-pages/results/",
        STAFF,
        MODERATION,
        target=lambda w: f"/admin/pages/{w.published.pk}/",
    ),
    # --- The admin API ------------------------------------------------------------------------
    "wagtailadmin_api:pages:listing": Listing(
        lambda w: f"/admin/api/main/pages/?child_of={w.index.pk}",
        MODERATION,
        MODERATION,
        target=lambda w: f'"id": {w.pending.pk},',
    ),
    "wagtailadmin_api:pages:listing [search]": Listing(
        lambda w: "/admin/api/main/pages/?search=T%C3%A9moignage",
        STAFF,
        MODERATION,
        target=lambda w: f'"id": {w.pending.pk},',
    ),
    "wagtailadmin_api:pages:detail": Access(
        lambda w: f"/admin/api/main/pages/{w.pending.pk}/", MODERATION, shows_text=False
    ),
    "wagtailadmin_api:pages:find": Access(
        lambda w: f"/admin/api/main/pages/find/?id={w.pending.pk}", MODERATION, shows_text=False, ok=302
    ),
    "wagtailadmin_api:pages:action": Effect(
        lambda w: f"/admin/api/main/pages/{w.pending.pk}/action/copy/",
        lambda w: {"destination_page_id": w.index.pk, "slug": "copie-api"},
        new_testimony,
        NOBODY,
    ),
    "wagtailadmin_api:pages:action [publish]": Effect(
        lambda w: f"/admin/api/main/pages/{w.pending.pk}/action/publish/", lambda w: {}, pending_published, NOBODY
    ),
    "wagtailadmin_api:pages:action [alias]": Effect(
        lambda w: f"/admin/api/main/pages/{w.published.pk}/action/create_alias/",
        lambda w: {"destination_page_id": w.home.pk, "update_slug": "alias-api"},
        new_testimony,
        NOBODY,
    ),
    "wagtailadmin_api:pages:action [copy_for_translation]": Effect(
        lambda w: f"/admin/api/main/pages/{w.published.pk}/action/copy_for_translation/",
        lambda w: {"locale": "en", "copy_parents": True},
        new_testimony,
        NOBODY,
    ),
    # --- Bulk actions -------------------------------------------------------------------------
    "wagtail_bulk_action": Effect(
        lambda w: f"/admin/bulk/wagtailcore/page/publish/?id={w.pending.pk}", lambda w: {}, pending_published, NOBODY
    ),
    "wagtail_bulk_action [unpublish]": Effect(
        lambda w: f"/admin/bulk/wagtailcore/page/unpublish/?id={w.published.pk}",
        lambda w: {},
        lambda w, b: not TestimonyPage.objects.get(pk=w.published.pk).live,
        MODERATION,
    ),
    "wagtail_bulk_action [delete]": Effect(
        lambda w: f"/admin/bulk/wagtailcore/page/delete/?id={w.pending.pk}",
        lambda w: {},
        lambda w, b: not TestimonyPage.objects.filter(pk=w.pending.pk).exists(),
        NOBODY,
    ),
    "wagtail_bulk_action [move]": Effect(
        lambda w: f"/admin/bulk/wagtailcore/page/move/?id={w.pending.pk}",
        lambda w: {"chooser": w.home.pk},
        lambda w, b: TestimonyPage.objects.get(pk=w.pending.pk).get_parent().pk != w.index.pk,
        NOBODY,
    ),
    # --- Translation (wagtail-localize): a testimony is never copied into another language -----
    "wagtail_localize:submit_page_translation": Effect(
        lambda w: f"/admin/localize/submit/page/{w.published.pk}/",
        lambda w: {"locales": [Page.objects.get(pk=w.home.pk).locale.__class__.objects.get(language_code="en").pk]},
        new_testimony,
        NOBODY,
    ),
    "wagtail_localize:submit_page_translation [section]": Effect(
        lambda w: f"/admin/localize/submit/page/{w.index.pk}/",
        lambda w: {
            "locales": [Page.objects.get(pk=w.home.pk).locale.__class__.objects.get(language_code="en").pk],
            "include_subtree": "on",
        },
        new_testimony,
        NOBODY,
    ),
    "wagtail_localize:convert_to_alias": Access(
        lambda w: f"/admin/localize/page/{w.pending.pk}/convert_to_alias/", NOBODY, shows_text=False
    ),
    "wagtail_localize:snippets_api_listing": Access(
        lambda w: "/admin/localize/api/snippets/temoignages/testimonysubmission/", NOBODY
    ),
    "wagtail_localize:snippets_api_detail": Access(
        lambda w: f"/admin/localize/api/snippets/temoignages/testimonysubmission/{w.submission.pk}/", NOBODY
    ),
    # --- The private records (snippets) and the moderators' tools ---------------------------
    "wagtailsnippets_temoignages_testimonysubmission:list": Listing(
        lambda w: "/admin/snippets/temoignages/testimonysubmission/", MODERATION, MODERATION, target=record_link
    ),
    "wagtailsnippets_temoignages_testimonysubmission:list_results": Listing(
        lambda w: "/admin/snippets/temoignages/testimonysubmission/results/", MODERATION, MODERATION, target=record_link
    ),
    "wagtailsnippets_temoignages_testimonysubmission:edit": Access(
        lambda w: f"/admin/snippets/temoignages/testimonysubmission/edit/{w.submission.pk}/",
        MODERATION,
        shows_text=False,
    ),
    "wagtailsnippets_temoignages_testimonysubmission:history": Access(
        lambda w: f"/admin/snippets/temoignages/testimonysubmission/history/{w.submission.pk}/",
        MODERATION,
        shows_text=False,
    ),
    "wagtailsnippets_temoignages_testimonysubmission:history_results": Access(
        lambda w: f"/admin/snippets/temoignages/testimonysubmission/history-results/{w.submission.pk}/",
        MODERATION,
        shows_text=False,
    ),
    "wagtailsnippets_temoignages_testimonysubmission:usage": Access(
        lambda w: f"/admin/snippets/temoignages/testimonysubmission/usage/{w.submission.pk}/",
        MODERATION,
        shows_text=False,
    ),
    "wagtailsnippets_temoignages_testimonysubmission:delete": Access(
        lambda w: f"/admin/snippets/temoignages/testimonysubmission/delete/{w.submission.pk}/",
        SUPERUSER,
        shows_text=False,
    ),
    "wagtailsnippets_temoignages_testimonysubmission:add": Access(
        lambda w: "/admin/snippets/temoignages/testimonysubmission/add/", NOBODY, shows_text=False
    ),
    "temoignages_admin:review_queue": Listing(
        lambda w: "/admin/temoignages/relecture/", MODERATION, MODERATION, target=record_link
    ),
    "temoignages_admin:review": Access(lambda w: f"/admin/temoignages/relecture/{w.submission.pk}/", MODERATION),
    "temoignages_admin:review_redact": Effect(
        lambda w: f"/admin/temoignages/relecture/{w.submission.pk}/version-relue/",
        lambda w: {
            "story": f"pending redacted {w.marker}",
            "headline": "",
            "pseudonym": "",
            "content_warning_level": "none",
            "content_warning": "",
            "tags": "",
        },
        lambda w, b: w.pending_text() != b["text"],
        MODERATION,
    ),
    "temoignages_admin:review_approve": Effect(
        lambda w: f"/admin/temoignages/relecture/{w.submission.pk}/approuver/", lambda w: {}, pending_published, MODERATION
    ),
    "temoignages_admin:review_refuse": Effect(
        lambda w: f"/admin/temoignages/relecture/{w.submission.pk}/refuser/",
        lambda w: {"reason": "hors-sujet", "details": ""},
        lambda w, b: w.submission.status == Status.REJECTED,
        MODERATION,
    ),
    "temoignages_admin:export": Access(lambda w: "/admin/temoignages/export.csv", MODERATION),
    "temoignages_admin:repair": Access(lambda w: "/admin/temoignages/reparer/", MODERATION, shows_text=False),
    "temoignages_admin:author_ask": Effect(
        lambda w: f"/admin/temoignages/messages/{w.submission.pk}/demander/",
        lambda w: {"body": "Pouvez-vous préciser ?"},
        message_sent,
        MODERATION,
    ),
    "temoignages_admin:author_propose": Effect(
        lambda w: f"/admin/temoignages/messages/{w.submission.pk}/proposer/", lambda w: {}, message_sent, MODERATION
    ),
    "wagtailforms:list_submissions": Access(
        lambda w: f"/admin/forms/submissions/{w.form_page.pk}/", NOBODY, shows_text=False
    ),
    "wagtailforms:list_submissions_results": Access(
        lambda w: f"/admin/forms/submissions/{w.form_page.pk}/results/", NOBODY, shows_text=False
    ),
    "wagtailforms:delete_submissions": Access(
        lambda w: f"/admin/forms/submissions/{w.form_page.pk}/delete/", NOBODY, shows_text=False
    ),
}

#: Admin URLs that never show or change a testimony, by namespace or name, with the reason.
UNRELATED = {
    "wagtailadmin_api:documents": "documents",
    "wagtailadmin_api:images": "images",
    "wagtailadmin_collections": "collections of images and documents",
    "wagtailadmin_workflows": "workflow configuration: Wagtail's workflow permissions, superusers only",
    "wagtailadmin_editing_sessions": "« someone else is editing » pings: need edit rights on the object",
    "admin_2fa": "second factor: the user's own, and a superuser's reset of another account's (tests/test_admin_2fa.py)",
    "wagtailredirects": "redirects",
    "wagtailsettings": "site settings",
    "wagtailsearchpromotions": "editors' picks of the public search",
    "search_terms_recent": "visitors' recent search terms, Wagtail's report at its own address (test_personal_data_purge)",
    "search_terms_recent_results": "visitors' recent search terms (test_personal_data_purge)",
    "wagtailembeds": "embed chooser",
    "wagtailsnippets": "the snippet type list (links only)",
    "wagtaildocs": "documents",
    "wagtaildocs_chooser": "documents",
    "wagtailimages": "images",
    "wagtailimages_chooser": "images",
    "wagtailsnippets_home_harassmenttype": "public taxonomy",
    "wagtailsnippetchoosers_home_harassmenttype": "public taxonomy",
    "wagtailsnippets_home_contentwarningtheme": "public list of warning themes (names only, no testimony)",
    "wagtailsnippetchoosers_home_contentwarningtheme": "public list of warning themes",
    "wagtailsnippets_ressources_helpline": "public helplines",
    "wagtailsnippetchoosers_ressources_helpline": "public helplines",
    "wagtailsnippets_ressources_association": "public associations",
    "wagtailsnippetchoosers_ressources_association": "public associations",
    "wagtailsnippets_ressources_suicideriskvocabulary": "suicidal-risk words",
    "wagtailsnippetchoosers_ressources_suicideriskvocabulary": "suicidal-risk words",
    "wagtailsnippets_site_search_distressvocabulary": "search vocabulary",
    "wagtailsnippetchoosers_site_search_distressvocabulary": "search vocabulary",
    "wagtaillocales": "languages",
    "wagtailsites": "sites",
    "wagtailusers_users": "user accounts",
    "wagtailusers_groups": "groups",
    "wagtailadmin_pages:revisions_index": "redirects to the history view (its own row)",
    "wagtailadmin_pages:choose_parent": "candidate parents only; the add view it leads to has its own row",
    "wagtailadmin_choose_page": "the tree's top level: the home pages",
    "wagtailadmin_explore_root": "the tree's top level: the home pages",
    "localize_snippets_api_refused": "this guard itself (rows: wagtail_localize:snippets_api_*)",
    "wagtailforms:index": "form pages list: campaign forms (the testimony form is not a Wagtail form page)",
    "wagtailforms:index_results": "form pages list",
    "wagtailadmin_reports:page_types_usage": "counts per page type, no page",
    "wagtailadmin_reports:page_types_usage_results": "counts per page type, no page",
    "wagtail_localize:javascript_catalog": "translations of the interface",
    "wagtail_localize:translations_report": "translations: testimonies have none (a testimony is never translated)",
    "wagtail_localize:translations_report_results": "translations: testimonies have none",
    "wagtail_localize:submit_snippet_translation": "snippets: the private records are not translatable",
    "wagtail_localize:update_translations": "existing translations only: testimonies have none",
    "wagtail_localize:edit_string_translation": "existing translations only",
    "wagtail_localize:edit_override": "existing translations only",
    "wagtail_localize:download_pofile": "existing translations only",
    "wagtail_localize:upload_pofile": "existing translations only",
    "wagtail_localize:machine_translate": "existing translations only (machine translation is off)",
    "wagtail_localize:preview_translation": "existing translations only",
    "wagtail_localize:stop_translation": "existing translations only",
    "wagtailadmin_choose_page_external_link": "link chooser: external URL",
    "wagtailadmin_choose_page_email_link": "link chooser: e-mail",
    "wagtailadmin_choose_page_phone_link": "link chooser: phone",
    "wagtailadmin_choose_page_anchor_link": "link chooser: anchor",
    "wagtailadmin_tag_autocomplete": "tag names",
    "wagtailadmin_tag_model_autocomplete": "tag names",
    "wagtailadmin_account": "the user's own account",
    "wagtailadmin_logout": "log out",
    "wagtailadmin_dismissibles": "dismissed tips",
    "wagtailadmin_block_preview": "block previews from the block's preview value",
    "wagtailadmin_sprite": "icons",
    "wagtailadmin_login": "log in",
    "wagtailadmin_password_reset": "password reset",
    "wagtailadmin_password_reset_done": "password reset",
    "wagtailadmin_password_reset_confirm": "password reset",
    "wagtailadmin_password_reset_complete": "password reset",
    "wagtailadmin_javascript_catalog": "translations of the interface",
    "wagtailadmin_error_test": "Wagtail's error page test",
    "": "unnamed: Wagtail's admin 404 routes",
}


def admin_url_names() -> set[str]:
    def walk(patterns, route="", namespaces=()):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                extra = (pattern.namespace,) if pattern.namespace else ()
                yield from walk(pattern.url_patterns, route + str(pattern.pattern), namespaces + extra)
            elif (route + str(pattern.pattern)).startswith("admin/"):
                yield ":".join(namespaces + (pattern.name or "",)).lstrip(":")

    return set(walk(get_resolver().url_patterns))


def test_every_admin_url_has_a_row():
    names = admin_url_names()
    covered = {key.split(" [")[0] for key in ROWS}
    missing = sorted(
        name
        for name in names
        if name not in covered and name not in UNRELATED and name.rsplit(":", 1)[0] not in UNRELATED
    )
    assert missing == [], "admin URLs with no row in the role matrix (tests/test_roles_matrix.py): " + ", ".join(
        missing
    )
    stale = sorted(name for name in covered if name not in names)
    assert stale == [], f"rows for admin URLs that no longer exist: {stale}"


def lock(world: World) -> None:
    page = TestimonyPage.objects.get(pk=world.pending.pk)
    page.locked, page.locked_by = True, world.users["superuser"]
    page.save(update_fields=["locked", "locked_by"])


def _refused(response) -> bool:
    """Refused: a redirect (to the login, to the dashboard with Wagtail's « permission denied »,
    or to the language-prefixed 404) or a 4xx. GET rows change nothing, so any redirect is fine."""
    return response.status_code in (302, 400, 403, 404, 405)


def _text(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


CASES = [pytest.param(key, role, id=f"{key}-{role}") for key in ROWS for role in ROLES]


@pytest.mark.parametrize(("key", "role"), CASES)
def test_role_matrix(world, key, role):
    row = ROWS[key]
    client = client_for(world, role)
    if isinstance(row, Access):
        response = client.get(row.url(world))
        text = _text(response)
        if role in row.allowed:
            assert response.status_code == row.ok, f"{key}: {role} should reach it, got {response.status_code}"
            if row.shows_text:
                assert world.marker in text
        else:
            assert _refused(response), f"{key}: {role} should be refused, got {response.status_code}"
            assert world.marker not in text
    elif isinstance(row, Listing):
        if row.prepare:
            row.prepare(world)
        response = client.get(row.url(world))
        text = _text(response)
        listed = row.target(world) in text or world.marker in text
        if row.target is pending_link:
            listed = listed or f"{world.pending.title}<" in text
        if role in row.reach:
            assert response.status_code == 200, f"{key}: {role} should open it, got {response.status_code}"
            assert listed == (role in row.sees), (
                f"{key}: the pending testimony {'missing' if role in row.sees else 'listed'} for {role}"
            )
        else:
            assert _refused(response), f"{key}: {role} should be refused, got {response.status_code}"
            assert not listed
    else:
        before = _before(world)
        url = row.url(world)
        if url.startswith("/admin/api/"):
            response = client.post(url, row.data(world), content_type="application/json")
        else:
            response = client.post(url, row.data(world))
        assert response.status_code < 500, f"{key}: {role} got {response.status_code}"
        happened = row.happened(world, before)
        assert happened == (role in row.allowed), (
            f"{key}: effect {'missing' if role in row.allowed else 'happened'} for {role}"
        )
        if role not in row.allowed and row.happened is not pending_published:
            assert not world.pending_live(), f"{key}: {role} published the pending testimony"
