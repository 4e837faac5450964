"""Resolution: bind the names a document uses to the register's existing records.

The only pipeline stage that asks the database which entities exist. Persons are found by
the match key of their full name and of every other name (including names an editor added
or merged), organisations by the key of their name, other names and acronym. A merged
person resolves to the record it was merged into. A spelling variant of a person already
in the register is found by ``identity.spelling_variant``, the rule the extractor groups a
document's mentions by (see tests/loading/test_resolution.py for pairs that must and must
not match); another writing of a full name (a short given name, a nasab chain told
shorter) by ``identity.same_person``, with the country or post that tells it from a
relative's.
"""

from __future__ import annotations

import re

from django.db.models import Q
from rapidfuzz import fuzz

from diplomacy.models import (
    Country,
    Organisation,
    OrganisationName,
    Person,
    PersonName,
    Position,
)
from diplomacy.names import name_key, post_key

from . import sql
from .extraction.identity import (
    NASAB_PARTICLES,
    SPELLING_RATIO,
    PersonFacts,
    name_variants,
    person_keys,
    same_person,
    same_person_name,
    spelling_variant,
    variant_prefixes,
)
from .extraction.identity import organisation_key as org_key
from .extraction.types import Extraction, OrganisationMention, PersonEntity

FUZZY_THRESHOLD = SPELLING_RATIO  # the pool's cheap test, before identity decides


class CountryCache:
    """ISO alpha-2 -> Country, loaded once per import."""

    def __init__(self):
        self._by_iso2 = {c.iso2: c for c in Country.objects.all()}

    def get(self, iso2):
        return self._by_iso2.get(iso2) if iso2 else None


def _follow_merges(person):
    seen = set()
    while person is not None and person.merged_into_id and person.pk not in seen:
        seen.add(person.pk)
        person = person.merged_into
    return person


def key_starts_with(prefix: str) -> Q:
    """Keys that start with ``prefix``, as a range of the key index: ``startswith`` is a
    LIKE, which neither SQLite (case-insensitive by default) nor PostgreSQL (outside the
    C collation) reads from an index, so it scanned every person of the register for each
    document. Keys are lower-case letters and digits (``name_key``), which every collation
    orders letter by letter."""
    if not prefix:
        return Q(pk__in=[])
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return Q(key__gte=prefix, key__lt=upper)


def _pool_prefix(given: str) -> str:
    """The start every candidate's key shares with a given name's key. Three letters when
    the given name is long enough that the next word cannot change them (transliteration
    rules work across the word boundary), else two."""
    return given[:3] if len(given) >= 5 else given[:2]


def _could_be(name: str, given: str, surname: str, words: int) -> bool:
    """Whether ``name`` could be a spelling of a name with these given-name and surname
    keys and number of words: as many words, the same first letters, a near-same surname."""
    other = name.split()
    return (
        len(other) == words
        and name_key(other[0])[:3] == given[:3]
        and fuzz.ratio(name_key(other[-1]), surname) >= FUZZY_THRESHOLD
    )


def _fuzzy_pool(entities: list[PersonEntity]) -> list[Person]:
    """Persons who could be a spelling variant of any of ``entities`` (two queries).

    The register may hold hundreds of thousands of persons: the first query reads only
    keys and names of those whose key starts like a wanted given name, the second loads
    the few whose given name and surname pass the same tests as ``_fuzzy_person``."""
    wanted = []
    for e in entities:
        words = e.name.split()
        if len(words) >= 2 and name_key(words[0]):
            wanted.append((name_key(words[0]), name_key(words[-1]), len(words)))
    if not wanted:
        return []
    query = Q()
    for prefix in sorted({_pool_prefix(given) for given, _, _ in wanted}):
        query |= key_starts_with(prefix)
    rows = Person.objects.filter(query).order_by()
    ids = [
        pk
        for pk, name in rows.values_list("pk", "name")[:20000]
        if any(_could_be(name, *w) for w in wanted)
    ]
    return list(Person.objects.filter(pk__in=ids).select_related("merged_into")) if ids else []


def _fuzzy_person(entity: PersonEntity, pool: list[Person]) -> Person | None:
    """The spelling variant in ``pool`` closest to the entity's name (``identity``)."""
    variants = [p for p in pool if spelling_variant(entity.name, p.name)]
    if not variants:
        return None
    key = name_key(entity.name)
    return max(variants, key=lambda p: fuzz.ratio(p.key, key))


def entity_keys(entity: PersonEntity) -> list[str]:
    return person_keys(entity.name, entity.aliases)


def resolve_persons(entities: list[PersonEntity]) -> list[Person | None]:
    """The register's person for each of a document's persons, in two or three queries.

    In order of preference: a name an editor added or merged, then a
    person's own name, then another name seen before, then a near-identical spelling."""
    wanted = {k for e in entities for k in entity_keys(e)}
    if not wanted:
        return [None] * len(entities)
    by_name: dict[str, PersonName] = {}
    for row in sql.records(PersonName, ("-from_editor", "id"), key__in=wanted):
        by_name.setdefault(row.key, row)
    by_key: dict[str, Person] = {}
    by_id: dict[int, Person] = {}
    for person in sql.records(Person, ("id",), key__in=wanted):
        by_key.setdefault(person.key, person)
        by_id[person.pk] = person
    missing = {row.person_id for row in by_name.values()} - by_id.keys()
    if missing:
        by_id.update((p.pk, p) for p in sql.records(Person, id__in=missing))
    for row in by_name.values():
        row.person = by_id[row.person_id]
    out = []
    for entity in entities:
        keys = entity_keys(entity)
        found = next((by_name[k] for k in keys if k in by_name and by_name[k].from_editor), None)
        person = found.person if found else None
        person = person or next((by_key[k] for k in keys if k in by_key), None)
        if person is None:
            row = next((by_name[k] for k in keys if k in by_name), None)
            person = row.person if row else None
        out.append(_follow_merges(person) if person else None)
    # then a spelling variant, then another writing of the name, each pool read once
    for read_pool, pick in ((_fuzzy_pool, _fuzzy_person), (_variant_pool, _variant_person)):
        missing = [i for i, person in enumerate(out) if person is None]
        if missing:
            pool = read_pool([entities[i] for i in missing])
            for i in missing:
                found = pick(entities[i], pool)
                out[i] = _follow_merges(found) if found else None
    return out


def _variant_pool(entities: list[PersonEntity]) -> dict[Person, PersonFacts]:
    """Persons whose name may be another writing of an entity's (``identity.name_variants``),
    with what the register says of them (five queries at most): the first two read the
    names of persons and other names whose key starts like a wanted given name's, and
    only the persons one of whose names pairs with an entity's are read further (none,
    for most documents)."""
    wanted = [name for entity in entities for name in [entity.name, *entity.aliases]]
    with_particle = Q()  # a nasab chain: "bin", "ibn" ... between its names
    for particle in NASAB_PARTICLES:
        with_particle |= Q(name__icontains=f" {particle} ")
    query = Q()
    for name in wanted:
        prefixes, nasab = variant_prefixes(name)
        for prefix in prefixes:
            within = key_starts_with(prefix)
            query |= (within & with_particle) if nasab else within
    if not query:
        return {}
    named = list(Person.objects.filter(query).order_by().values_list("pk", "name")[:20000])
    named += PersonName.objects.filter(query).order_by().values_list("person", "name")[:20000]
    ids = {pk for pk, name in named if _pairs_with(name, wanted)}
    if not ids:
        return {}
    persons = Person.objects.filter(pk__in=ids).select_related("country", "merged_into")
    names: dict[int, list[str]] = {}
    for person_id, name in PersonName.objects.filter(person__in=ids).values_list("person", "name"):
        names.setdefault(person_id, []).append(name)
    posts: dict[int, set[str]] = {}
    for person_id, title in Position.objects.filter(person__in=ids).values_list("person", "title"):
        posts.setdefault(person_id, set()).add(post_key(title))
    return {
        p: PersonFacts(
            names=(p.name, *names.get(p.pk, ())),
            posts=frozenset(posts.get(p.pk, ())),
            country=p.country.iso2 if p.country else None,
        )
        for p in persons
    }


def _pairs_with(name: str, wanted: list[str]) -> bool:
    """Whether ``name`` is one of ``wanted`` or another writing of one (the names
    ``identity.same_person`` compares before anything else)."""
    return any(same_person_name(name, w) or name_variants(name, w) for w in wanted)


def _variant_person(entity: PersonEntity, pool: dict[Person, PersonFacts]) -> Person | None:
    """The one person in ``pool`` the entity is, its name written another way
    (``identity.same_person`` across documents: the same country or post)."""
    facts = PersonFacts(
        names=(entity.name, *entity.aliases),
        posts=frozenset(post_key(p.title) for p in entity.positions),
        country=entity.country,
    )
    found = {_follow_merges(p) for p, known in pool.items() if same_person(facts, known, False)}
    return found.pop() if len(found) == 1 else None


def find_organisation(mention: OrganisationMention, names: set[str]) -> Organisation | None:
    """The register's organisation for a mention (its key, other spellings, acronym)."""
    keys = {mention.key} | {org_key(n) for n in names}
    keys.discard("")
    org = Organisation.objects.filter(key__in=keys).order_by("id").first()
    if org is None:
        hit = OrganisationName.objects.filter(key__in=keys).select_related("organisation").first()
        org = hit.organisation if hit else None
    if org is None and mention.acronym:
        org = (
            Organisation.objects.filter(acronym=mention.acronym)
            .exclude(review=Organisation.Review.REJECTED)
            .order_by("id")
            .first()
        )
    return org


_TRAILING_PARENS = re.compile(r"\s*\([^)]*\)\s*$")


def surface_names(mentions: list[OrganisationMention]) -> set[str]:
    """The names a document writes for one body, without a trailing "(ACRONYM)"; names
    implied by a title ("Kazakh Foreign Minister") are not names of the body."""
    names = {_TRAILING_PARENS.sub("", " ".join(m.text.split())) for m in mentions if not m.implied}
    acronym = mentions[0].acronym if mentions else None
    return {n for n in names if n and n != acronym}


def resolve_organisations(groups: dict[str, list[OrganisationMention]]) -> dict[str, Organisation]:
    """The register's organisation for each group of mentions, by name keys, in two or
    three queries.

    Groups with no match by name are left out (the caller tries the acronym)."""
    keys_of = {key: {key} | {org_key(n) for n in surface_names(ms)} for key, ms in groups.items()}
    wanted = set().union(*keys_of.values()) - {""} if keys_of else set()
    if not wanted:
        return {}
    by_key, by_id = {}, {}
    for org in sql.records(Organisation, ("id",), key__in=wanted):
        by_key.setdefault(org.key, org)
        by_id[org.pk] = org
    names = sql.values(OrganisationName, ("key", "organisation_id", "id"), key__in=wanted)
    missing = {org_id for _, org_id, _ in names} - by_id.keys()
    if missing:
        by_id.update((o.pk, o) for o in sql.records(Organisation, id__in=missing))
    by_name = {}
    for key, org_id, _ in sorted(names, key=lambda row: row[2]):
        by_name.setdefault(key, by_id[org_id])
    out = {}
    for key, keys in keys_of.items():
        org = by_key.get(key) or next((by_key[k] for k in keys if k in by_key), None)
        org = org or next((by_name[k] for k in keys if k in by_name), None)
        if org is not None:
            out[key] = org
    return out


def organisation_groups(extraction: Extraction) -> dict[str, list[OrganisationMention]]:
    """Mentions of each organisation of a document, by key."""
    groups: dict[str, list[OrganisationMention]] = {}
    for m in extraction.organisations:
        groups.setdefault(m.key, []).append(m)
    return groups
