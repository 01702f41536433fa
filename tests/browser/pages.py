"""Which URLs are "every public page type": derived from the content, so new types are covered."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class PublicUrl:
    label: str
    path: str
    status: int = 200

    def __str__(self) -> str:
        return f"{self.label} ({self.path})"


def page_type_urls(language: str) -> list[PublicUrl]:
    """One live public page of each page type in ``language``, plus the views that are not pages."""
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Page

    seen: dict[str, PublicUrl] = {}
    pages = Page.objects.live().public().filter(locale__language_code=language).specific().order_by("path")
    for page in pages:
        name = type(page).__name__
        url = page.get_url()
        if name not in seen and url:
            seen[name] = PublicUrl(f"{name} [{language}]", url)
    with translation.override(language):
        search = reverse("search")
    extra = [
        PublicUrl(f"search results [{language}]", f"{search}?q=harcelement"),
        PublicUrl(f"empty search [{language}]", search),
        PublicUrl(f"not found [{language}]", f"/{language}/cette-page-n-existe-pas/", status=404),
    ]
    return list(seen.values()) + extra


def all_page_urls(language: str) -> list[PublicUrl]:
    """Every live public page in ``language`` (for checks cheap enough to run on each page)."""
    from wagtail.models import Page

    pages = Page.objects.live().public().filter(locale__language_code=language).specific().order_by("path")
    return [PublicUrl(f"{page.title} [{language}]", url) for page in pages if (url := page.get_url())]
