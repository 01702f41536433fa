"""Wagtail search backend: the database backend, made French-aware on SQLite.

``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backend"``.

- PostgreSQL: modelsearch's PostgreSQL backend with the ``french_unaccent`` text-search
  configuration (created by ``search/migrations/0002``): French stemming and stop words on
  unaccented text, so « harcelée » finds « harcèlement ». Each word is also searched as
  the prefix of its light stem, for the forms Snowball's French stemmer leaves apart.
- SQLite: FTS5's ``unicode61`` tokenizer already folds case and diacritics (« harcelement »
  finds « harcèlement ») but has no French stemmer and no stop words. This backend drops
  stop words from the query and searches each word's light French stem as a prefix
  (« harcelée » → ``"harcel"*``), so plural and feminine forms meet too.
- Anything else: modelsearch's own choice.
"""

import functools
import operator as python_operator
from collections import OrderedDict

from django.db.models import Count
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.query import PlainText

from .text import fold, meaningful_words, stem

#: FTS5 bm25 column weights, in the table's column order (autocomplete, body, title):
#: a word in the title counts three times a word in the text.
BM25_WEIGHTS = (0.0, 1.0, 3.0)

# FTS5's unicode61 tokenizer removes diacritics but keeps ligatures: « sœur » would not meet
# « soeur ». Indexed text is given them spelt out; the query is folded the same way.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


def _french_sqlite_backend_class():
    from modelsearch.backends.database.sqlite import sqlite as modelsearch_sqlite
    from modelsearch.backends.database.sqlite.query import (
        BM25,
        Lexeme,
        MatchExpression,
        SearchQueryExpression,
        normalize,
    )
    from modelsearch.query import MatchAll, Not, Phrase

    class WeightedBM25(BM25):
        def as_sql(self, compiler, connection, function=None, template=None):
            table = modelsearch_sqlite.SQLiteFTSIndexEntry._meta.db_table
            weights = ", ".join(str(w) for w in BM25_WEIGHTS)
            return f"bm25({table}, {weights})", []

    class FieldColumnsMixin:
        """Searches restricted to some fields (``fields=``), as the admin's listings ask.

        modelsearch's SQLite compiler puts the field names themselves in the FTS5 column filter
        (``{name description} : …``), but its index has only three columns (title, body,
        autocomplete): SQLite answers « no such column » (django-modelsearch issue #47). Here
        each field stands for the column that holds it: ``title`` for the field named title,
        ``body`` for the other search fields, ``autocomplete`` when autocompleting. The body
        column holds every non-title field of an object, so a restricted search may also match
        words of its other indexed fields: a wider answer, never an error.
        """

        def fts_columns(self) -> list[str]:
            if not self.fields or self.FTS_TABLE_FIELDS == ["autocomplete"]:
                return list(self.FTS_TABLE_FIELDS)
            return sorted({"title" if name == "title" else "body" for name in self.fields})

        def search(self, config, start, stop, score_field=None):
            # modelsearch reads ``self.fields`` only to build its MATCH column filter; the
            # requested names are checked (``check()``) before and kept after.
            requested, self.fields = self.fields, (self.fts_columns() if self.fields else None)
            try:
                return super().search(config, start, stop, score_field=score_field)
            finally:
                self.fields = requested

        def matching_entries(self, config):
            """FTS index entries matching the query, for this model; None for shapes left to
            modelsearch (match-all, negations)."""
            normalized = normalize(self.query)
            if isinstance(normalized, (MatchAll, Not)):
                return None
            search_query = self.build_search_query(normalized, config=config)
            if search_query is None:
                return None
            match = MatchExpression(self.fts_columns(), search_query)
            return modelsearch_sqlite.SQLiteFTSIndexEntry.objects.filter(match).filter(
                index_entry__content_type__in=modelsearch_sqlite.get_descendants_content_types_pks(self.queryset.model)
            )

    class FrenchSQLiteSearchQueryCompiler(FieldColumnsMixin, modelsearch_sqlite.SQLiteSearchQueryCompiler):
        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config=config)
            lexemes = None
            for word in meaningful_words(query.query_string):
                # Only word characters reach here (no FTS syntax): FTS5 quotes each stem.
                folded = "".join(c for c in fold(word) if c.isalnum())
                if not folded:
                    continue
                stemmed = stem(folded)
                lexeme = Lexeme(stemmed, prefix=len(stemmed) >= 3)
                if lexemes is None:
                    lexemes = lexeme
                elif query.operator.upper() == "AND":
                    lexemes &= lexeme
                else:
                    lexemes |= lexeme
            if lexemes is None:
                return super().build_search_query_content(query, config=config)
            return SearchQueryExpression(lexemes, config=config)

        def ranked_ids(self, config):
            """Matching object ids, best first, with their scores; None if this query shape is
            left to modelsearch.

            modelsearch orders by a correlated subquery that re-runs the FTS match for every
            candidate row: quadratic, seconds with a few thousand matching testimonies. Here:
            one FTS query ranked by bm25, one query for the ids the queryset allows (live,
            public, locale…), the order merged in Python.
            """
            if not self.order_by_relevance:
                return None
            matching = self.matching_entries(config)
            if matching is None:
                return None
            rows = (
                matching.annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
                .order_by("score")
                .values_list("index_entry__object_id", "score")
            )
            allowed = {
                str(pk)
                for pk in self.queryset.filter(pk__in=matching.values("index_entry__object_id")).values_list(
                    "pk", flat=True
                )
            }
            ranked, seen = [], set()
            for object_id, score in rows:
                if object_id in allowed and object_id not in seen:
                    seen.add(object_id)
                    ranked.append((object_id, score))
            return ranked

        def _build_rank_expression(self, vectors, config):
            # modelsearch scores bm25 without column weights; the title must weigh more.
            if isinstance(self.query, (PlainText, Phrase)):
                return WeightedBM25()
            return super()._build_rank_expression(vectors, config)

    class FrenchSQLiteAutocompleteQueryCompiler(FieldColumnsMixin, modelsearch_sqlite.SQLiteAutocompleteQueryCompiler):
        """The admin's search boxes autocomplete; their results are faceted by type like a
        search's (``FrenchSQLiteSearchResults.facet`` needs ``matching_entries``)."""

    class LigatureFreeIndexer(modelsearch_sqlite.ObjectIndexer):
        def prepare_value(self, value):
            return super().prepare_value(value).translate(_LIGATURES)

    class FrenchSQLiteIndex(modelsearch_sqlite.SQLiteIndex):
        def add_items(self, model, objs):
            # Same as modelsearch's, with the ligature-free indexer.
            if not model.get_search_fields():
                return
            indexers = [LigatureFreeIndexer(obj, self.backend) for obj in objs]
            if not indexers:
                return
            content_type_pk = modelsearch_sqlite.get_content_type_pk(model)
            data = {i.id: (i.title, i.autocomplete, i.body) for i in indexers}
            entries = self.entries.filter(content_type_id=content_type_pk)
            existing = frozenset(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
            for object_id in existing:
                title, autocomplete, body = data[object_id]
                entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
            self.entries.bulk_create(
                [
                    modelsearch_sqlite.IndexEntry(
                        content_type_id=content_type_pk,
                        object_id=object_id,
                        title=title,
                        autocomplete=autocomplete,
                        body=body,
                    )
                    for object_id, (title, autocomplete, body) in data.items()
                    if object_id not in existing
                ]
            )
            self._refresh_title_norms()

    class FrenchSQLiteSearchResults(modelsearch_sqlite.SQLiteSearchResults):
        def _ranked(self):
            compiler = self.query_compiler
            if not hasattr(compiler, "_ranked_cache"):
                ranked_ids = getattr(compiler, "ranked_ids", None)
                compiler._ranked_cache = ranked_ids(compiler.get_config(self.backend)) if ranked_ids else None
            return compiler._ranked_cache

        def _do_search(self):
            ranked = self._ranked()
            if ranked is None:
                return super()._do_search()
            window = ranked[self.start : self.stop]
            pk_field = self.query_compiler.queryset.model._meta.pk
            objects = {
                str(obj.pk): obj
                for obj in self.query_compiler.queryset.filter(pk__in=[pk_field.to_python(i) for i, _ in window])
            }
            results = []
            for object_id, score in window:
                obj = objects.get(object_id)
                if obj is None:
                    continue
                if self._score_field:
                    setattr(obj, self._score_field, score)
                results.append(obj)
            return results

        def facet(self, field_name):
            """Counts by ``field_name`` in one grouped query (modelsearch's scores every row)."""
            compiler = self.query_compiler
            matching = compiler.matching_entries(compiler.get_config(self.backend))
            if matching is None or compiler._get_filterable_field(field_name) is None:
                return super().facet(field_name)
            rows = (
                compiler.queryset.filter(pk__in=matching.values("index_entry__object_id"))
                .order_by()
                .values(field_name)
                .annotate(count=Count("pk"))
                .order_by("-count")
            )
            return OrderedDict((row[field_name], row["count"]) for row in rows)

        def _do_count(self):
            ranked = self._ranked()
            if ranked is None:
                return super()._do_count()
            return len(ranked[self.start : self.stop])

    class FrenchSQLiteSearchBackend(modelsearch_sqlite.SQLiteSearchBackend):
        query_compiler_class = FrenchSQLiteSearchQueryCompiler
        autocomplete_query_compiler_class = FrenchSQLiteAutocompleteQueryCompiler
        results_class = FrenchSQLiteSearchResults
        index_class = FrenchSQLiteIndex

    return FrenchSQLiteSearchBackend


def join(parts, operator: str):
    """``parts`` joined with ``&`` when the query's operator is "and", with ``|`` otherwise."""
    return functools.reduce(python_operator.and_ if operator == "and" else python_operator.or_, parts)


def tsquery_text(lexemes) -> str:
    """modelsearch's ``Lexeme`` / ``CombinedLexeme`` as the tsquery text it sends (compiled by
    its own ``as_sql``, which needs no database)."""

    class Compiler:
        def compile(self, node):
            return node.as_sql(self, None)

    sql, params = Compiler().compile(lexemes)
    return sql % tuple(params)


def _french_postgres_backend_class():
    from django.contrib.postgres.search import SearchQuery
    from django.db import connections
    from django.db.models import Q
    from modelsearch.backends.database.postgres import postgres as modelsearch_postgres
    from modelsearch.backends.database.postgres.query import Lexeme
    from modelsearch.utils import get_descendants_content_types_pks

    class FrenchPostgresSearchQueryCompiler(modelsearch_postgres.PostgresSearchQueryCompiler):
        def word_clauses(self, query):
            """One tsquery operand per meaningful word: the word OR the prefix of its light stem
            (the French stemmer misses some forms: « photos » stays « photos », « harcelée »
            gives « harcele »)."""
            clauses = []
            for word in meaningful_words(query.query_string):
                folded = "".join(c for c in fold(word) if c.isalnum())
                if not folded:
                    continue
                lexeme = Lexeme(folded)
                stemmed = stem(folded)
                if len(stemmed) >= 4:
                    lexeme = lexeme | Lexeme(stemmed, prefix=True)
                clauses.append(lexeme)
            return clauses

        def build_tsquery_content(self, query, config=None, invert=False):
            if not isinstance(query, PlainText) or invert:
                return super().build_tsquery_content(query, config=config, invert=invert)
            clauses = self.word_clauses(query)
            if not clauses:
                return super().build_tsquery_content(query, config=config, invert=invert)
            return SearchQuery(join(clauses, query.operator), search_type="raw", config=config)

        def matching_entries_sql(self, query, config, content_type_ids):
            """``(sql, params)``: ``(object_id, rank)`` of the index entries of
            ``content_type_ids`` that match ``query``, or None for query shapes left to
            modelsearch.

            The same test as ``match_filter()`` and modelsearch's rank (``get_index_vectors()``:
            the title weighted by its norm, the body by 1, ``ts_rank`` with its weights), written
            out: built through the ORM, these expressions cost more than a narrow search itself.
            """
            clauses = self.word_clauses(query)
            if not clauses:
                return None
            entry = self.queryset.model._meta.get_field("index_entries").related_model
            quote = connections[self.queryset.db].ops.quote_name
            column = {
                name: quote(entry._meta.get_field(name).column)
                for name in ("object_id", "content_type", "title", "body", "title_norm")
            }
            tsquery = "to_tsquery(%s::regconfig, %s)"
            whole = tsquery_text(join(clauses, query.operator))
            rank = (
                f"(ts_rank(%s::float4[], {column['title']}, {tsquery}) * {column['title_norm']}) "
                f"+ (ts_rank(%s::float4[], {column['body']}, {tsquery}) * 1.0)"
            )
            # The body first: where most rows match (a broad query), it usually settles the OR
            # alone and the title is not tested (« harcèlement école »: 14.9 ms instead of 16.6).
            tests = f" {query.operator.upper()} ".join(
                f"({column['body']} @@ {tsquery} OR {column['title']} @@ {tsquery})" for _ in clauses
            )
            sql = (
                f"SELECT {column['object_id']}, {rank} FROM {quote(entry._meta.db_table)} "  # noqa: S608  # nosec B608
                f"WHERE {column['content_type']} = ANY(%s) AND ({tests})"
            )
            params = [self.sql_weights, config, whole, self.sql_weights, config, whole, list(content_type_ids)]
            for clause in clauses:
                text = tsquery_text(clause)
                params += [config, text, config, text]
            return sql, params

        def match_filter(self, query, config):
            """The rows whose ``title || body`` matches ``query``, without building that vector.

            Our tsquery is an AND (or an OR) of one clause per word, each a plain disjunction of
            lexemes; such a clause matches ``title || body`` exactly when it matches ``title``
            or ``body``. So each clause is tested on the two stored vectors (each with its own
            GIN index), which spares PostgreSQL concatenating two vectors per row.
            """
            clauses = self.word_clauses(query)
            if not clauses:
                return None
            tests = [
                Q(index_entries__body=SearchQuery(clause, search_type="raw", config=config))
                | Q(index_entries__title=SearchQuery(clause, search_type="raw", config=config))
                for clause in clauses
            ]
            return join(tests, query.operator)

        def search(self, config, start, stop, score_field=None, backend=None):
            """modelsearch's search, with the match tested clause by clause (``match_filter``).

            modelsearch ``annotate()``s ``title || body`` and filters on it, so PostgreSQL builds
            that vector for every row, returns it and carries it through the join (for
            « harcèlement », 5 600 of 10 000 testimonies: most of the query's time). The ranking
            is modelsearch's own, unchanged.
            """
            if not isinstance(self.query, PlainText) or self.fields is not None:
                return super().search(config, start, stop, score_field=score_field, backend=backend)
            search_query = self.build_tsquery(self.query, config=config)
            match = self.match_filter(self.query, config)
            if match is None:
                return super().search(config, start, stop, score_field=score_field, backend=backend)
            rank_expression = self._build_rank_expression(self.get_search_vectors(search_query), config)
            queryset = self.queryset.filter(match)
            return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

    class FrenchPostgresSearchResults(modelsearch_postgres.PostgresSearchResults):
        def facet_and_window(self, field_name, start, stop, include=None, exclude=()):
            """Counts by ``field_name`` of every match, and the matches ``start:stop`` (best
            first) among those whose ``field_name`` is in ``include`` (all when None) and not in
            ``exclude``, from one scan of the matching rows instead of two.

            Returns ``(counts, window)``: ``{value: count}`` and ``[(pk, value)]``; None for
            query shapes left to modelsearch (the caller then asks ``facet()`` and slices).
            A search page needs both figures: separately, PostgreSQL would find, test and join
            the same matches twice (for « harcèlement », 5 600 of 10 000 testimonies).
            """
            compiler = self.query_compiler
            query = compiler.query
            if not isinstance(query, PlainText) or compiler.fields is not None or not compiler.order_by_relevance:
                return None
            if compiler._get_filterable_field(field_name) is None:
                return None
            config = compiler.get_config(self.backend)
            model = compiler.queryset.model
            # The matching index entries, then the objects the queryset allows (live, public,
            # language…) among them, ranked. PostgreSQL joins before ranking (the entries are
            # not materialized): for « harcèlement école », 9 700 of 10 000 testimonies, 16.9 ms
            # instead of 18.5 ms with the ranked entries stored first.
            entries = compiler.matching_entries_sql(query, config, get_descendants_content_types_pks(model))
            if entries is None:
                return None
            entries_sql, entries_params = entries
            allowed = compiler.queryset.order_by().values_list("pk", field_name)
            allowed_sql, allowed_params = allowed.query.sql_with_params()
            integer_pk = model._meta.pk.get_internal_type() in (
                "AutoField",
                "BigAutoField",
                "IntegerField",
                "BigIntegerField",
            )
            # Object ids are text in the index; compared as integers, PostgreSQL joins on the
            # primary key instead of casting every page's id to text.
            join_on = "allowed.pk = entries.object_id::bigint" if integer_pk else "allowed.pk::text = entries.object_id"
            # The allowed matches are computed once (MATERIALIZED), then counted and the best
            # kept; every value comes in as a parameter, the allowed objects' SQL is Django's own.
            sql = (
                f"SELECT allowed.pk, allowed.facet, entries.rank FROM ({allowed_sql}) AS allowed (pk, facet) "  # noqa: S608  # nosec B608
                f"JOIN entries ON {join_on}"
            )
            params = [*entries_params, *allowed_params]
            statement = (
                f"WITH entries (object_id, rank) AS NOT MATERIALIZED ({entries_sql}), "  # noqa: S608  # nosec B608
                f"matches (pk, facet, rank) AS MATERIALIZED ({sql}) "
                "SELECT NULL, facet, COUNT(*)::float8 FROM matches GROUP BY facet "
                "UNION ALL (SELECT pk, facet, rank::float8 FROM matches "
                "WHERE (%s OR facet = ANY(%s)) AND NOT (facet = ANY(%s)) "
                "ORDER BY rank DESC, pk DESC LIMIT %s OFFSET %s)"
            )
            arguments = [*params, include is None, list(include or ()), list(exclude), max(0, stop - start), start]
            with connections[allowed.db].cursor() as cursor:
                cursor.execute(statement, arguments)
                rows = cursor.fetchall()
            counts = {facet: int(value) for pk, facet, value in rows if pk is None}
            ranked = sorted(
                ((pk, facet, value) for pk, facet, value in rows if pk is not None), key=lambda r: (-r[2], -r[0])
            )
            return counts, [(pk, facet) for pk, facet, _ in ranked]

    class FrenchPostgresSearchBackend(modelsearch_postgres.PostgresSearchBackend):
        query_compiler_class = FrenchPostgresSearchQueryCompiler
        results_class = FrenchPostgresSearchResults

    return FrenchPostgresSearchBackend


_backend_classes: dict = {}


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks for in a backend module
    backend = DatabaseSearchBackend(params)
    factories = {
        "SQLiteSearchBackend": _french_sqlite_backend_class,
        "PostgresSearchBackend": _french_postgres_backend_class,
    }
    name = type(backend).__name__
    if name not in factories:
        return backend
    if name not in _backend_classes:
        _backend_classes[name] = factories[name]()
    return _backend_classes[name](params)
