"""Match keys for names: the same key for spelling variants of one name.

Transliterated names vary (kh/h, dj/j, -yev/-ev, hyphens, accents). A key folds those
differences away so that an index lookup finds the variants; anything looser (fuzzy
similarity) only proposes a match, it never decides one.
"""

import re
import unicodedata
from functools import lru_cache

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})

# Applied in order to the folded, space-free name. Each pair unifies two common
# romanisations of the same sound; the list is short on purpose (see tests/test_names.py
# for pairs that must and must not collide).
_TRANSLITERATION = [
    (re.compile(r"dzh|dj|zh"), "j"),  # Zhanibek / Janibek, Dzhamal / Jamal
    (re.compile(r"kh"), "h"),
    (re.compile(r"yev"), "ev"),
    (re.compile(r"iy(?=[^aeiou]|$)"), "i"),
    (re.compile(r"yy"), "y"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"([a-z])\1"), r"\1"),
]

_ORG_SPELLING = [
    (re.compile(r"organis"), "organiz"),
    (re.compile(r"centre"), "center"),
    (re.compile(r"our"), "or"),
    (re.compile(r"political bureau"), "politburo"),
    (re.compile(r"isation\b"), "ization"),
    (re.compile(r"defence"), "defense"),
    (re.compile(r"programme"), "program"),
]


@lru_cache(maxsize=200_000)
def fold(text):
    """Lower-case, strip accents, unify apostrophes; keeps spaces and punctuation."""
    text = text or ""
    if text.isascii():  # no accents to strip: NFKD leaves ASCII as it is
        return text.translate(_APOSTROPHES).casefold()
    text = unicodedata.normalize("NFKD", text).translate(_APOSTROPHES)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=200_000)  # asked for the same few names many times per document
def name_key(name):
    """Match key of a person's name: 'Karim-Zadegan' and 'Karimzadegan' agree."""
    key = _NOT_ALNUM.sub("", fold(name))
    for pattern, replacement in _TRANSLITERATION:
        key = pattern.sub(replacement, key)
    return key


# The openings of the spellings _TRANSLITERATION folds ("y" of "yev", "k" of "kh", ...). A
# word typed up to one of them ("Velbay" of "Velbayev", key "velbaev") is not inside the
# name's key; without that opening it is.
_FOLDED_OPENINGS = ("dz", "d", "z", "k", "ye", "y", "p", "o")


def name_key_fragments(word):
    """Keys one of which is inside the key of every name containing ``word``.

    The word's own key, and, when the word ends in the opening of a folded spelling, its
    key without that opening. Empty for a word with no letters or digits.
    """
    key = name_key(word)
    if not key:
        return []
    folded = _NOT_ALNUM.sub("", fold(word))
    for opening in _FOLDED_OPENINGS:
        if folded.endswith(opening) and len(folded) > len(opening):
            shorter = name_key(folded[: -len(opening)])
            if not shorter or shorter == key:
                return [key]
            # a shorter fragment inside the key finds everything the key finds
            return [shorter] if shorter in key else [key, shorter]
    return [key]


def org_key(name):
    """Match key of an organisation's name: Organisation/Organization and 'the' folded away."""
    text = fold(name)
    text = re.sub(r"^the\s+", "", text)
    text = text.replace("'s ", " ")
    for pattern, replacement in _ORG_SPELLING:
        text = pattern.sub(replacement, text)
    return _NOT_ALNUM.sub("", text)


# Abbreviated posts, spelled out before a post's key is taken
_POST_ABBREVIATIONS = {"fm": "foreign minister", "pm": "prime minister", "vp": "vice president"}
# Words that do not tell two posts apart: "Minister of Foreign Affairs" is "Foreign Minister"
_POST_FILLER = frozenset({"of", "for", "the", "and", "affairs", "s"})


def post_key(title):
    """Match key of a post however it is worded: "Foreign Minister", "Minister of Foreign
    Affairs", "Minister for Foreign Affairs" and "FM" agree; "Deputy Foreign Minister"
    and "Ambassador to Japan" stay apart from "Foreign Minister" and "Ambassador". A
    reference body's full name is its acronym: "AU Commission Chairperson" is "African
    Union Commission Chairperson"."""
    words = re.findall(r"[a-z]+", fold(title or ""))
    words = " ".join(_POST_ABBREVIATIONS.get(w, w) for w in words).split()
    words = _bodies_as_acronyms(words)
    return " ".join(sorted({w for w in words if w not in _POST_FILLER}))


def post_key_without_domain(title):
    """The key of a post with its trailing domain ("... for Foreign Affairs and Security
    Policy") cut, or None when the post has no such tail or names no reference body.

    Only for comparing two wordings one person is given: "EU High Representative" is
    "High Representative of the European Union for Foreign Affairs and Security Policy"
    for the one who holds both, not a key that merges posts of different persons."""
    head, sep, _tail = (title or "").rpartition(" for ")
    if not sep or not head.strip():
        return None
    key = post_key(head)
    acronyms = _body_acronyms()
    return key if any(word in acronyms for word in key.split()) else None


def _bodies_as_acronyms(words):
    """The words with each reference body's full name replaced by its acronym."""
    names = _body_names()
    out, i = [], 0
    while i < len(words):
        for name, acronym in names.get(words[i], ()):
            if tuple(words[i : i + len(name)]) == name:
                out.append(acronym)
                i += len(name)
                break
        else:
            out.append(words[i])
            i += 1
    return out


@lru_cache(maxsize=1)
def _body_names():
    """First word -> (full name's words, acronym) of the reference bodies, longest first
    (read from fixtures/organisations.json; plain data, no database)."""
    from diplomacy.reference import load_organisations

    names = {}
    for org in load_organisations():
        acronym = fold(org.get("acronym") or "")
        if not re.fullmatch(r"[a-z]{2,}", acronym):
            continue
        for name in [org.get("name"), *org.get("other_names", [])]:
            words = tuple(re.findall(r"[a-z]+", fold(name or "")))
            if len(words) >= 2:
                names.setdefault(words[0], []).append((words, acronym))
    for entries in names.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return names


@lru_cache(maxsize=1)
def _body_acronyms():
    return frozenset(a for entries in _body_names().values() for _words, a in entries)
