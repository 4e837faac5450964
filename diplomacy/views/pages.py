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
from ..models import Article, Country, Evidence, Meeting, Organisation, Review, Statement

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
            # the lede says how much of it an editor has checked, not that all of it is
            "verified_meetings": Meeting.objects.filter(review=Review.VERIFIED).count(),
            "verified_statements": Statement.objects.filter(review=Review.VERIFIED).count(),
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


# the words searched for, from the start of a word: "meet" also marks "meeting"
def _word_pattern(words):
    return re.compile(r"\b(" + "|".join(re.escape(word) for word in words) + r")\w*", re.I)


_SPACE = re.compile(r"\s+")


def word_window(text, start, end):
    """``text[start:end]`` widened or narrowed to whole words: never cut inside a word.

    The start moves forward to the next word (a window that begins mid-word drops that
    word's tail); the end moves back to the last space before it.
    """
    if start > 0 and not text[start - 1].isspace():
        space = _SPACE.search(text, start, end)
        start = space.end() if space else start
    if end < len(text) and not text[end].isspace():
        spaces = [space.start() for space in _SPACE.finditer(text, start, end)]
        end = spaces[-1] if spaces else end
    return start, end


def marked(text, words):
    """``text`` escaped, with the searched words in <mark>."""
    if not words:
        return escape(text)
    parts, cursor = [], 0
    for match in _word_pattern(words).finditer(text):
        parts.append(escape(text[cursor : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        cursor = match.end()
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))


def snippet(text, words, width=SNIPPET):
    """A window of ``text`` around the first searched word, cut at word boundaries, the
    words in <mark>, escaped."""
    text = text or ""
    found = _word_pattern(words).search(text) if words else None
    start = max(0, found.start() - width // 3) if found else 0
    start, end = word_window(text, start, min(len(text), start + width))
    if found and start > found.start():
        start = found.start()
    prefix = "\u2026 " if start > 0 else ""
    suffix = " \u2026" if end < len(text) else ""
    return mark_safe(prefix + marked(text[start:end].strip(), words) + suffix)


KIND_LABELS = {
    "person": ("Person", "Persons"),
    "organisation": ("Organisation", "Organisations"),
    "meeting": ("Meeting", "Meetings"),
    "statement": ("Statement", "Statements"),
    "article": ("Article", "Articles"),
}
# results per kind when every kind is shown; "See all" pages through one kind
PREVIEW = 5


def _search_row(kind, record, words):
    """What the results page shows of one record: the record and its marked text."""
    if kind in ("statement", "article"):
        return {"record": record, "snippet": snippet(record.text, words)}
    if kind == "meeting":
        return {"record": record, "name": marked(str(record), words)}
    other = full_text.matched_other_name(kind, record, words)
    return {
        "record": record,
        "name": marked(record.name, words),
        "other_name": marked(other, words) if other else None,
    }


@require_safe
def search_page(request):
    query = request.GET.get("q", "")[:500]
    kind = request.GET.get("kind", "")
    kind = kind if kind in full_text.SITE_KINDS else ""
    try:
        page = max(1, min(int(request.GET.get("page", 1)), 500))
    except (TypeError, ValueError):
        page = 1
    words = full_text.terms(query)
    size = SEARCH_PAGE if kind else PREVIEW
    offset = (page - 1) * size if kind else 0
    groups = []
    for kind_ in (kind,) if kind else full_text.SITE_KINDS:
        records, total = full_text.find(query, kind_, limit=size, offset=offset)
        groups.append(
            {
                "kind": kind_,
                "label": KIND_LABELS[kind_][1],
                "rows": [_search_row(kind_, record, words) for record in records],
                "total": total,
                "more": total > offset + len(records),
            }
        )
    return TemplateResponse(
        request,
        "diplomacy/search.html",
        {
            "query": query,
            "kind": kind,
            "kinds": [(key, labels[1]) for key, labels in KIND_LABELS.items()],
            "words": words,
            "groups": groups,
            "page": page,
            "rank_start": offset + 1,
            "searched": bool(query.strip()),
        },
    )
