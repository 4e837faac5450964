"""Country summaries: the aggregates of a country page, counted once and kept.

A country page draws the meetings per month that the country hosted or its people
attended, and the countries whose people met its people most. For the country at the
centre of a register those are tens of thousands of meetings: a few hundred milliseconds
of counting on every visit. The counts are kept in ``CountrySummary`` instead.

Keeping them right:

- every change that can alter a country's counts deletes the summaries of the countries
  it concerns: the host and the participants' countries of a meeting that changed, and
  for a person whose country, review or merge changed, also the countries of everyone
  they met (signals below, for editors' saves and deletes, merges and reviews);
- an import defers that work (``deferred()``): each document reports the countries it
  touched, their summaries are deleted once the document is committed, and the import
  counts them again when it finishes, so the next visitor does not wait;
- a visit to a country with no summary, or one older than ``COUNTRY_SUMMARY_MAX_AGE``
  seconds (a safety net for changes made outside Django, e.g. SQL by hand), counts it and
  keeps the result;
- ``manage.py refresh_country_summaries`` counts every country again.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Count
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from .counting import COUNTERPARTS, SHOWN, month_counts, public_persons
from .models import Country, CountrySummary, Meeting, Participation, Person

CHUNK = 500

_deferred = contextvars.ContextVar("country_summaries_deferred", default=False)


# -- counting -------------------------------------------------------------------------------
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


def country_meetings(country, people: list[int]):
    """Ids of the meetings a country hosted or its shown people attended, as a subquery.

    A UNION of two index lookups rather than an OR, which PostgreSQL can only check row by
    row over every meeting.
    """
    hosted = Meeting.objects.filter(country=country).order_by().values("pk")
    return hosted.union(attended_meetings(people))


def counterpart_countries(country, people: list[int]) -> list[dict]:
    """The countries whose people met this country's people most: one query."""
    rows = (
        # the meetings are shown ones already: only the persons need checking
        Participation.objects.filter(person__review__in=SHOWN, person__merged_into__isnull=True)
        .filter(meeting_id__in=attended_meetings(people), person__country__isnull=False)
        .exclude(person__country=country)
        .values("person__country__iso2", "person__country__name")
        .annotate(n=Count("meeting_id", distinct=True))
        .order_by("-n", "person__country__name")[:COUNTERPARTS]
    )
    return [
        {"iso2": r["person__country__iso2"], "name": r["person__country__name"], "meetings": r["n"]}
        for r in rows
    ]


def count(country, people: list[int] | None = None) -> tuple[list, list]:
    """(months, partners) of a country, counted now: two queries (three without
    ``people``, the ids of its shown persons)."""
    if people is None:
        people = country_people(country)
    meetings = Meeting.objects.public().filter(pk__in=country_meetings(country, people))
    months = sorted([month.isoformat(), n] for month, n in month_counts(meetings) if month)
    return months, counterpart_countries(country, people)


def refresh(countries) -> int:
    """Count these countries (instances or ids) again and keep the result; returns how many."""
    ids = {getattr(c, "pk", c) for c in countries if c is not None}
    done = 0
    for country in Country.objects.filter(pk__in=ids):
        _keep(country, *count(country))
        done += 1
    return done


def refresh_all() -> int:
    """Count every country again (``manage.py refresh_country_summaries``)."""
    CountrySummary.objects.all().delete()
    return refresh(Country.objects.values_list("pk", flat=True))


def _keep(country, months, partners) -> CountrySummary:
    """Keep a country's counts: one INSERT ... ON CONFLICT DO UPDATE (SQLite and
    PostgreSQL), without the transaction ``bulk_create`` would open around it."""
    row = CountrySummary(
        country=country, months=months, partners=partners, computed_at=timezone.now()
    )
    meta = CountrySummary._meta
    columns = [meta.get_field(f) for f in ("country", "months", "partners", "computed_at")]
    quote = connection.ops.quote_name
    names = [quote(f.column) for f in columns]
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(names)}) "
        f"VALUES ({', '.join(['%s'] * len(names))}) ON CONFLICT ({names[0]}) DO UPDATE SET "
        + ", ".join(f"{n} = EXCLUDED.{n}" for n in names[1:])
    )
    params = [f.get_db_prep_save(getattr(row, f.attname), connection) for f in columns]
    # inside a transaction a failed write must not break it: a savepoint then
    atomic = transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext()
    try:
        with atomic, connection.cursor() as cursor:
            cursor.execute(sql, params)
    except DatabaseError:
        pass  # a read-only database: the counts still serve this visit
    return row


def summary(country, people: list[int] | None = None) -> CountrySummary:
    """The kept summary of a country, or counted now if there is none or it is too old
    (then kept). Load the country with ``select_related("summary")`` to save a query."""
    oldest = timezone.now() - dt.timedelta(seconds=settings.COUNTRY_SUMMARY_MAX_AGE)
    try:
        row = country.summary
    except CountrySummary.DoesNotExist:
        row = None
    if row is not None and row.computed_at >= oldest:
        return row
    return _keep(country, *count(country, people))


# -- what a change concerns -----------------------------------------------------------------
def _chunks(ids):
    ids = sorted(i for i in ids if i is not None)
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def meetings_of(persons) -> set[int]:
    """Ids of the meetings these persons took part in."""
    out = set()
    for chunk in _chunks(persons):
        out |= set(
            Participation.objects.filter(person_id__in=chunk).values_list("meeting_id", flat=True)
        )
    return out


def countries_concerned(meetings=(), persons=()) -> set[int]:
    """Ids of the countries whose summaries these meetings and persons enter into: the
    hosts of the meetings, the countries of their participants, the persons' countries."""
    out = set()
    for chunk in _chunks(set(meetings)):
        out |= set(
            Meeting.objects.filter(pk__in=chunk, country__isnull=False).values_list(
                "country_id", flat=True
            )
        )
        out |= set(
            Person.objects.filter(participations__meeting_id__in=chunk, country__isnull=False)
            .order_by()
            .values_list("country_id", flat=True)
            .distinct()
        )
    for chunk in _chunks(set(persons)):
        out |= set(
            Person.objects.filter(pk__in=chunk, country__isnull=False).values_list(
                "country_id", flat=True
            )
        )
    return out


def invalidate(countries, wait_for_commit=False) -> None:
    """Forget the summaries of these countries (ids): now, unless ``wait_for_commit``,
    and again once the transaction commits (a visit counting meanwhile read old rows).

    The importer waits for the commit: deleting the row in its transaction would make
    parallel importers queue behind each other on the largest countries' rows."""
    ids = sorted({c for c in countries if c is not None})
    if not ids:
        return

    def forget():  # plain SQL: the importer calls this once per document
        table = connection.ops.quote_name(CountrySummary._meta.db_table)
        with connection.cursor() as cursor:
            marks = ", ".join(["%s"] * len(ids))
            cursor.execute(f"DELETE FROM {table} WHERE country_id IN ({marks})", ids)

    in_transaction = connection.in_atomic_block
    if not (wait_for_commit and in_transaction):
        forget()
    if in_transaction:
        transaction.on_commit(forget)


def clear() -> None:
    """Forget every summary (a restore, a change of country names)."""
    CountrySummary.objects.all().delete()


@contextlib.contextmanager
def deferred():
    """Inside, saves do not invalidate summaries: the caller (the importer) does it."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def changed_records(model, pks) -> None:
    """Invalidate after a bulk change of persons or meetings (e.g. their review status)."""
    pks = set(pks)
    if model is Person:
        invalidate(countries_concerned(meetings_of(pks), pks))
    elif model is Meeting:
        invalidate(countries_concerned(pks))


# -- signals: editors' saves and deletes ----------------------------------------------------
# the columns the counts depend on, per model: a save that changes none of them is ignored
_COUNTED = {
    Person: ("country_id", "review", "merged_into_id"),
    Meeting: ("country_id", "review", "date"),
    Participation: ("meeting_id", "person_id"),
}


def _concerned(sender, pk, values) -> set[int]:
    """The countries one person, meeting or participation (``values``) enters into."""
    if sender is Person:
        return countries_concerned(meetings_of([pk]), [pk]) | {values["country_id"]}
    if sender is Meeting:
        return countries_concerned([pk]) | {values["country_id"]}
    return countries_concerned([values["meeting_id"]], [values["person_id"]])


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
    ids = _concerned(sender, instance.pk, now)
    if before is not None:
        ids |= _concerned(sender, instance.pk, before)
    invalidate(ids)


def _before_delete(sender, instance, **kwargs):
    """A deleted record's countries are read before its participations go with it."""
    if not _deferred.get():
        invalidate(
            _concerned(sender, instance.pk, {f: getattr(instance, f) for f in _COUNTED[sender]})
        )


def _country_changed(sender, instance, **kwargs):
    """Summaries hold country names: a renamed or removed country clears them all."""
    clear()


def connect() -> None:
    for model in _COUNTED:
        label = model._meta.label_lower
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"summary-pre-save-{label}")
        post_save.connect(_after_save, sender=model, dispatch_uid=f"summary-save-{label}")
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=f"summary-delete-{label}")
    post_save.connect(_country_changed, sender=Country, dispatch_uid="summary-country-save")
    post_delete.connect(_country_changed, sender=Country, dispatch_uid="summary-country-delete")
