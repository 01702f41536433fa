"""The site's page QuerySet: what a visitor may see, and the listings' filters."""

from wagtail.models import PageManager
from wagtail.query import PageQuerySet


class SitePageQuerySet(PageQuerySet):
    """Every page type of the site queries through this (``BasePage.objects``); the campaign's
    and the testimonies' QuerySets extend it.

    ``of_type`` and ``tagged`` read the page's harassment type (``harassment_type_lookup``)
    and its tags, the two filters of the listings (``?type=``, ``?tag=``).
    """

    harassment_type_lookup = "harassment_type__code"

    def published(self):
        """What a visitor may see: live pages outside every restricted section (password,
        login, groups). Wagtail's ``public()`` reads the restrictions in one query per call."""
        return self.live().public()

    def of_type(self, code: str):
        """Pages of the harassment type ``code`` (the same in every language)."""
        return self.filter(**{self.harassment_type_lookup: code})

    def tagged(self, slug: str):
        return self.filter(tags__slug=slug)


SitePageManager = PageManager.from_queryset(SitePageQuerySet)
