"""Admin: the private records (moderators only), the dashboard panel, export and repair."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from home.admin_columns import YesNoColumn
from temoignages import admin_views
from temoignages.models import TestimonyPage, TestimonySubmission
from temoignages.moderation import is_moderator


class SubmissionIndexView(IndexView):
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
        YesNoColumn.for_field(TestimonySubmission, "suicide_risk"),
        "created_at",
        "status",
        "harassment_type",
        "role",
        "page",
    ]
    list_filter = ["status", "suicide_risk", "harassment_type", "locale"]
    list_export = []
    inspect_view_enabled = True
    copy_view_enabled = False
    chooser_viewset_class = NoChooserViewSet
    inspect_view_fields = [
        "created_at",
        "suicide_risk",
        "status",
        "overdue_alert_sent_at",
        "decided_at",
        "rejection_reason",
        "harassment_type",
        "role",
        "title",
        "story",
        "pseudonym",
        "age_range",
        "region",
        "consent_publication",
        "consent_processing",
        "consent_text_version",
        "consented_at",
        "legal_basis",
        "contact_email",
        "page",
    ]
    edit_handler = ObjectList([FieldPanel("moderator_note")])


register_snippet(TestimonySubmissionViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    from django.urls import include

    urls = [
        path("export.csv", admin_views.export_csv, name="export"),
        path("reparer/", admin_views.repair, name="repair"),
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
        # Those whose story mentions suicidal risk are read first.
        pending = (
            TestimonyPage.objects.filter(live=False, submission__status="pending")
            .select_related("submission")
            .order_by("-submission__suicide_risk", "-pk")
        )
        return {
            "count": pending.count(),
            "pages": pending[:10],
            "missing": TestimonySubmission.objects.missing_page().count(),
            "repair_url": reverse("temoignages_admin:repair"),
        }


@hooks.register("construct_homepage_panels")
def add_pending_testimonies_panel(request, panels):
    if is_moderator(request.user):
        panels.append(PendingTestimoniesPanel(request))


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
