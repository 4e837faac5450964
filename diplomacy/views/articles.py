"""An article as the public reads it, with the records extracted from it highlighted."""

import bisect
import heapq
import itertools

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from diplomacy.models import Article, Evidence

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


# a sample argument per URL name, replaced by the real one in the reversed URL
_SAMPLE_ARGS = {"site:country-detail": "QZ"}
_SAMPLE_ID = 987654321
_url_patterns = {}


def detail_url(name, arg):
    """``reverse(name, args=[arg])``, reversing once per URL name rather than per span.

    An article has hundreds of spans; reverse() for each was a tenth of the page's time.
    """
    key = (name, get_urlconf(), get_script_prefix())
    pattern = _url_patterns.get(key)
    if pattern is None:
        sample = str(_SAMPLE_ARGS.get(name, _SAMPLE_ID))
        url = reverse(name, args=[sample])
        head, found, tail = url.rpartition(sample)
        pattern = _url_patterns[key] = (head, tail) if found else None
    if pattern is None:
        return reverse(name, args=[arg])
    return f"{pattern[0]}{arg}{pattern[1]}"


def record_link(evidence):
    """(URL, label) of the record a span supports."""
    kind = evidence.kind
    if kind == Evidence.Kind.COUNTRY:
        return detail_url("site:country-detail", evidence.country.iso2), evidence.country.name
    if kind == Evidence.Kind.ORGANISATION:
        return detail_url("site:organisation-detail", evidence.organisation_id), str(
            evidence.organisation
        )
    if kind == Evidence.Kind.PERSON:
        return detail_url("site:person-detail", evidence.person_id), evidence.person.name
    if kind == Evidence.Kind.POSITION:
        position = evidence.position
        return (
            detail_url("site:person-detail", position.person_id),
            f"{position.title}: {position.person.name}",
        )
    if kind == Evidence.Kind.MEETING:
        return detail_url("site:meeting-detail", evidence.meeting_id), str(evidence.meeting)
    if kind == Evidence.Kind.PARTICIPATION:
        participation = evidence.participation
        return (
            detail_url("site:meeting-detail", participation.meeting_id),
            f"{participation.person.name} at {participation.meeting}",
        )
    statement = evidence.statement
    who = (
        statement.speaker.name
        if statement.speaker and statement.speaker.review in SHOWN
        else statement.speaker_text
    )
    return detail_url(
        "site:statement-detail", statement.pk
    ), f"Statement by {who or 'unattributed'}"


def highlight(text, spans):
    """``text`` as safe HTML with the spans in <mark>s that link to their records.

    ``spans`` are dicts with start, end, url, label, kind and id. Where spans overlap,
    the shortest (the most specific: a name inside a meeting report) wins and the longer
    one is clipped around it, so marks and links never nest. Each span also gets an empty
    anchor ``#ev-<id>`` where it starts. Spans outside the text are dropped; every
    character of ``text`` is escaped.
    """
    length = len(text)
    starts = {}
    for span in spans:
        if 0 <= span["start"] < min(span["end"], length):
            starts.setdefault(span["start"], []).append(span)
    bounds = sorted(
        {0, length, *starts, *(min(s["end"], length) for group in starts.values() for s in group)}
    )
    # elementary pieces between two boundaries, each owned by the shortest covering span
    pieces = []
    active = []
    for order, (left, right) in enumerate(itertools.pairwise(bounds)):
        for span in starts.get(left, ()):
            heapq.heappush(active, (min(span["end"], length) - left, span["id"], order, span))
        while active and min(active[0][3]["end"], length) <= left:
            heapq.heappop(active)
        owner = active[0][3] if active else None
        if pieces and pieces[-1][2] is owner:
            pieces[-1][1] = right
        else:
            pieces.append([left, right, owner])
    positions = sorted(starts)
    parts = []
    for left, right, owner in pieces:
        # anchors of the spans starting in this piece, even those clipped away entirely
        for position in positions[
            bisect.bisect_left(positions, left) : bisect.bisect_left(positions, right)
        ]:
            for span in starts[position]:
                parts.append(f'<span class="ev-anchor" id="ev-{escape(span["id"])}"></span>')
        if owner is None:
            parts.append(escape(text[left:right]))
        else:
            # f-strings of conditional_escape()d values: what format_html does, hundreds of
            # times faster in total on a long article
            parts.append(
                f'<mark class="ev ev-{conditional_escape(owner["kind"])}">'
                f'<a href="{conditional_escape(owner["url"])}" '
                f'title="{conditional_escape(owner["label"])}">'
                f"{conditional_escape(text[left:right])}</a></mark>"
            )
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
            {
                "start": item.start,
                "end": item.end,
                "url": url,
                "label": label,
                "kind": item.kind,
                "id": item.pk,
            }
        )
        records.setdefault(item.get_kind_display(), {}).setdefault(
            url, {"url": url, "label": label, "span": item.pk}
        )
    return TemplateResponse(
        request,
        "diplomacy/article_detail.html",
        {
            "article": article,
            "highlighted": highlight(article.text, spans),
            "records": [(kind, list(found.values())) for kind, found in sorted(records.items())],
            "span_count": len(spans),
            # never a javascript: or data: link, whatever an import stored
            "original_url": article.url
            if article.url.lower().startswith(("http://", "https://"))
            else "",
        },
    )
