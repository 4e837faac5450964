"""The review queue: unreviewed persons, organisations, meetings and statements, newest first.

Each row is verified or rejected with one button (a POST with the CSRF token, checked
against the kind's admin permissions, recorded in the history like the bulk actions) or
opened with one link.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from diplomacy import curation_actions
from diplomacy.models import Evidence, Meeting, Organisation, Person, Statement

PAGE_SIZE = 50
# the queue is a worklist, not an archive: deeper pages are reached by filtering instead
MAX_PAGE = 100

# the country, date and speaker a row shows beside the title, so that namesakes differ
KINDS = {
    "person": Person.objects.select_related("country"),
    "organisation": Organisation.objects.select_related("country"),
    "meeting": Meeting.objects.select_related("country"),
    "statement": Statement.objects.select_related("speaker"),
}


def source_article_counts(kind, pks):
    """{pk: number of distinct articles with evidence for it} for one page of records."""
    rows = (
        Evidence.objects.filter(**{f"{kind}__in": pks})
        .values(kind)
        .annotate(articles=Count("article", distinct=True))
        .order_by()
    )
    return {row[kind]: row["articles"] for row in rows}


def queue_page(kinds, page):
    """One page of unreviewed records of ``kinds``: [(kind, record)], and whether more follow."""
    limit = page * PAGE_SIZE
    candidates = []
    for kind in kinds:
        # each kind's newest `limit` rows are enough to fill pages 1..page of the merge
        records = KINDS[kind].unreviewed().order_by("-created_at", "-pk")[: limit + 1]
        candidates.extend((kind, record) for record in records)
    candidates.sort(key=lambda item: (item[1].created_at, item[1].pk), reverse=True)
    return candidates[limit - PAGE_SIZE : limit], len(candidates) > limit


# the buttons of a row: POSTed "decision" -> (what it does, what the message says)
DECISIONS = {
    "verify": (curation_actions.verify, "Verified"),
    "reject": (curation_actions.reject, "Rejected"),
}


def queue_url(kind=None, page=1):
    """The queue's address, filtered to ``kind`` and at ``page``."""
    query = {key: value for key, value in (("kind", kind), ("p", page)) if value and value != 1}
    url = reverse("admin:diplomacy_review_queue")
    return f"{url}?{urlencode(query)}" if query else url


def review_decision_view(request, admin_site):
    """Verify or reject one record of the queue, then show the same page of the queue."""
    kind, pk = request.POST.get("kind"), request.POST.get("pk", "")
    decision = DECISIONS.get(request.POST.get("decision"))
    if kind not in KINDS or decision is None or not pk.isdigit():
        return HttpResponseBadRequest("Unknown record or decision.")
    model = KINDS[kind].model
    record = get_object_or_404(model, pk=pk)
    if not admin_site.get_model_admin(model).has_change_permission(request, record):
        raise PermissionDenied
    apply, done = decision
    apply(model.objects.filter(pk=record.pk), user=request.user)
    change_url = reverse(f"admin:diplomacy_{kind}_change", args=[record.pk])
    messages.success(
        request, format_html('{} {} <a href="{}">{}</a>.', done, kind, change_url, record)
    )
    page = request.POST.get("p", "1")
    return HttpResponseRedirect(
        queue_url(request.POST.get("filter") or None, int(page) if page.isdigit() else 1)
    )


def review_queue_view(request, admin_site):
    visible = [kind for kind in KINDS if request.user.has_perm(f"diplomacy.view_{kind}")]
    if not visible:
        raise PermissionDenied
    kind = request.GET.get("kind")
    kinds = [kind] if kind in visible else visible
    try:
        page = min(max(int(request.GET.get("p", 1)), 1), MAX_PAGE)
    except ValueError:
        page = 1

    entries, has_next = queue_page(kinds, page)
    counts = {
        k: source_article_counts(k, [record.pk for kk, record in entries if kk == k]) for k in kinds
    }
    can_decide = {
        k: admin_site.get_model_admin(KINDS[k].model).has_change_permission(request) for k in kinds
    }
    rows = [
        {
            "kind": k,
            "record": record,
            "url": reverse(f"admin:diplomacy_{k}_change", args=[record.pk]),
            "articles": counts[k].get(record.pk, 0),
            "can_decide": can_decide[k],
        }
        for k, record in entries
    ]
    context = {
        **admin_site.each_context(request),
        "title": "Review queue",
        "subtitle": None,
        "rows": rows,
        "kinds": visible,
        "kind": kind if kind in visible else None,
        "page": page,
        "previous_page": page - 1 if page > 1 else None,
        "next_page": page + 1 if has_next and page < MAX_PAGE else None,
    }
    request.current_app = admin_site.name
    return TemplateResponse(request, "admin/diplomacy/review_queue.html", context)
