"""Regular expressions of the personal-data detector, compiled once at import."""

from __future__ import annotations

import re

from .wordlists import HANDLE_CONTEXT, INSTITUTION_QUALIFIERS, INSTITUTION_TYPES, STREET_TYPES

UPPER = "A-ZÀ-ÖØ-ÞŒ"
LOWER = "a-zß-öø-ÿœ"
#: A capitalised word, compounds and elisions included: Dupont, N'Diaye, Lefebvre-Dumas, Villeneuve-d'Ascq.
CAPWORD = rf"[{UPPER}](?:[{LOWER}]+|['’][{UPPER}][{LOWER}]+)(?:['’-][{UPPER}{LOWER}][{LOWER}]*)*(?!\w)"
CAPSWORD = rf"[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})*(?!\w)"
NAMEWORD = rf"(?:{CAPWORD}|{CAPSWORD})"
INITIAL = rf"[{UPPER}]\."
PARTICLE = r"(?:de|du|des|d['’]|van|von|le|la|ben|el|al|di|da|dos)"


def _either_case(words: list[str]) -> str:
    """Alternation where a lower-case word may also start with a capital (sentence start)."""
    alternatives = []
    for word in sorted(words, key=len, reverse=True):
        if word[0].islower():
            alternatives.append(f"[{word[0]}{word[0].upper()}]{re.escape(word[1:])}")
        else:
            alternatives.append(re.escape(word))
    return "|".join(alternatives)


TOKEN_RE = re.compile(rf"[{UPPER}{LOWER}]+(?:['’-][{UPPER}{LOWER}]+)*")
ELISION_RE = re.compile(r"(?:[A-Za-z]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’]")
WORD_BEFORE_DOT_RE = re.compile(rf"[{UPPER}{LOWER}]+$")
#: « Dupont m'a dit »: a capitalised word that opens a sentence and is the subject of a verb
#: is someone, even when no list knows the name.
SUBJECT_OF_VERB_RE = re.compile(
    r"\s+(?:ne\s+|n['’])?(?:m['’]|t['’]|l['’]|s['’]|me\s+|te\s+|se\s+|nous\s+|vous\s+|lui\s+|leur\s+)?"
    r"(?:a|avait|aura|était|est|disait|faisait|venait|allait|voulait)\b"
)
#: Between a sentence end and its first word.
OPENING = " \t\u00a0\u202f'‘(["
SENTENCE_END = ".!?…\n:«\"“—–-"
TITLE_ABBREVIATIONS = {"M", "Mr", "Mme", "Mmes", "Mlle", "Melle", "Dr", "Pr", "Me"}

_TITLE = (
    r"(?:M\.|Mr\.?|MR\.?|Mme\.?|MME\.?|Mmes|Mlle\.?|MLLE\.?|Melle|Dr\.?|Pr\.?|Me(?=\s+[A-ZÀ-Ý])"
    r"|[Mm]onsieur|[Mm]adame|[Mm]ademoiselle|[Dd]octeure?|[Pp]rofesseure?|[Mm]a[îi]tre|MONSIEUR|MADAME)"
)
#: « M. Dupont », « Mme Da Silva », « le professeur Moreau », « Dr Bernard », « Me Lambert ».
TITLED_NAME_RE = re.compile(
    rf"(?<![\w.]){_TITLE}\s+(?P<name>(?:{PARTICLE}\s+)?{NAMEWORD}(?:\s+(?:{NAMEWORD}|{INITIAL})){{0,2}})"
)
#: « mme martin »: after an abbreviated title, a lower-case word is a surname.
LOWER_TITLED_NAME_RE = re.compile(
    rf"(?<![\w.])(?:[Mm]me|[Mm]lle|[Mm]elle|[Mm]r|[Mm]\.)\s+(?P<name>[{LOWER}]{{2,}}(?:-[{LOWER}]+)*)(?![\w'’])"
)
NOT_SURNAMES = {
    "est", "a", "avait", "était", "lui", "leur", "elle", "il", "nous", "vous", "qui", "que", "quand", "dit",
    "me", "se", "ne", "en", "aussi", "mais", "ma", "mon", "ses", "sa", "son",
}

#: « collège Jean Moulin », « école primaire Jules Ferry », or a type named by its town:
#: « IUT de Lens », « fac de droit de Douai ».
INSTITUTION_RE = re.compile(
    rf"(?<![\w-])(?:{_either_case(INSTITUTION_TYPES)})(?:\s+(?:{'|'.join(INSTITUTION_QUALIFIERS)}))*"
    rf"(?:\s+(?P<name>{NAMEWORD}(?:\s+{NAMEWORD}){{0,3}})"
    rf"|(?:\s+(?:de\s+|des\s+|du\s+|d['’])[{LOWER}]+)?\s+(?:de\s+|du\s+|des\s+|d['’])(?P<town>{CAPWORD}))"
)
#: « chez Leroy Merlin »: a business named after someone is found even when not listed.
AT_BUSINESS_RE = re.compile(rf"(?<!\w)[Cc]hez\s+(?P<name>{NAMEWORD}(?:\s+{NAMEWORD}){{0,2}})")
#: « au Quick de Liévin »: a capitalised word between an article and « de <town> » is a business.
BUSINESS_OF_TOWN_RE = re.compile(
    rf"(?<!\w)(?:[Aa]u|[Dd]u|[Ll]e|[Cc]hez)\s+(?P<name>{CAPWORD})\s+(?:de\s+|d['’])(?P<town>{CAPWORD})"
)
#: « Ludivine, ma collègue »: a word opening a sentence and set apart by an apposition is someone.
APPOSITION_RE = re.compile(r",\s+(?:ma|mon|mes|notre|nos|son|sa|ses|leur|le|la|l['’]|un|une|cet|cette)\b")
#: A town not in the list, after « à », « de », « depuis », « sur », « vers » (« j'habite à Carvin »).
PLACE_AFTER_PREPOSITION_RE = re.compile(
    rf"(?:(?<![\w'’])(?:à|À|a|de|depuis|sur|vers|gare|quartier|station|métro|quitté|quitter|habite|habitait|habitais)\s+|(?<!\w)[dD]['’])"
    rf"(?P<town>(?:(?:Saint|Sainte|Le|La|Les|Mont|Port|Pont)\s+)?{CAPWORD})"
)
ADDRESS_RE = re.compile(
    rf"(?<![\w-])(?:\d{{1,4}}\s*(?:bis|ter)?\s+|\d{{1,3}}\s*(?:bis|ter)?,\s*)?(?:{_either_case(STREET_TYPES)})\s+"
    rf"(?:(?:de\s+la|de\s+l['’]|des|du|de|d['’]|l['’]|la|le|les|aux)\s*)?{NAMEWORD}"
    rf"(?:[\s-]+(?:(?:de|du|d['’])\s*)?{NAMEWORD})*"
)
POSTCODE_RE = re.compile(
    r"(?<![\d.,])(?:0[1-9]|[1-8]\d|9[0-8])\d{3}(?!\d)"
    r"(?!\s*(?:€|euros?|km|habitants|abonnés|followers|vues|messages|personnes|élèves))"
)

# The local part starts where a run of its characters starts: trying every position of a
# long run would take quadratic time.
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+")
_TLD = r"(?:com|fr|net|org|eu|be|ch|io|info|me|co|uk|de|es|it)"
#: « prenom [at] gmail [dot] com », « prenom arobase gmail point com ».
OBFUSCATED_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}\s*(?:\[at\]|\(at\)|\{at\}|\[arobase\]|\(arobase\)|\sarr?obase\s)\s*[\w-]+"
    rf"\s*(?:\[dot\]|\(dot\)|\[point\]|\(point\)|\spoint\s|\sdot\s|\.)\s*{_TLD}\b",
    re.I,
)
#: 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78, +33 (0)6 12 34 56 78, 0033…
PHONE_RE = re.compile(r"(?<![\d+])(?:(?:\+|00)\d{2,3}[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)")
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'«»]+|\b[\w-]+\.(?:com|fr|net|org|io|be|ch|eu|info|tv|gg)\b(?:/[^\s<>\"'«»]*)?",
    re.I,
)
AT_HANDLE_RE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_.]{2,30}")
#: A handle written without « @ »: an underscore, or a dot inside lower-case letters (lea_du62, kevin.dz59).
HANDLE_RE = re.compile(
    r"(?<![\w@./:-])(?=[A-Za-z0-9._]*(?:_|[a-z]{2}\.[a-z]{2}))[A-Za-z0-9]+(?:[_.][A-Za-z0-9]+)+(?![\w@])"
)
#: Letters with digits or an inner capital (sarah59, xXdarkXx): a handle only near a word that announces one.
CONTEXT_HANDLE_RE = re.compile(
    r"(?<![\w@./:-])(?=[A-Za-z0-9]*(?:[A-Za-z][0-9]|[0-9][A-Za-z]|[a-z][A-Z]))(?=\w*[a-z])"
    r"[A-Za-z][A-Za-z0-9]{3,29}(?![\w@])"
)
HANDLE_CONTEXT_RE = re.compile(r"\b(?:" + "|".join(HANDLE_CONTEXT) + r")\b")
TRAILING_PUNCTUATION = ".,;:!?)»\"'’"
