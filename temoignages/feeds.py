"""RSS and Atom feeds of the published testimonies.

Only what the testimony page itself shows: live, public pages (``published()``), their
moderated text and type. Never a private record, a pseudonym, an age or a region.
"""

from django.utils import translation
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from home.feeds import ListingFeed


class TestimonyFeed(ListingFeed):
    """The newest published testimonies of one index page (``?type=`` and ``?tag=`` honoured)."""

    def item_title(self, item):
        return item.display_title

    def item_description(self, item):
        # A story a moderator folded behind a warning is not unfolded in a feed reader.
        if item.has_content_warning:
            with translation.override(self.language):
                return _("Avertissement : %(warning)s. Le récit est à lire sur le site.") % {
                    "warning": item.warning_line()
                }
        # Readers render a description as HTML: the story is escaped, its paragraphs kept.
        return linebreaks(item.story, autoescape=True)

    def item_categories(self, item):
        categories = [item.harassment_type.name] if item.harassment_type_id else []
        return categories + [tag.name for tag in item.tags.all()]
