"""Meetings: one record per real meeting, however many reports; their participants."""

from __future__ import annotations

from diplomacy.meeting_titles import respelt, split_title, without_names
from diplomacy.models import Meeting, Participation, Review

from .. import sql
from ..extraction.identity import (
    GROUP_KINDS,
    OPEN_KINDS,
    facts_of_report,
    facts_of_row,
    same_meeting,
    search_window,
)
from ..extraction.types import MeetingCandidate, Precision
from .state import save_if_changed


def load_meetings(state):
    """Each meeting once: an earlier report of it is found, else it is created.

    Reads ``state.person_for`` and ``state.org_for``; writes ``state.meeting_for`` and
    ``state.participants``."""
    candidates = state.extraction.meetings
    earlier = _earlier_meetings(candidates, _who_could_match(state))
    created, participations = [], []
    for index, candidate in enumerate(candidates):
        people = [
            state.person_for[p.entity]
            for p in candidate.participants
            if p.entity in state.person_for
        ]
        roles = {
            state.person_for[p.entity].pk: p.role
            for p in candidate.participants
            if p.entity in state.person_for
        }
        meeting = _find_meeting(state, candidate, people, earlier)
        if meeting is None:
            meeting = Meeting(
                title=respelt(
                    without_names(candidate.title, _rejected_names(state, candidate)),
                    _register_spellings(state, candidate),
                )[:300],
                kind=candidate.kind if candidate.kind in Meeting.Kind.values else "other",
                status=candidate.status,
                date=candidate.date,
                date_precision=candidate.precision,
                end_date=candidate.end_date
                if candidate.end_date and candidate.date and candidate.end_date >= candidate.date
                else None,
                city=(candidate.city or "")[:100],
                country=state.countries.get(candidate.country),
                organisation=state.org_for.get(candidate.organisation_key)
                if candidate.organisation_key
                else None,
            )
            created.append(meeting)
            existing = set()
            state.counts[("meeting", "created")] += 1
        else:
            existing = set(earlier[meeting])
            _update_meeting(state, meeting, candidate)
        state.meeting_for[index] = meeting
        state.participants |= existing | {p.pk for p in people}
        if not meeting.is_locked("participants"):
            participations += [
                Participation(
                    meeting=meeting, person=person, role=(roles.get(person.pk) or "")[:300]
                )
                for person in {p.pk: p for p in people}.values()
                if person.pk not in existing
            ]
        for start, end in candidate.spans or [(candidate.start, candidate.end)]:
            state.add_evidence("meeting", start, end, meeting=meeting)
    participations = _not_removed_by_editors(participations)  # before new meetings get ids
    # new meetings in one INSERT (their ids come back), then their participants
    sql.create(created)
    sql.create(participations, ignore_conflicts=True)


def _not_removed_by_editors(participations):
    """The participations, less those an editor took out of a meeting already in the
    register (a new meeting has no id yet, and no editor has seen it)."""
    removed = Participation.removed_by_editors(
        {p.meeting.pk for p in participations if p.meeting.pk is not None}
    )
    return [p for p in participations if (p.meeting.pk, p.person.pk) not in removed]


def _rejected_names(state, candidate) -> set[str]:
    """Names of the candidate's participants an editor rejected, as the register and as
    the article give them: a title made from names leaves them out."""
    names = set()
    for p in candidate.participants:
        person = state.person_for.get(p.entity)
        if person is not None and person.review == Review.REJECTED:
            names |= {person.name, state.extraction.persons[p.entity].name}
    return names


def _register_spellings(state, candidate) -> dict[str, str]:
    """The article's spelling of each participant -> the register's name: a title made
    from names spells them as the person pages do."""
    return {
        state.extraction.persons[p.entity].name: state.person_for[p.entity].name
        for p in candidate.participants
        if p.entity in state.person_for
    }


def _earlier_meetings(candidates, could_match=None) -> dict[Meeting, list[int]]:
    """Meetings already in the register that a candidate could be another report of,
    with their participants' ids: the meetings in the candidates' search windows
    (``identity.search_window``) in one query, their participants in another, in the
    order of the meetings list. ``could_match`` (``_who_could_match``) narrows the
    windows to the meetings ``identity.same_meeting`` could accept."""
    windows = _date_windows(candidates)
    if not windows:
        return {}
    where, params = _windows_sql(windows)
    narrowed, more = _could_match_sql(candidates, could_match) if could_match else ("", [])
    meetings = sql.records_where(
        Meeting,
        f"{sql.column('review')} <> %s AND ({where}){narrowed}",
        [Review.REJECTED, *params, *more],
        order_by=("-date", "title", "id"),
        limit=2000,
    )
    people: dict[int, list[int]] = {m.pk: [] for m in meetings}
    if people:
        for meeting_id, person_id in sql.values(
            Participation, ("meeting_id", "person_id"), meeting_id__in=people
        ):
            people[meeting_id].append(person_id)
    return {m: people[m.pk] for m in meetings}


def _who_could_match(state) -> tuple[set[int], set[int]]:
    """(the register's persons among this document's participants, the meetings its
    previous version reported)."""
    people = {
        state.person_for[p.entity].pk
        for candidate in state.extraction.meetings
        for p in candidate.participants
        if p.entity in state.person_for
    }
    return people - state.new_persons, set(state.previous.get("meeting", ()))


def _could_match_sql(candidates, could_match) -> tuple[str, list]:
    """The register meetings ``identity.same_meeting`` could accept as another report of
    one of ``candidates``, as SQL: those that share a participant with them; those the
    document's previous version reported; and, when a candidate is a gathering or an open
    kind, every gathering and open kind (a named gathering, or one with nobody listed,
    is the same without shared people). Every other meeting needs a shared person. In a
    register of 10,000 generated articles this left 11.9 of the 32.5 meetings in a
    document's date windows to read and compare."""
    people, previous = could_match
    tests, params = [], []
    if people:
        shares, shared = sql.where(person_id__in=sorted(people))
        tests.append(
            f"EXISTS (SELECT 1 FROM {sql.table(Participation)} pa WHERE "
            f"pa.meeting_id = {sql.table(Meeting)}.id AND {shares})"
        )
        params += shared
    open_ended = GROUP_KINDS | OPEN_KINDS
    conditions = [sql.where(id__in=sorted(previous))]  # None when there is none
    if any(c.kind in open_ended for c in candidates):
        conditions.append(sql.where(kind__in=sorted(open_ended)))
    for condition, values in filter(None, conditions):
        tests.append(condition)
        params += values
    if not tests:
        return " AND 1 = 0", []
    return f" AND ({' OR '.join(tests)})", params


def _date_windows(candidates) -> set[tuple]:
    """(first day, last day) of each candidate's search window, and (day, precision) of the
    row a month- or year-precise report of it would be: a row told only by month or year
    is dated the first day of it."""
    windows = set()
    for c in candidates:
        if c.date is not None:
            windows.add(search_window(facts_of_report(c)))
            windows.add((c.date.replace(day=1), Precision.MONTH))
            windows.add((c.date.replace(month=1, day=1), Precision.YEAR))
    return windows


def _windows_sql(windows) -> tuple[str, list]:
    """The date windows as one OR of conditions: built as SQL, not as ``Q`` objects, whose
    combining cost more than SQLite's answer (2.5 ms of a document's loading)."""
    date, precision = sql.column("date"), sql.column("date_precision")
    tests, params = [], []
    for first, last in sorted(windows, key=str):
        if isinstance(last, str):
            tests.append(f"({date} = %s AND {precision} = %s)")
        else:
            tests.append(f"({date} BETWEEN %s AND %s)")
        params += [first, last]
    return " OR ".join(tests), params


def _find_meeting(state, candidate: MeetingCandidate, people, earlier):
    """An earlier report of the same meeting in the register (``identity.same_meeting``,
    the rule the extractor merges a document's reports by)."""
    if candidate.date is None:
        return None
    # this document's own reports of one meeting were merged by the extractor
    taken = {m.pk for m in state.meeting_for.values()}
    organisation = (
        state.org_for.get(candidate.organisation_key) if candidate.organisation_key else None
    )
    told = facts_of_report(
        candidate,
        participants={p.pk for p in people},
        organisation=organisation.pk if organisation else None,
    )
    reported_before = state.previous.get("meeting", ())
    for meeting, participants in earlier.items():
        if meeting.pk in taken:
            continue
        registered = facts_of_row(
            meeting,
            participants,
            named=split_title(meeting.title)[0] is None,
            reported_before=meeting.pk in reported_before,
        )
        if same_meeting(registered, told):
            return meeting
    return None


def _update_meeting(state, meeting, candidate):
    changed = []
    if not meeting.city and candidate.city and not meeting.is_locked("city"):
        meeting.city = candidate.city[:100]
        changed.append("city")
    if not meeting.country_id and candidate.country and not meeting.is_locked("country"):
        meeting.country = state.countries.get(candidate.country)
        changed.append("country")
    if (
        meeting.date_precision != "day"
        and candidate.precision == "day"
        and candidate.date
        and not meeting.is_locked("date")
    ):
        meeting.date, meeting.date_precision = candidate.date, "day"
        changed.append("date")
    if (
        not meeting.end_date
        and candidate.end_date
        and meeting.date
        and candidate.end_date >= meeting.date
        and not meeting.is_locked("end_date")
    ):
        meeting.end_date = candidate.end_date
        changed.append("end_date")
    if (
        not meeting.organisation_id
        and candidate.organisation_key
        and not meeting.is_locked("organisation")
    ):
        meeting.organisation = state.org_for.get(candidate.organisation_key)
        changed.append("organisation")
    save_if_changed(state, "meeting", meeting, changed)
