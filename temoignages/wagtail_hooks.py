"""Admin: the private records (moderators only), the dashboard panel, export and repair."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import StatusFlagColumn, TitleColumn
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from temoignages import admin_views, author_message_views
from temoignages.models import TestimonyPage, TestimonySubmission
from temoignages.moderation import is_moderator
from temoignages.review import views as review_views


class SubmissionIndexView(IndexView):
    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        # A row opens the review desk, where the testimony is read and decided; the edit form
        # (the internal note only) stays in the row's « … » menu.
        column_class = self._get_title_column_class(column_class)
        return self._get_custom_column(field_name, column_class, get_url=review_views.submission_review_url, **kwargs)

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        user = self.request.user
        if user.has_perm("temoignages.export_testimonysubmission"):
            query = self.request.GET.urlencode()
            url = reverse("temoignages_admin:export")
            buttons.append(
                Button(_("Exporter en CSV (sans e-mails)"), url=f"{url}?{query}", icon_name="download", priority=20)
            )
            buttons.append(
                Button(
                    _("Exporter en CSV avec les e-mails de contact"),
                    url=f"{url}?{query}&contact=1",
                    icon_name="download",
                    priority=30,
                )
            )
        if user.has_perm("temoignages.change_testimonysubmission"):
            buttons.append(
                Button(
                    _("Recréer les pages manquantes"),
                    url=reverse("temoignages_admin:repair"),
                    icon_name="repeat",
                    priority=40,
                )
            )
        return buttons


class NoChooserViewSet(SnippetChooserViewSet):
    """No chooser for the private records: no field links to one, and Wagtail's snippet choosers
    answer any admin user, whatever their permissions on the model."""

    def get_urlpatterns(self):
        return []


class TestimonySubmissionViewSet(SnippetViewSet):
    """Moderators only: model permissions that only the « Modérateurs » group holds."""

    model = TestimonySubmission
    icon = "lock"
    menu_label = _("Témoignages reçus")
    menu_name = "testimony_submissions"
    add_to_admin_menu = True
    menu_order = 250
    index_view_class = SubmissionIndexView
    # Model ordering: testimonies flagged for suicidal risk first, then the newest.
    list_display = [
        "__str__",
        # A word, never a raw True/False.
        StatusFlagColumn("suicide_risk", label=_("Urgence"), true_label=_("Urgent"), sort_key="suicide_risk"),
        "created_at",
        "status",
        "harassment_type",
        "role",
        "page",
    ]
    list_filter = ["status", "suicide_risk", "harassment_type", "locale"]
    list_export = []
    # No inspect view: the review desk shows the record in words and Paris time, never raw values.
    inspect_view_enabled = False
    copy_view_enabled = False
    chooser_viewset_class = NoChooserViewSet
    edit_handler = ObjectList([FieldPanel("moderator_note")])


register_snippet(TestimonySubmissionViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    from django.urls import include

    urls = [
        path("export.csv", admin_views.export_csv, name="export"),
        path("reparer/", admin_views.repair, name="repair"),
        path("messages/<int:submission_pk>/demander/", author_message_views.ask, name="author_ask"),
        path("messages/<int:submission_pk>/proposer/", author_message_views.propose, name="author_propose"),
        path("relecture/", review_views.ReviewQueueView.as_view(), name="review_queue"),
        path("relecture/<int:pk>/", review_views.ReviewView.as_view(http_method_names=["get"]), name="review"),
        path(
            "relecture/<int:pk>/version-relue/",
            review_views.ReviewView.as_view(decision="redact", http_method_names=["post"]),
            name="review_redact",
        ),
        path(
            "relecture/<int:pk>/approuver/",
            review_views.ReviewView.as_view(decision="approve", http_method_names=["post"]),
            name="review_approve",
        ),
        path(
            "relecture/<int:pk>/refuser/",
            review_views.ReviewView.as_view(decision="refuse", http_method_names=["post"]),
            name="review_refuse",
        ),
    ]
    return [
        path("temoignages/", include((urls, "temoignages_admin"), namespace="temoignages_admin")),
        # wagtail-localize's snippet API lists any snippet model to any admin user; this app's
        # URLs come first (INSTALLED_APPS order), so its private records are not found there.
        path("localize/api/snippets/temoignages/<path:rest>", not_found, name="localize_snippets_api_refused"),
    ]


def not_found(request, rest):
    raise Http404


class PendingTestimoniesPanel(Component):
    name = "pending_testimonies"
    order = 50
    template_name = "temoignages/admin/pending_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        # Urgent first (suicidal risk or danger), then the longest waiting.
        queue = TestimonySubmission.objects.review_queue().select_related("harassment_type")
        oldest = queue.order_by("created_at").first()
        return {
            "count": queue.count(),
            "urgent_count": queue.filter(suicide_risk=True).count(),
            "oldest_waiting": review_views.waiting_time(oldest) if oldest else "",
            "rows": [
                {"submission": submission, "url": review_views.submission_review_url(submission)} for submission in queue[:10]
            ],
            "queue_url": reverse("temoignages_admin:review_queue"),
            "missing": TestimonySubmission.objects.missing_page().count(),
            "repair_url": reverse("temoignages_admin:repair"),
        }


@hooks.register("construct_homepage_panels")
def add_pending_testimonies_panel(request, panels):
    if is_moderator(request.user):
        panels.append(PendingTestimoniesPanel(request))


class ReviewDeskMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


@hooks.register("register_admin_menu_item")
def register_review_desk_menu_item():
    return ReviewDeskMenuItem(
        _("Relecture"),
        reverse("temoignages_admin:review_queue"),
        name="review_desk",
        icon_name="tasks",
        order=249,
    )


#: Page editor actions that would end a testimony's review outside the desk's three decisions.
TESTIMONY_HIDDEN_ACTIONS = {"action-cancel-workflow", "action-restart-workflow", "action-publish", "action-submit"}


@hooks.register("construct_page_action_menu")
def keep_decisions_on_the_desk(menu_items, request, context):
    """A testimony is decided on the review desk: its editor offers no « Annuler le workflow » nor
    anything publish-like (the workflow's own approve/reject stay, they are the same decisions)."""
    page = context.get("page")
    if page is not None and isinstance(page.specific_deferred, TestimonyPage):
        menu_items[:] = [item for item in menu_items if item.name not in TESTIMONY_HIDDEN_ACTIONS]


@hooks.register("before_copy_page")
def refuse_copying_testimonies(request, page):
    """A copy of a section with its subpages would copy the testimonies in it: refused up front
    (``TestimonyPage.save`` would refuse each of them anyway, halfway through the copy)."""
    if request.method == "POST" and request.POST.get("copy_subpages") and _holds_testimonies(page):
        messages.error(
            request,
            _(
                "Cette section contient des témoignages : copiez-la sans ses sous-pages. Un témoignage n'est jamais copié."
            ),
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


def _holds_testimonies(page) -> bool:
    return TestimonyPage.objects.descendant_of(page, inclusive=True).exists()


@hooks.register("construct_page_chooser_queryset")
def hide_unpublished_testimonies_from_chooser(pages, request):
    """Editors may link to a published testimony, never see the drafts in the queue."""
    if is_moderator(request.user):
        return pages
    return pages.exclude(pk__in=TestimonyPage.objects.not_live().values("pk"))
