"""Request guards that apply to every page, public or admin."""

from django.http import HttpResponseBadRequest

# longer than any filter, search or admin query needs; SQLite refuses a LIKE pattern of
# 50,000 characters, so an unbounded value could reach the database as a server error
MAX_QUERY_VALUE = 2000


class RejectNulMiddleware:
    """Query parameters the database cannot take are a 400, not a 500: NUL (PostgreSQL
    refuses it) and values longer than ``MAX_QUERY_VALUE`` characters."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return HttpResponseBadRequest("NUL characters are not allowed.")
            if len(key) > MAX_QUERY_VALUE or any(len(v) > MAX_QUERY_VALUE for v in values):
                return HttpResponseBadRequest(
                    f"Query values are limited to {MAX_QUERY_VALUE} characters."
                )
        return self.get_response(request)
