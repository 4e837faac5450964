"""Admin of countries and organisations (with their other names and member countries)."""

from django.contrib import admin

from diplomacy.merging import merge_organisations
from diplomacy.models import Country, Organisation, OrganisationName
from diplomacy.names import org_key

from .base import CuratedAdmin, EditorInlineMixin
from .merge import merge_action
from .people import search_by_key


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
    list_filter = ["review", "kind"]
    list_select_related = ["country", "parent"]
    # prefix match on the name, exact acronym; get_search_results adds the folded key
    search_fields = ["^name", "=acronym"]
    autocomplete_fields = ["country", "parent"]
    inlines = [OrganisationNameInline, MemberInline]
    actions = [*CuratedAdmin.actions, "merge_selected"]
    fieldsets = [
        (None, {"fields": [("name", "acronym"), "kind", "country", "parent", "reference"]}),
        CuratedAdmin.curation_fieldset,
        CuratedAdmin.sources_fieldset,
    ]

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            results |= search_by_key(
                queryset, search_term, OrganisationName, "organisation", org_key
            )
        return results, may_have_duplicates

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
        def describe(org):
            return (
                f"{org.meetings.count()} meetings, {org.positions.count()} positions, "
                f"{org.evidence.count()} mentions, {org.organs.count()} organs"
            )

        return merge_action(self, request, queryset, merge_organisations, describe)
