"""What the templates' ``{% wagtailcache %}`` / ``{% wagtailpagecache %}`` fragments need.

The layout (menu, breadcrumbs, language links, footer, head meta) and the home page's sections
are cached as fragments for the requests the whole-page cache does not serve (a page with a
form, a logged-in visitor, a miss). Every fragment varies on ``CONTENT_VERSION``, the page
cache's generation: whatever makes cached pages stale (publishing, unpublishing, moving or
deleting a page, a view restriction, a snippet or a setting saved) makes every fragment stale
in the same step, in every worker, at the next request. Wagtail's tags leave previews out.
"""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from site_parlons.ops.pagecache import content_version


def fragment_seconds() -> int:
    """``FRAGMENT_CACHE_SECONDS``; 0 (nothing kept) with DEBUG, so templates edited show at once."""
    if settings.DEBUG:
        return 0
    return int(getattr(settings, "FRAGMENT_CACHE_SECONDS", 0) or 0)


def fragment_cache(request):
    seconds = fragment_seconds()
    return {
        "FRAGMENT_CACHE_SECONDS": seconds,
        # Read from the cache only when a fragment asks (one read per request).
        "CONTENT_VERSION": SimpleLazyObject(content_version) if seconds else 0,
    }
