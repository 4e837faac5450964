"""Reference data for the diplomacy register: countries and organisations.

The data lives in ``fixtures/countries.json`` and ``fixtures/organisations.json`` at the
project root. This module is plain Python (no Django imports) so that it can be used by
the pipeline, by management commands and by tests without a database or settings.

``load_countries()`` and ``load_organisations()`` are cached: callers get the same list
object every time and must treat it as read-only.

``validate_reference()`` checks both files for internal consistency and returns a list of
human-readable problems; an empty list means the data is consistent.
"""

import json
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fixtures"
COUNTRIES_FILE = FIXTURES_DIR / "countries.json"
ORGANISATIONS_FILE = FIXTURES_DIR / "organisations.json"

ORGANISATION_KINDS = (
    "intergovernmental",
    "ministry",
    "party",
    "parliament",
    "government",
    "think_tank",
    "university",
    "company",
    "media",
    "other",
)

COUNTRY_FIELDS = (
    "iso2",
    "iso3",
    "name",
    "official_name",
    "other_names",
    "demonyms",
    "capital",
    "cities",
    "sovereign",
    "regions",
)
ORGANISATION_FIELDS = (
    "key",
    "name",
    "acronym",
    "other_names",
    "kind",
    "country",
    "parent",
    "members",
)

_ISO2_RE = re.compile(r"^[A-Z]{2}$")
_ISO3_RE = re.compile(r"^[A-Z]{3}$")
_KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _read_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=1)
def load_countries():
    """All ISO 3166-1 entries as a list of dicts, sorted by iso2 (read-only)."""
    return _read_json(COUNTRIES_FILE)


@lru_cache(maxsize=1)
def load_organisations():
    """International organisations, their organs and news outlets (read-only)."""
    return _read_json(ORGANISATIONS_FILE)


def countries_by_iso2():
    """A dict iso2 -> country entry."""
    return {country["iso2"]: country for country in load_countries()}


def organisations_by_key():
    """A dict key -> organisation entry."""
    return {org["key"]: org for org in load_organisations()}


def country_names(country):
    """Every name a country is known by: name, official name and other names (no exact repeats)."""
    names = [
        country.get("name"),
        country.get("official_name"),
        *(country.get("other_names") or []),
    ]
    return _unique_nonempty(names)


def organisation_names(org):
    """Every name an organisation is known by: name, acronym and other names (no exact repeats)."""
    names = [org.get("name"), org.get("acronym"), *(org.get("other_names") or [])]
    return _unique_nonempty(names)


def _unique_nonempty(names):
    """Drop empty and exactly repeated names, keeping order.

    Spellings that differ only in case ("BelTA", "BeLTA") are kept: a case-sensitive
    matcher needs both. The validator compares names case-insensitively on its own.
    """
    seen = set()
    result = []
    for name in names:
        if name and name not in seen:
            seen.add(name)
            result.append(name)
    return result


def _is_str_list(value):
    return isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value)


def _validate_countries(countries, problems):
    seen_iso2 = set()
    seen_iso3 = set()
    name_owner = defaultdict(set)  # casefolded name -> iso2 codes using it
    demonym_owner = defaultdict(set)
    place_owner = defaultdict(set)  # capitals and cities

    for index, country in enumerate(countries):
        label = country.get("iso2") or f"country #{index}"
        missing = [field for field in COUNTRY_FIELDS if field not in country]
        if missing:
            problems.append(f"{label}: missing fields {', '.join(missing)}")
            continue

        iso2, iso3 = country["iso2"], country["iso3"]
        if not isinstance(iso2, str) or not _ISO2_RE.match(iso2):
            problems.append(f"{label}: malformed iso2 {iso2!r}")
        if not isinstance(iso3, str) or not _ISO3_RE.match(iso3):
            problems.append(f"{label}: malformed iso3 {iso3!r}")
        if iso2 in seen_iso2:
            problems.append(f"duplicate iso2 {iso2}")
        if iso3 in seen_iso3:
            problems.append(f"duplicate iso3 {iso3}")
        seen_iso2.add(iso2)
        seen_iso3.add(iso3)

        if not isinstance(country["name"], str) or not country["name"].strip():
            problems.append(f"{label}: empty name")
            continue
        if not isinstance(country["official_name"], str) or not country["official_name"].strip():
            problems.append(f"{label}: empty official_name")
        for field in ("other_names", "demonyms", "cities"):
            if not _is_str_list(country[field]):
                problems.append(f"{label}: {field} must be a list of non-empty strings")
        if not isinstance(country["sovereign"], bool):
            problems.append(f"{label}: sovereign must be true or false")
        capital = country["capital"]
        if capital is not None and (not isinstance(capital, str) or not capital.strip()):
            problems.append(f"{label}: capital must be a non-empty string or null")

        if country["sovereign"] is True:
            if not country["demonyms"]:
                problems.append(f"{label}: sovereign state without a demonym")
            if not capital:
                problems.append(f"{label}: sovereign state without a capital")

        for name in country_names(country):
            name_owner[name.casefold()].add(iso2)
        for demonym in _unique_nonempty(
            country["demonyms"] if _is_str_list(country["demonyms"]) else []
        ):
            demonym_owner[demonym.casefold()].add(iso2)
        places = [capital] + (country["cities"] if _is_str_list(country["cities"]) else [])
        for place in _unique_nonempty(places):
            place_owner[place.casefold()].add(iso2)

    for name, owners in sorted(name_owner.items()):
        if len(owners) > 1:
            problems.append(f"country name {name!r} used by {', '.join(sorted(owners))}")
    for demonym, owners in sorted(demonym_owner.items()):
        if len(owners) > 1:
            problems.append(f"demonym {demonym!r} shared by {', '.join(sorted(owners))}")
        clash = name_owner.get(demonym, set()) - owners
        if clash:
            problems.append(
                f"demonym {demonym!r} of {', '.join(sorted(owners))} is a name of {', '.join(sorted(clash))}"
            )
    for place, owners in sorted(place_owner.items()):
        if len(owners) > 1:
            problems.append(f"city {place!r} listed for {', '.join(sorted(owners))}")

    return seen_iso2, name_owner


def _validate_organisations(organisations, iso2_codes, country_name_owner, problems):
    keys = set()
    for org in organisations:
        key = org.get("key")
        if key in keys:
            problems.append(f"duplicate organisation key {key!r}")
        keys.add(key)

    name_owner = defaultdict(set)
    acronym_owner = defaultdict(set)
    parents = {}

    for index, org in enumerate(organisations):
        label = org.get("key") or f"organisation #{index}"
        missing = [field for field in ORGANISATION_FIELDS if field not in org]
        if missing:
            problems.append(f"{label}: missing fields {', '.join(missing)}")
            continue

        key = org["key"]
        if not isinstance(key, str) or not _KEY_RE.match(key):
            problems.append(f"{label}: malformed key {key!r}")
        if not isinstance(org["name"], str) or not org["name"].strip():
            problems.append(f"{label}: empty name")
            continue
        acronym = org["acronym"]
        if acronym is not None and (not isinstance(acronym, str) or not acronym.strip()):
            problems.append(f"{label}: acronym must be a non-empty string or null")
        if not _is_str_list(org["other_names"]):
            problems.append(f"{label}: other_names must be a list of non-empty strings")
        if org["kind"] not in ORGANISATION_KINDS:
            problems.append(f"{label}: unknown kind {org['kind']!r}")
        if org["country"] is not None and org["country"] not in iso2_codes:
            problems.append(f"{label}: unknown country {org['country']!r}")
        parent = org["parent"]
        if parent is not None:
            if parent not in keys:
                problems.append(f"{label}: unknown parent {parent!r}")
            elif parent == key:
                problems.append(f"{label}: is its own parent")
            else:
                parents[key] = parent
        members = org["members"]
        if not isinstance(members, list):
            problems.append(f"{label}: members must be a list")
        else:
            for member in members:
                if member not in iso2_codes:
                    problems.append(f"{label}: unknown member {member!r}")
            if len(set(members)) != len(members):
                problems.append(f"{label}: duplicate members")

        names = [org["name"]] + (org["other_names"] if _is_str_list(org["other_names"]) else [])
        for name in _unique_nonempty(names):
            name_owner[name.casefold()].add(key)
            if name.casefold() in country_name_owner:
                problems.append(f"{label}: name {name!r} is also a country name")
        if acronym:
            acronym_owner[acronym].add(key)

    for name, owners in sorted(name_owner.items()):
        if len(owners) > 1:
            problems.append(f"organisation name {name!r} used by {', '.join(sorted(owners))}")
    for acronym, owners in sorted(acronym_owner.items()):
        if len(owners) > 1:
            problems.append(f"acronym {acronym!r} used by {', '.join(sorted(owners))}")

    # parent chains must end at a root
    for start in parents:
        seen = {start}
        current = parents.get(start)
        while current is not None:
            if current in seen:
                problems.append(f"{start}: parent chain has a cycle")
                break
            seen.add(current)
            current = parents.get(current)


def validate_reference(countries=None, organisations=None):
    """Return a list of problems in the reference data ([] when it is consistent).

    Defaults to the fixture files; pass lists to check other data (used by tests).
    """
    if countries is None:
        countries = load_countries()
    if organisations is None:
        organisations = load_organisations()
    problems = []
    if not isinstance(countries, list):
        return ["countries data must be a list"]
    if not isinstance(organisations, list):
        return ["organisations data must be a list"]
    iso2_codes, country_name_owner = _validate_countries(countries, problems)
    _validate_organisations(organisations, iso2_codes, country_name_owner, problems)
    return problems
