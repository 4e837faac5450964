"""Pagination that never counts a whole large table.

Both paginators count at most ``cap + 1`` rows (``SELECT COUNT(*) FROM (... LIMIT
cap + 1)``). ``CappedPaginator`` (the public lists): past the cap the page says "more
than 10,000" and finds out whether there is a next page by fetching one row more than it
shows. ``EstimatedCountPaginator`` (the admin's change lists): past the cap the list says
"10,000+", and an unfiltered large table shows PostgreSQL's estimate of its rows
("about 98,000").
"""

import math

from django.core.paginator import EmptyPage, InvalidPage, Page, PageNotAnInteger, Paginator
from django.db import connections
from django.utils.functional import cached_property

# beyond this many rows a list says "more than"; nobody pages that deep by hand
DEFAULT_CAP = 10_000
# deep OFFSETs get slow: past this page, narrow the filters instead
MAX_PAGE = 2_000


def capped_count(queryset, cap):
    """The rows of ``queryset``, counted up to ``cap + 1`` (the subquery stops there).

    Only the primary key is selected: a list's per-row annotations (counts of related
    rows, the opening of a text) would otherwise be computed for every row counted.
    """
    return queryset.order_by().values("pk")[: cap + 1].count()


def page_rows(queryset, bottom, top) -> list:
    """Rows ``bottom:top`` of a long list: their ids first, then the rows.

    The ids come from the filtered, ordered query alone; a filter that makes SQLite start
    from the filter's side (a country's speakers, then their statements) then sorts
    narrow (date, id) pairs instead of whole rows with their text and joined records,
    several times faster at a million statements. The rows are read by primary key, in
    the ids' order, with the same related records. Querysets with annotations keep the
    one query (an annotation may depend on the filters' joins)."""
    if not hasattr(queryset, "query") or queryset.query.annotations:
        return list(queryset[bottom:top])
    ids = list(queryset.values_list("pk", flat=True)[bottom:top])
    rows = queryset.model._default_manager.filter(pk__in=ids)
    if queryset.query.select_related:
        rows = rows.select_related()
        rows.query.select_related = queryset.query.select_related
    rows = rows.prefetch_related(*queryset._prefetch_related_lookups)
    by_id = {row.pk: row for row in rows}
    return [by_id[pk] for pk in ids if pk in by_id]


class CappedPage(Page):
    """A page of a list whose length is only known up to the cap."""

    def __init__(self, object_list, number, paginator, more):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self):
        return self.more

    def end_index(self):
        return (self.number - 1) * self.paginator.per_page + len(self.object_list)


class CappedPaginator(Paginator):
    def __init__(
        self, object_list, per_page, orphans=0, allow_empty_first_page=True, cap=DEFAULT_CAP
    ):
        super().__init__(
            object_list, per_page, orphans=orphans, allow_empty_first_page=allow_empty_first_page
        )
        self.cap = cap

    @cached_property
    def count(self):
        """The number of rows, but no more than ``cap + 1``."""
        try:
            return capped_count(self.object_list, self.cap)
        except (AttributeError, TypeError):
            return len(self.object_list)

    @property
    def capped(self):
        return self.count > self.cap

    @property
    def shown_count(self):
        return min(self.count, self.cap)

    @cached_property
    def num_pages(self):
        if self.capped:
            return min(MAX_PAGE, math.ceil(self.cap / self.per_page))
        return super().num_pages

    def validate_number(self, number):
        if not self.capped:
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer")
        if number < 1 or number > MAX_PAGE:
            raise EmptyPage("That page is out of range")
        return number

    def page(self, number):
        number = self.validate_number(number)
        if not self.capped:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        rows = page_rows(self.object_list, bottom, bottom + self.per_page + 1)
        if not rows and number > 1:
            raise EmptyPage("That page contains no results")
        return CappedPage(rows[: self.per_page], number, self, more=len(rows) > self.per_page)

    def safe_page(self, number):
        """The asked page, or the nearest one that exists: junk never raises."""
        try:
            number = int(str(number).strip())
        except (TypeError, ValueError):
            number = 1
        number = max(1, min(number, MAX_PAGE))
        try:
            return self.page(number)
        except InvalidPage:
            return self.page(1 if self.capped else self.num_pages)


def estimated_row_count(model, using):
    """PostgreSQL's planner estimate of the table's rows, or None where there is none."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
            [model._meta.db_table],
        )
        row = cursor.fetchone()
    # -1 until the table was first vacuumed or analysed
    return row[0] if row and row[0] >= 0 else None


class EstimatedCountPaginator(Paginator):
    """Counts exactly up to ``cap`` rows; an unfiltered large table uses the estimate.

    ``count_label`` says which: "1,234", "10,000+" (more than the cap) or "about 98,000"
    (PostgreSQL's estimate); the admin's templates show it instead of a bare number.
    """

    cap = DEFAULT_CAP

    @cached_property
    def _count_and_kind(self):
        queryset = self.object_list
        if not hasattr(queryset, "query"):
            return super().count, "exact"
        if not queryset.query.where:
            estimate = estimated_row_count(queryset.model, queryset.db)
            if estimate is not None and estimate > self.cap:
                return estimate, "estimate"
        counted = capped_count(queryset, self.cap)
        if counted > self.cap:
            return self.cap, "capped"
        return counted, "exact"

    @property
    def count(self):
        return self._count_and_kind[0]

    @property
    def count_label(self):
        count, kind = self._count_and_kind
        if kind == "capped":
            return f"{count:,}+"
        if kind == "estimate":
            return f"about {count:,}"
        return f"{count:,}"
