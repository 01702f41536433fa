from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from search import views as search_views

from . import views
from .sitemaps import I18nSitemap

handler400 = "site_parlons.views.bad_request"
handler404 = "site_parlons.views.page_not_found"
handler500 = "site_parlons.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": I18nSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("opensearch.xml", search_views.opensearch, name="opensearch"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    from django.views.static import serve

    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += i18n_patterns(
    path("recherche/", search_views.search, name="search"),
    # Wagtail's page serving last: it catches everything not matched above.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Health check for load balancers (outside the language prefixes, never cached).
from site_parlons.ops import health  # noqa: E402

urlpatterns += [path("healthz", health.healthz, name="healthz")]
