"""Sitemap of every language: Wagtail's lists the default site root's tree only (French)."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap


class I18nSitemap(Sitemap):
    """Live public pages of the site root and of its translations (``/fr/`` and ``/en/``),
    each with ``hreflang`` alternates pointing at its translations."""

    def items(self):
        from wagtail.models import Page

        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for root in roots:
            in_a_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_a_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        from wagtail.models import Page

        urls = super()._urls(page, protocol, domain)
        keys = {item.translation_key for item in self.paginator.page(page).object_list}
        translations = defaultdict(list)
        for translation in Page.objects.filter(translation_key__in=keys).live().public().select_related("locale"):
            translations[translation.translation_key].append(translation)
        by_location = {}
        for pages in translations.values():
            if len(pages) < 2:
                continue
            alternates = [
                {"lang_code": p.locale.language_code, "location": p.get_full_url(self.request)} for p in pages
            ]
            for alternate in alternates:
                by_location[alternate["location"]] = alternates
        for url_info in urls:
            if url_info["location"] in by_location:
                url_info["alternates"] = by_location[url_info["location"]]
        return urls
