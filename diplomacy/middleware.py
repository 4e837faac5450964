"""Request guards that apply to every page, public or admin."""

import re

from django.conf import settings
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.views.main import ERROR_FLAG
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.urls import reverse

# far longer than any filter, search or admin query needs; SQLite refuses a LIKE pattern of
# 50,000 characters, so an unbounded value could reach the database as a server error
MAX_QUERY_VALUE = 10_000


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


# the admin's date drill-down (date_hierarchy) and date filters: ?date__year=2024
DATE_PART = re.compile(r"__(year|month|day)$")
DATE_VALUE = re.compile(r"[0-9]{1,4}")
# every model in the admin has an integer primary key (ours and auth's users and groups)
RECORD_ID = re.compile(r"[0-9]{1,18}")


class AdminParameterGuardMiddleware:
    """Admin parameters Django would pass on to a server error are answered as the admin
    answers any bad filter, or with a 400: a year of 20 digits (``?date__year=1e20`` in
    full) overflows the date, an action on the record id ``abc`` cannot be looked up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # after the CSRF check (the middleware before this one): a forged POST stays a 403
        if not request.path.startswith(reverse("admin:index")):
            return None
        for key, value in request.GET.items():
            if DATE_PART.search(key) and not DATE_VALUE.fullmatch(value):
                # the admin's own answer to a filter it cannot apply
                return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")
        if request.method == "POST":
            selected = request.POST.getlist(ACTION_CHECKBOX_NAME)
            if not all(RECORD_ID.fullmatch(value) for value in selected):
                return HttpResponseBadRequest("The selected records are not record ids.")
        return None


class ContentSecurityPolicyMiddleware:
    """Every response says where its page may load code, styles and images from
    (``settings.CONTENT_SECURITY_POLICY``; empty sends none). The site and the admin load
    everything from their own origin and run no inline script, so a script that hostile
    text smuggled into a page would not run even if escaping ever failed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.CONTENT_SECURITY_POLICY
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        return response
