from django.urls import path
from wagtail import hooks
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView
from wagtail.snippets.models import register_snippet

from home.snippet_views import OneLanguageSnippetViewSet

from .models import DistressVocabulary
from .retention import reportable_search_terms


class DistressVocabularyViewSet(OneLanguageSnippetViewSet):
    model = DistressVocabulary
    icon = "warning"
    menu_label = DistressVocabulary._meta.verbose_name_plural
    list_display = ["name"]


register_snippet(DistressVocabularyViewSet)


class RecentSearchTermsReportView(SearchTermsReportView):
    """Wagtail's « Termes de recherche » report, limited to what ``search.retention`` keeps."""

    def get_base_queryset(self):
        return reportable_search_terms()


@hooks.register("register_admin_urls")
def register_admin_urls():
    # The addresses of Wagtail's own report: this app comes before wagtail.contrib.search_promotions
    # in INSTALLED_APPS, so these patterns come first and answer them (its menu item and links too).
    return [
        path("searchpicks/reports/search-terms/", RecentSearchTermsReportView.as_view(), name="search_terms_recent"),
        path(
            "searchpicks/reports/search-terms/results/",
            RecentSearchTermsReportView.as_view(results_only=True),
            name="search_terms_recent_results",
        ),
    ]
