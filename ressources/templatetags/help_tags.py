"""The helpline component, shown wherever a visitor may need help.

Contract used by every app (keep it stable):

    {% load help_tags %}
    {% helplines harassment_type="scolaire" audience="mineur" urgent=False %}

``harassment_type`` is a ``HarassmentType.code`` (or a HarassmentType), ``audience`` an
``ressources.choices.Audience`` code (``mineur``, ``adulte``…) or empty; an unknown value
counts as empty. Lines come from ``ressources.routing.lines_for``; the component may be
included several times on a page, so it uses no ``id``.
"""

from django import template

from ressources.choices import Audience
from ressources.models import Urgency
from ressources.routing import lines_for

register = template.Library()


@register.inclusion_tag("ressources/components/helplines.html", takes_context=True)
def helplines(context, harassment_type=None, audience="", urgent=False, heading_level=2):
    code = getattr(harassment_type, "code", harassment_type) or ""
    audience = audience if audience in Audience.values else ""
    page = context.get("page")
    locale = getattr(page, "locale", None)
    lines = lines_for(str(code), audience, bool(urgent), locale=locale)
    return {
        "emergency_lines": [line for line in lines if line.urgency == Urgency.EMERGENCY],
        "other_lines": [line for line in lines if line.urgency != Urgency.EMERGENCY],
        "urgent": bool(urgent),
        "heading_tag": "h3" if str(heading_level) == "3" else "h2",
        "request": context.get("request"),
    }


@register.simple_tag(takes_context=True)
def helplines_made_for(context, audience: str) -> list:
    """``{% helplines_made_for "mineur" as lines %}``: the lines meant for that audience in
    particular, in the page's language (``Helpline.objects.made_for``)."""
    from ressources.models import Helpline

    if audience not in Audience.values:
        return []
    page = context.get("page")
    return list(Helpline.objects.made_for(audience, locale=getattr(page, "locale", None)))


@register.simple_tag
def risk_words_json() -> str:
    """The suicidal-risk words, folded, as JSON for the form's script (escaped by the template)."""
    import json

    from home.risk import fold, risk_words

    return json.dumps(sorted({fold(word) for word in risk_words() if fold(word)}))
