"""Request guards that apply to every page, public or admin."""

from django.http import HttpResponseBadRequest


class RejectNulMiddleware:
    """PostgreSQL refuses NUL in query parameters: a request carrying one is a 400, not a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return HttpResponseBadRequest("NUL characters are not allowed.")
        return self.get_response(request)
