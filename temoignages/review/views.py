"""The review desk: the queue and one screen per testimony, for moderators only."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from temoignages.choices import Status
from temoignages.models import TestimonySubmission
from temoignages.moderation import is_moderator
from temoignages.pii import detect_personal_data, grouped
from temoignages.review import decisions, review_url
from temoignages.review.forms import RedactionForm, RefusalForm
from temoignages.review.highlight import highlight_personal_data


def waiting_time(submission: TestimonySubmission) -> str:
    """« 3 jours » rather than a date: how long the author has been waiting."""
    if timezone.now() - submission.created_at < timedelta(minutes=1):
        return _("moins d'une minute")
    return timesince(submission.created_at, depth=1)


def local_datetime(moment) -> str:
    """A date and time in the site's time zone (Europe/Paris), in the admin's language."""
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def yes_no(value: bool) -> str:
    return _("Oui") if value else _("Non")


def wellbeing_context(user) -> dict:
    count = decisions.reviewed_today(user)
    return {"reviewed_today": count, "suggest_pause": decisions.pause_suggested(count)}


class ModeratorsOnlyMixin:
    """« Modérateurs » members and superusers; everyone else, Wagtail's stock groups included, 403."""

    def dispatch(self, request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class DeskMixin(ModeratorsOnlyMixin, WagtailAdminTemplateMixin):
    header_icon = "lock"
    queue_label = gettext_lazy("Relecture des témoignages")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": reverse("temoignages_admin:review_queue"), "label": self.queue_label}]


class ReviewQueueView(DeskMixin, TemplateView):
    template_name = "temoignages/admin/review_queue.html"
    page_title = gettext_lazy("Relecture des témoignages")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.queue_label}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queue = list(TestimonySubmission.objects.review_queue().select_related("harassment_type"))
        context["rows"] = [
            {"submission": submission, "waiting": waiting_time(submission), "url": submission_review_url(submission)}
            for submission in queue
        ]
        context["urgent_count"] = sum(1 for submission in queue if submission.suicide_risk)
        context.update(wellbeing_context(self.request.user))
        return context


def submission_review_url(submission: TestimonySubmission) -> str:
    return review_url(submission.pk)


class ReviewView(DeskMixin, TemplateView):
    """One testimony: its facts, its story (veiled until the moderator opens it) with what may
    identify someone marked, the redaction form and the three decisions.

    The same view answers the decision POSTs, each at its own URL (``decision``): nothing else
    on this screen can publish.
    """

    template_name = "temoignages/admin/review.html"
    decision = None

    def dispatch(self, request, *args, **kwargs):
        # Nothing is read (let alone decrypted) before the moderator check.
        if not is_moderator(request.user):
            raise PermissionDenied
        self.submission = get_object_or_404(
            TestimonySubmission.objects.select_related("harassment_type", "page"), pk=kwargs["pk"]
        )
        self.page = self.submission.page.specific if self.submission.page_id else None
        self.draft = self.page.get_latest_revision_as_object() if self.page else None
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.submission)

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": str(self.submission)}]

    def get_context_data(self, redaction_form=None, refusal_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.submission
        can_decide = decisions.can_decide(submission, self.request.user)
        context.update(
            submission=submission,
            draft=self.draft,
            facts=self.facts(),
            can_decide=can_decide,
            read_now=bool(self.request.GET.get("lire") or (redaction_form is not None and redaction_form.errors)),
            queue_url=reverse("temoignages_admin:review_queue"),
            note_url=reverse("wagtailsnippets_temoignages_testimonysubmission:edit", args=[submission.pk]),
            redact_url=reverse("temoignages_admin:review_redact", args=[submission.pk]),
            approve_url=reverse("temoignages_admin:review_approve", args=[submission.pk]),
            refuse_url=reverse("temoignages_admin:review_refuse", args=[submission.pk]),
        )
        if self.draft is not None:
            headline = self.draft.headline or ""
            story = self.draft.story or ""
            detections = detect_personal_data(f"{headline}\n{story}")
            context.update(
                headline_html=highlight_personal_data(headline, detections),
                story_html=highlight_personal_data(story, detections),
                detected=grouped(detections),
                word_count=len(story.split()),
            )
        if can_decide:
            context["redaction_form"] = redaction_form or RedactionForm(instance=self.draft)
            context["refusal_form"] = refusal_form or RefusalForm()
        else:
            context["decision"] = self.decision_facts()
        context.update(wellbeing_context(self.request.user))
        return context

    def facts(self) -> list[tuple[str, str]]:
        """What the moderator needs to know, in words: never a raw value, times in Paris."""
        submission = self.submission
        not_given = _("Non précisé")
        return [
            (_("Reçu le"), local_datetime(submission.created_at)),
            (_("En attente depuis"), waiting_time(submission) if submission.status == Status.PENDING else _("Décidé")),
            (_("Type de harcèlement"), submission.harassment_type.name if submission.harassment_type else not_given),
            (_("Qui raconte"), submission.get_role_display() or not_given),
            (_("Tranche d'âge"), submission.get_age_range_display() or not_given),
            (_("Région"), submission.get_region_display() or not_given),
            (_("Accepte la publication"), yes_no(submission.consent_publication)),
            (_("Accepte le traitement des données"), yes_no(submission.consent_processing)),
            (_("Consentement donné le"), local_datetime(submission.consented_at)),
            (_("Version du texte de consentement"), submission.consent_text_version or not_given),
            (_("Base légale"), submission.get_legal_basis_display() or not_given),
            (
                _("E-mail de contact"),
                submission.contact_email or _("Aucun : l'auteur ou l'autrice suit sa demande avec son code"),
            ),
            (_("Note interne"), submission.moderator_note or _("Aucune")),
        ]

    def decision_facts(self) -> dict:
        submission = self.submission
        return {
            "status": submission.get_status_display(),
            "decided_at": local_datetime(submission.decided_at) if submission.decided_at else None,
            "reason": submission.get_rejection_reason_code_display(),
            "details": submission.rejection_reason,
            "missing_page": submission.page_id is None and submission.status == Status.PENDING,
        }

    def post(self, request, *args, **kwargs):
        if not decisions.can_decide(self.submission, request.user):
            messages.error(request, _("Ce témoignage a déjà reçu une décision : rien n'a été modifié."))
            return redirect(submission_review_url(self.submission))
        handler = {"redact": self.redact, "approve": self.approve, "refuse": self.refuse}.get(self.decision)
        if handler is None:
            raise PermissionDenied
        return handler(request)

    def redact(self, request):
        form = RedactionForm(request.POST, instance=self.draft)
        if not form.is_valid():
            messages.error(request, _("La version relue n'a pas été enregistrée : corrigez les champs signalés."))
            return self.render_to_response(self.get_context_data(redaction_form=form))
        page = form.save(commit=False)
        # A new revision of the draft, never a publication: only « Approuver et publier » publishes.
        page.save_revision(user=request.user, log_action=True)
        messages.success(request, _("Version relue enregistrée. Rien n'est publié tant que vous n'approuvez pas."))
        return redirect(submission_review_url(self.submission) + "?lire=1#recit")

    def approve(self, request):
        decisions.approve(self.submission, request.user)
        messages.success(request, _("%(name)s est approuvé et publié.") % {"name": self.submission})
        return redirect("temoignages_admin:review_queue")

    def refuse(self, request):
        form = RefusalForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Le refus n'a pas été enregistré : indiquez son motif."))
            return self.render_to_response(self.get_context_data(refusal_form=form))
        decisions.refuse(self.submission, request.user, form.cleaned_data["reason"], form.cleaned_data["details"])
        messages.success(request, _("%(name)s est refusé : il ne sera pas publié.") % {"name": self.submission})
        return redirect("temoignages_admin:review_queue")
