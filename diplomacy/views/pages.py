"""The home page and the search results page."""

import re

from django.core.cache import cache
from django.db.models import Exists, OuterRef
from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from .. import search as full_text
from ..counting import public_persons
from ..models import Article, Country, Evidence, Meeting, Organisation, Statement

HOME_COUNTS_SECONDS = 300
SEARCH_PAGE = 20
SNIPPET = 240


def register_counts():
    """How many records the register shows, per kind (cached: these are whole-table counts)."""

    def count():
        evidence = Evidence
        return {
            "meetings": Meeting.objects.public().count(),
            "statements": Statement.objects.public().count(),
            "persons": public_persons().count(),
            "organisations": Organisation.objects.public().count(),
            "countries": Country.objects.filter(
                Exists(evidence.objects.filter(country=OuterRef("pk")))
            ).count(),
            "articles": Article.objects.count(),
        }

    return cache.get_or_set("diplomacy:register-counts", count, HOME_COUNTS_SECONDS)


@require_safe
def home(request):
    latest = list(
        Meeting.objects.public()
        .filter(date__isnull=False)
        .select_related("country", "organisation")
        .order_by("-date", "pk")[:10]
    )
    return TemplateResponse(
        request, "diplomacy/home.html", {"counts": register_counts(), "latest_meetings": latest}
    )


def snippet(text, words, width=SNIPPET):
    """A window of ``text`` around the first searched word, the words in <mark>, escaped."""
    text = text or ""
    if not words:
        return escape(text[:width] + ("\u2026" if len(text) > width else ""))
    # stems match longer words: "meet" finds "meeting"
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(word) for word in words) + r")\w*", re.IGNORECASE
    )
    found = pattern.search(text)
    start = max(0, found.start() - width // 3) if found else 0
    end = min(len(text), start + width)
    window = text[start:end]
    parts = []
    cursor = 0
    for match in pattern.finditer(window):
        parts.append(escape(window[cursor : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        cursor = match.end()
    parts.append(escape(window[cursor:]))
    prefix = "\u2026" if start > 0 else ""
    suffix = "\u2026" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)


@require_safe
def search_page(request):
    query = request.GET.get("q", "")[:500]
    kind = request.GET.get("kind", "")
    kinds = (kind,) if kind in full_text.KINDS else full_text.KINDS
    try:
        page = max(1, min(int(request.GET.get("page", 1)), 500))
    except (TypeError, ValueError):
        page = 1
    words = full_text.terms(query)
    ids = full_text.search(
        query, kinds=kinds, limit=SEARCH_PAGE + 1, offset=(page - 1) * SEARCH_PAGE
    )
    statements, articles = [], []
    if ids.get("statement"):
        found = Statement.objects.select_related("speaker", "meeting").in_bulk(
            ids["statement"][:SEARCH_PAGE]
        )
        statements = [
            {"statement": found[pk], "snippet": snippet(found[pk].text, words)}
            for pk in ids["statement"][:SEARCH_PAGE]
            if pk in found
        ]
    if ids.get("article"):
        found = Article.objects.in_bulk(ids["article"][:SEARCH_PAGE])
        articles = [
            {"article": found[pk], "snippet": snippet(found[pk].text, words)}
            for pk in ids["article"][:SEARCH_PAGE]
            if pk in found
        ]
    more = {kind_: len(found_ids) > SEARCH_PAGE for kind_, found_ids in ids.items()}
    return TemplateResponse(
        request,
        "diplomacy/search.html",
        {
            "query": query,
            "kind": kind if kind in full_text.KINDS else "",
            "words": words,
            "statements": statements,
            "articles": articles,
            "more": more,
            "page": page,
            "rank_start": (page - 1) * SEARCH_PAGE + 1,
            "searched": bool(query.strip()),
        },
    )
