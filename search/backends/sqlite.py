"""SQLite search: FTS5, with the query read in the request's language.

FTS5's ``unicode61`` tokenizer folds case and diacritics (« harcelement » finds « harcèlement »)
but has no stemmer and no stop words: the query drops stop words and searches each word's light
stem as a prefix (« harcelée » → ``"harcel"*``, « bullied » → ``"bull"*``).
"""

from __future__ import annotations

from collections import OrderedDict

from django.db.models import Count
from modelsearch.backends.database.sqlite.query import (
    BM25,
    Lexeme,
    MatchExpression,
    SearchQueryExpression,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from . import LanguageMixin, counted, query_words

#: FTS5 bm25 column weights, in the table's column order (autocomplete, body, title):
#: a word in the title counts three times a word in the text.
BM25_WEIGHTS = (0.0, 1.0, 3.0)

# unicode61 removes diacritics but keeps ligatures: « sœur » would not meet « soeur ». Indexed
# text has them spelt out; the query is folded the same way (search.text.fold).
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


class WeightedBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class FieldColumnsMixin:
    def fts_columns(self) -> list[str]:
        """The FTS5 columns a search reads. modelsearch's index has three columns (title, body,
        autocomplete) but would filter on the requested field names themselves (``fields=``, as
        in the admin's listings): « no such column » (django-modelsearch issue #47). A field
        stands for the column that holds it: a wider answer, never an error."""
        if not self.fields or self.FTS_TABLE_FIELDS == ["autocomplete"]:
            return list(self.FTS_TABLE_FIELDS)
        return sorted({"title" if name == "title" else "body" for name in self.fields})

    def search(self, config, start, stop, score_field=None):
        requested, self.fields = self.fields, (self.fts_columns() if self.fields else None)
        try:
            return super().search(config, start, stop, score_field=score_field)
        finally:
            self.fields = requested

    def matching_entries(self):
        """FTS entries matching the query for this model (its queryset's filters not applied);
        None for shapes left to modelsearch (match-all, negations)."""
        normalized = normalize(self.query)
        if isinstance(normalized, (MatchAll, Not)):
            return None
        search_query = self.build_search_query(normalized, config=None)
        if search_query is None:
            return None
        return SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(self.fts_columns(), search_query),
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
        )


class SearchQueryCompiler(LanguageMixin, FieldColumnsMixin, SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        lexemes = None
        for _folded, stemmed in query_words(query.query_string, self.language) if isinstance(query, PlainText) else []:
            lexeme = Lexeme(stemmed, prefix=len(stemmed) >= 3)
            if lexemes is None:
                lexemes = lexeme
            else:
                lexemes = lexemes & lexeme if query.operator.upper() == "AND" else lexemes | lexeme
        if lexemes is None:
            return super().build_search_query_content(query, config=config)
        return SearchQueryExpression(lexemes, config=config)

    def _build_rank_expression(self, vectors, config):
        # modelsearch scores bm25 without column weights; the title must weigh more.
        if isinstance(self.query, (PlainText, Phrase)):
            return WeightedBM25()
        return super()._build_rank_expression(vectors, config)


class AutocompleteQueryCompiler(FieldColumnsMixin, SQLiteAutocompleteQueryCompiler):
    """The admin's search boxes autocomplete (words as typed, the last one as a prefix)."""


class SearchResults(SQLiteSearchResults):
    """Only the shown results are ranked, in the FTS query itself (modelsearch scores each
    candidate with a correlated subquery that re-runs the match: quadratic in the matches);
    counts and facets do not rank at all."""

    def _do_search(self):
        compiler = self.query_compiler
        entries = compiler.matching_entries()
        if entries is None or not compiler.order_by_relevance:
            return super()._do_search()
        ranked = (
            entries.annotate(score=compiler._build_rank_expression(compiler.get_search_vectors(), None))
            .order_by("score", "-pk")
            .values_list("index_entry__object_id", "score")
        )
        pk = compiler.queryset.model._meta.pk
        # The best entries, kept if the queryset allows them (live, public, language…); more
        # are ranked only when too few of the best are allowed.
        fetch = None if self.stop is None else max(2 * self.stop, 20)
        while True:
            rows = [(pk.to_python(object_id), score) for object_id, score in ranked[:fetch]]
            objects = compiler.queryset.in_bulk([object_id for object_id, _ in rows])
            allowed = [(objects[object_id], score) for object_id, score in rows if object_id in objects]
            if fetch is None or len(rows) < fetch or len(allowed) >= self.stop:
                break
            fetch *= 4
        for obj, score in allowed:
            if self._score_field:
                setattr(obj, self._score_field, score)
        return [obj for obj, _ in allowed[self.start : self.stop]]

    def _do_count(self):
        matching = self.query_compiler.matching_entries()
        if matching is None:
            return super()._do_count()
        matches = self.query_compiler.queryset.filter(pk__in=matching.values("index_entry__object_id"))
        return matches.order_by()[self.start : self.stop].count()

    def facet(self, field_name):
        compiler = self.query_compiler
        matching = compiler.matching_entries()
        if matching is None or compiler._get_filterable_field(field_name) is None:
            return counted(self, super().facet(field_name))
        rows = (
            compiler.queryset.filter(pk__in=matching.values("index_entry__object_id"))
            .order_by()
            .values(field_name)
            .annotate(count=Count("pk"))
            .order_by("-count")
        )
        return counted(self, OrderedDict((row[field_name], row["count"]) for row in rows))


class LigatureFreeIndexer(ObjectIndexer):
    def prepare_value(self, value):
        return super().prepare_value(value).translate(LIGATURES)


class SearchIndex(SQLiteIndex):
    def add_items(self, model, objs):
        """modelsearch's, with the ligature-free indexer."""
        if not model.get_search_fields():
            return
        data = {
            i.id: (i.title, i.autocomplete, i.body) for i in (LigatureFreeIndexer(obj, self.backend) for obj in objs)
        }
        if not data:
            return
        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        existing = set(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            IndexEntry(content_type_id=get_content_type_pk(model), object_id=object_id, title=t, autocomplete=a, body=b)
            for object_id, (t, a, b) in data.items()
            if object_id not in existing
        )
        self._refresh_title_norms()


class SearchBackend(SQLiteSearchBackend):
    query_compiler_class = SearchQueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
    results_class = SearchResults
    index_class = SearchIndex
