"""Helpline routing: which lines to show for a harassment type, an audience and an urgency.

``rank_lines`` is pure Python over objects that expose ``urgency``, ``type_codes``,
``audiences`` and ``sort_order``, so its rules are tested without a database;
``lines_for`` fetches the candidate lines (two queries) and ranks them.

Rules, in order:
1. A line is kept when it serves the audience (it lists it, lists « everyone », or lists
   nobody) and the type (it lists it, or lists no type at all).
2. When the visitor is in immediate danger (``urgent``), emergency lines (17, 112, 114)
   come first; otherwise they come last, so that they are always within reach.
3. Among the others, lines that name the type explicitly come before general ones, then
   urgent lines before listening lines, then the editors' order.
4. At most ``limit`` non-emergency lines, so the component stays short on a phone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from ressources.choices import URGENCY_RANK, Audience, Urgency

DEFAULT_LIMIT = 5


class RoutableLine(Protocol):
    urgency: str
    audiences: list[str]
    sort_order: int | None

    @property
    def type_codes(self) -> set[str]: ...


def serves_audience(line: RoutableLine, audience: str) -> bool:
    if not audience or not line.audiences:
        return True
    return audience in line.audiences or Audience.EVERYONE in line.audiences


def serves_type(line: RoutableLine, code: str) -> bool:
    codes = line.type_codes
    return not code or not codes or code in codes


def rank_lines(
    lines: Iterable[RoutableLine],
    harassment_type: str = "",
    audience: str = "",
    urgent: bool = False,
    limit: int = DEFAULT_LIMIT,
) -> list:
    """Order and trim ``lines`` for a situation (see the module docstring for the rules)."""
    fitting = [line for line in lines if serves_audience(line, audience) and serves_type(line, harassment_type)]
    emergency = [line for line in fitting if line.urgency == Urgency.EMERGENCY]
    others = [line for line in fitting if line.urgency != Urgency.EMERGENCY]
    others.sort(
        key=lambda line: (
            0 if harassment_type and harassment_type in line.type_codes else 1,
            URGENCY_RANK.get(line.urgency, 9),
            line.sort_order if line.sort_order is not None else 10_000,
        )
    )
    emergency.sort(key=lambda line: line.sort_order if line.sort_order is not None else 10_000)
    others = others[:limit]
    return emergency + others if urgent else others + emergency


def lines_for(harassment_type_code: str = "", audience: str = "", urgent: bool = False, locale=None) -> list:
    """The helplines that fit, best first, from the lines editors entered in ``locale``."""
    from ressources.models import Helpline

    return Helpline.objects.for_situation(harassment_type_code, audience, urgent, locale=locale)
