"""Persons: found in the register or created, their other names, and their posts."""

from __future__ import annotations

from diplomacy.models import Person, PersonName, Position
from diplomacy.names import name_key, post_key, post_key_without_domain

from .. import sql
from ..resolution import resolve_persons
from .state import save_if_changed


def load_persons(state):
    """Each person found or created (``state.person_for``), their other names and posts.

    Reads ``state.org_for`` for the organisations of posts."""
    by_entity: dict[int, list] = {}
    for m in state.extraction.person_mentions:
        by_entity.setdefault(m.entity, []).append(m)
    entities = state.extraction.persons
    new = []
    for index, (entity, person) in enumerate(zip(entities, resolve_persons(entities), strict=True)):
        country = state.countries.get(entity.country)
        if person is None:
            name = entity.name[:200]
            person = Person(
                name=name, key=name_key(name), country=country, gender=entity.gender or ""
            )
            new.append(person)
            state.counts[("person", "created")] += 1
        else:
            changed = False
            if country and not person.country_id and not person.is_locked("country"):
                person.country = country
                state.gained_country.add(person.pk)
                changed = True
            if entity.gender and not person.gender and not person.is_locked("gender"):
                person.gender = entity.gender
                changed = True
            save_if_changed(state, "person", person, changed)
        state.person_for[index] = person
        for m in by_entity.get(index, []):
            state.add_evidence("person", m.start, m.end, person=person)
    # the register's other names and posts are looked up for persons it held before
    found = {p.pk for p in state.person_for.values() if p.pk}
    # one INSERT for the new persons (no history row: history records editors' changes)
    sql.create(new)
    state.new_persons = {p.pk for p in new}
    _person_names(state, found)
    _positions(state, by_entity, found)


def _person_names(state, found):
    """Every full-name spelling seen becomes another name of its person (one query for
    the persons ``found`` in the register, one insert)."""
    existing = set(sql.values(PersonName, ("person_id", "name"), person_id__in=found))
    new = {}
    for index, entity in enumerate(state.extraction.persons):
        person = state.person_for[index]
        for name in [entity.name, *entity.aliases]:
            name = " ".join(name.split())[:200]
            if name and name != person.name and len(name.split()) >= 2:
                if (person.pk, name) not in existing:
                    new[(person.pk, name)] = PersonName(
                        person=person, name=name, key=name_key(name)
                    )
    sql.create(new.values(), ignore_conflicts=True)


def _positions(state, by_entity, found):
    """Posts the text gives, with the span of the full name as evidence (one query for
    the posts of the persons ``found`` in the register, one insert, one update)."""
    when = _document_date(state.document)
    # one post however it is worded: "Foreign Minister" is "Minister of Foreign Affairs"
    rows: dict[tuple, list[Position]] = {}
    for p in sql.records(Position, ("id",), person_id__in=found):
        rows.setdefault((p.person_id, post_key(p.title)), []).append(p)
    # the fullest of the rows an editor or older import left for one post
    existing = {
        key: max(found, key=lambda p: (p.organisation_id is not None, p.country_id is not None))
        for key, found in rows.items()
    }
    single = {key for key, found in rows.items() if len(found) == 1}
    created, changed, anchors = {}, {}, []
    for index, entity in enumerate(state.extraction.persons):
        person = state.person_for[index]
        mentions = by_entity.get(index, [])
        anchor = next((m for m in mentions if m.form == "full"), mentions[0] if mentions else None)
        for p in entity.positions:
            org = state.org_for.get(p.organisation_key) if p.organisation_key else None
            country = state.countries.get(p.country)
            key = (person.pk, post_key(p.title[:300]))
            position = existing.get(key) or created.get(key)
            if position is None:
                key, position = _with_domain(key, p.title[:300], existing, created)
                if position is not None and position.pk:
                    changed[position.pk] = position  # its title may be the fuller one now
            if position is not None and (key in single or not position.pk):
                if _fill_post(position, org, country) and position.pk:
                    changed[position.pk] = position
            if position is None:
                position = Position(
                    person=person,
                    title=p.title[:300],
                    organisation=org,
                    country=country,
                    start=when,
                    end=when,
                )
                created[key] = position
            elif when and (
                position.start is None
                or when < position.start
                or position.end is None
                or when > position.end
            ):
                position.start = min(position.start or when, when)
                position.end = max(position.end or when, when)
                if position.pk:
                    changed[position.pk] = position
            if anchor:
                anchors.append((position, anchor))
    sql.create(created.values())
    if changed:
        sql.update_rows(
            Position, ["title", "start", "end", "organisation", "country"], changed.values()
        )
    state.counts[("position", "created")] += len(created)
    for position, anchor in anchors:
        state.add_evidence("position", anchor.start, anchor.end, position=position)


def _with_domain(key, title, *posts_by_key):
    """The person's post this title tells with its domain added or cut ("EU High
    Representative" and "... of the European Union for Foreign Affairs and Security
    Policy"), with the fuller title kept; (key, None) when there is none."""
    person_pk, wording = key
    cut = post_key_without_domain(title)
    for posts in posts_by_key:
        for (pk, held), position in posts.items():
            if pk != person_pk:
                continue
            if held == cut:
                position.title = title
                return (pk, held), position
            if post_key_without_domain(position.title) == wording:
                return (pk, held), position
    return key, None


def _document_date(doc):
    if doc.published:
        return doc.published
    dates = [s.date for s in doc.stories if s.date]
    return max(dates) if dates else None


def _fill_post(position, org, country) -> bool:
    """The body and country another wording of the post names, where it had none."""
    filled = False
    if org is not None and position.organisation_id is None:
        position.organisation = org
        filled = True
    if country is not None and position.country_id is None:
        position.country = country
        filled = True
    return filled
