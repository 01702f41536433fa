"""RSS and Atom feeds of a listing page (django.contrib.syndication), shared by every app."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from home.sites import absolute_url

FEED_LENGTH = 20


class ListingFeed(Feed):
    """The newest live, public children of one index page, in that page's language.

    Every address in the feed is absolute on SITE_URL (pages through the Wagtail site,
    the feed's own address here), never on the Host header of the request.
    """

    def __init__(self, index_page, atom: bool = False):
        super().__init__()
        self.index_page = index_page
        self.feed_type = Atom1Feed if atom else Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.language = self.index_page.locale.language_code
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.index_page.title} — Parlons Harcèlement"

    def link(self):
        return self.index_page.get_full_url(self.request)

    def feed_url(self):
        return absolute_url(self.request.path)

    def description(self):
        return self.index_page.intro or self.index_page.title

    subtitle = description

    def items(self):
        return self.index_page.get_listing_queryset(self.request)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro or getattr(item, "summary", "") or item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        tags = getattr(item, "tags", None)
        return [tag.name for tag in tags.all()] if tags is not None else []
