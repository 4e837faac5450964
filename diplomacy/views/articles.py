"""An article as the public reads it, with the records extracted from it highlighted."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import get_script_prefix, get_urlconf, reverse
from django.views.decorators.http import require_safe

from diplomacy.highlighting import highlight
from diplomacy.models import Article, Evidence
from diplomacy.models.curation import SHOWN

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


@require_safe
def article_detail(request, pk):
    article = get_object_or_404(Article, pk=pk)
    evidence = list(
        article.evidence.public()
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
            # a compilation's stories, each with its own outlet and date
            "stories": list(article.stories.all()),
            # never a javascript: or data: link, whatever an import stored
            "original_url": article.url
            if article.url.lower().startswith(("http://", "https://"))
            else "",
        },
    )
