"""Admin of meetings, their participations and statements."""

from django.contrib import admin
from django.db.models import Q

from diplomacy.models import Meeting, Participation, Person, Statement
from diplomacy.search import matching

from .base import CuratedAdmin, EditorInlineMixin, EditorRowAdmin, ids_or_subquery, listed_union
from .filters import CountryFilter, DateKnownFilter, SpeakerMatchedFilter


def persons_named(search_term):
    """Ids of the persons with ``search_term`` inside one of their names."""
    return ids_or_subquery(Person.objects.name_contains(search_term))


class ParticipationInline(EditorInlineMixin, admin.TabularInline):
    model = Participation
    fields = ["person", "role", "from_editor"]
    readonly_fields = ["from_editor"]
    autocomplete_fields = ["person"]


class StatementInline(EditorInlineMixin, admin.StackedInline):
    model = Statement
    fields = [("speaker", "speaker_text"), ("date", "date_precision"), "text", ("direct", "review")]
    autocomplete_fields = ["speaker"]


@admin.register(Meeting)
class MeetingAdmin(CuratedAdmin):
    list_display = ["__str__", "kind", "status", "date_display", "city", "country", "review"]
    list_filter = ["review", "kind", "status", DateKnownFilter, CountryFilter]
    list_select_related = ["country", "organisation"]
    # shows the search box; get_search_results matches inside titles, cities and the
    # names of participants (trigram indexes on PostgreSQL, migration 0012)
    search_fields = ["title", "city"]
    date_hierarchy = "date"
    autocomplete_fields = ["country", "organisation"]
    inlines = [ParticipationInline, StatementInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    ("kind", "status"),
                    ("date", "date_precision", "end_date"),
                    ("city", "country"),
                    "organisation",
                ]
            },
        ),
        CuratedAdmin.curation_fieldset,
        CuratedAdmin.sources_fieldset,
    ]

    def get_search_results(self, request, queryset, search_term):
        words = search_term.split()
        if not words:
            return queryset, False
        in_title = Q()
        for word in words:
            in_title &= Q(title__icontains=word)
        in_city = Q(city__icontains=search_term.strip())
        participations = Participation.objects.filter(person__in=persons_named(search_term))
        with_participant = Q(pk__in=ids_or_subquery(participations, "meeting_id"))
        # the few matching ids once, rather than the conditions again in every query of
        # the page (count, rows, date hierarchy); a common word keeps the conditions
        ids = listed_union(
            Meeting.objects.filter(in_title).values_list("pk"),
            Meeting.objects.filter(in_city).values_list("pk"),
            participations.values_list("meeting_id"),
        )
        if ids is not None:
            return queryset.filter(pk__in=ids), False
        return queryset.filter(in_title | in_city | with_participant), False

    @admin.display(description="Date", ordering="date")
    def date_display(self, obj):
        return obj.date_display


@admin.register(Statement)
class StatementAdmin(CuratedAdmin):
    list_display = ["short_text", "speaker", "speaker_text", "date_display", "direct", "review"]
    list_filter = ["review", "direct", SpeakerMatchedFilter]
    list_select_related = ["speaker"]
    # full-text search (GIN / FTS5 index) instead of a LIKE over a million rows, or the
    # speaker's names (see get_search_results)
    search_fields = ["text"]
    autocomplete_fields = ["speaker"]
    raw_id_fields = ["meeting"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("speaker", "speaker_text"),
                    "meeting",
                    ("date", "date_precision"),
                    "text",
                    "direct",
                ]
            },
        ),
        CuratedAdmin.curation_fieldset,
        CuratedAdmin.sources_fieldset,
    ]

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        by_speaker = queryset.filter(speaker__in=persons_named(search_term))
        return matching(queryset, "statement", search_term) | by_speaker, False

    @admin.display(description="Statement")
    def short_text(self, obj):
        return obj.text[:100]

    @admin.display(description="Date", ordering="date")
    def date_display(self, obj):
        return obj.date_display


@admin.register(Participation)
class ParticipationAdmin(EditorRowAdmin):
    list_display = ["person", "meeting", "role", "from_editor"]
    list_select_related = ["person", "meeting"]
    search_fields = ["person__name"]
    autocomplete_fields = ["person", "meeting"]

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.filter(person__in=persons_named(search_term)), False

    fields = ["meeting", "person", "role", "from_editor", "sources"]
