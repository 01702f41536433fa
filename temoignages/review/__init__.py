"""The moderators' review desk: one screen per testimony where it is read, redacted and decided."""

from django.urls import reverse


def review_url(submission_pk: int) -> str:
    """The review screen of the private record ``submission_pk``: where moderators read, redact,
    decide and talk with the author."""
    return reverse("temoignages_admin:review", args=[submission_pk])
