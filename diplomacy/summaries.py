"""Country summaries: the aggregates of a country page, kept as counts a change adjusts.

A country page draws the meetings per month that the country hosted or its people
attended, and the countries whose people met its people most. For the country at the
centre of a register those are tens of thousands of meetings: counting them on a visit,
or again after every import, costs seconds to minutes at a million statements. They are
kept instead as rows that add up:

- ``MeetingCountry``: what each meeting adds, as last counted: a row per country that
  hosted it or whose shown people attended it (while the meeting is shown);
- ``CountryMonth``: (country, month) -> meetings; ``CountryPartner``: (country, partner)
  -> meetings both countries' people attended, a row per direction.

Keeping them right:

- every change names the meetings it may have altered (``meetings_changed``): they are
  counted again from the register, compared with their ``MeetingCountry`` rows, and only
  the difference (+1/-1 per month and per pair of countries) is written. The cost follows
  the change, not the register. Editors' saves and deletes, merges and reviews reach it
  through the signals below; an import calls it once per document (``deferred()``);
- a visit to a country never counted in full (no ``CountrySummary``), or counted longer
  ago than ``COUNTRY_SUMMARY_MAX_AGE`` seconds (a safety net for changes made outside
  Django, e.g. SQL by hand), counts that country again from the register (``recount``);
- ``manage.py refresh_country_summaries`` counts everything again with a few set-based
  statements (``refresh_all``), as does a restore and ``generate_corpus --records``.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from itertools import permutations

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Count
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from .counting import COUNTERPARTS, SHOWN, month_counts, public_persons
from .models import (
    Country,
    CountryMonth,
    CountryPartner,
    CountrySummary,
    Meeting,
    MeetingCountry,
    Participation,
    Person,
)

CHUNK = 500  # ids per query
ROWS = 300  # rows per INSERT (3 values each: within SQLite's 999 parameters)
# PostgreSQL: one advisory lock serialises the summary step of concurrent writers, so the
# last one to commit has counted its meetings after the others' changes were visible
LOCK_ID = 0x5C0_57A7

_deferred = contextvars.ContextVar("country_summaries_deferred", default=False)


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _marks(values) -> str:
    return ", ".join(["%s"] * len(values))


def _chunks(ids, size=CHUNK):
    ids = sorted(i for i in ids if i is not None)
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _month_sql(column: str) -> str:
    """SQL for the first day of the month of a date column."""
    if connection.vendor == "postgresql":
        return f"DATE_TRUNC('month', {column}::timestamp)::date"
    return f"DATE({column}, 'start of month')"


# -- reading --------------------------------------------------------------------------------
@dataclass
class Counts:
    """What a country page shows: ``months`` [["2024-05-01", 3], ...] and ``partners``
    [{"iso2", "name", "meetings"}, ...], most meetings first."""

    months: list
    partners: list


def kept(country) -> Counts:
    """A country's counts as kept (two queries)."""
    months = [
        [_iso(month), n]
        for month, n in CountryMonth.objects.filter(country=country, meetings__gt=0)
        .order_by("month")
        .values_list("month", "meetings")
    ]
    rows = (
        CountryPartner.objects.filter(country=country, meetings__gt=0)
        .order_by("-meetings", "partner__name")
        .values_list("partner__iso2", "partner__name", "meetings")[:COUNTERPARTS]
    )
    partners = [{"iso2": iso2, "name": name, "meetings": n} for iso2, name, n in rows]
    return Counts(months, partners)


def _iso(month) -> str:
    return month if isinstance(month, str) else month.isoformat()


def summary(country, people: list[int] | None = None) -> Counts:
    """The counts of a country page: as kept, after counting the country again if it was
    never counted in full or longer ago than ``COUNTRY_SUMMARY_MAX_AGE`` seconds. Load
    the country with ``select_related("summary")`` to save a query. (``people`` is
    accepted for the callers that have it; the kept counts do not need it.)"""
    oldest = timezone.now() - dt.timedelta(seconds=settings.COUNTRY_SUMMARY_MAX_AGE)
    try:
        row = country.summary
    except CountrySummary.DoesNotExist:
        row = None
    if row is None or row.computed_at < oldest:
        try:
            with transaction.atomic():
                recount(country.pk)
        except DatabaseError:
            pass  # a read-only database: the kept counts serve this visit
    return kept(country)


# -- counting from the register (the live count, for checks and tests) ----------------------
def country_people(country) -> list[int]:
    """Ids of a country's shown persons (one query).

    Passed to the other queries as a list: PostgreSQL then reads each person's meetings
    from the (person, meeting) index of participations, where a join on the person's
    country makes it scan every participation."""
    return list(public_persons().filter(country=country).order_by().values_list("pk", flat=True))


def attended_meetings(people: list[int]):
    """Ids of the shown meetings these persons took part in, as a subquery."""
    return (
        Participation.objects.filter(person_id__in=people, meeting__review__in=SHOWN)
        .order_by()
        .values("meeting_id")
    )


def count(country) -> Counts:
    """A country's counts counted now from the register, independently of the kept rows
    (what the kept counts must equal)."""
    people = country_people(country)
    hosted = Meeting.objects.filter(country=country).order_by().values("pk")
    meetings = Meeting.objects.public().filter(pk__in=hosted.union(attended_meetings(people)))
    months = sorted([month.isoformat(), n] for month, n in month_counts(meetings) if month)
    rows = (
        Participation.objects.filter(person__review__in=SHOWN, person__merged_into__isnull=True)
        .filter(meeting_id__in=attended_meetings(people), person__country__isnull=False)
        .exclude(person__country=country)
        .values("person__country__iso2", "person__country__name")
        .annotate(n=Count("meeting_id", distinct=True))
        .order_by("-n", "person__country__name")[:COUNTERPARTS]
    )
    partners = [
        {"iso2": r["person__country__iso2"], "name": r["person__country__name"], "meetings": r["n"]}
        for r in rows
    ]
    return Counts(months, partners)


# -- adjusting: what changed meetings add and take away ------------------------------------
def _counted(ids) -> dict[int, set]:
    """What these meetings add now: meeting id -> {(country, attended, month)} (two queries,
    written as SQL: built by the ORM they cost more than the database's answer, once per
    imported document)."""
    out: dict[int, dict] = {}
    months = {}
    shown = list(SHOWN)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, country_id, date FROM {_table(Meeting)} "
            f"WHERE id IN ({_marks(ids)}) AND review IN ({_marks(shown)})",
            [*ids, *shown],
        )
        for pk, country_id, date in cursor.fetchall():
            months[pk] = date.replace(day=1) if date else None
            out[pk] = {country_id: False} if country_id else {}
        if not months:
            return {}
        cursor.execute(
            f"SELECT DISTINCT pa.meeting_id, pe.country_id FROM {_table(Participation)} pa "
            f"JOIN {_table(Person)} pe ON pe.id = pa.person_id "
            f"WHERE pa.meeting_id IN ({_marks(months)}) AND pe.review IN ({_marks(shown)}) "
            "AND pe.merged_into_id IS NULL AND pe.country_id IS NOT NULL",
            [*months, *shown],
        )
        for meeting_id, country_id in cursor.fetchall():
            out[meeting_id][country_id] = True
    return {pk: {(c, a, months[pk]) for c, a in by.items()} for pk, by in out.items()}


def _stored(ids) -> dict[int, set]:
    """What these meetings added when last counted (their ``MeetingCountry`` rows)."""
    out: dict[int, set] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT meeting_id, country_id, attended, month FROM {_table(MeetingCountry)} "
            f"WHERE meeting_id IN ({_marks(ids)})",
            list(ids),
        )
        for meeting_id, country_id, attended, month in cursor.fetchall():
            out.setdefault(meeting_id, set()).add((country_id, bool(attended), month))
    return out


def _add(rows, sign: int, months: Counter, pairs: Counter) -> None:
    """Add (sign +1) or take away (-1) one meeting's rows from the month and pair counts."""
    for country_id, _, month in rows:
        if month is not None:
            months[(country_id, month)] += sign
    attended = sorted(c for c, a, _ in rows if a)
    for pair in permutations(attended, 2):
        pairs[pair] += sign


def meetings_changed(ids) -> set[int]:
    """Count these meetings again and adjust the kept counts by the difference; returns
    the countries whose counts changed. Call it after the change, inside its transaction:
    a deleted meeting's rows are taken away, a new one's added."""
    ids = {i for i in ids if i is not None}
    if not ids:
        return set()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_ID])
    months, pairs = Counter(), Counter()
    for chunk in _chunks(ids):
        now, before = _counted(chunk), _stored(chunk)
        changed = [pk for pk in chunk if now.get(pk, set()) != before.get(pk, set())]
        if not changed:
            continue
        for pk in changed:
            _add(before.get(pk, ()), -1, months, pairs)
            _add(now.get(pk, ()), +1, months, pairs)
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {_table(MeetingCountry)} WHERE meeting_id IN ({_marks(changed)})",
                changed,
            )
        _insert(
            MeetingCountry,
            ("meeting_id", "country_id", "attended", "month"),
            [(pk, *row) for pk in changed for row in sorted(now.get(pk, ()), key=_row_key)],
        )
    return _apply(months, pairs)


def _row_key(row):
    country_id, attended, month = row
    return (country_id, attended, month or "")


def _insert(model, columns, rows) -> None:
    """Plain INSERTs in batches (``bulk_create`` would open a transaction per call)."""
    table = _table(model)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), ROWS):
            batch = rows[start : start + ROWS]
            values = ", ".join(f"({_marks(columns)})" for _ in batch)
            cursor.execute(
                f"INSERT INTO {table} ({names}) VALUES {values}",
                [v for row in batch for v in row],
            )


def _apply(months: Counter, pairs: Counter) -> set[int]:
    """Add these differences to ``CountryMonth`` and ``CountryPartner`` (in key order, so
    concurrent writers lock rows in the same order); returns the countries concerned."""
    months = {k: n for k, n in months.items() if n}
    pairs = {k: n for k, n in pairs.items() if n}
    _upsert(CountryMonth, ("country_id", "month"), months)
    _upsert(CountryPartner, ("country_id", "partner_id"), pairs)
    countries = {c for c, _ in months} | {c for pair in pairs for c in pair}
    # only a count that went down can have reached zero: a document that only adds
    # meetings (the usual import) has no rows to delete
    lowered = {c for (c, _), n in months.items() if n < 0}
    lowered |= {c for pair, n in pairs.items() if n < 0 for c in pair}
    with connection.cursor() as cursor:
        for chunk in _chunks(lowered):
            for model in (CountryMonth, CountryPartner):
                cursor.execute(
                    f"DELETE FROM {_table(model)} WHERE meetings <= 0 "
                    f"AND country_id IN ({_marks(chunk)})",
                    chunk,
                )
    return countries


def _upsert(model, key: tuple[str, str], deltas: dict) -> None:
    """INSERT ... ON CONFLICT DO UPDATE SET meetings = meetings + the difference."""
    if not deltas:
        return
    table = _table(model)
    rows = sorted(deltas.items(), key=lambda item: (item[0][0], str(item[0][1])))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), ROWS):
            batch = rows[start : start + ROWS]
            values = ", ".join("(%s, %s, %s)" for _ in batch)
            cursor.execute(
                f"INSERT INTO {table} ({key[0]}, {key[1]}, meetings) VALUES {values} "
                f"ON CONFLICT ({key[0]}, {key[1]}) "
                f"DO UPDATE SET meetings = {table}.meetings + EXCLUDED.meetings",
                [v for (a, b), n in batch for v in (a, b, n)],
            )


# -- counting again in full -----------------------------------------------------------------
def recount(country_id: int) -> None:
    """Count one country again from the register: every meeting it hosted, its people
    attended or its rows say it did is counted again (correcting the other countries'
    counts for those meetings too), then its month and partner rows are summed anew from
    the meetings' rows and the country is marked as counted now."""
    meetings, people, stored = _table(Meeting), _table(Person), _table(MeetingCountry)
    participations = _table(Participation)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM {meetings} WHERE country_id = %s "
            f"UNION SELECT pa.meeting_id FROM {participations} pa "
            f"JOIN {people} pe ON pe.id = pa.person_id WHERE pe.country_id = %s "
            f"UNION SELECT meeting_id FROM {stored} WHERE country_id = %s",
            [country_id] * 3,
        )
        ids = [pk for (pk,) in cursor.fetchall()]
    meetings_changed(ids)
    _sum_rows(country_id)
    _mark_counted("SELECT %s, %s", [country_id, timezone.now()], country_id)


def _sum_rows(country_id: int) -> None:
    """A country's month and partner rows (both directions) summed from ``MeetingCountry``."""
    months, partners, stored = _table(CountryMonth), _table(CountryPartner), _table(MeetingCountry)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {months} WHERE country_id = %s", [country_id])
        cursor.execute(
            f"INSERT INTO {months} (country_id, month, meetings) "
            f"SELECT country_id, month, COUNT(*) FROM {stored} "
            f"WHERE country_id = %s AND month IS NOT NULL GROUP BY country_id, month",
            [country_id],
        )
        cursor.execute(
            f"DELETE FROM {partners} WHERE country_id = %s OR partner_id = %s",
            [country_id, country_id],
        )
        pairs = (
            f"SELECT a.country_id, b.country_id, COUNT(*) FROM {stored} a "
            f"JOIN {stored} b ON b.meeting_id = a.meeting_id AND b.country_id <> a.country_id "
            f"WHERE a.country_id = %s AND a.attended AND b.attended GROUP BY a.country_id, b.country_id"
        )
        cursor.execute(
            f"INSERT INTO {partners} (country_id, partner_id, meetings) {pairs}", [country_id]
        )
        cursor.execute(
            f"INSERT INTO {partners} (partner_id, country_id, meetings) {pairs}", [country_id]
        )


def _mark_counted(select: str, params, country_id=None) -> None:
    table = _table(CountrySummary)
    with connection.cursor() as cursor:
        if country_id is None:
            cursor.execute(f"DELETE FROM {table}")
        else:
            cursor.execute(f"DELETE FROM {table} WHERE country_id = %s", [country_id])
        cursor.execute(f"INSERT INTO {table} (country_id, computed_at) {select}", params)


def refresh(countries) -> int:
    """Count these countries (instances or ids) again in full; returns how many."""
    ids = sorted({getattr(c, "pk", c) for c in countries if c is not None})
    ids = list(Country.objects.filter(pk__in=ids).values_list("pk", flat=True))
    with transaction.atomic():
        for country_id in ids:
            recount(country_id)
    return len(ids)


def refresh_all() -> int:
    """Count everything again with set-based statements (``manage.py
    refresh_country_summaries``, a restore, ``generate_corpus --records``); returns the
    number of countries."""
    stored, months, partners = _table(MeetingCountry), _table(CountryMonth), _table(CountryPartner)
    meetings, people, participations = _table(Meeting), _table(Person), _table(Participation)
    shown = list(SHOWN)
    month = _month_sql("m.date")
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_ID])
        for table in (stored, months, partners):
            cursor.execute(f"DELETE FROM {table}")
        cursor.execute(
            f"INSERT INTO {stored} (meeting_id, country_id, attended, month) "
            f"SELECT meeting_id, country_id, MAX(attended) = 1, month FROM ("
            f" SELECT m.id AS meeting_id, m.country_id AS country_id, 0 AS attended,"
            f" {month} AS month FROM {meetings} m"
            f" WHERE m.review IN ({_marks(shown)}) AND m.country_id IS NOT NULL"
            f" UNION ALL SELECT m.id, pe.country_id, 1, {month} FROM {participations} pa"
            f" JOIN {meetings} m ON m.id = pa.meeting_id JOIN {people} pe ON pe.id = pa.person_id"
            f" WHERE m.review IN ({_marks(shown)}) AND pe.review IN ({_marks(shown)})"
            f" AND pe.merged_into_id IS NULL AND pe.country_id IS NOT NULL"
            f") x GROUP BY meeting_id, country_id, month",
            shown * 3,
        )
        cursor.execute(
            f"INSERT INTO {months} (country_id, month, meetings) "
            f"SELECT country_id, month, COUNT(*) FROM {stored} "
            f"WHERE month IS NOT NULL GROUP BY country_id, month"
        )
        cursor.execute(
            f"INSERT INTO {partners} (country_id, partner_id, meetings) "
            f"SELECT a.country_id, b.country_id, COUNT(*) FROM {stored} a "
            f"JOIN {stored} b ON b.meeting_id = a.meeting_id AND b.country_id <> a.country_id "
            f"WHERE a.attended AND b.attended GROUP BY a.country_id, b.country_id"
        )
        _mark_counted(f"SELECT id, %s FROM {_table(Country)}", [timezone.now()])
    return Country.objects.count()


def clear() -> None:
    """Count everything again after the register was replaced (a restore)."""
    refresh_all()


# -- what a change concerns -----------------------------------------------------------------
def meetings_of(persons) -> set[int]:
    """Ids of the meetings these persons took part in."""
    out = set()
    for chunk in _chunks(persons):
        out |= set(
            Participation.objects.filter(person_id__in=chunk).values_list("meeting_id", flat=True)
        )
    return out


@contextlib.contextmanager
def deferred():
    """Inside, saves do not adjust the counts: the caller (the importer) calls
    ``meetings_changed`` once for everything it changed."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def changed_records(model, pks) -> None:
    """Adjust after a bulk change of persons or meetings (e.g. their review status)."""
    if model is Person:
        meetings_changed(meetings_of(pks))
    elif model is Meeting:
        meetings_changed(pks)


# -- signals: editors' saves and deletes ----------------------------------------------------
# the columns the counts depend on, per model: a save that changes none of them is ignored
_COUNTED = {
    Person: ("country_id", "review", "merged_into_id"),
    Meeting: ("country_id", "review", "date"),
    Participation: ("meeting_id", "person_id"),
}


def _meetings_concerned(sender, pk, values) -> set[int]:
    """The meetings whose counts one person, meeting or participation (``values``) enters."""
    if sender is Person:
        return meetings_of([pk])
    if sender is Meeting:
        return {pk}
    return {values["meeting_id"]}


def _before_save(sender, instance, **kwargs):
    """Remember the counted columns as they were before the save."""
    if _deferred.get() or instance.pk is None:
        return
    instance._summary_before = (
        sender.objects.filter(pk=instance.pk).values(*_COUNTED[sender]).first()
    )


def _after_save(sender, instance, **kwargs):
    if _deferred.get():
        return
    before = getattr(instance, "_summary_before", None)
    instance._summary_before = None
    now = {f: getattr(instance, f) for f in _COUNTED[sender]}
    if before == now:
        return  # nothing the summaries count changed
    ids = _meetings_concerned(sender, instance.pk, now)
    if before is not None:
        ids |= _meetings_concerned(sender, instance.pk, before)
    _adjust(ids)


def _before_delete(sender, instance, **kwargs):
    """A deleted record's meetings are read before its participations go with it."""
    if not _deferred.get():
        values = {f: getattr(instance, f) for f in _COUNTED[sender]}
        instance._summary_meetings = _meetings_concerned(sender, instance.pk, values)


def _after_delete(sender, instance, **kwargs):
    ids = getattr(instance, "_summary_meetings", None)
    if ids:
        instance._summary_meetings = None
        _adjust(ids)


def _adjust(ids) -> None:
    """Adjust the counts for an editor's change, inside its transaction when it has one."""
    with transaction.atomic():
        meetings_changed(ids)


def connect() -> None:
    for model in _COUNTED:
        label = model._meta.label_lower
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"summary-pre-save-{label}")
        post_save.connect(_after_save, sender=model, dispatch_uid=f"summary-save-{label}")
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=f"summary-delete-{label}")
        post_delete.connect(_after_delete, sender=model, dispatch_uid=f"summary-deleted-{label}")
