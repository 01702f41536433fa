"""Query logic of the campaign listings, on QuerySets rather than in views or templates."""

from wagtail.models import PageManager

from home.models.querysets import SitePageQuerySet


class CampaignPageQuerySet(SitePageQuerySet):
    # A campaign page may treat several harassment types: a page matches once, whichever
    # of its types (or tags) the filter names.
    harassment_type_lookup = "harassment_types__code"

    def of_type(self, code: str):
        return super().of_type(code).distinct()

    def tagged(self, slug: str):
        return super().tagged(slug).distinct()

    def newest_first(self):
        return self.order_by("-first_published_at", "-pk")


CampaignPageManager = PageManager.from_queryset(CampaignPageQuerySet)
