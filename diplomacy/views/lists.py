"""The public lists: meetings, statements, persons, organisations and countries."""

from django.core.cache import cache
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, Substr

from .. import charts
from ..counting import SHOWN, month_counts, public_persons, shown_participations
from ..filters import (
    ArticleFilter,
    CountryFilter,
    MeetingFilter,
    OrganisationFilter,
    PersonFilter,
    StatementFilter,
)
from ..models import (
    Article,
    Country,
    Evidence,
    Meeting,
    MeetingCountry,
    Organisation,
    Position,
    Statement,
)
from .base import TIMELINE_SECONDS, ListPage

# undated records last, on PostgreSQL as on SQLite
NEWEST_FIRST = F("date").desc(nulls_last=True)
# the whole-register timeline on the meeting list may lag new imports by this much


def shown_speaker(statement):
    """The speaker's name as the public sees it: the person's, else the article's words."""
    speaker = statement.speaker
    if speaker is not None and speaker.review in SHOWN:
        return speaker.name
    return statement.speaker_text


def shown_meeting(statement):
    meeting = statement.meeting
    return meeting if meeting is not None and meeting.review in SHOWN else None


def participations_prefetch():
    return Prefetch(
        "participations",
        queryset=shown_participations().select_related("person").order_by("id"),
        to_attr="shown_participations",
    )


class MeetingList(ListPage):
    filterset_class = MeetingFilter
    template_name = "diplomacy/meeting_list.html"
    title = "Meetings"
    export_name = "meetings"
    default_ordering = "-date"
    columns = (
        ("Date", "date"),
        ("Meeting", "title"),
        ("Kind", "kind"),
        ("Place", None),
        ("Participants", None),
    )
    export_columns = (
        ("id", lambda m: m.pk),
        ("title", lambda m: str(m)),
        ("kind", lambda m: m.kind),
        ("status", lambda m: m.status),
        ("date", lambda m: m.date_display if m.date else None),
        ("end_date", lambda m: m.end_date_display),
        ("city", lambda m: m.city or None),
        ("country", lambda m: m.country.iso2 if m.country_id else None),
        ("organisation", lambda m: m.organisation.name if m.organisation_id else None),
        ("participants", lambda m: [p.person.name for p in m.shown_participations]),
        ("roles", lambda m: [p.role for p in m.shown_participations]),
    )

    def get_queryset(self):
        return (
            Meeting.objects.public()
            .select_related("country", "organisation")
            .prefetch_related(participations_prefetch())
            .order_by(NEWEST_FIRST, "pk")
        )

    def export_rows(self, queryset):
        for row in super().export_rows(queryset):
            # lists become "a; b" in a CSV cell, stay lists in JSON
            if self.request.GET.get("format") == "csv":
                row["participants"] = "; ".join(row["participants"])
                row["roles"] = "; ".join(row["roles"])
            yield row

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        for key in ("page", "format", "date_after", "date_before"):
            query.pop(key, None)

        def bar_link(start, end):
            params = query.copy()
            params["date_after"], params["date_before"] = start.isoformat(), end.isoformat()
            return "?" + params.urlencode()

        context["timeline"] = charts.timeline(self._month_counts(), link=bar_link)
        return context

    def _month_counts(self):
        """Meetings per month; the unfiltered timeline (a whole-table count) is cached."""
        view_only = {"page", "o", "per_page", "format"}
        if set(self.request.GET) - view_only:
            return month_counts(self.object_list)
        return cache.get_or_set(
            "diplomacy:meeting-timeline",
            lambda: month_counts(self.object_list),
            TIMELINE_SECONDS,
        )


class StatementList(ListPage):
    filterset_class = StatementFilter
    template_name = "diplomacy/statement_list.html"
    title = "Statements"
    # a statement takes several lines on a phone: 20 keep a page a few screens long
    paginate_by = 20
    export_name = "statements"
    default_ordering = "-date"
    columns = (("Date", "date"), ("Speaker", "speaker"), ("Statement", None), ("Meeting", None))
    export_columns = (
        ("id", lambda s: s.pk),
        ("date", lambda s: s.date_display),
        ("speaker", shown_speaker),
        ("speaker_id", lambda s: s.speaker_id if s.speaker and s.speaker.review in SHOWN else None),
        (
            "speaker_country",
            lambda s: s.speaker.country.iso2 if s.speaker and s.speaker.country_id else None,
        ),
        ("direct", lambda s: s.direct),
        ("text", lambda s: s.text),
        ("meeting_id", lambda s: shown_meeting(s).pk if shown_meeting(s) else None),
        ("meeting", lambda s: str(shown_meeting(s)) if shown_meeting(s) else None),
    )

    def get_queryset(self):
        return (
            Statement.objects.public()
            .select_related("speaker", "speaker__country", "meeting")
            .order_by(NEWEST_FIRST, "pk")
        )


class PersonList(ListPage):
    filterset_class = PersonFilter
    template_name = "diplomacy/person_list.html"
    title = "Persons"
    export_name = "persons"
    default_ordering = "name"
    columns = (("Name", "name"), ("Country", "country"), ("Posts", None))
    export_columns = (
        ("id", lambda p: p.pk),
        ("name", lambda p: p.name),
        ("country", lambda p: p.country.iso2 if p.country_id else None),
        ("positions", lambda p: "; ".join(position.title for position in p.positions.all())),
    )

    def get_queryset(self):
        return (
            public_persons()
            .select_related("country")
            .prefetch_related(
                Prefetch(
                    "positions", queryset=Position.objects.select_related("organisation", "country")
                )
            )
            .order_by("name", "pk")
        )


class OrganisationList(ListPage):
    filterset_class = OrganisationFilter
    template_name = "diplomacy/organisation_list.html"
    title = "Organisations"
    export_name = "organisations"
    default_ordering = "name"
    columns = (("Name", "name"), ("Acronym", "acronym"), ("Kind", "kind"), ("Country", None))
    export_columns = (
        ("id", lambda o: o.pk),
        ("name", lambda o: o.name),
        ("acronym", lambda o: o.acronym or None),
        ("kind", lambda o: o.kind),
        ("country", lambda o: o.country.iso2 if o.country_id else None),
    )

    def get_queryset(self):
        return Organisation.objects.public().select_related("country").order_by("name", "pk")


def _count_of(queryset, field):
    """A correlated COUNT for annotating a list page (50 cheap index probes)."""
    return Coalesce(
        Subquery(
            queryset.filter(**{field: OuterRef("pk")})
            .order_by()
            .values(field)
            # COUNT(*), not COUNT(id): PostgreSQL can then count from an index alone
            .annotate(n=Count("*"))
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


class CountryList(ListPage):
    filterset_class = CountryFilter
    template_name = "diplomacy/country_list.html"
    title = "Countries"
    export_name = "countries"
    # the busiest first: most of the world's countries have no record at all
    default_ordering = "-meetings"
    columns = (
        ("Country", "name"),
        ("Code", "code"),
        ("Persons", None),
        ("Meetings", "meetings"),
        ("Hosted", "hosted"),
    )
    export_columns = (
        ("iso2", lambda c: c.iso2),
        ("iso3", lambda c: c.iso3),
        ("name", lambda c: c.name),
        ("sovereign", lambda c: c.sovereign),
        ("persons", lambda c: c.person_count),
        ("meetings", lambda c: c.attended_count),
        ("meetings_hosted", lambda c: c.hosted_count),
    )

    def get_queryset(self):
        countries = Country.objects.annotate(
            person_count=_count_of(public_persons(), "country"),
            hosted_count=_count_of(Meeting.objects.public(), "country"),
            # hosted or attended by its people, as the country summaries keep them (a
            # count over the participations took 5-7 s for 249 countries at 100,000
            # meetings on SQLite; these rows are indexed by country)
            attended_count=_count_of(MeetingCountry.objects, "country"),
        ).order_by("-attended_count", "name", "pk")
        if self.request.GET.get("records") != "all":
            # most of the 249 countries have nothing in the register: shown on request.
            # A country hosted or attended a shown meeting exactly when it has a kept
            # MeetingCountry row (an index probe); the persons' countries are read once
            # (PostgreSQL scanned every person for each country with an EXISTS). Testing
            # the counts in WHERE would count every country's meetings again.
            countries = countries.filter(
                Q(pk__in=public_persons().values("country_id"))
                | Exists(MeetingCountry.objects.filter(country=OuterRef("pk")))
            )
        return countries


def _records_from_article(kind):
    """How many public records of ``kind`` an article supports (a correlated count)."""
    field = kind.value
    evidence = Evidence.objects.filter(
        article=OuterRef("pk"), kind=kind, **{f"{field}__review__in": SHOWN}
    )
    return Coalesce(
        Subquery(
            evidence.order_by()
            .values("article")
            .annotate(n=Count(field, distinct=True))
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


# enough of an article's text to make a title of when it has none (see Article.__str__)
ARTICLE_OPENING = 400


class ArticleList(ListPage):
    filterset_class = ArticleFilter
    template_name = "diplomacy/article_list.html"
    title = "Articles"
    export_name = "articles"
    default_ordering = "-published"
    columns = (
        ("Published", "published"),
        ("Title", "title"),
        ("Outlet", "outlet"),
        ("Meetings", None),
        ("Statements", None),
        ("Persons", None),
    )
    export_columns = (
        ("id", lambda a: a.pk),
        ("title", str),
        ("outlet", lambda a: a.outlet or None),
        ("published", lambda a: a.published.isoformat() if a.published else None),
        ("url", lambda a: a.url or None),
        ("meetings", lambda a: a.meeting_count),
        ("statements", lambda a: a.statement_count),
        ("persons", lambda a: a.person_count),
    )

    def get_queryset(self):
        kind = Evidence.Kind
        return (
            Article.objects.defer("text")
            .annotate(
                opening=Substr("text", 1, ARTICLE_OPENING),
                meeting_count=_records_from_article(kind.MEETING),
                statement_count=_records_from_article(kind.STATEMENT),
                person_count=_records_from_article(kind.PERSON),
            )
            .order_by(F("published").desc(nulls_last=True), "pk")
        )
