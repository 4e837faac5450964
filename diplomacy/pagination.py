"""Pagination that never counts a whole large table.

``CappedPaginator`` counts at most ``cap + 1`` rows (``SELECT COUNT(*) FROM (... LIMIT
cap + 1)``): past the cap the page says "more than 10,000" and finds out whether there
is a next page by fetching one row more than it shows.
"""

import math

from django.core.paginator import EmptyPage, InvalidPage, Page, PageNotAnInteger, Paginator
from django.utils.functional import cached_property

DEFAULT_CAP = 10_000
# deep OFFSETs get slow: past this page, narrow the filters instead
MAX_PAGE = 2_000


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
            return self.object_list.order_by()[: self.cap + 1].count()
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
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
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
