"""The form, thank-you and status views of ``TestimonyFormPage`` (served through its routes).

Every response here is ``Cache-Control: no-store``: it holds a CSRF token, typed text or a
receipt code, none of which may sit in a shared cache or the browser's history cache.
"""

from __future__ import annotations

from urllib.parse import quote

from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from site_parlons.ops.form_protection import EXPIRED, RateLimit
from temoignages import author_messages, services
from temoignages.choices import MessageKind, Status
from temoignages.forms import AuthorAnswerForm, ReceiptCodeForm, TestimonyForm

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


# An error report (the 500 e-mail to ADMINS, a debug page) shows "********" for every field (a
# story, a pseudonym, a contact e-mail, a receipt code) and for every local variable of the view
# and of all it calls (the form's data, the ORM's arguments).
@sensitive_variables()
@sensitive_post_parameters()
def testimony_form_view(request, page):
    if request.method == "POST":
        return _handle_submission(request, page)
    form = TestimonyForm(page=page)
    return _render(request, page, page.get_template(request), {"form": form})


def _form_again(request, page, form, status: int):
    """The form redisplayed with what was typed; 3114 and 112 on top if the story calls for them."""
    extra = {"form": form, "suicide_risk": services.story_mentions_suicide_risk(form.data)}
    return _render(request, page, page.get_template(request), extra, status=status)


RECEIPT_FILE_NAME = "parlons-harcelement-code.txt"


def receipt_file_href(code: str, status_url: str) -> str:
    """A ``data:`` link to a small text file holding the code, in the visitor's language.

    Built in the page rather than served by an endpoint: the code never travels back to the
    server (no request, no log line can hold it), and saving works offline and without
    JavaScript. The site's CSP does not restrict links (only what a page loads).
    """
    text = "\n".join(
        [
            _("Parlons Harcèlement : le code de suivi de votre témoignage"),
            "",
            _("Code : %(code)s") % {"code": code},
            _("Page de suivi : %(url)s") % {"url": status_url},
            "",
            _(
                "Avec ce code, sans compte, vous pouvez savoir si votre témoignage est publié et le retirer à tout "
                "moment. Gardez-le pour vous : nous ne pouvons pas le retrouver."
            ),
            "",
        ]
    )
    return "data:text/plain;charset=utf-8," + quote(text, safe="")


def _thank_you(request, page, code: str | None, form: TestimonyForm, suicide_risk: bool = False):
    status_url = page.status_url(request)
    extra = {
        "receipt_code": code,
        "status_url": status_url,
        "suicide_risk": suicide_risk,
        "under_15": form.is_under_15,
        "email_discarded": form.email_discarded,
    }
    if code:
        extra["receipt_file_href"] = receipt_file_href(code, request.build_absolute_uri(status_url))
        extra["receipt_file_name"] = RECEIPT_FILE_NAME
    return _render(request, page, "temoignages/thank_you.html", extra)


def _handle_submission(request, page):
    # A doubtful submission (honeypot, too fast, forged token) is refused by the form itself
    # (TestimonyForm.spam_messages): a 400 with the text kept, never a decoy thank-you.
    form = TestimonyForm(request.POST, page=page)
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
        return _thank_you(request, page, None, form, services.story_mentions_suicide_risk(form.cleaned_data))

    submission, code = services.save_submission(form.cleaned_data, page)
    SUBMISSIONS.hit(request)
    services.process_submission(submission)
    return _thank_you(request, page, code, form, submission.suicide_risk)


ANSWER_ACTIONS = ("answer", "accept")


@sensitive_variables()
@sensitive_post_parameters()
def testimony_status_view(request, page):
    if request.method != "POST":
        return _render(request, page, "temoignages/status.html", {"form": ReceiptCodeForm()})

    form = ReceiptCodeForm(request.POST)
    action = request.POST.get("action")
    extra = {"form": form}
    if action == "answer":
        # Bound at once: whatever happens (rate limit, wrong code), the typed answer is shown again.
        extra["answer_form"] = AuthorAnswerForm(request.POST)
    if STATUS_LOOKUPS.exceeded(request):
        extra["result"] = "rate_limited"
        return _render(request, page, "temoignages/status.html", extra, status=429)
    STATUS_LOOKUPS.hit(request)
    if not form.is_valid():
        return _render(request, page, "temoignages/status.html", extra, status=400)

    submission = services.find_by_receipt(form.cleaned_data["code"])
    result = services.public_status(submission)
    status = 200
    if submission is not None and action == "withdraw":
        if form.cleaned_data["confirm"]:
            services.withdraw(submission)
            result = "withdrawn"
        else:
            form.add_error("confirm", _("Cochez la case pour confirmer le retrait."))
    elif result != "unknown" and action in ANSWER_ACTIONS:
        status = _answer(submission, action, extra)
    extra.update({"result": result, "testimony": submission.page if result == "published" else None})
    if result not in ("unknown", "withdrawn"):
        extra.update(_conversation(submission, extra))
    return _render(request, page, "temoignages/status.html", extra, status=status)


def _answer(submission, action: str, extra: dict) -> int:
    """Store the author's answer or acceptance; the HTTP status of the page shown next."""
    answer_form = extra.get("answer_form") or AuthorAnswerForm()
    extra["answer_form"] = answer_form
    try:
        if action == "accept":
            author_messages.accept_redaction(submission)
            extra["sent"] = "accepted"
            return 200
        if not answer_form.is_valid():
            return 400
        author_messages.answer(submission, answer_form.cleaned_data["answer"])
    except author_messages.MessageRefused as refused:
        extra["refused"] = refused.message
        return 409
    extra["sent"] = "answer"
    extra["answer_form"] = AuthorAnswerForm()  # sent: an empty box for a next message
    return 200


def _conversation(submission, extra: dict) -> dict:
    """The moderators' messages and the author's answers; the moderators' are read from now on."""
    messages = list(submission.author_messages.conversation())
    if not messages:
        return {}
    author_messages.mark_read([message for message in messages if not message.from_author])
    proposal = author_messages.latest_redaction(submission)
    is_open = submission.status == Status.PENDING
    return {
        "conversation": messages,
        "conversation_open": is_open,
        "latest_redaction_id": proposal.pk if proposal else None,
        "redaction_accepted": author_messages.redaction_accepted(submission),
        "answer_form": extra.get("answer_form") or AuthorAnswerForm(),
        "message_kinds": MessageKind,
    }
