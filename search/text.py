"""Text helpers for language-aware search: folding, light stemming, query cleaning, excerpts.

Pure functions, no database: the SQLite backend, the view and the snippet fallback all
share them, so what is matched is also what is highlighted.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from django.utils.html import escape, strip_tags

#: Characters of the raw query read at all: a 10 000-character query costs no more than this.
MAX_RAW_LENGTH = 1000
#: Words kept from a query; a search box is not a document.
MAX_TERMS = 12
#: Longest word kept (longer ones are junk or attacks, not French words).
MAX_TERM_LENGTH = 40

# Words that carry no meaning in a search (French and English). FTS5 has no stop-word list,
# so « je suis harcelée à l'école » would otherwise require « je », « suis » and « à ».
STOP_WORDS = frozenset(
    """
    a afin ai aie aient ainsi alors au aucun aussi autre aux avec avoir ca ce ceci cela celle celles celui
    ces cet cette ceux chaque chez comme comment dans de des donc dont du elle elles en encore est et etc
    etait etaient ete etre eu eux fait fais il ils j je jusqu l la le les leur leurs lui m ma mais me meme
    mes moi mon n ne ni nos notre nous on ont ou par parce pas pendant peu peut plus pour pourquoi quand que
    quel quelle quelles quels qui quoi s sa sans se ses si sien son sont sous suis sur t ta te tes toi ton
    tous tout toute toutes tres tu un une vos votre vous y
    an and are as at be been but by did do does for from had has have he her his how i if in into is it its
    me my no not of on or our she so than that the their them then there they this to was we were what when
    where which who why will with you your
    near
    """.split()
)

# Light French stemmer: ordered longest first, each with the shortest stem it may leave.
# Prefix search on the stem makes « harcelée », « harcelés », « harceler » and
# « harcèlement » meet at « harcel* » on backends without a French stemmer (SQLite FTS5).
_SUFFIXES = sorted(
    [
        "issements", "issement", "ements", "ement", "ments", "ment", "ations", "ation", "atrices", "atrice",
        "ateurs", "ateur", "euses", "euse", "eurs", "eur", "ives", "ive", "ifs", "ees", "ee", "es", "er", "ez",
        "aient", "ait", "ais", "ant", "antes", "ante", "ants", "ances", "ance", "ites", "ite", "e", "s", "x",
    ],
    key=len,
    reverse=True,
)
_MIN_STEM = 4

# Light English stemmer, same idea: « harassed », « harassment » and « harassing » meet at
# « harass* »; a final y or i goes too, so « bullied », « bullies » and « bullying » meet at « bull* ».
_ENGLISH_SUFFIXES = sorted(
    ["ments", "ment", "ings", "ing", "ied", "ies", "ed", "es", "ers", "er", "ness", "s"], key=len, reverse=True
)

_WORD_RE = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """Lower-case ``char`` without its accents (``É`` → ``e``, ``œ`` → ``oe``)."""
    special = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"}
    if char in special:
        return special[char]
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text``."""
    return "".join(fold_char(c) for c in text)


def stem(word: str, language: str = "fr") -> str:
    """Light stem of an already folded ``word`` in ``language`` (``harcelee`` → ``harcel``,
    ``harassed`` → ``harass``); French rules for any language without its own."""
    if language == "en":
        return _english_stem(word)
    if word.endswith("aux") and len(word) > 5:
        return word[:-2]  # sociaux → socia*, réseaux → resea*
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def _english_stem(word: str) -> str:
    for suffix in _ENGLISH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM - 1:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith(("y", "i")) and len(word) > _MIN_STEM else word


def clean_query(raw: str | None) -> str:
    """The words of a visitor's query, safe for any backend's query syntax.

    Quotes, ``*``, parentheses, operators (``AND``, ``OR``, ``NOT``, ``NEAR``) and control
    characters are FTS syntax: only word characters survive, joined by single spaces.
    Bounded in length and number of words whatever the input.
    """
    if not raw:
        return ""
    text = raw[:MAX_RAW_LENGTH].replace("\x00", " ")
    words = [w for w in _WORD_RE.findall(text) if w.upper() not in {"AND", "OR", "NOT", "NEAR"}]
    words = [w[:MAX_TERM_LENGTH] for w in words if not w.isdigit() or len(w) <= 6]
    return " ".join(words[:MAX_TERMS])


def meaningful_words(query: str) -> list[str]:
    """Words of a cleaned query that are worth searching for (stop words dropped).

    If every word is a stop word, they are all kept: the visitor asked for something.
    """
    words = query.split()
    kept = [w for w in words if fold(w) not in STOP_WORDS and len(w) > 1]
    return kept or words


def search_stems(query: str, language: str = "fr") -> list[str]:
    """Folded stems of the meaningful words of ``query``, unique, in order."""
    seen: list[str] = []
    for word in meaningful_words(query):
        s = stem(fold(word), language)
        if s and s not in seen:
            seen.append(s)
    return seen


def _folded_with_map(text: str) -> tuple[str, list[int] | range]:
    """``fold(text)`` plus, for each folded character, the index of its source character."""
    out = list(map(fold_char, text))
    folded = "".join(out)
    if len(folded) == len(text):
        # Every character folded to one (the usual case): positions are unchanged.
        return folded, range(len(text))
    index: list[int] = []
    for i, chars in enumerate(out):
        index.extend([i] * len(chars))
    return folded, index


def _stem_pattern(stems: list[str]) -> re.Pattern | None:
    if not stems:
        return None
    alternatives = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\w*")


def folded_matcher(query: str, language: str = "fr"):
    """A test of already folded text: True if every meaningful word of ``query`` occurs in it
    (stemmed, at the start of a word). Built once per query, for many texts."""
    patterns = [re.compile(rf"\b{re.escape(s)}") for s in search_stems(query, language)]
    return lambda folded: bool(patterns) and all(p.search(folded) for p in patterns)


def plain_text(value) -> str:
    """Readable text of an indexed value (string, list of strings, rich text)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(plain_text(v) for v in value)
    text = strip_tags(str(value))
    return re.sub(r"\s+", " ", text).strip()


def excerpt(text: str, query: str, length: int = 240, language: str = "fr") -> str:
    """HTML-safe excerpt of ``text`` around the first match, query words wrapped in ``<mark>``.

    Matching is accent- and case-insensitive and stem-based, like the search itself; the
    text is escaped, only the ``<mark>`` tags are markup.
    """
    text = plain_text(text)
    if not text:
        return ""
    pattern = _stem_pattern(search_stems(query, language))
    start = 0
    spans: list[tuple[int, int]] = []
    if pattern is not None:
        folded, index = _folded_with_map(text)
        for match in pattern.finditer(folded):
            if match.end() == match.start():
                continue
            spans.append((index[match.start()], index[match.end() - 1] + 1))
        if spans:
            start = max(0, spans[0][0] - length // 4)
            # Start at a word boundary.
            if start > 0:
                space = text.rfind(" ", 0, start)
                start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts: list[str] = ["…" if start > 0 else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_start < cursor or span_start >= end:
            continue
        span_end = min(span_end, end)
        parts.append(escape(text[cursor:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    if end < len(text):
        parts.append("…")
    return "".join(parts)
