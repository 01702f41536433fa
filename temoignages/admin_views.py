"""Moderators' admin views: CSV export of the private records, repair of missing pages."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from temoignages import services
from temoignages.choices import Status
from temoignages.models import TestimonySubmission

EXPORT_COLUMNS = [
    ("id", "id"),
    ("reçu le", "created_at"),
    ("langue", "locale"),
    ("type", "harassment_type"),
    ("rôle", "role"),
    ("statut", "status"),
    ("décidé le", "decided_at"),
    ("titre proposé", "title"),
    ("récit d'origine", "story"),
    ("pseudonyme", "pseudonym"),
    ("tranche d'âge", "age_range"),
    ("région", "region"),
    ("version du consentement", "consent_text_version"),
    ("consentement le", "consented_at"),
    ("base légale", "legal_basis"),
    ("page", "page"),
]


def _cell(value) -> str:
    """Text for a spreadsheet: no formula may run when the file is opened (CSV injection)."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


def _value(submission: TestimonySubmission, attribute: str):
    if attribute == "locale":
        return submission.locale.language_code if submission.locale_id else ""
    if attribute == "harassment_type":
        return submission.harassment_type.code if submission.harassment_type_id else ""
    if attribute == "page":
        return submission.page_id or ""
    value = getattr(submission, attribute)
    return value.isoformat() if hasattr(value, "isoformat") else value


def filtered_submissions(params) -> tuple:
    qs = TestimonySubmission.objects.select_related("locale", "harassment_type")
    status = params.get("status")
    if status in Status.values:
        qs = qs.filter(status=status)
    type_code = params.get("type")
    if type_code:
        qs = qs.filter(harassment_type__code=type_code[:40])
    return qs


@require_http_methods(["GET"])
def export_csv(request):
    if not request.user.has_perm("temoignages.export_testimonysubmission"):
        raise PermissionDenied
    with_email = request.GET.get("contact") == "1"
    columns = EXPORT_COLUMNS + ([("e-mail de contact", "contact_email")] if with_email else [])
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="temoignages-{stamp}.csv"'
    response["Cache-Control"] = "no-store, private"
    response.write("\ufeff")  # lets spreadsheet software read UTF-8 accents correctly
    writer = csv.writer(response)
    writer.writerow([label for label, _ in columns])
    for submission in filtered_submissions(request.GET):
        writer.writerow([_cell(_value(submission, attribute)) for _, attribute in columns])
    return response


@require_http_methods(["GET", "POST"])
def repair(request):
    if not request.user.has_perm("temoignages.change_testimonysubmission"):
        raise PermissionDenied
    if request.method == "POST":
        done = services.repair_missing_pages()
        messages.success(
            request,
            _("%(pages)s page(s) recréée(s), %(workflows)s relecture(s) relancée(s), %(failed)s échec(s).") % done,
        )
        return redirect("wagtailsnippets_temoignages_testimonysubmission:list")
    missing = TestimonySubmission.objects.missing_page().count()
    return TemplateResponse(request, "temoignages/admin/repair.html", {"missing": missing})
