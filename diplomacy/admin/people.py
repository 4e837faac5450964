"""Admin of persons, their other names and positions: merge and split live here."""

from functools import partial

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from diplomacy.merging import merge_persons, split_person
from diplomacy.models import Person, PersonName, Position

from .base import CuratedAdmin, EditorInlineMixin, EditorRowAdmin, render_sources
from .filters import CountryFilter
from .merge import Candidate, merge_action
from .review_queue import review_decision_view, review_queue_view


class PersonNameInline(EditorInlineMixin, admin.TabularInline):
    model = PersonName
    fields = ["name", "from_editor"]
    readonly_fields = ["from_editor"]
    show_change_link = False
    verbose_name = "other name"
    verbose_name_plural = "other names"


class PositionInline(EditorInlineMixin, admin.TabularInline):
    model = Position
    fields = ["title", "organisation", "country", "start", "end", "from_editor"]
    readonly_fields = ["from_editor"]
    autocomplete_fields = ["organisation", "country"]


@admin.register(Person)
class PersonAdmin(CuratedAdmin):
    list_display = ["name", "country", "review", "merged_into", "updated_at"]
    list_filter = ["review", ("merged_into", admin.EmptyFieldListFilter), CountryFilter]
    list_select_related = ["country", "merged_into"]
    # shows the search box; get_search_results matches inside every name of a person
    search_fields = ["name"]
    autocomplete_fields = ["country", "merged_into"]
    inlines = [PersonNameInline, PositionInline]
    actions = [*CuratedAdmin.actions, "merge_selected"]
    fieldsets = [
        (None, {"fields": ["name", "country", "gender", "merged_into"]}),
        CuratedAdmin.curation_fieldset,
        CuratedAdmin.sources_fieldset,
    ]
    readonly_fields = [*CuratedAdmin.readonly_fields, "sources_with_split"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            # the name the articles use stays this person's, so imports still find them
            obj.remember_name(form.initial.get("name"))

    def get_search_results(self, request, queryset, search_term):
        # the change list and every person autocomplete: "velbayev" finds "Oren Velbaev"
        if not search_term.strip():
            return queryset, False
        return queryset.name_contains(search_term), False

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        # an editor sees a "split off" checkbox on every mention
        return [
            (
                name,
                {
                    **options,
                    "fields": [
                        "sources_with_split" if f == "sources" else f for f in options["fields"]
                    ],
                },
            )
            for name, options in fieldsets
        ]

    @admin.display(description="Where it came from")
    def sources_with_split(self, obj):
        return render_sources(obj, split_url=reverse("admin:diplomacy_person_split", args=[obj.pk]))

    def get_urls(self):
        site = self.admin_site
        queue = site.admin_view(partial(review_queue_view, admin_site=site))
        decide = site.admin_view(require_POST(partial(review_decision_view, admin_site=site)))
        split = site.admin_view(require_POST(self.split_view))
        return [
            # the queue covers all four curated kinds; it lives here for want of a site URL
            path("review-queue/", queue, name="diplomacy_review_queue"),
            path("review-queue/decide/", decide, name="diplomacy_review_decide"),
            path("<path:object_id>/split/", split, name="diplomacy_person_split"),
            *super().get_urls(),
        ]

    def split_view(self, request, object_id):
        """Move the ticked mentions of a person to a new person named after them."""
        person = get_object_or_404(Person, pk=object_id)
        if not self.has_change_permission(request, person):
            raise PermissionDenied
        change_url = reverse("admin:diplomacy_person_change", args=[person.pk])
        evidence_ids = [i for i in request.POST.getlist("split_evidence") if i.isdigit()]
        if not evidence_ids:
            self.message_user(request, "Tick the mentions to split off.", messages.WARNING)
            return HttpResponseRedirect(change_url)
        try:
            new = split_person(
                person, evidence_ids, request.POST.get("split_name", ""), user=request.user
            )
        except ValueError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(change_url)
        self.message_user(request, f"Split off into the new person {new}.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:diplomacy_person_change", args=[new.pk]))

    @admin.action(description="Merge selected persons", permissions=["change"])
    def merge_selected(self, request, queryset):
        return merge_action(
            self, request, queryset.select_related("country"), merge_persons, person_candidate
        )


def person_candidate(person):
    """What the merge page shows of a person (a few counts per candidate, at most 20)."""
    return Candidate(
        record=person,
        country=person.country,
        posts=list(person.positions.select_related("organisation", "country")),
        other_names=[n.name for n in person.names.all()],
        counts=[
            ("meetings", person.participations.count()),
            ("statements", person.statements.count()),
            ("mentions", person.evidence.count()),
        ],
    )


@admin.register(Position)
class PositionAdmin(EditorRowAdmin):
    list_display = ["title", "person", "organisation", "country", "start", "end", "from_editor"]
    list_select_related = ["person", "organisation", "country"]
    search_fields = ["^title", "^person__name"]
    autocomplete_fields = ["person", "organisation", "country"]
    fields = [
        "person",
        "title",
        "organisation",
        "country",
        ("start", "end"),
        "from_editor",
        "sources",
    ]
