"""The review queue: unreviewed persons, organisations, meetings and statements, newest first."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse

from diplomacy.models import Evidence, Meeting, Organisation, Person, Statement

PAGE_SIZE = 50
# the queue is a worklist, not an archive: deeper pages are reached by filtering instead
MAX_PAGE = 100

KINDS = {
    "person": Person.objects.all(),
    "organisation": Organisation.objects.all(),
    "meeting": Meeting.objects.all(),
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
    rows = [
        {
            "kind": k,
            "record": record,
            "url": reverse(f"admin:diplomacy_{k}_change", args=[record.pk]),
            "articles": counts[k].get(record.pk, 0),
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
