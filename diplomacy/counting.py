"""Counting what the public sees: shown records and meetings per month.

Shared by the public pages and the country summaries (``diplomacy.summaries``), which
count the same things outside any request.
"""

from django.db import connection
from django.db.models import Count, DateField, F, Func

from .models import Participation, Person
from .models.curation import SHOWN

# counterparts (people met most, countries met most) a page shows
COUNTERPARTS = 12


def public_persons():
    """Persons the public sees: not rejected and not merged into another record."""
    return Person.objects.public().filter(merged_into__isnull=True)


def shown_participations():
    """Participations of shown persons in shown meetings."""
    return Participation.objects.filter(
        person__review__in=SHOWN, person__merged_into__isnull=True, meeting__review__in=SHOWN
    )


def _month_of(field):
    """The first day of the month of a date column, computed by the database itself.

    On PostgreSQL, ``DATE_TRUNC('month', date)`` turns every date into a timestamp with
    time zone first, which costs more than the rest of the count over all meetings; a
    plain timestamp gives the same months. On SQLite, Django's ``TruncMonth`` calls a
    Python function for every row (most of a filtered meeting list's time at 100,000
    meetings); SQLite's own ``DATE(date, 'start of month')`` gives the same months.
    """
    if connection.vendor == "postgresql":
        template = "DATE_TRUNC('month', %(expressions)s::timestamp)::date"
    else:
        template = "DATE(%(expressions)s, 'start of month')"
    return Func(F(field), template=template, output_field=DateField())


def month_counts(meetings):
    """(first day of month, number of meetings) for a queryset of meetings: one query."""
    rows = (
        meetings.filter(date__isnull=False)
        .order_by()
        .annotate(month=_month_of("date"))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    return list(rows)
