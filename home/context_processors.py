from django.conf import settings


def site_context(request):
    """Values every template needs, computed without a query."""
    return {"QUICK_EXIT_URL": getattr(settings, "QUICK_EXIT_URL", "https://www.meteofrance.com/")}
