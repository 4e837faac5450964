"""Titles the extractor made up from participants' names ('Meeting of A, B and C') name
no one an editor rejected: the public would read the rejected name in every list, page,
search result and download that shows the meeting. And they spell each participant as the
register does, as the person's own page does: the importer writes the register's names
instead of the article's spellings, and renaming or merging a person respells the titles of
their meetings (``respell_meetings_of``).

A title counts as generated when it is one of the extractor's forms and every name in it
is one of the meeting's participants; a title an editor wrote or changed is left alone.
Rejecting a person takes their name out of such titles (with a history row); un-rejecting
puts it back at the end. The importer leaves rejected names out of the titles it makes.
"""

import re

from django.db.models import Prefetch
from simple_history.utils import bulk_update_with_history

from diplomacy.models import Meeting, Participation, Review

# the forms articles/extraction/meetings/merging.py gives a meeting it has no name for
# (and, when one name is left, "Meeting with A" or "Call with A")
GENERATED = re.compile(r"(Meeting of|Meeting with|Call between|Call with) (.+)")
ONE_LEFT = {"Meeting of": "Meeting with", "Call between": "Call with"}


def join_names(names):
    """'A', 'A and B', 'A, B and C': as the extractor joins them."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def split_title(title):
    """(form, names) of a title in a generated form, else (None, [])."""
    match = GENERATED.fullmatch(title or "")
    if not match:
        return None, []
    form, rest = match.groups()
    head, _, last = rest.rpartition(" and ")
    names = [*head.split(", "), last] if head else [rest]
    return form, names


def without_names(title, hidden):
    """``title`` without the names in ``hidden`` when it is in a generated form ('' when no
    name is left: the meeting is then called by its kind and date)."""
    form, names = split_title(title)
    if form is None or not set(names) & set(hidden):
        return title
    kept = [name for name in names if name not in hidden]
    if len(kept) == 1:
        form = ONE_LEFT.get(form, form)
    return f"{form} {join_names(kept)}" if kept else ""


def retitled(meeting, participants, person):
    """The meeting's title after ``person``'s review changed, or None to leave it."""
    form, names = split_title(meeting.title)
    if form is None or "title" in meeting.locked_fields:
        return None
    everyone = {p.name for p in participants}
    if not set(names) <= everyone:
        return None  # names someone who took no part: not the extractor's title
    if person.review == Review.REJECTED:
        title = without_names(meeting.title, {person.name})
    elif person.name not in names:
        title = f"{form} {join_names([*names, person.name])}"
    else:
        return None
    return title if title != meeting.title else None


def retitle_meetings_of(persons, user=None):
    """Take rejected ``persons``' names out of their meetings' generated titles, put the
    names of those no longer rejected back; returns how many meetings changed."""
    changed = []
    for person in persons:
        meetings = Meeting.objects.filter(participations__person=person).prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("person"),
                to_attr="all_participations",
            )
        )
        for meeting in meetings.distinct():
            title = retitled(meeting, [p.person for p in meeting.all_participations], person)
            if title is not None:
                meeting.title = title
                changed.append(meeting)
    if changed:
        bulk_update_with_history(
            changed,
            Meeting,
            ["title"],
            default_user=user,
            default_change_reason="Title names a participant's changed review",
        )
    return len(changed)


def respelt(title, spellings):
    """``title`` with the names in ``spellings`` (a spelling -> the register's name)
    replaced, when it is in a generated form; names a merge made one are named once."""
    form, names = split_title(title)
    if form is None or not set(names) & set(spellings):
        return title
    kept = list(dict.fromkeys(spellings.get(name, name) for name in names))
    if len(kept) == 1:
        form = ONE_LEFT.get(form, form)
    return f"{form} {join_names(kept)}"


def respell_meetings_of(person, also=(), user=None):
    """Spell ``person`` by their current name in the generated titles of their meetings,
    where a title has one of their other names (or a name in ``also``, such as the one
    an editor just changed); returns how many meetings changed."""
    spellings = {
        name: person.name
        for name in [*person.names.values_list("name", flat=True), *also]
        if name != person.name
    }
    if not spellings:
        return 0
    changed = []
    for meeting in Meeting.objects.filter(participations__person=person).distinct():
        title = respelt(meeting.title, spellings)[:300]
        if title != meeting.title and "title" not in meeting.locked_fields:
            meeting.title = title
            changed.append(meeting)
    if changed:
        bulk_update_with_history(
            changed,
            Meeting,
            ["title"],
            default_user=user,
            default_change_reason="Title spells a participant by their current name",
        )
    return len(changed)
