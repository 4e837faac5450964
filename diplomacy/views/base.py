"""What every public list shares: GET only, filters in the URL, capped pagination, exports."""

import csv
import json

from django.http import HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.http import urlencode
from django_filters.views import FilterView

from ..export_limits import RETRY_AFTER, HeldWhileStreaming, Slot, page_number, row_limit
from ..export_limits import unlimited as export_unlimited
from ..filters import RepeatedWidget
from ..pagination import CappedPaginator

EXPORT_CHUNK = 1_000
# query-string keys that are not filters
NOT_FILTERS = {"page", "format", "per_page"}
# columns whose first click sorts the newest or the most first
DESCENDING_FIRST = {"date", "meetings", "hosted"}


# whole-table or whole-country aggregates (timelines, counterparts) are cached this long
TIMELINE_SECONDS = 300


def meetings_url(**params):
    """The meeting list with these filters."""
    params = {key: value for key, value in params.items() if value not in (None, "")}
    return reverse("site:meeting-list") + ("?" + urlencode(params) if params else "")


def _csv_cell(value):
    """A cell a spreadsheet will not run as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    value = str(value)
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class _Echo:
    def write(self, value):
        return value


class ListPage(FilterView):
    """A filtered, sorted, paginated public list that also downloads as CSV or JSON."""

    http_method_names = ["get", "head"]
    paginator_class = CappedPaginator
    paginate_by = 50
    max_paginate_by = 100
    strict = False
    # the page's title and the download file's name
    title = ""
    export_name = ""
    # (header, function of one object) per exported column
    export_columns = ()
    # (label, ordering parameter or None) per table column
    columns = ()
    default_ordering = ""

    def get_paginate_by(self, queryset):
        try:
            size = int(self.request.GET.get("per_page", self.paginate_by))
        except (TypeError, ValueError):
            size = self.paginate_by
        return max(1, min(size, self.max_paginate_by))

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.safe_page(self.request.GET.get("page", 1))
        return paginator, page, page.object_list, page.has_other_pages()

    def get(self, request, *args, **kwargs):
        export = request.GET.get("format")
        if export in ("csv", "json"):
            self.filterset = self.get_filterset(self.get_filterset_class())
            if self.filterset.is_bound and not self.filterset.is_valid():
                return HttpResponse(
                    self.filterset.errors.as_json(), status=400, content_type="application/json"
                )
            slot = None
            if not export_unlimited(request):
                slot = Slot.take()
                if slot is None:
                    return self.export_busy(export)
            try:
                return self.export(self.filterset.qs, export, slot)
            except BaseException:
                if slot is not None:
                    slot.release()
                raise
        return super().get(request, *args, **kwargs)

    def export_busy(self, export):
        """429: as many anonymous downloads as allowed are running (export_limits)."""
        message = (
            "Too many downloads are running; try again in a few seconds, or log in "
            "as staff to download without limits."
        )
        if export == "json":
            response = HttpResponse(
                json.dumps({"error": message}), status=429, content_type="application/json"
            )
        else:
            response = HttpResponse(message, status=429, content_type="text/plain")
        response["Retry-After"] = str(RETRY_AFTER)
        return response

    def filters_applied(self):
        """The filters in the URL; a repeatable one (participant, between) as a list."""
        applied = {}
        for key in self.request.GET:
            values = [value for value in self.request.GET.getlist(key) if value != ""]
            if key in NOT_FILTERS or not values:
                continue
            applied[key] = values if self.is_repeatable(key) else values[-1]
        return applied

    def is_repeatable(self, key):
        field = self.get_filterset_class().base_filters.get(key)
        return field is not None and isinstance(field.extra.get("widget"), RepeatedWidget)

    def export_queryset(self, queryset):
        return queryset

    def export_rows(self, queryset):
        start, end = self.export_window
        rows = self.export_queryset(queryset)[start:end]
        # chunked: prefetches run per chunk, memory stays flat
        for obj in rows.iterator(chunk_size=EXPORT_CHUNK):
            yield {header: value(obj) for header, value in self.export_columns}

    def export_page(self, queryset):
        """The rows this download may take, and the URL of the next ones (or None)."""
        limit, page = row_limit(self.request), page_number(self.request)
        self.export_window = ((page - 1) * limit, page * limit)
        # one row past the window says whether there is more
        following = None
        if queryset.values_list("pk", flat=True)[page * limit : page * limit + 1]:
            query = self.request.GET.copy()
            query["page"] = page + 1
            following = self.request.build_absolute_uri("?" + query.urlencode())
        return limit, page, following

    def export(self, queryset, export, slot=None):
        limit, page, following = self.export_page(queryset)
        headers = [header for header, _ in self.export_columns]
        if export == "csv":
            writer = csv.writer(_Echo())

            def lines():
                yield writer.writerow(headers)
                for row in self.export_rows(queryset):
                    yield writer.writerow([_csv_cell(row[h]) for h in headers])

            response = StreamingHttpResponse(
                HeldWhileStreaming(lines(), slot), content_type="text/csv; charset=utf-8"
            )
        else:

            def chunks():
                head = {
                    "list": self.export_name,
                    "filters": self.filters_applied(),
                    "limit": limit,
                    "page": page,
                    "next": following,
                }
                yield json.dumps(head)[:-1] + ', "results": ['
                first = True
                for row in self.export_rows(queryset):
                    yield ("" if first else ",\n") + json.dumps(
                        row, ensure_ascii=False, default=str
                    )
                    first = False
                yield "]}\n"

            response = StreamingHttpResponse(
                HeldWhileStreaming(chunks(), slot), content_type="application/json; charset=utf-8"
            )
        response["Content-Disposition"] = f'attachment; filename="{self.export_name}.{export}"'
        # how much one download may hold, and where the rest is
        response["X-Export-Limit"] = str(limit)
        response["X-Export-Page"] = str(page)
        if following:
            response["X-Export-Next"] = following
            response["Link"] = f'<{following}>; rel="next"'
        return response

    def sort_headers(self):
        current = self.request.GET.get("o", "") or self.default_ordering
        headers = []
        for label, param in self.columns:
            header = {"label": label, "param": param, "aria_sort": None, "url": None}
            if param:
                if current == param:
                    header["aria_sort"], following = "ascending", f"-{param}"
                elif current == f"-{param}":
                    header["aria_sort"], following = "descending", param
                else:
                    following = f"-{param}" if param in DESCENDING_FIRST else param
                query = self.request.GET.copy()
                for key in NOT_FILTERS - {"per_page"}:
                    query.pop(key, None)
                query["o"] = following
                header["url"] = "?" + query.urlencode()
            headers.append(header)
        return headers

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = self.title
        context["sort_headers"] = self.sort_headers()
        context["filters_applied"] = self.filters_applied()
        context["export_limit"] = row_limit(self.request)
        context["export_unlimited"] = export_unlimited(self.request)
        return context
