"""Suicidal-risk words: does a text (a testimony, a search) suggest someone may take their life?

Pure functions over a word list, so the rules are tested without a database. The list itself
is editable in the admin (``ressources.models.SuicideRiskVocabulary``); ``risk_words()``
returns it with the built-in defaults of the languages editors have not listed yet.

Matching rules (the same in ``temoignages/static/temoignages/risk_notice.js``):
- case and accents are ignored; apostrophes and hyphens count as spaces;
- an entry matches at the *start* of a word and may be the start of a longer word
  (« scarif » finds « scarifie », « suicid » finds « suicidaire »), never the middle of one
  (« mourir » is not found in « amourir », « die » is not found in « studied »);
- an expression of several words matches those words in that order, separated by spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from django.apps import apps

#: Used until editors create a list for a language (theirs then replaces it).
DEFAULT_RISK_WORDS = {
    "fr": [
        "mourir",
        "me tuer",
        "suicid",
        "en finir",
        "plus envie de vivre",
        "me faire du mal",
        "scarif",
        "disparaitre pour toujours",
        "envie de mourir",
        "mettre fin a mes jours",
    ],
    "en": [
        "kill myself",
        "suicid",
        "want to die",
        "end it all",
        "self-harm",
        "self harm",
        "hurt myself",
        "end my life",
    ],
}

_SEPARATORS = re.compile(r"[\s'’\-‐–—_]+")


def fold(text: str) -> str:
    """Lower case, without accents, apostrophes and hyphens turned into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    bare = bare.replace("œ", "oe").replace("æ", "ae")
    return _SEPARATORS.sub(" ", bare.casefold()).strip()


def compile_words(words: Iterable[str]) -> re.Pattern | None:
    """One pattern for every entry (word starts only), or None when the list is empty."""
    entries = sorted({fold(word) for word in words if fold(word)}, key=len, reverse=True)
    if not entries:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in entry.split()) for entry in entries)
    # (?<!\w): the entry starts a word; nothing is required after it (a prefix of a longer word).
    return re.compile(rf"(?<!\w)(?:{alternatives})")


def mentions_risk(text: str, words: Iterable[str]) -> bool:
    """True if ``text`` contains one of ``words`` by the rules of this module."""
    pattern = compile_words(words)
    return bool(pattern and text and pattern.search(fold(text)))


def risk_words() -> list[str]:
    """The editors' lists of every language, plus the defaults of languages without one."""
    # Through the app registry: the editable list is the help section's snippet, and the shared
    # base imports no app.
    return apps.get_model("ressources", "SuicideRiskVocabulary").objects.all_words()


def text_mentions_suicide_risk(*texts: str) -> bool:
    """Whether any of ``texts`` mentions suicidal risk, by the words editors listed."""
    return mentions_risk("\n".join(text for text in texts if text), risk_words())
