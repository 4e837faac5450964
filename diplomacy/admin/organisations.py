"""Admin of countries and organisations (with their other names and member countries)."""

from django.contrib import admin
from django.db.models import Q

from diplomacy.merging import merge_organisations
from diplomacy.models import Country, Organisation, OrganisationName

from .base import CuratedAdmin, EditorInlineMixin, ids_or_subquery
from .filters import CountryFilter
from .merge import Candidate, merge_action


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "iso2", "iso3", "capital", "sovereign"]
    list_filter = ["sovereign"]
    # a few hundred rows: a substring match is cheap
    search_fields = ["name", "=iso2", "=iso3", "official_name"]
    fields = [
        ("name", "official_name"),
        ("iso2", "iso3"),
        "capital",
        "sovereign",
        "other_names",
        "demonyms",
        "cities",
    ]


class OrganisationNameInline(EditorInlineMixin, admin.TabularInline):
    model = OrganisationName
    fields = ["name"]
    show_change_link = False
    verbose_name = "other name"
    verbose_name_plural = "other names"


class MemberInline(EditorInlineMixin, admin.TabularInline):
    model = Organisation.members.through
    autocomplete_fields = ["country"]
    show_change_link = False
    verbose_name = "member country"
    verbose_name_plural = "member countries"


@admin.register(Organisation)
class OrganisationAdmin(CuratedAdmin):
    list_display = ["name", "acronym", "kind", "country", "parent", "review", "updated_at"]
    list_filter = ["review", "kind", CountryFilter]
    list_select_related = ["country", "parent"]
    # shows the search box; get_search_results matches inside names and the acronym
    search_fields = ["name", "=acronym"]
    autocomplete_fields = ["country", "parent"]
    inlines = [OrganisationNameInline, MemberInline]
    actions = [*CuratedAdmin.actions, "merge_selected"]
    fieldsets = [
        (None, {"fields": [("name", "acronym"), "kind", "country", "parent", "reference"]}),
        CuratedAdmin.curation_fieldset,
        CuratedAdmin.sources_fieldset,
    ]

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        by_acronym = Q(acronym__iexact=search_term.strip())
        by_name = Q(pk__in=ids_or_subquery(Organisation.objects.name_contains(search_term)))
        return queryset.filter(by_name | by_acronym), False

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # an editor's member list is locked like a field
        if any(f.model is Organisation.members.through and f.has_changed() for f in formsets):
            org = form.instance
            org.lock("members")
            # a plain UPDATE: the change itself already has its history row
            Organisation.objects.filter(pk=org.pk).update(locked_fields=org.locked_fields)

    @admin.action(description="Merge selected organisations", permissions=["change"])
    def merge_selected(self, request, queryset):
        return merge_action(
            self, request, queryset.select_related("country"), merge_organisations, org_candidate
        )


def org_candidate(org):
    """What the merge page shows of an organisation."""
    return Candidate(
        record=org,
        country=org.country,
        other_names=[n.name for n in org.names.all()],
        counts=[
            ("meetings", org.meetings.count()),
            ("posts", org.positions.count()),
            ("mentions", org.evidence.count()),
            ("organs", org.organs.count()),
        ],
    )
