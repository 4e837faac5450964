"""A paginator for admin lists over tables too large to COUNT(*) on every page view."""

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

# Beyond this many rows a list shows "at least CAP"; nobody pages that deep by hand.
COUNT_CAP = 10_000


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
    """Counts exactly up to COUNT_CAP rows; an unfiltered large table uses the estimate."""

    cap = COUNT_CAP

    @cached_property
    def count(self):
        queryset = self.object_list
        if not hasattr(queryset, "query"):
            return super().count
        if not queryset.query.where:
            estimate = estimated_row_count(queryset.model, queryset.db)
            if estimate is not None and estimate > self.cap:
                return estimate
        # COUNT(*) over a LIMITed subquery stops after cap + 1 rows
        capped = queryset.order_by()[: self.cap + 1].count()
        return min(capped, self.cap)
