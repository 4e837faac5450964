"""Detail pages: a meeting, a statement, a person, an organisation, a country.

Each page runs a fixed number of queries: related lists are cut to a few dozen rows and
link to the full, filtered list.
"""

import datetime as dt

from django.db.models import Count, F, Min
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from .. import charts, summaries
from ..counting import COUNTERPARTS, SHOWN, month_counts, public_persons, shown_participations
from ..models import (
    Country,
    Evidence,
    Meeting,
    Organisation,
    Participation,
    Person,
    Position,
    Statement,
)
from .base import meetings_url

# rows of a related list shown on a detail page; the rest is one click away
RELATED_ROWS = 30
# statements are long: a detail page shows this many, the statement list the rest
STATEMENT_ROWS = 10


def other_names(record, names):
    """The other names of a person or organisation, without repeats of its name: one query."""
    shown = {record.name.casefold()}
    found = []
    for name in names.order_by("name").values_list("name", flat=True):
        if name.casefold() not in shown:
            shown.add(name.casefold())
            found.append(name)
    return found


def sources(*conditions, **lookup):
    """The articles supporting a record, with the first supporting span of each: one query."""
    return list(
        Evidence.objects.filter(*conditions, **lookup)
        .values(
            "article_id",
            "article__title",
            "article__file_name",
            "article__outlet",
            "article__published",
        )
        .annotate(first_span=Min("pk"))
        .order_by(F("article__published").desc(nulls_last=True), "article__file_name")[
            :RELATED_ROWS
        ]
    )


def meeting_evidence(meeting):
    """Evidence of a meeting or of one of its participations, as a subquery of ids.

    A UNION of two index lookups: an OR across the LEFT JOIN to participations would make
    PostgreSQL scan all the evidence.
    """
    evidence = Evidence.objects
    return (
        evidence.filter(meeting=meeting)
        .order_by()
        .values("pk")
        .union(evidence.filter(participation__meeting=meeting).order_by().values("pk"))
    )


def shown_statements():
    return Statement.objects.public().select_related("speaker", "meeting")


@require_safe
def meeting_detail(request, pk):
    meeting = get_object_or_404(
        Meeting.objects.public().select_related("country", "organisation"), pk=pk
    )
    participations = list(
        shown_participations()
        .filter(meeting=meeting)
        .select_related("person", "person__country")
        .order_by("id")
    )
    for participation in participations:
        participation.meeting = meeting  # their part depends on where it took place
    statements = list(
        shown_statements().filter(meeting=meeting).order_by("date", "pk")[: STATEMENT_ROWS + 1]
    )
    organisation = (
        meeting.organisation
        if meeting.organisation and meeting.organisation.review in SHOWN
        else None
    )
    return TemplateResponse(
        request,
        "diplomacy/meeting_detail.html",
        {
            "meeting": meeting,
            "organisation": organisation,
            "participations": participations,
            "statements": statements[:STATEMENT_ROWS],
            "more_statements": len(statements) > STATEMENT_ROWS,
            "sources": sources(pk__in=meeting_evidence(meeting)),
        },
    )


@require_safe
def statement_detail(request, pk):
    statement = get_object_or_404(
        Statement.objects.public().select_related("speaker", "speaker__country", "meeting"), pk=pk
    )
    return TemplateResponse(
        request,
        "diplomacy/statement_detail.html",
        {"statement": statement, "sources": sources(statement=statement)},
    )


def counterparts(person):
    """The people ``person`` met most, as dicts with key, label, url, weight: one query."""
    their_meetings = Participation.objects.filter(person=person, meeting__review__in=SHOWN).values(
        "meeting_id"
    )
    rows = (
        shown_participations()
        .filter(meeting_id__in=their_meetings)
        .exclude(person=person)
        .values("person_id", "person__name", "person__country__name")
        .annotate(n=Count("meeting_id", distinct=True))
        .order_by("-n", "person__name", "person_id")[:COUNTERPARTS]
    )
    return [
        {
            "key": row["person_id"],
            "label": row["person__name"],
            "country": row["person__country__name"],
            "url": reverse("site:person-detail", args=[row["person_id"]]),
            "weight": row["n"],
        }
        for row in rows
    ]


def edges_between(person_ids):
    """(a, b, meetings together) for pairs of these persons: one query."""
    if len(person_ids) < 2:
        return []
    rows = (
        Participation.objects.filter(
            person_id__in=person_ids,
            meeting__review__in=SHOWN,
            meeting__participations__person_id__in=person_ids,
        )
        .values_list("person_id", "meeting__participations__person_id")
        .annotate(n=Count("meeting_id", distinct=True))
        .order_by()
    )
    return [(a, b, n) for a, b, n in rows if a < b]


@require_safe
def person_detail(request, pk):
    person = get_object_or_404(Person.objects.public().select_related("country"), pk=pk)
    if person.merged_into_id:
        # a merged record lives on as its target
        target = public_persons().filter(pk=person.merged_into_id).first()
        if target is None:
            target = get_object_or_404(Person.objects.public(), pk=person.merged_into_id)
            while target.merged_into_id:
                target = get_object_or_404(Person.objects.public(), pk=target.merged_into_id)
        return redirect("site:person-detail", pk=target.pk)
    positions = list(
        person.positions.select_related("organisation", "country").order_by(
            F("start").asc(nulls_last=True), "title"
        )
    )
    participations = list(
        Participation.objects.filter(person=person, meeting__review__in=SHOWN)
        .select_related("meeting", "meeting__country", "meeting__organisation")
        .order_by(F("meeting__date").desc(nulls_last=True), "-meeting_id")[: RELATED_ROWS + 1]
    )
    for participation in participations:
        participation.person = person  # their part depends on the person's country
    statements = list(
        shown_statements()
        .filter(speaker=person)
        .order_by(F("date").desc(nulls_last=True), "-pk")[: STATEMENT_ROWS + 1]
    )
    met = counterparts(person)
    meetings = Meeting.objects.public().filter(
        pk__in=Participation.objects.filter(person=person).values("meeting_id")
    )
    return TemplateResponse(
        request,
        "diplomacy/person_detail.html",
        {
            "person": person,
            "other_names": other_names(person, person.names),
            "positions": positions,
            "participations": participations[:RELATED_ROWS],
            "more_meetings": len(participations) > RELATED_ROWS,
            "statements": statements[:STATEMENT_ROWS],
            "more_statements": len(statements) > STATEMENT_ROWS,
            "met": met,
            "timeline": charts.timeline(
                month_counts(meetings),
                link=lambda start, end: meetings_url(
                    participant=person.pk, date_after=start.isoformat(), date_before=end.isoformat()
                ),
                caption=f"Meetings of {person.name}",
            ),
            "network": charts.network(
                {"label": person.name},
                met,
                edges_between([node["key"] for node in met]),
                caption=f"The people {person.name} met most; thicker lines mean more meetings",
            ),
            "meetings_url": meetings_url(participant=person.pk),
        },
    )


@require_safe
def organisation_detail(request, pk):
    organisation = get_object_or_404(
        Organisation.objects.public().select_related("country", "parent"), pk=pk
    )
    parent = (
        organisation.parent if organisation.parent and organisation.parent.review in SHOWN else None
    )
    members = list(organisation.members.order_by("name"))
    organs = list(organisation.organs.public().order_by("name")[:RELATED_ROWS])
    posts = list(
        Position.objects.filter(
            organisation=organisation, person__review__in=SHOWN, person__merged_into__isnull=True
        )
        .select_related("person", "person__country")
        .order_by("person__name", "title")[: RELATED_ROWS + 1]
    )
    meetings = Meeting.objects.public().filter(organisation=organisation)
    recent = list(
        meetings.select_related("country").order_by(F("date").desc(nulls_last=True), "pk")[
            : RELATED_ROWS + 1
        ]
    )
    return TemplateResponse(
        request,
        "diplomacy/organisation_detail.html",
        {
            "organisation": organisation,
            "other_names": other_names(organisation, organisation.names),
            "parent": parent,
            "members": members,
            "organs": organs,
            "posts": posts[:RELATED_ROWS],
            "more_posts": len(posts) > RELATED_ROWS,
            "meetings": recent[:RELATED_ROWS],
            "more_meetings": len(recent) > RELATED_ROWS,
            "timeline": charts.timeline(
                month_counts(meetings),
                link=lambda start, end: meetings_url(
                    organisation=organisation.pk,
                    date_after=start.isoformat(),
                    date_before=end.isoformat(),
                ),
                caption=f"Meetings under {organisation.name}",
            ),
            "meetings_url": meetings_url(organisation=organisation.pk),
            "persons_url": reverse("site:person-list") + f"?organisation={organisation.pk}",
        },
    )


@require_safe
def country_detail(request, iso2):
    country = get_object_or_404(Country.objects.select_related("summary"), iso2=iso2.upper())
    if iso2 != country.iso2:
        return redirect("site:country-detail", iso2=country.iso2)
    persons = list(
        public_persons().filter(country=country).order_by("name", "pk")[: RELATED_ROWS * 2 + 1]
    )
    people = summaries.country_people(country)
    public_meetings = Meeting.objects.public().select_related("country", "organisation")
    hosted = list(
        public_meetings.filter(country=country).order_by(F("date").desc(nulls_last=True), "pk")[
            : RELATED_ROWS + 1
        ]
    )
    attended = list(
        public_meetings.filter(pk__in=summaries.attended_meetings(people)).order_by(
            F("date").desc(nulls_last=True), "pk"
        )[: RELATED_ROWS + 1]
    )
    # the month timeline and the counterpart countries count every meeting of the
    # country's people: kept in a summary, counted again when something changes them
    summary = summaries.summary(country, people)
    months = [(dt.date.fromisoformat(month), n) for month, n in summary.months]
    partners = [
        {
            "key": row["iso2"],
            "label": row["name"],
            "url": reverse("site:country-detail", args=[row["iso2"]]),
            "weight": row["meetings"],
        }
        for row in summary.partners
    ]
    organisations = list(country.organisations.public().order_by("name")[:RELATED_ROWS])
    memberships = list(country.memberships.public().order_by("name")[:RELATED_ROWS])
    return TemplateResponse(
        request,
        "diplomacy/country_detail.html",
        {
            "country": country,
            "persons": persons[: RELATED_ROWS * 2],
            "more_persons": len(persons) > RELATED_ROWS * 2,
            "hosted": hosted[:RELATED_ROWS],
            "more_hosted": len(hosted) > RELATED_ROWS,
            "attended": attended[:RELATED_ROWS],
            "more_attended": len(attended) > RELATED_ROWS,
            "partners": partners,
            "months": months,
            "organisations": organisations,
            "memberships": memberships,
            "timeline": charts.timeline(
                months,
                link=lambda start, end: meetings_url(
                    country=country.iso2, date_after=start.isoformat(), date_before=end.isoformat()
                ),
                caption=f"Meetings hosted by {country.name} or attended by its people",
            ),
            "network": charts.network(
                {"label": country.name},
                partners,
                caption=f"The countries whose people met people of {country.name} most",
            ),
            "meetings_url": meetings_url(country=country.iso2),
            "persons_url": reverse("site:person-list") + f"?country={country.iso2}",
        },
    )
