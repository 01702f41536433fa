"""Tags of the page head: Open Graph data, JSON-LD structured data, absolute addresses."""

from django import template
from django.apps import apps

from home import sharing, structured_data
from home.sites import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def share_meta(context):
    """The Open Graph values of the current page (or of a view without one)."""
    return sharing.share_meta(context.get("page"), context.get("request"))


@register.simple_tag(takes_context=True)
def structured_data_scripts(context):
    """The JSON-LD documents of the current page, each already escaped for a ``<script>``."""
    return structured_data.scripts_for(context.get("page"), context.get("request"))


@register.filter
def absolute(url):
    """``url`` made absolute on SITE_URL (unchanged when it already is)."""
    return absolute_url(str(url)) if url else ""


@register.simple_tag
def testimony_index(home, sections=None):
    """The live, public testimony index under ``home`` (its feeds are announced there), or None.

    Found among ``sections`` (the home page's menu children, which the page lists anyway)
    without a query of its own when it is one of them.
    """
    if home is None:
        return None
    TestimonyIndexPage = apps.get_model("temoignages", "TestimonyIndexPage")
    for section in sections or ():
        if isinstance(section, TestimonyIndexPage):
            return section
    return TestimonyIndexPage.objects.child_of(home).published().first()
