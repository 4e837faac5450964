"""Merging duplicate persons and organisations, and splitting a wrong mention off a person.

Each function runs in one transaction, moves every row that points at the duplicates to the
survivor (resolving unique-constraint clashes by keeping the survivor's row) and records
the change in the history of the records and in the admin log.

Merged persons are kept, with ``merged_into`` set and review "rejected": public pages drop
them, their history stays browsable, an old link can be redirected, and editors need no
delete permission. Organisations have no ``merged_into`` field, so merged ones are deleted
(their history keeps a deletion row with the reason).
"""

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.db import transaction

from diplomacy.meeting_titles import respell_meetings_of
from diplomacy.models import (
    Evidence,
    Meeting,
    Organisation,
    OrganisationName,
    Participation,
    Person,
    PersonName,
    Position,
    Review,
    Statement,
)
from diplomacy.names import name_key, org_key

# simple_history's change reason column is a CharField(max_length=100)
REASON_LENGTH = 100


def _reason(text):
    return text if len(text) <= REASON_LENGTH else text[: REASON_LENGTH - 1] + "…"


def _save_with_reason(obj, reason, user):
    obj._change_reason = _reason(reason)
    if user is not None:
        obj._history_user = user
    obj.save()


def _log(user, objs, action_flag, message):
    if user is not None and objs:
        LogEntry.objects.log_actions(user.pk, objs, action_flag, message)


def _merge_position_into(position, kept):
    """Fold a duplicate post into the one kept: widen the dates, keep its evidence."""
    Evidence.objects.filter(position=position).update(position=kept)
    starts = [d for d in (kept.start, position.start) if d]
    ends = [d for d in (kept.end, position.end) if d]
    kept.start = min(starts) if starts else None
    kept.end = max(ends) if ends else None
    kept.from_editor = kept.from_editor or position.from_editor
    kept.save()
    position.delete()


def _position_slot(position):
    return (position.person_id, position.title, position.organisation_id, position.country_id)


def _move_positions(positions, **new_values):
    """Point ``positions`` at a new person or organisation, merging those that would clash."""
    for position in positions:
        for field, value in new_values.items():
            setattr(position, field, value)
        kept = (
            Position.objects.filter(
                person_id=position.person_id,
                title=position.title,
                organisation_id=position.organisation_id,
                country_id=position.country_id,
            )
            .exclude(pk=position.pk)
            .first()
        )
        if kept is None:
            position.save()
        else:
            _merge_position_into(position, kept)


@transaction.atomic
def merge_persons(survivor, others, user=None):
    """Merge ``others`` into ``survivor``; returns the merged persons."""
    others = [p for p in others if p.pk != survivor.pk]
    if not others:
        return []
    survivor_names = set(survivor.names.values_list("name", flat=True))

    for other in others:
        # participations: one per meeting, the survivor's kept
        taken = dict(survivor.participations.values_list("meeting_id", "pk"))
        for participation in other.participations.all():
            kept_pk = taken.get(participation.meeting_id)
            if kept_pk is None:
                participation.person = survivor
                participation.save()
                continue
            Evidence.objects.filter(participation=participation).update(participation_id=kept_pk)
            if participation.role:
                Participation.objects.filter(pk=kept_pk, role="").update(role=participation.role)
            participation.delete()

        Statement.objects.filter(speaker=other).update(speaker=survivor)
        Evidence.objects.filter(person=other).update(person=survivor)
        _move_positions(other.positions.all(), person=survivor)

        # names: the other's own name and spellings become the survivor's
        for person_name in other.names.all():
            if person_name.name in survivor_names:
                person_name.delete()
            else:
                person_name.person = survivor
                person_name.from_editor = True
                person_name.save()
                survivor_names.add(person_name.name)
        if other.name in survivor_names:
            survivor.names.filter(name=other.name).update(from_editor=True)
        else:
            PersonName.objects.create(person=survivor, name=other.name, from_editor=True)
            survivor_names.add(other.name)

        if survivor.country_id is None and other.country_id is not None:
            survivor.country_id = other.country_id
        if not survivor.gender and other.gender:
            survivor.gender = other.gender

        # earlier merges into the other now point at the survivor
        Person.objects.filter(merged_into=other).update(merged_into=survivor)
        other.merged_into = survivor
        other.review = Review.REJECTED
        _save_with_reason(other, f"Merged into {survivor.name} (#{survivor.pk})", user)

    message = "Merged {} into {}".format(", ".join(p.name for p in others), survivor.name)
    _save_with_reason(survivor, message, user)
    # the others' names are the survivor's other names now: titles spell them its way
    respell_meetings_of(survivor, user=user)
    _log(user, [survivor], CHANGE, message)
    _log(user, others, CHANGE, f"Merged into {survivor.name} (#{survivor.pk})")
    return others


@transaction.atomic
def merge_organisations(survivor, others, user=None):
    """Merge ``others`` into ``survivor`` and delete them; returns their names."""
    others = [o for o in others if o.pk != survivor.pk]
    if not others:
        return []
    other_pks = [o.pk for o in others]
    survivor_keys = set(survivor.names.values_list("key", flat=True)) | {survivor.key}

    def add_name(name):
        key = org_key(name)
        if key and key not in survivor_keys:
            OrganisationName.objects.create(organisation=survivor, name=name)
            survivor_keys.add(key)

    for other in others:
        for org_name in list(other.names.all()):
            add_name(org_name.name)
        add_name(other.name)
        if other.acronym:
            add_name(other.acronym)
            if not survivor.acronym:
                survivor.acronym = other.acronym
        if survivor.country_id is None and other.country_id is not None:
            survivor.country_id = other.country_id
        survivor.members.add(*other.members.all())

        Evidence.objects.filter(organisation=other).update(organisation=survivor)
        Meeting.objects.filter(organisation=other).update(organisation=survivor)
        _move_positions(other.positions.all(), organisation=survivor)

    # organs of the merged bodies belong to the survivor, which is never its own organ
    Organisation.objects.filter(parent_id__in=other_pks).exclude(pk=survivor.pk).update(
        parent=survivor
    )
    if survivor.parent_id in other_pks:
        survivor.parent = None

    names = [o.name for o in others]
    message = "Merged {} into {}".format(", ".join(names), survivor.name)
    _log(user, others, DELETION, f"Merged into {survivor.name} (#{survivor.pk})")
    for other in others:
        other._change_reason = _reason(f"Merged into {survivor.name} (#{survivor.pk})")
        if user is not None:
            other._history_user = user
        other.delete()
    _save_with_reason(survivor, message, user)
    _log(user, [survivor], CHANGE, message)
    return names


@transaction.atomic
def split_person(person, evidence_ids, name, user=None):
    """Move the mentions ``evidence_ids`` of ``person`` to a new person called ``name``.

    The other name of ``person`` spelled like the mention moves too, so later imports
    resolve that spelling to the new person. Returns the new person.
    """
    evidence = Evidence.objects.filter(person=person, pk__in=evidence_ids)
    if not evidence.exists():
        raise ValueError("None of the selected evidence belongs to this person.")
    name = (name or "").strip() or evidence.order_by("pk").first().text.strip()
    if not name:
        raise ValueError("The new person needs a name.")

    new = Person(name=name)
    new.lock("name")
    _save_with_reason(new, f"Split off {person.name} (#{person.pk})", user)
    moved = evidence.update(person=new)
    person.names.filter(key=name_key(name)).update(person=new, from_editor=True)

    message = f"Split {moved} mention(s) of {name!r} off into {new.name} (#{new.pk})"
    _save_with_reason(person, message, user)
    _log(user, [new], ADDITION, f"Split off {person.name} (#{person.pk})")
    _log(user, [person], CHANGE, message)
    return new
