"""Retention (GDPR): contact form messages are erased ``CONTACT_RETENTION_DAYS`` after receipt.

The message was e-mailed to the campaign when it arrived (``site_parlons.ops.mail``); the copy
Wagtail's form builder keeps in the database (``FormSubmission``) only serves the admin listing.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.forms.models import FormSubmission

from campagne.models import ContactPage


def expired_contact_messages(now):
    cutoff = now - timedelta(days=settings.CONTACT_RETENTION_DAYS)
    page_type = ContentType.objects.get_for_model(ContactPage)
    return FormSubmission.objects.filter(page__content_type=page_type, submit_time__lt=cutoff)


def purge_contact_messages(now) -> int:
    """Delete the expired messages; how many."""
    deleted, _ = expired_contact_messages(now).delete()
    return deleted
