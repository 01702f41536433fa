"""The story as the moderator reads it: what may identify someone marked in place."""

from __future__ import annotations

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from temoignages.pii import KINDS, Detection, detect_personal_data


def _spans(text: str, detections: list[Detection]) -> list[tuple[int, int, str]]:
    """Every occurrence of every detection, as (start, end, kind), without overlaps.

    The detector returns texts, not positions: each is looked for wherever it occurs, ignoring
    case, on word boundaries. Where two overlap (« collège Jean Moulin » and « Jean Moulin »),
    the one starting first wins, the longer one when they start together.
    """
    found = []
    for detection in detections:
        pattern = rf"(?<!\w){re.escape(detection.text)}(?!\w)"
        for match in re.finditer(pattern, text, re.IGNORECASE):
            found.append((match.start(), match.end(), detection.kind))
    found.sort(key=lambda span: (span[0], -(span[1] - span[0])))
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, kind))
    return kept


def highlight_personal_data(text: str, detections: list[Detection] | None = None) -> SafeString:
    """``text`` HTML-escaped, each possible piece of personal data in a ``<mark>`` that names its
    kind (in a title and as a visible label). ``detections`` defaults to the detector's answer."""
    text = text or ""
    if detections is None:
        detections = detect_personal_data(text)
    parts = []
    position = 0
    for start, end, kind in _spans(text, detections):
        parts.append(escape(text[position:start]))
        label = KINDS.get(kind, kind)
        parts.append(
            format_html(
                '<mark class="pii pii--{}" title="{}">{}<span class="pii__kind"> [{}]</span></mark>',
                kind,
                label,
                text[start:end],
                label,
            )
        )
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 - every piece escaped above
