"""Wagtail search backends: the database's own, with the site's query rules per language.

Settings choose ``search.backends.postgres`` or ``search.backends.sqlite`` after the database.
Both read a visitor's query the same way: stop words dropped, accents and ligatures folded,
and each word also searched as the prefix of its light stem in the language of the request
(« harcelée » → ``harcel*``, « bullied » → ``bull*``), for the forms a stemmer leaves apart.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

from ..text import fold, meaningful_words, stem


def active_language() -> str:
    """The request's language (``fr``, ``en``): searches are read with its rules."""
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


class LanguageMixin:
    """A query compiler reads the query in the language active when the search is made
    (``search.services`` makes it in the searched locale's), whenever it runs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = active_language()


def query_words(query_string: str, language: str) -> list[tuple[str, str]]:
    """``(folded word, light stem)`` of each meaningful word of the query."""
    words = []
    for word in meaningful_words(query_string):
        # Only word characters reach the database: no query syntax of its own.
        folded = "".join(c for c in fold(word) if c.isalnum())
        if folded:
            words.append((folded, stem(folded, language)))
    return words


def counted(results, counts: dict) -> dict:
    """``counts``, a facet of ``results``: it counts every match once, so their sum is the
    results' count, not asked again (a search page shows both; a broad query's count is its
    most expensive part)."""
    if results._count_cache is None and results.start == 0 and results.stop is None:
        results._count_cache = sum(counts.values())
    return counts
