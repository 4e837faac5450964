"""The reference vocabulary: country names, demonyms, cities, organisation names.

A ``Lexicon`` is plain data (no database handle), built once per import from the
reference tables or the fixture files, and shared by every document. Matching is a
longest-match lookup of token sequences keyed on folded token text, with hyphens ignored
so that "Confidence-Building" and "Confidence Building" are one form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from diplomacy.names import fold, org_key

from .patterns import rows, table, words
from .tokens import Token, tokenize

# British and American spellings of one word ("Labour"/"Labor", "Organisation"/
# "Organization", "Centre"/"Center"): one form, so a body is found however it is spelled.
# The rules are the rows of patterns/organisations.toml with a "replace".
_SPELLINGS = tuple(
    (table("organisations")[row["name"]], row["replace"])
    for row in rows("organisations")
    if "replace" in row
)


NAME_FUNCTION_WORDS = words("gazetteer_name_function_words")


def _prose_word(tokens, k) -> bool:
    """A lower-case content word: "Central Asia plus Japan" does not name "Asia Plus"."""
    t = tokens[k]
    return (
        t.text[:1].islower()
        and t.text.isalpha()
        and t.lower not in NAME_FUNCTION_WORDS
        and not (k > 0 and tokens[k - 1].is_hyphen and not tokens[k - 1].space_after)
    )


def _with_and_without_the(name: str) -> list[str]:
    """ "Council of Coastal Speaking States" is also written "Council of the Coastal ..."."""
    if " of the " in name:
        return [name, name.replace(" of the ", " of ")]
    if " of " in name:
        return [name, name.replace(" of ", " of the ", 1)]
    return [name]


@lru_cache(maxsize=200_000)
def token_key(text: str) -> str:
    """A token as the lexicon compares it: folded, one spelling for British/American."""
    key = fold(text)
    if len(key) > 4:
        for pattern, replacement in _SPELLINGS:
            key = pattern.sub(replacement, key)
    return key


def form_key(tokens) -> tuple[str, ...]:
    """Folded token texts, hyphens and apostrophes-only tokens dropped."""
    return tuple(token_key(t.text) for t in tokens if not t.is_hyphen)


def phrase_key(text: str) -> tuple[str, ...]:
    return form_key(tokenize(text))


@dataclass
class CountryEntry:
    iso2: str
    name: str
    sovereign: bool = True
    capital: str = ""


@dataclass
class OrgEntry:
    key: str
    name: str
    acronym: str | None = None
    kind: str = "other"
    country: str | None = None
    parent_key: str | None = None
    names: list[str] = field(default_factory=list)


@dataclass
class Match:
    start: int  # token index
    end: int  # token index, exclusive
    kind: str  # country | demonym | city | org | acronym
    value: str  # iso2 or organisation key


class Lexicon:
    """Everything the extractors know before reading a document."""

    def __init__(self, countries, organisations, person_keys=()):
        # match keys of persons already in the register: their names need no title
        self.person_keys: frozenset[str] = frozenset(person_keys)
        self.countries: dict[str, CountryEntry] = {}
        self.organisations: dict[str, OrgEntry] = {}
        self.acronym_name: dict[str, str] = {}  # "CPC" -> "Communist Party of China"
        self.demonym_of: dict[str, str] = {}  # folded demonym -> iso2
        self.city_of: dict[str, str] = {}  # folded city -> iso2
        self.city_name: dict[str, str] = {}  # folded city -> spelling
        self._forms: dict[tuple[str, ...], list[tuple[str, str, bool]]] = {}
        self._max_len: dict[str, int] = {}
        for c in countries:
            self._add_country(c)
        for o in organisations:
            self._add_organisation(o)

    # -- building ----------------------------------------------------------------
    def _add_form(self, text, kind, value, exact=False):
        key = phrase_key(text)
        if not key:
            return
        entries = self._forms.setdefault(key, [])
        # exact: the token texts must match case-sensitively (acronyms: "AU", not "au")
        entry = (kind, value, exact, text if exact else None)
        if entry not in entries:
            entries.append(entry)
        first = key[0]
        self._max_len[first] = max(self._max_len.get(first, 0), len(key))

    def _add_country(self, c):
        iso2 = c["iso2"]
        self.countries[iso2] = CountryEntry(
            iso2, c["name"], c.get("sovereign", True), c.get("capital") or ""
        )
        for name in [c["name"], c.get("official_name") or "", *c.get("other_names", [])]:
            if name:
                self._add_form(name, "country", iso2, exact=name.isupper())
        for demonym in c.get("demonyms", []):
            self.demonym_of.setdefault(fold(demonym), iso2)
            self._add_form(demonym, "demonym", iso2)
        for region in c.get("regions") or []:
            # "Shaanxi Province", "Almaty Region": a place in the country, not the country
            self._add_form(region, "region", iso2)
            if not region.lower().endswith((" region", " province", " oblast", " krai")):
                self._add_form(region + " Province", "region", iso2)
                self._add_form(region + " Region", "region", iso2)
        for city in [c.get("capital") or "", *c.get("cities", [])]:
            if city:
                self.city_of.setdefault(fold(city), iso2)
                self.city_name.setdefault(fold(city), city)
                self._add_form(city, "city", iso2)

    def _add_organisation(self, o):
        key = org_key(o["name"])
        entry = OrgEntry(
            key=key,
            name=o["name"],
            acronym=o.get("acronym") or None,
            kind=o.get("kind") or "other",
            country=o.get("country"),
            parent_key=org_key(o["parent_name"]) if o.get("parent_name") else None,
            names=list(o.get("other_names", [])),
        )
        self.organisations[key] = entry
        if entry.acronym:
            self.acronym_name.setdefault(entry.acronym, entry.name)
        for name in [o["name"], *o.get("other_names", [])]:
            for form in _with_and_without_the(name):
                self._add_form(form, "org", key, exact=form.isupper() and len(form) <= 8)
        if entry.acronym:
            self._add_form(entry.acronym, "acronym", key, exact=True)

    # -- matching ----------------------------------------------------------------
    def matches(self, tokens: list[Token]) -> list[Match]:
        """Longest non-overlapping matches of known forms, left to right."""
        out = []
        n = len(tokens)
        i = 0
        while i < n:
            tok = tokens[i]
            if not tok.is_cap or tok.newline:
                i += 1
                continue
            first = token_key(tok.text)
            longest = self._max_len.get(first)
            if not longest:
                i += 1
                continue
            found = None
            # collect up to `longest` content tokens (skipping hyphens) from i
            content = []
            j = i
            while j < n and len(content) < longest:
                t = tokens[j]
                if t.newline:
                    break
                if not t.is_hyphen:
                    content.append(j)
                j += 1
            for length in range(len(content), 0, -1):
                span = content[:length]
                key = tuple(token_key(tokens[k].text) for k in span)
                entries = self._forms.get(key)
                if not entries or any(_prose_word(tokens, k) for k in span[1:]):
                    continue
                last = span[-1]
                # a match must not end inside a capitalised word run that continues it
                # with a hyphen ("Turkmen-Chinese" is two demonyms, fine either way)
                usable = [
                    e
                    for e in entries
                    if not e[2]
                    or " ".join(tokens[k].text for k in span) == e[3]
                    or "".join(tokens[k].text for k in span) == e[3].replace(" ", "")
                ]
                if usable:
                    found = (i, last + 1, usable)
                    break
            if not found:
                i += 1
                continue
            start, end, entries = found
            for kind, value, _exact, _text in entries:
                out.append(Match(start, end, kind, value))
            i = end
        return out

    # -- lookups -----------------------------------------------------------------
    def country_for_word(self, word: str) -> str | None:
        """ISO code for a demonym or country name written as one word."""
        key = fold(word)
        if key in self.demonym_of:
            return self.demonym_of[key]
        entries = self._forms.get((token_key(word),), [])
        for kind, value, _e, _t in entries:
            if kind == "country":
                return value
        return None

    def country_for_phrase(self, text: str) -> str | None:
        for kind, value, _e, _t in self._forms.get(phrase_key(text), []):
            if kind in ("country", "demonym"):
                return value
        return None

    def org_for_phrase(self, text: str) -> str | None:
        """Key of the known organisation a whole phrase names, if any."""
        for kind, value, _e, _t in self._forms.get(phrase_key(text), []):
            if kind == "org":
                return value
        return None

    def city(self, text: str) -> tuple[str, str] | None:
        """(spelling, iso2) of a known city."""
        key = fold(text)
        if key in self.city_of:
            return self.city_name[key], self.city_of[key]
        return None

    # -- construction ------------------------------------------------------------
    @classmethod
    def from_reference(cls) -> Lexicon:
        """From the fixture files alone (no database): used by tests and dry runs."""
        from diplomacy.reference import load_countries, load_organisations

        orgs = load_organisations()
        names = {o["key"]: o["name"] for o in orgs}
        rows = [dict(o, parent_name=names.get(o.get("parent"))) for o in orgs]
        return cls(load_countries(), rows)

    @classmethod
    def from_database(cls) -> Lexicon:
        """From the Country and Organisation tables, including names editors added.

        Only what does not depend on earlier imports is read: countries, reference
        organisations, and the organisations and persons editors curated (with the names
        they added). Records an import created are left out, so the same files give the
        same register however they are split into runs or resumed."""
        from django.db.models import Q

        from diplomacy.models import Country, Organisation

        countries = [
            {
                "iso2": c.iso2,
                "name": c.name,
                "official_name": c.official_name,
                "other_names": c.other_names,
                "demonyms": c.demonyms,
                "capital": c.capital,
                "cities": c.cities,
                "regions": c.regions,
                "sovereign": c.sovereign,
            }
            for c in Country.objects.all()
        ]
        orgs = []
        queryset = (
            Organisation.objects.public()
            .filter(Q(reference__gt="") | Q(pk__in=Organisation.objects.curated().values("pk")))
            .select_related("country", "parent")
            .prefetch_related("names")
        )
        for o in queryset:
            orgs.append(
                {
                    "name": o.name,
                    "acronym": o.acronym,
                    "kind": o.kind,
                    "country": o.country.iso2 if o.country_id else None,
                    "parent_name": o.parent.name if o.parent_id else None,
                    "other_names": [n.name for n in o.names.all() if n.name != o.acronym],
                }
            )
        from diplomacy.models import Person, PersonName

        persons = Person.objects.public().curated().filter(merged_into__isnull=True)
        person_keys = set(persons.values_list("key", flat=True))
        person_keys |= set(
            PersonName.objects.filter(
                Q(from_editor=True) | Q(person__in=persons), person__merged_into__isnull=True
            ).values_list("key", flat=True)
        )
        return cls(countries, orgs, person_keys)
