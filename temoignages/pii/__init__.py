"""Spot personal data in a story so that a moderator can redact it before publication.

Deliberately generous: a false alarm costs the moderator a glance, a miss can identify a
victim. Nothing here changes the text; the moderator edits it.

Each detector proposes spans of the text; where spans overlap, the structured ones (e-mail,
link, phone) win, then the longest (« Mme Martin » over « Martin », « IUT de Lens » over
« Lens »). Every ``Detection.text`` is the exact substring of the text, case kept, so that the
review screen can highlight it in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import patterns as p
from .wordlists import (
    AMBIGUOUS_FIRST_NAMES,
    CASE_SENSITIVE_ORGANISATIONS,
    FIRST_NAMES,
    NOT_NAMES,
    ORGANISATIONS,
    PLACES,
)

__all__ = ["KINDS", "Detection", "detect_personal_data", "find_spans", "grouped"]


@dataclass(frozen=True)
class Detection:
    kind: str
    text: str
    #: Offsets of the (first) occurrence in the text; not part of equality.
    start: int = field(default=-1, compare=False)
    end: int = field(default=-1, compare=False)


KINDS = {
    "email": _("adresse e-mail"),
    "phone": _("numéro de téléphone"),
    "url": _("lien ou compte en ligne"),
    "institution": _("établissement, entreprise ou organisation"),
    "place": _("lieu ou adresse"),
    "name": _("nom propre possible"),
}
_KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}
_STRUCTURED = {"email", "url", "phone"}


@dataclass(frozen=True)
class _Lists:
    first_names: frozenset[str]
    lower_first_names: frozenset[str]
    places: re.Pattern | None
    organisations: re.Pattern | None
    everyday_word_organisations: re.Pattern | None


def _alternation(words, flags=0) -> re.Pattern | None:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])", flags)


@lru_cache(maxsize=8)
def _compile_lists(first_names: tuple, places: tuple, organisations: tuple) -> _Lists:
    lower = {n.lower() for n in first_names}
    return _Lists(
        first_names=frozenset(first_names),
        lower_first_names=frozenset(n for n in lower - AMBIGUOUS_FIRST_NAMES if len(n) >= 4),
        places=_alternation(places),
        organisations=_alternation([o for o in organisations if o not in CASE_SENSITIVE_ORGANISATIONS], re.I),
        everyday_word_organisations=_alternation(
            [o for o in organisations if o in CASE_SENSITIVE_ORGANISATIONS]
            + [o.upper() for o in CASE_SENSITIVE_ORGANISATIONS]
        ),
    )


def _lists() -> _Lists:
    """The word lists with the site's additions, compiled once per distinct settings."""
    return _compile_lists(
        tuple(FIRST_NAMES + list(getattr(settings, "TESTIMONY_PII_FIRST_NAMES", []))),
        tuple(PLACES + list(getattr(settings, "TESTIMONY_PII_PLACES", []))),
        tuple(ORGANISATIONS + list(getattr(settings, "TESTIMONY_PII_ORGANISATIONS", []))),
    )


def _is_stop(word: str) -> bool:
    lower = word.lower()
    return lower in NOT_NAMES or lower.split("-")[0] in NOT_NAMES


def _is_first_name(word: str, lists: _Lists) -> bool:
    return word in lists.first_names or word.split("-")[0] in lists.first_names


def _at_sentence_start(text: str, start: int) -> bool:
    """True when only spaces and opening quotes separate ``start`` from a sentence end."""
    i = start - 1
    while i >= 0 and text[i] in p.OPENING:
        i -= 1
    if i < 0 or text[i] in p.SENTENCE_END:
        return True
    if text[i] != ".":
        return False
    # « M. Dupont », « Thomas B. a dit »: the dot of an initial or a title ends no sentence.
    word = p.WORD_BEFORE_DOT_RE.search(text, max(0, i - 30), i)
    if not word:
        return True
    word = word.group(0)
    return not ((len(word) == 1 and word.isupper()) or word in p.TITLE_ABBREVIATIONS)


def _tokens(text: str):
    """Words as (start, end, word), elisions removed (« l'appelle » → « appelle »)."""
    for match in p.TOKEN_RE.finditer(text):
        start, word = match.start(), match.group(0)
        if "'" in word or "’" in word:
            elision = p.ELISION_RE.match(word)
            if elision and (elision.group(0)[0].islower() or not word[len(elision.group(0))].isupper()):
                start += len(elision.group(0))
                word = word[len(elision.group(0)) :]
        end = start + len(word)
        if len(word) == 1 and word.isupper() and text[end : end + 1] == ".":
            end += 1  # an initial keeps its dot
        yield start, end, word


def _part_of_handle(text: str, start: int, end: int) -> bool:
    """A word glued to digits, « _ », « @ » or a dot belongs to a handle, an address or a link."""
    before, after = text[start - 1 : start] if start else "", text[end : end + 1]
    return bool(
        (before and (before in "@_/" or before.isdigit() or (before == "." and text[start - 2 : start - 1].isalnum())))
        or (after and (after in "_@" or after.isdigit()))
        or (after == "." and text[end + 1 : end + 2].isalnum())
    )


def _name_spans(text: str, lists: _Lists):
    """Runs of capitalised words that are not everyday words, and lower-case first names."""
    run: list[tuple[int, int, str]] = []
    for token in _tokens(text):
        start, end, word = token
        initial = len(word) == 1 and end - start == 2
        if word[0].isupper() and (initial or not word.isupper()):
            if _part_of_handle(text, start, end):
                continue
            if run and text[run[-1][1] : start] not in (" ", "\u00a0"):
                yield from _names_in_run(text, run, lists)
                run = []
            run.append(token)
            continue
        if run:
            yield from _names_in_run(text, run, lists)
            run = []
        if (word in lists.lower_first_names or (word.isupper() and word.capitalize() in lists.first_names)) and (
            not _part_of_handle(text, start, end)
        ):
            yield start, end, "name"
    if run:
        yield from _names_in_run(text, run, lists)


def _names_in_run(text: str, run, lists: _Lists):
    parts, current = [], []
    for token in run:
        initial = token[1] - token[0] == 2 and len(token[2]) == 1
        if _is_stop(token[2]) and not initial:
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    for part in parts:
        if part and _at_sentence_start(text, part[0][0]) and not _is_first_name(part[0][2], lists):
            # A sentence's first word is capitalised anyway; an initial before a name is kept,
            # and so is a lone word that is the subject of a verb (« Dupont m'a dit »).
            initial_first = part[0][1] - part[0][0] == 2 and len(part) > 1
            if not (initial_first or (len(part) == 1 and _introduced_as_someone(text, part[0]))):
                part = part[1:]
        while part and part[0][2].isupper() and len(part[0][2]) == 1 and len(part) == 1:
            part = part[1:]
        if part:
            yield part[0][0], part[-1][1], "name"


def _introduced_as_someone(text: str, token) -> bool:
    """« Dupont m'a dit », « Ludivine, ma collègue, … »: the word is the subject or has an apposition."""
    if p.SUBJECT_OF_VERB_RE.match(text, token[1]):
        return True
    return not token[2].endswith("ment") and bool(p.APPOSITION_RE.match(text, token[1]))


def _title_spans(text: str):
    for match in p.TITLED_NAME_RE.finditer(text):
        words = match.group("name").split()
        while words and _is_stop(words[-1].rstrip(".")):
            words.pop()
        if words:
            yield match.start(), match.start("name") + match.group("name").rindex(words[-1]) + len(words[-1]), "name"
    for match in p.LOWER_TITLED_NAME_RE.finditer(text):
        if not _is_stop(match.group("name")) and match.group("name") not in p.NOT_SURNAMES:
            yield match.start(), match.end(), "name"


def _institution_spans(text: str, lists: _Lists):
    for match in p.INSTITUTION_RE.finditer(text):
        if not _is_stop(match.group("name") or match.group("town")):
            yield match.start(), match.end(), "institution"
    for match in p.BUSINESS_OF_TOWN_RE.finditer(text):
        name = match.group("name")
        if not (_is_stop(name) or _is_first_name(name, lists) or _is_stop(match.group("town"))):
            yield match.start("name"), match.end("name"), "institution"
    for match in p.AT_BUSINESS_RE.finditer(text):
        first = match.group("name").split()[0]
        if not (_is_stop(first) or _is_first_name(first, lists)):
            yield match.start("name"), match.end("name"), "institution"
    for regex in (lists.organisations, lists.everyday_word_organisations):
        for match in regex.finditer(text) if regex else ():
            yield match.start(), match.end(), "institution"


def _place_spans(text: str, lists: _Lists):
    if lists.places:
        for match in lists.places.finditer(text):
            yield match.start(), match.end(), "place"
    for match in p.PLACE_AFTER_PREPOSITION_RE.finditer(text):
        town = match.group("town")
        if not (_is_stop(town) or _is_first_name(town, lists) or town in p.TITLE_ABBREVIATIONS):
            yield match.start("town"), match.end("town"), "place"
    for regex in (p.ADDRESS_RE, p.POSTCODE_RE):
        for match in regex.finditer(text):
            yield match.start(), match.end(), "place"


def _online_spans(text: str):
    for kind, regex in (("email", p.EMAIL_RE), ("email", p.OBFUSCATED_EMAIL_RE), ("phone", p.PHONE_RE)):
        for match in regex.finditer(text):
            yield match.start(), match.end(), kind
    for regex in (p.URL_RE, p.AT_HANDLE_RE, p.HANDLE_RE):
        for match in regex.finditer(text):
            end = match.end()
            while end > match.start() and text[end - 1] in p.TRAILING_PUNCTUATION:
                end -= 1
            yield match.start(), end, "url"
    for match in p.CONTEXT_HANDLE_RE.finditer(text):
        announced = p.HANDLE_CONTEXT_RE.search(text[max(0, match.start() - 40) : match.start()].lower())
        if announced and not _is_stop(match.group(0)):
            yield match.start(), match.end(), "url"


def find_spans(text: str) -> list[Detection]:
    """Every occurrence of personal data in ``text``, with offsets, in reading order, never overlapping."""
    text = text or ""
    lists = _lists()
    candidates = [
        *_online_spans(text),
        *_institution_spans(text, lists),
        *_place_spans(text, lists),
        *_title_spans(text),
        *_name_spans(text, lists),
    ]
    candidates.sort(key=lambda c: (c[2] not in _STRUCTURED, c[0] - c[1], _KIND_RANK[c[2]], c[0]))
    taken = bytearray(len(text) + 1)
    chosen = []
    for start, end, kind in candidates:
        if end > start and not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(Detection(kind, text[start:end], start, end))
    return sorted(chosen, key=lambda d: d.start)


def detect_personal_data(text: str) -> list[Detection]:
    """Each distinct piece of ``text`` that may identify someone, once, in reading order."""
    found, seen = [], set()
    for detection in find_spans(text):
        if detection.text not in seen:
            seen.add(detection.text)
            found.append(detection)
    return found


def grouped(detections: list[Detection]) -> list[tuple[str, list[str]]]:
    """(label, [texts]) for each kind that has detections, in the order of ``KINDS``."""
    groups = []
    for kind, label in KINDS.items():
        texts = [d.text for d in detections if d.kind == kind]
        if texts:
            groups.append((label, texts))
    return groups
