"""An article as the public reads it, with the records extracted from it highlighted."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from .models import Article, Evidence

SHOWN = ["unreviewed", "verified"]

# evidence whose record the public may see; a country is never rejected
VISIBLE_EVIDENCE = (
    Q(kind=Evidence.Kind.COUNTRY)
    | Q(kind=Evidence.Kind.ORGANISATION, organisation__review__in=SHOWN)
    | Q(kind=Evidence.Kind.PERSON, person__review__in=SHOWN)
    | Q(kind=Evidence.Kind.POSITION, position__person__review__in=SHOWN)
    | Q(kind=Evidence.Kind.MEETING, meeting__review__in=SHOWN)
    | Q(
        kind=Evidence.Kind.PARTICIPATION,
        participation__meeting__review__in=SHOWN,
        participation__person__review__in=SHOWN,
    )
    | Q(kind=Evidence.Kind.STATEMENT, statement__review__in=SHOWN)
)


def record_link(evidence):
    """(URL, label) of the record a span supports."""
    kind = evidence.kind
    if kind == Evidence.Kind.COUNTRY:
        return reverse("site:country-detail", args=[evidence.country.iso2]), evidence.country.name
    if kind == Evidence.Kind.ORGANISATION:
        return reverse("site:organisation-detail", args=[evidence.organisation_id]), str(evidence.organisation)
    if kind == Evidence.Kind.PERSON:
        return reverse("site:person-detail", args=[evidence.person_id]), evidence.person.name
    if kind == Evidence.Kind.POSITION:
        position = evidence.position
        return (
            reverse("site:person-detail", args=[position.person_id]),
            f"{position.title}: {position.person.name}",
        )
    if kind == Evidence.Kind.MEETING:
        return reverse("site:meeting-detail", args=[evidence.meeting_id]), str(evidence.meeting)
    if kind == Evidence.Kind.PARTICIPATION:
        participation = evidence.participation
        return (
            reverse("site:meeting-detail", args=[participation.meeting_id]),
            f"{participation.person.name} at {participation.meeting}",
        )
    statement = evidence.statement
    who = statement.speaker.name if statement.speaker and statement.speaker.review in SHOWN else statement.speaker_text
    return reverse("site:statement-detail", args=[statement.pk]), f"Statement by {who or 'unattributed'}"


def highlight(text, spans):
    """``text`` as safe HTML with each span in a <mark> linking to its record.

    ``spans`` are dicts with start, end, url, label, kind and id. Spans are sorted by
    start (longest first) and clipped where they overlap an earlier one, so marks never
    nest; spans outside the text are dropped. Every character of ``text`` is escaped.
    """
    length = len(text)
    ordered = sorted(
        (span for span in spans if 0 <= span["start"] < span["end"] and span["start"] < length),
        key=lambda span: (span["start"], -span["end"]),
    )
    parts = []
    cursor = 0
    for span in ordered:
        start, end = max(span["start"], cursor), min(span["end"], length)
        if start >= end:
            continue
        parts.append(escape(text[cursor:start]))
        parts.append(
            format_html(
                '<mark class="ev ev-{kind}" id="ev-{id}"><a href="{url}" title="{label}">{text}</a></mark>',
                kind=span["kind"],
                id=span["id"],
                url=span["url"],
                label=span["label"],
                text=text[start:end],
            )
        )
        cursor = end
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))


@require_safe
def article_detail(request, pk):
    article = get_object_or_404(Article.objects.public(), pk=pk)
    evidence = list(
        article.evidence.filter(VISIBLE_EVIDENCE)
        .select_related(
            "country",
            "organisation",
            "person",
            "position__person",
            "meeting",
            "participation__person",
            "participation__meeting",
            "statement__speaker",
        )
        .order_by("start", "pk")
    )
    spans = []
    records = {}
    for item in evidence:
        url, label = record_link(item)
        spans.append(
            {"start": item.start, "end": item.end, "url": url, "label": label, "kind": item.kind, "id": item.pk}
        )
        records.setdefault(item.get_kind_display(), {}).setdefault(url, {"url": url, "label": label, "span": item.pk})
    return TemplateResponse(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "highlighted": highlight(article.text, spans),
            "records": [(kind, list(found.values())) for kind, found in sorted(records.items())],
            "span_count": len(spans),
            # never a javascript: or data: link, whatever an import stored
            "original_url": article.url if article.url.lower().startswith(("http://", "https://")) else "",
        },
    )
