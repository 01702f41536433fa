"""PostgreSQL search: one text-search configuration per language.

Pages and snippets are indexed with their own language's configuration (``SEARCH_CONFIGS``:
``french_unaccent``, ``english_unaccent``, created by ``search/migrations``) and a query is read
with the request's, so « harassed » meets « harassment » under /en/ as « harcelée » meets
« harcèlement » under /fr/.
"""

from __future__ import annotations

import copy
import functools
import operator

from django.contrib.postgres.search import SearchQuery
from django.db.models import Q
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText
from wagtail.models import Locale

from . import LanguageMixin, counted, query_words


def join(parts, query_operator: str):
    """``parts`` joined with ``&`` when the query's operator is "and", with ``|`` otherwise."""
    return functools.reduce(operator.and_ if query_operator == "and" else operator.or_, parts)


class SearchQueryCompiler(LanguageMixin, PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return backend.config_for(self.language)

    def word_clauses(self, query) -> list:
        """One tsquery operand per meaningful word: the word OR the prefix of its light stem
        (the stemmers miss some forms: « photos » stays « photos », « harcelée » gives « harcele »)."""
        clauses = []
        for folded, stemmed in query_words(query.query_string, self.language):
            lexeme = Lexeme(folded)
            clauses.append(lexeme | Lexeme(stemmed, prefix=True) if len(stemmed) >= 4 else lexeme)
        return clauses

    def build_tsquery_content(self, query, config=None, invert=False):
        clauses = self.word_clauses(query) if isinstance(query, PlainText) and not invert else []
        if not clauses:
            return super().build_tsquery_content(query, config=config, invert=invert)
        return SearchQuery(join(clauses, query.operator), search_type="raw", config=config)

    def search(self, config, start, stop, score_field=None, backend=None):
        """modelsearch's search and ranking, with each word tested on the title and the body
        vectors (each GIN-indexed) rather than on ``title || body``, which PostgreSQL would
        build for every row. A clause (a disjunction of lexemes) matches ``title || body``
        exactly when it matches the title or the body."""
        clauses = self.word_clauses(self.query) if isinstance(self.query, PlainText) and self.fields is None else []
        if not clauses:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        tests = [
            Q(index_entries__body=SearchQuery(clause, search_type="raw", config=config))
            | Q(index_entries__title=SearchQuery(clause, search_type="raw", config=config))
            for clause in clauses
        ]
        search_query = self.build_tsquery(self.query, config=config)
        rank = self._build_rank_expression(self.get_search_vectors(search_query), config)
        queryset = self.queryset.filter(join(tests, self.query.operator))
        return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)


class SearchResults(PostgresSearchResults):
    def facet(self, field_name):
        return counted(self, super().facet(field_name))


class SearchIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Each object indexed with the configuration of its own language."""
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        groups: dict[str, list] = {}
        for obj in objs:
            language = languages.get(getattr(obj, "locale_id", None), "")
            groups.setdefault(self.backend.config_for(language.split("-")[0]), []).append(obj)
        for config, group in groups.items():
            backend = copy.copy(self.backend)
            backend.config = config
            PostgresIndex(backend).add_items(model, group)


class SearchBackend(PostgresSearchBackend):
    query_compiler_class = SearchQueryCompiler
    results_class = SearchResults
    index_class = SearchIndex

    def __init__(self, params):
        super().__init__(params)
        self.configs = params.get("SEARCH_CONFIGS", {})

    def config_for(self, language: str) -> str:
        return self.configs.get(language, self.config)
