"""What happens to a testimony: saved, turned into a draft in the workflow, withdrawn, erased.

Order matters: the private record is committed first, on its own; everything after it (page,
workflow, notifications) may fail and is re-done by ``repair_missing_pages``.
"""

from __future__ import annotations

import logging
import random
import time

from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables
from wagtail.models import ModelLogEntry, Page, PageLogEntry, WorkflowState

from home.risk import text_mentions_suicide_risk
from temoignages.choices import Status
from temoignages.models import TestimonyCounter, TestimonyIndexPage, TestimonyPage, TestimonySubmission
from temoignages.moderation import get_moderation_workflow
from temoignages.permissions import creating_testimonies
from temoignages.receipts import hash_receipt, new_receipt_code

logger = logging.getLogger(__name__)

PAGE_CREATION_ATTEMPTS = 6


# Error reports hide every local of these and of all they call: the story, the e-mail, the code.
@sensitive_variables()
def save_submission(data: dict, form_page) -> tuple[TestimonySubmission, str]:
    """Commit the private record and return it with the receipt code (never stored in clear)."""
    code = new_receipt_code()
    # Read before the transaction: a failure to read the word list must not lose the record.
    suicide_risk = story_mentions_suicide_risk(data)
    with transaction.atomic():
        submission = TestimonySubmission.objects.create(
            locale=form_page.locale,
            form_page=form_page,
            harassment_type=data["harassment_type"],
            role=data["role"],
            title=data.get("title", ""),
            story=data["story"],
            pseudonym=data.get("pseudonym", ""),
            age_range=data.get("age_range", ""),
            region=data.get("region", ""),
            consent_publication=data["consent_publication"],
            consent_processing=data["consent_processing"],
            consent_text_version=form_page.consent_text_version,
            consented_at=timezone.now(),
            contact_email=data.get("contact_email", ""),
            receipt_hash=hash_receipt(code),
            suicide_risk=suicide_risk,
        )
    return submission, code


@sensitive_variables()
def story_mentions_suicide_risk(data) -> bool:
    """Whether the proposed title or the story (cleaned data or raw POST) holds a risk word.

    Errs on the side of showing help: if the editors' list cannot be read, the built-in
    list is used.
    """
    title, story = str(data.get("title") or ""), str(data.get("story") or "")
    if not (title or story):
        return False
    try:
        return text_mentions_suicide_risk(title, story)
    except Exception as exc:
        from home.risk import DEFAULT_RISK_WORDS, mentions_risk

        logger.warning("risk words unavailable (%s): built-in list used", type(exc).__name__)
        defaults = [word for words in DEFAULT_RISK_WORDS.values() for word in words]
        return mentions_risk(f"{title}\n{story}", defaults)


def find_index(submission: TestimonySubmission) -> TestimonyIndexPage | None:
    """The index the form lives under, or else the testimony index of the submission's language."""
    if submission.form_page_id:
        parent = submission.form_page.get_parent().specific
        if isinstance(parent, TestimonyIndexPage):
            return parent
    qs = TestimonyIndexPage.objects.all()
    if submission.locale_id:
        qs = qs.filter(locale_id=submission.locale_id)
    return qs.order_by("path").first()


def _create_page_locked(submission_id: int) -> TestimonyPage | None:
    submission = TestimonySubmission.objects.select_for_update().get(pk=submission_id)
    if submission.page_id:
        return submission.page
    index = find_index(submission)
    if index is None:
        raise LookupError("no testimony index page to create the draft under")
    # Lock the parent row: concurrent add_child calls would otherwise compute the same
    # treebeard path for their new child. Reload it after the lock so numchild is current.
    parent = Page.objects.select_for_update().get(pk=index.pk)
    with translation.override(index.locale.language_code):
        title = _("Témoignage n° %(number)s") % {"number": submission.pk}
    harassment_type = submission.harassment_type
    if harassment_type is not None and harassment_type.locale_id != index.locale_id:
        harassment_type = harassment_type.get_translation_or_none(index.locale) or harassment_type
    page = TestimonyPage(
        title=title,
        slug=f"temoignage-{submission.pk}",
        locale=index.locale,
        live=False,
        has_unpublished_changes=True,
        show_in_menus=False,
        harassment_type=harassment_type,
        role=submission.role,
        headline=submission.title,
        pseudonym=submission.pseudonym,
        age_range=submission.age_range,
        region=submission.region,
        story=submission.story,
    )
    with creating_testimonies():
        parent.add_child(instance=page)
    page.save_revision(log_action=False)
    submission.page = page
    submission.save(update_fields=["page"])
    get_moderation_workflow().start(page, None)
    return page


def create_page(submission: TestimonySubmission) -> TestimonyPage | None:
    """Create the draft page and start the workflow; retries when the tree is contended."""
    for attempt in range(1, PAGE_CREATION_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                return _create_page_locked(submission.pk)
        except (IntegrityError, OperationalError):
            if attempt == PAGE_CREATION_ATTEMPTS:
                raise
            time.sleep(random.uniform(0.02, 0.1) * attempt)  # noqa: S311 - jitter, not security
    return None


def process_submission(submission: TestimonySubmission) -> TestimonyPage | None:
    """Everything after the record is saved. Never raises: the record is safe, repair re-does it."""
    try:
        return create_page(submission)
    except Exception as exc:
        # The class name only: messages may quote the data.
        logger.error("testimony %s: draft page not created (%s); run repair_testimonies", submission.pk, type(exc).__name__)
        return None


def ensure_in_workflow(page: TestimonyPage) -> bool:
    """Start the moderation workflow on a draft that is not in one. True if it was started."""
    if page.live or page.workflow_in_progress:
        return False
    if page.get_latest_revision() is None:
        page.save_revision(log_action=False)
    get_moderation_workflow().start(page, None)
    return True


def repair_missing_pages() -> dict[str, int]:
    """Re-create what a failure left out: draft pages and workflow starts. Idempotent."""
    done = {"pages": 0, "workflows": 0, "failed": 0}
    for submission in TestimonySubmission.objects.pending().select_related("page"):
        try:
            if submission.page_id is None:
                if create_page(submission) is not None:
                    done["pages"] += 1
            elif ensure_in_workflow(submission.page):
                done["workflows"] += 1
        except Exception as exc:
            done["failed"] += 1
            logger.error("testimony %s: repair failed (%s)", submission.pk, type(exc).__name__)
    return done


@sensitive_variables()
def find_by_receipt(code: str) -> TestimonySubmission | None:
    return TestimonySubmission.objects.with_receipt(hash_receipt(code)).select_related("page").first()


def erase_page(page: Page) -> None:
    """Unpublish and delete a testimony page with every trace of its text.

    Deleting the page takes its revisions, workflow and task states (with their comments),
    comments, tags and search entries with it; the log entries (which keep titles and the
    reasons given) are deleted explicitly, as the page deletion writes one more.
    """
    page = page.specific
    page_id = page.pk
    if page.live:
        page.unpublish(log_action=False)
    WorkflowState.objects.for_instance(page).delete()
    page.delete()
    PageLogEntry.objects.filter(page_id=page_id).delete()
    transaction.on_commit(scrub_search_index)


FTS_TABLE = "wagtailsearch_indexentry_fts"


def scrub_search_index() -> None:
    """SQLite's FTS5 keeps deleted words in its segments until they are merged: merge them now.

    (PostgreSQL deletes the row with its tsvector; nothing to do there.)
    """
    if connection.vendor != "sqlite" or FTS_TABLE not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('optimize')")  # noqa: S608 - constant name


def erase_submission(submission: TestimonySubmission) -> None:
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(TestimonySubmission)
    ModelLogEntry.objects.filter(content_type=content_type, object_id=str(submission.pk)).delete()
    submission.delete()


@transaction.atomic
def withdraw(submission: TestimonySubmission) -> None:
    """The author takes their testimony back: page and record erased, one anonymous tally kept."""
    if submission.page_id:
        erase_page(submission.page)
    erase_submission(submission)
    TestimonyCounter.increment("withdrawn")


def public_status(submission: TestimonySubmission | None) -> str:
    """What the status page may say: ``pending``, ``published``, ``not_published`` or ``unknown``."""
    if submission is None or submission.status == Status.WITHDRAWN:
        return "unknown"
    if submission.status == Status.PUBLISHED and submission.page_id and submission.page.live:
        return "published"
    if submission.status == Status.PENDING:
        return "pending"
    return "not_published"
