"""The form, thank-you and status views of ``TestimonyFormPage`` (served through its routes).

Every response here is ``Cache-Control: no-store``: it holds a CSRF token, typed text or a
receipt code, none of which may sit in a shared cache or the browser's history cache.
"""

from __future__ import annotations

from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from home.antispam import EXPIRED, OK, RateLimit
from temoignages import services
from temoignages.forms import ReceiptCodeForm, TestimonyForm
from temoignages.receipts import new_receipt_code

# (count, seconds) per client, overridable in settings: accepted testimonies, and status-page lookups.
SUBMISSIONS = RateLimit("temoignages.submit", limit=5, window=3600, setting="TESTIMONY_RATE_LIMIT")
STATUS_LOOKUPS = RateLimit("temoignages.status", limit=10, window=900, setting="TESTIMONY_STATUS_RATE_LIMIT")


def _no_store(response):
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True, private=True)
    return response


def _render(request, page, template: str, extra: dict, status: int = 200):
    context = page.get_context(request)
    context.update(extra)
    return _no_store(TemplateResponse(request, template, context, status=status))


def testimony_form_view(request, page):
    if request.method == "POST":
        return _handle_submission(request, page)
    form = TestimonyForm(page=page)
    return _render(request, page, page.get_template(request), {"form": form})


def _form_again(request, page, form, status: int):
    """The form redisplayed with what was typed; 3114 and 112 on top if the story calls for them."""
    extra = {"form": form, "suicide_risk": services.story_mentions_suicide_risk(form.data)}
    return _render(request, page, page.get_template(request), extra, status=status)


def _thank_you(request, page, code: str | None, suicide_risk: bool = False):
    return _render(
        request,
        page,
        "temoignages/thank_you.html",
        {"receipt_code": code, "status_url": page.status_url(request), "suicide_risk": suicide_risk},
    )


def _handle_submission(request, page):
    form = TestimonyForm(request.POST, page=page)
    if form.spam_verdict not in {OK, EXPIRED}:
        # A bot: the same page a person would see, with a code that leads nowhere. Nothing stored.
        return _thank_you(request, page, new_receipt_code())

    if SUBMISSIONS.exceeded(request):
        form.is_valid()  # keep the typed text and show field errors too
        form.add_error(
            None,
            _(
                "Vous avez envoyé plusieurs témoignages en peu de temps. Votre texte est conservé ci-dessous : "
                "réessayez dans une heure."
            ),
        )
        return _form_again(request, page, form, 429)
    if form.spam_verdict == EXPIRED:
        form.is_valid()
        form.renew_token()
        form.add_error(None, _("Le formulaire est resté ouvert longtemps : vérifiez votre texte et envoyez-le à nouveau."))
        return _form_again(request, page, form, 400)
    if not form.is_valid():
        return _form_again(request, page, form, 400)
    if not form.claim_token():
        # The same form sent twice (double click, reload): already saved, say so without a second record.
        return _thank_you(request, page, None, services.story_mentions_suicide_risk(form.cleaned_data))

    submission, code = services.save_submission(form.cleaned_data, page)
    SUBMISSIONS.hit(request)
    services.process_submission(submission)
    return _thank_you(request, page, code, submission.suicide_risk)


def testimony_status_view(request, page):
    if request.method != "POST":
        return _render(request, page, "temoignages/status.html", {"form": ReceiptCodeForm()})

    form = ReceiptCodeForm(request.POST)
    extra = {"form": form}
    if STATUS_LOOKUPS.exceeded(request):
        extra["result"] = "rate_limited"
        return _render(request, page, "temoignages/status.html", extra, status=429)
    STATUS_LOOKUPS.hit(request)
    if not form.is_valid():
        return _render(request, page, "temoignages/status.html", extra, status=400)

    submission = services.find_by_receipt(form.cleaned_data["code"])
    result = services.public_status(submission)
    if submission is not None and request.POST.get("action") == "withdraw":
        if form.cleaned_data["confirm"]:
            services.withdraw(submission)
            result = "withdrawn"
        else:
            form.add_error("confirm", _("Cochez la case pour confirmer le retrait."))
    extra.update({"result": result, "testimony": submission.page if result == "published" else None})
    return _render(request, page, "temoignages/status.html", extra)
