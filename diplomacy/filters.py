"""The filter forms of the public lists; every value travels in the query string.

Persons, organisations and meetings number in the thousands, so they are never offered
as a <select>: a text box takes either a record's ID (what links from detail pages put
there) or part of its name.
"""

import django_filters
from django import forms
from django.db.models import F, Q
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django_filters.constants import EMPTY_VALUES

from . import search
from .models import (
    Article,
    Country,
    Meeting,
    MeetingCountry,
    Organisation,
    Participation,
    Person,
    PersonName,
    Position,
    Statement,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"})
# the browser shows a date field in its reader's own format (and sends YYYY-MM-DD):
# the hint says what the day means, not how to type it
FROM_HINT = "First day included"
UNTIL_HINT = "Last day included"
# a name, title or a few words; longer is a form error (SQLite refuses a LIKE pattern of
# 50,000 characters, and no name is that long)
MAX_TEXT = 200
# values of one repeatable filter (participant=A&participant=B): each adds a subquery,
# so a URL cannot ask for hundreds
MAX_LISTED = 10


class TextFilter(django_filters.CharFilter):
    """A text box of at most ``MAX_TEXT`` characters."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", MAX_TEXT)
        super().__init__(*args, **kwargs)


class RepeatedWidget:
    """A widget written once per value of a repeatable parameter, plus one empty copy.

    The public site runs no script, so "add another" is the empty copy: fill it in and
    apply, and the next page offers one more. Only the first copy carries the id the
    form's <label> points to; the others are labelled "<label> (n)".
    """

    # copies shown even with no value ("between [ ] and [ ]")
    least = 1

    def __init__(self, *args, label="", least=1, **kwargs):
        self.label = label
        self.least = least
        super().__init__(*args, **kwargs)

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else data.get(name) or []
        if isinstance(values, str):
            values = [values]
        # an empty copy sends "": not a value
        return [value for value in values if value not in (None, "")]

    def value_omitted_from_data(self, data, files, name):
        return name not in data

    def render(self, name, value, attrs=None, renderer=None):
        if isinstance(value, str):
            value = [value]
        values = [v for v in (value or []) if v not in (None, "")][:MAX_LISTED]
        count = min(max(self.least, len(values) + 1), MAX_LISTED)
        copies = []
        for n in range(count):
            copy_attrs = dict(attrs or {})
            if n:
                copy_attrs.pop("id", None)
                copy_attrs["aria-label"] = f"{self.label} ({n + 1})"
            shown = values[n] if n < len(values) else None
            copies.append(super().render(name, shown, copy_attrs, renderer))
        return format_html('<span class="repeated">{}</span>', mark_safe("\n".join(copies)))


class RepeatedTextInput(RepeatedWidget, forms.TextInput):
    """Text boxes of one name, one value each."""


class TextListField(forms.Field):
    """Up to ``MAX_LISTED`` distinct non-empty texts of at most ``MAX_TEXT`` characters."""

    widget = RepeatedTextInput

    def to_python(self, value):
        if value in (None, ""):
            return []
        if isinstance(value, str):
            value = [value]
        texts = []
        for text in value:
            text = (text or "").strip()
            if text and text not in texts:
                texts.append(text)
        return texts

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_LISTED:
            raise forms.ValidationError(f"At most {MAX_LISTED} values.", code="max_listed")
        if any(len(text) > MAX_TEXT for text in value):
            raise forms.ValidationError(
                f"Each value has at most {MAX_TEXT} characters.", code="max_length"
            )


class TextListFilter(django_filters.Filter):
    """A repeatable text parameter (``participant=A&participant=B``)."""

    field_class = TextListField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", RepeatedTextInput(label=kwargs.get("label", "")))
        super().__init__(*args, **kwargs)


def id_or_none(value):
    """The integer ID when ``value`` is one ('42', ' #42 '), else None."""
    value = (value or "").strip().lstrip("#")
    if value.isdigit() and len(value) < 19:
        return int(value)
    return None


def matching_persons(value):
    """Public persons with that ID, or with every word of ``value`` in a name of theirs."""
    person_id = id_or_none(value)
    if person_id is not None:
        return Person.objects.filter(pk=person_id)
    # every word inside the name or an other name, spelling folded (the admin's rule)
    return Person.objects.public().name_contains(value)


# Up to this many matching persons are read first and given to the main query as a list
LISTED_PERSONS = 1000


def _listed(persons):
    """The persons' ids as a list when there are few, else the subquery. ``speaker IN
    (subquery) OR speaker_text LIKE ...`` made PostgreSQL read every statement of a
    million (655 ms to count a name's); with a list each side reads its own index
    (the speaker's, and the trigram index of migration 0016)."""
    ids = list(persons.values_list("pk", flat=True)[: LISTED_PERSONS + 1])
    return ids if len(ids) <= LISTED_PERSONS else persons.values("pk")


def matching_organisations(value):
    """Public organisations with that ID, or whose name, acronym or other name contains it."""
    org_id = id_or_none(value)
    if org_id is not None:
        return Organisation.objects.filter(pk=org_id)
    value = value.strip()
    return Organisation.objects.public().filter(
        Q(name__icontains=value) | Q(acronym__iexact=value) | Q(names__name__icontains=value)
    )


class StableOrderingFilter(django_filters.OrderingFilter):
    """Sorting on a column, with the primary key to break ties so pages never overlap."""

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        ordering = []
        for param in value:
            field = self.get_ordering_value(param)
            # empty values last either way, on PostgreSQL as on SQLite
            if field.startswith("-"):
                ordering.append(F(field[1:]).desc(nulls_last=True))
            else:
                ordering.append(F(field).asc(nulls_last=True))
        # (-date, pk) and (date, -pk) both walk the (-date, id) indexes in one direction
        tiebreak = "pk" if ordering[0].descending else "-pk"
        return qs.order_by(*ordering, tiebreak)


class QuickSelect(forms.Select):
    """A <select> written in Python, the same HTML as Django's templates make.

    Django renders each <option> through two template includes: for the ~250 countries
    that was most of a list page's time.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in options:
                # escape() and an f-string: format_html per option costs more than the rest
                parts.append(
                    f'\n  <option value="{conditional_escape(str(option["value"]))}"'
                    f"{flatatt(option['attrs']) if option['attrs'] else ''}>"
                    f"{conditional_escape(option['label'])}</option>"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))


class RepeatedSelect(RepeatedWidget, QuickSelect):
    """Selects of one name, one value each, each starting with a blank choice."""

    def __init__(self, *args, blank_label="", **kwargs):
        self.blank_label = blank_label
        super().__init__(*args, **kwargs)

    def optgroups(self, name, value, attrs=None):
        chosen = any(v not in (None, "") for v in value)
        blank = self.create_option(name, "", self.blank_label, not chosen, 0)
        return [(None, [blank], 0), *super().optgroups(name, value, attrs)]


def country_choice(**kwargs):
    """A country picked by its ISO code: a few hundred options, so a <select> is fine."""
    kwargs.setdefault("empty_label", "Any country")
    return django_filters.ModelChoiceFilter(
        # only what the options and the lookups need: not the JSON lists of names
        queryset=Country.objects.only("pk", "iso2", "name").order_by("name"),
        to_field_name="iso2",
        widget=QuickSelect,
        **kwargs,
    )


def country_list(label, **kwargs):
    """Several countries, each picked in its own <select> (``between=XA&between=XB``)."""
    return django_filters.ModelMultipleChoiceFilter(
        queryset=Country.objects.only("pk", "iso2", "name").order_by("name"),
        to_field_name="iso2",
        label=label,
        widget=RepeatedSelect(label=label, least=2, blank_label="Any country"),
        **kwargs,
    )


class SharedCountryOptions(django_filters.FilterSet):
    """A FilterSet whose country <select>s (one, or several copies) read the countries once.

    Each copy of a field's select would otherwise run its own query for the same ~250 rows.
    """

    @property
    def form(self):
        form = super().form
        if not getattr(self, "_countries_shared", False):
            self._countries_shared = True
            country_fields = [
                field
                for field in form.fields.values()
                if getattr(getattr(field, "queryset", None), "model", None) is Country
            ]
            if country_fields:
                options = [(c.iso2, c.name) for c in country_fields[0].queryset]
                for field in country_fields:
                    blank = [("", field.empty_label)] if field.empty_label is not None else []
                    field.widget.choices = blank + options
        return form


def meetings_of_country(country):
    """IDs of the meetings a country hosted or a shown person of that country took part in.

    Read from the kept ``MeetingCountry`` rows (``diplomacy/summaries.py``), which hold
    exactly that, one index range per country: counting it from participations joined to
    persons took seconds for the largest country of a million-statement register.
    """
    return MeetingCountry.objects.filter(country=country).order_by().values("meeting_id")


def meetings_with_all(meetings, participants):
    """``meetings`` at which, for each text, a person it names (ID or name) took part.

    One IN subquery per text: each is an index lookup on participations.
    """
    for text in participants:
        attended = Participation.objects.filter(
            person__in=matching_persons(text).values("pk")
        ).values("meeting_id")
        meetings = meetings.filter(pk__in=attended)
    return meetings


def meetings_between(meetings, countries):
    """``meetings`` "between" these countries: each one hosted the meeting or a person of
    it took part. Kazakhstan and China: talks in Astana with China's minister, a call
    between the two ministers, a summit elsewhere both attended."""
    for country in countries:
        meetings = meetings.filter(pk__in=meetings_of_country(country))
    return meetings


class MeetingFilter(SharedCountryOptions):
    date_after = django_filters.DateFilter(
        label="From", method="filter_from", widget=DATE_WIDGET, help_text=FROM_HINT
    )
    date_before = django_filters.DateFilter(
        label="Until", method="filter_until", widget=DATE_WIDGET, help_text=UNTIL_HINT
    )
    country = country_choice(
        label="Country", method="filter_country", help_text="Host or participant's country"
    )
    organisation = TextFilter(
        label="Organisation", method="filter_organisation", help_text="Name, acronym or ID"
    )
    between = country_list(
        "Between countries",
        method="filter_between",
        help_text="Each hosted it or sent a participant",
    )
    participant = TextListFilter(
        label="With all of these participants",
        method="filter_participant",
        help_text="Name or ID, one per box",
    )
    kind = django_filters.ChoiceFilter(choices=Meeting.Kind.choices, empty_label="Any kind")
    status = django_filters.ChoiceFilter(choices=Meeting.Status.choices, empty_label="Any status")
    o = StableOrderingFilter(
        label="Sort by",
        empty_label="Default order",
        fields=(("date", "date"), ("title", "title"), ("kind", "kind")),
        field_labels={"date": "Date", "title": "Title", "kind": "Kind"},
    )

    class Meta:
        model = Meeting
        fields = []

    def filter_from(self, queryset, name, value):
        return queryset.in_period(start=value)

    def filter_until(self, queryset, name, value):
        return queryset.in_period(end=value)

    def filter_country(self, queryset, name, value):
        return queryset.filter(pk__in=meetings_of_country(value))

    def filter_between(self, queryset, name, value):
        if not value:
            return queryset
        return meetings_between(queryset, value)

    def filter_organisation(self, queryset, name, value):
        return queryset.filter(organisation__in=matching_organisations(value).values("pk"))

    def filter_participant(self, queryset, name, value):
        return meetings_with_all(queryset, value)


class StatementFilter(SharedCountryOptions):
    q = TextFilter(label="Words", method="filter_text", help_text="Words in the statement")
    speaker = TextListFilter(
        label="Speaker", method="filter_speaker", help_text="Name or ID; any of these"
    )
    speaker_country = country_choice(label="Speaker's country", field_name="speaker__country")
    meeting = TextFilter(label="Meeting", method="filter_meeting", help_text="Title or ID")
    participant = TextListFilter(
        label="At meetings with all of",
        method="filter_participant",
        help_text="Participants' names or IDs, one per box",
    )
    between = country_list(
        "At meetings between",
        method="filter_between",
        help_text="Countries that each hosted or sent a participant",
    )
    date_after = django_filters.DateFilter(
        field_name="date",
        lookup_expr="gte",
        label="From",
        widget=DATE_WIDGET,
        help_text=FROM_HINT,
    )
    date_before = django_filters.DateFilter(
        field_name="date",
        lookup_expr="lte",
        label="Until",
        widget=DATE_WIDGET,
        help_text=UNTIL_HINT,
    )
    direct = django_filters.ChoiceFilter(
        label="Quoted",
        choices=[("direct", "Direct quotation"), ("reported", "Reported speech")],
        empty_label="Either",
        method="filter_direct",
    )
    o = StableOrderingFilter(
        label="Sort by",
        empty_label="Default order",
        fields=(("date", "date"), ("speaker__name", "speaker")),
        field_labels={"date": "Date", "speaker__name": "Speaker"},
    )

    class Meta:
        model = Statement
        fields = []

    def filter_text(self, queryset, name, value):
        return search.matching(queryset, "statement", value)

    def filter_speaker(self, queryset, name, value):
        said_by = Q()
        for text in value:
            said_by |= Q(speaker__in=_listed(matching_persons(text)))
            if id_or_none(text) is None:
                # the name as written, for words no person was found for ("the delegation"):
                # a found speaker is matched by its names above, and SQLite has no index for
                # a LIKE '%...%' over every statement (940 ms at a million; the unfound
                # speakers' rows are read from the speaker index)
                said_by |= Q(speaker__isnull=True, speaker_text__icontains=text)
        return queryset.filter(said_by)

    def filter_participant(self, queryset, name, value):
        meetings = meetings_with_all(Meeting.objects.public(), value)
        return queryset.filter(meeting__in=meetings.values("pk"))

    def filter_between(self, queryset, name, value):
        if not value:
            return queryset
        meetings = meetings_between(Meeting.objects.public(), value)
        return queryset.filter(meeting__in=meetings.values("pk"))

    def filter_meeting(self, queryset, name, value):
        meeting_id = id_or_none(value)
        if meeting_id is not None:
            return queryset.filter(meeting_id=meeting_id)
        return queryset.filter(meeting__title__icontains=value.strip())

    def filter_direct(self, queryset, name, value):
        return queryset.filter(direct=(value == "direct"))


class PersonFilter(django_filters.FilterSet):
    name = TextFilter(label="Name", method="filter_name")
    country = country_choice(label="Country")
    organisation = TextFilter(
        label="Organisation",
        method="filter_organisation",
        help_text="Name, acronym or ID (posts held)",
    )
    o = StableOrderingFilter(
        label="Sort by",
        empty_label="Default order",
        fields=(("name", "name"), ("country__name", "country")),
        field_labels={"name": "Name", "country__name": "Country"},
    )

    class Meta:
        model = Person
        fields = []

    def filter_name(self, queryset, name, value):
        value = value.strip()
        other_names = PersonName.objects.filter(name__icontains=value)
        return queryset.filter(Q(name__icontains=value) | Q(pk__in=other_names.values("person_id")))

    def filter_organisation(self, queryset, name, value):
        holders = Position.objects.filter(
            organisation__in=matching_organisations(value).values("pk")
        ).values("person_id")
        return queryset.filter(pk__in=holders)


class OrganisationFilter(django_filters.FilterSet):
    name = TextFilter(label="Name", method="filter_name", help_text="Name or acronym")
    kind = django_filters.ChoiceFilter(choices=Organisation.Kind.choices, empty_label="Any kind")
    country = country_choice(label="Country")
    o = StableOrderingFilter(
        label="Sort by",
        empty_label="Default order",
        fields=(("name", "name"), ("acronym", "acronym"), ("kind", "kind")),
        field_labels={"name": "Name", "acronym": "Acronym", "kind": "Kind"},
    )

    class Meta:
        model = Organisation
        fields = []

    def filter_name(self, queryset, name, value):
        return queryset.filter(pk__in=matching_organisations(value).values("pk"))


class CountryFilter(django_filters.FilterSet):
    name = TextFilter(label="Name", method="filter_name")
    sovereign = django_filters.ChoiceFilter(
        label="Status",
        choices=[("yes", "Sovereign states"), ("no", "Territories")],
        empty_label="All",
        method="filter_sovereign",
    )
    records = django_filters.ChoiceFilter(
        label="Show",
        choices=[("all", "Every country")],
        empty_label="With records",
        method="filter_records",
    )
    o = StableOrderingFilter(
        label="Sort by",
        empty_label="Most meetings",
        fields=(
            ("name", "name"),
            ("iso2", "code"),
            ("attended_count", "meetings"),
            ("hosted_count", "hosted"),
        ),
        field_labels={"name": "Name", "iso2": "Code", "attended_count": "Meetings"},
    )

    class Meta:
        model = Country
        fields = []

    def filter_records(self, queryset, name, value):
        return queryset  # CountryList hides the countries without records unless "all"

    def filter_name(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(iso2__iexact=value))

    def filter_sovereign(self, queryset, name, value):
        return queryset.filter(sovereign=(value == "yes"))


class ArticleFilter(django_filters.FilterSet):
    title = TextFilter(label="Title", method="filter_title", help_text="Words in the title")
    outlet = TextFilter(
        label="Outlet", field_name="outlet", lookup_expr="icontains", help_text="Xinhua, Trend..."
    )
    date_after = django_filters.DateFilter(
        field_name="published",
        lookup_expr="gte",
        label="Published from",
        widget=DATE_WIDGET,
        help_text="YYYY-MM-DD",
    )
    date_before = django_filters.DateFilter(
        field_name="published",
        lookup_expr="lte",
        label="Until",
        widget=DATE_WIDGET,
        help_text="YYYY-MM-DD",
    )
    o = StableOrderingFilter(
        label="Sort by",
        empty_label="Default order",
        fields=(("published", "published"), ("title", "title"), ("outlet", "outlet")),
        field_labels={"published": "Publication date", "title": "Title", "outlet": "Outlet"},
    )

    class Meta:
        model = Article
        fields = []

    def filter_title(self, queryset, name, value):
        # every word, in any order: "summit astana" finds "Astana hosts summit"
        for word in value.split()[:MAX_LISTED]:
            queryset = queryset.filter(title__icontains=word)
        return queryset
