import hashlib

from django.conf import settings
from django.utils.functional import cached_property
from django.utils.translation import get_language


def site_context(request):
    """Values every template needs, computed without a query."""
    return {
        "QUICK_EXIT_URL": getattr(settings, "QUICK_EXIT_URL", "https://www.meteofrance.com/"),
        "layout_cache": LayoutCache(request),
    }


class LayoutCache:
    """What the ``{% cache %}`` fragments of the layout (menu, breadcrumbs, language links,
    footer, social meta) and of the home page's sections are keyed on, computed only when a
    fragment asks.

    The fragments live in the page cache's alias and are keyed on its generation, so whatever
    invalidates cached pages (publishing, moving, editing a snippet or a setting…) invalidates
    them too. They serve the pages the full-page cache cannot (with a form, for a logged-in
    user, a miss): the layout then costs one cache lookup instead of about fifteen queries.
    ``FRAGMENT_CACHE_SECONDS`` (default: ``PAGE_CACHE_SECONDS``) bounds their life; 0, DEBUG
    and previews (a draft must never be served from, nor stored in, the cache) turn them off.
    """

    def __init__(self, request):
        self.request = request

    @cached_property
    def seconds(self) -> int:
        if settings.DEBUG or getattr(self.request, "is_preview", False):
            return 0
        return int(getattr(settings, "FRAGMENT_CACHE_SECONDS", 0) or 0)

    @cached_property
    def generation(self) -> int:
        from home.cache import current_generation

        if not self.seconds:
            return 0
        try:
            return current_generation()
        except Exception:  # the cache being down must never take the site down
            return 0

    @cached_property
    def key(self) -> str:
        """For fragments of this page: generation, language, host and path (what the menu's
        current item, the breadcrumbs and the language links depend on).

        Never the query string: no fragment depends on it (the one part that does, the
        language switcher outside a page, is rendered uncached), and keying on it would store
        the same fragments again for every search and every ``?utm_…`` or made-up query.
        """
        return self._key(self.request.path if self.request is not None else "")

    @cached_property
    def site_key(self) -> str:
        """For fragments the same on every page of the site (the footer)."""
        return self._key("")

    def _key(self, path: str) -> str:
        host = self.request.get_host() if self.request is not None else ""
        raw = f"{self.generation}|{get_language()}|{host}|{path}"
        return hashlib.sha256(raw.encode()).hexdigest()[:32]
