"""List filters of the curation admin: a country typed into a box, and "what is missing"."""

from django.contrib import admin
from django.contrib.admin.views.main import PAGE_VAR
from django.db.models import Q

from diplomacy.models import Country

# the filter's value for "no country at all"
NO_COUNTRY = "none"


class CountryFilter(admin.SimpleListFilter):
    """Country, typed: a text box whose suggestions come from a <datalist> (no script, no
    outside asset, so it works under the site's Content-Security-Policy) instead of a
    list of 249 links. A name or ISO code is accepted; "none" lists rows without one."""

    title = "country"
    parameter_name = "country"
    template = "admin/diplomacy/country_filter.html"

    def lookups(self, request, model_admin):
        # the template shows a box, not links; the countries fill its suggestions
        return ()

    def has_output(self):
        return True

    def country(self):
        """The country the typed value names, or None."""
        value = (self.value() or "").strip()
        if not value or value == NO_COUNTRY:
            return None
        return Country.objects.filter(Q(name__iexact=value) | Q(iso2__iexact=value)).first()

    def queryset(self, request, queryset):
        value = (self.value() or "").strip()
        if not value:
            return queryset
        if value == NO_COUNTRY:
            return queryset.filter(country__isnull=True)
        country = self.country()
        return queryset.filter(country=country) if country else queryset.none()

    def choices(self, changelist):
        # one "choice": everything the template needs to draw the box
        others = {
            key: values
            for key, values in changelist.filter_params.items()
            if key not in (self.parameter_name, PAGE_VAR)
        }
        value = self.value() or ""
        yield {
            "value": "" if value == NO_COUNTRY else value,
            "unknown": bool(value) and value != NO_COUNTRY and self.country() is None,
            "hidden": [(key, v) for key, values in others.items() for v in values],
            "countries": Country.objects.order_by("name").values_list("name", "iso2"),
            "all_url": changelist.get_query_string(remove=[self.parameter_name]),
            "none_url": changelist.get_query_string({self.parameter_name: NO_COUNTRY}),
            "none_selected": value == NO_COUNTRY,
            "any_selected": not value,
        }


class MissingFilter(admin.SimpleListFilter):
    """Rows with or without a value in ``field``: what an editor still has to fill in."""

    field = None
    present_label = "known"
    missing_label = "unknown"

    def lookups(self, request, model_admin):
        return [("yes", self.present_label), ("no", self.missing_label)]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(**{f"{self.field}__isnull": self.value() == "no"})
        return queryset


class SpeakerMatchedFilter(MissingFilter):
    title = "speaker"
    parameter_name = "speaker_matched"
    field = "speaker"
    present_label = "matched to a person"
    missing_label = "not matched"


class DateKnownFilter(MissingFilter):
    title = "date"
    parameter_name = "date_known"
    field = "date"
    present_label = "known"
    missing_label = "unknown"
