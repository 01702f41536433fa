"""Query logic of the campaign listings, on QuerySets rather than in views or templates."""

from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from home.cache import public_q


class CampaignPageQuerySet(PageQuerySet):
    def published(self):
        """What a visitor may see: live, public pages."""
        return self.live().filter(public_q())

    def of_type(self, code: str):
        """Pages tagged with the harassment type ``code`` (the same in every language)."""
        return self.filter(harassment_types__code=code).distinct()

    def tagged(self, slug: str):
        return self.filter(tags__slug=slug).distinct()

    def newest_first(self):
        return self.order_by("-first_published_at", "-pk")


CampaignPageManager = PageManager.from_queryset(CampaignPageQuerySet)
