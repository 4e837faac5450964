"""Atom feeds of the latest meetings and statements: the whole register, a person, an
organisation, a country (Django's syndication framework).

Entries are ordered by the day the meeting or statement took place, newest first, and
bounded (``FEED_ITEMS``): a feed is a handful of queries whatever the register's size.
"""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator

from .counting import public_persons
from .filters import meetings_of_country
from .models import Country, Meeting, Organisation, Participation, Position, Statement
from .models.sources import lead_title
from .views.lists import participations_prefetch, shown_meeting, shown_speaker

FEED_ITEMS = 30
# words of a statement in its entry's title; the summary has the whole text up to this
TITLE_CHARS = 80
SUMMARY_WORDS = 120
NEWEST_FIRST = (F("date").desc(nulls_last=True), "-pk")


def latest(meetings, statements, count=FEED_ITEMS):
    """The ``count`` latest of these meetings and statements together, newest first."""
    found = list(
        meetings.select_related("country", "organisation")
        .prefetch_related(participations_prefetch())
        .order_by(*NEWEST_FIRST)[:count]
    )
    found += list(statements.select_related("speaker", "meeting").order_by(*NEWEST_FIRST)[:count])
    found.sort(key=lambda record: (record.date or dt.date.min, record.created_at), reverse=True)
    return found[:count]


def _place(meeting):
    parts = [meeting.city, meeting.country.name if meeting.country_id else ""]
    return ", ".join(part for part in parts if part)


class RegisterFeed(Feed):
    """The latest meetings and statements of the whole register."""

    feed_type = Atom1Feed
    # Atom asks for an author of the feed or of every entry
    author_name = "The diplomacy register"
    title = "The diplomacy register: latest meetings and statements"
    subtitle = "Meetings and statements extracted from diplomatic news, newest first."

    def link(self, obj=None):
        return reverse("site:home")

    def feed_url(self, obj=None):
        return reverse("site:feed")

    def meetings(self, obj):
        return Meeting.objects.public()

    def statements(self, obj):
        return Statement.objects.public()

    def items(self, obj=None):
        return latest(self.meetings(obj), self.statements(obj))

    def item_title(self, item):
        if isinstance(item, Meeting):
            return f"Meeting: {item} ({item.date_display})"
        who = shown_speaker(item) or "Unattributed"
        words = lead_title(item.text, limit=TITLE_CHARS)
        return f"{who}: {words}" + (f" ({item.date_display})" if item.date else "")

    def item_description(self, item):
        if isinstance(item, Meeting):
            facts = [item.get_kind_display(), item.date_display, _place(item)]
            if item.organisation_id:
                facts.append(item.organisation.name)
            summary = ", ".join(fact for fact in facts if fact) + "."
            names = [p.person.name for p in item.shown_participations]
            if names:
                summary += " Participants: " + ", ".join(names) + "."
            return summary
        summary = Truncator(item.text).words(SUMMARY_WORDS)
        meeting = shown_meeting(item)
        return summary + (f" (At {meeting}.)" if meeting else "")

    def item_link(self, item):
        if isinstance(item, Meeting):
            return reverse("site:meeting-detail", args=[item.pk])
        return reverse("site:statement-detail", args=[item.pk])

    def item_pubdate(self, item):
        if item.date:
            return dt.datetime.combine(item.date, dt.time.min, tzinfo=dt.UTC)
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class PersonFeed(RegisterFeed):
    """A person's latest meetings and statements."""

    def get_object(self, request, pk):
        return get_object_or_404(public_persons(), pk=pk)

    def title(self, obj):
        return f"{obj.name}: meetings and statements (the diplomacy register)"

    def subtitle(self, obj):
        return f"The latest meetings {obj.name} took part in and statements they made."

    def link(self, obj):
        return reverse("site:person-detail", args=[obj.pk])

    def feed_url(self, obj):
        return reverse("site:person-feed", args=[obj.pk])

    def meetings(self, obj):
        attended = Participation.objects.filter(person=obj).values("meeting_id")
        return Meeting.objects.public().filter(pk__in=attended)

    def statements(self, obj):
        return Statement.objects.public().filter(speaker=obj)


class OrganisationFeed(RegisterFeed):
    """Meetings held under an organisation and statements by the holders of its posts."""

    def get_object(self, request, pk):
        return get_object_or_404(Organisation.objects.public(), pk=pk)

    def title(self, obj):
        return f"{obj.name}: meetings and statements (the diplomacy register)"

    def subtitle(self, obj):
        return (
            f"The latest meetings held under {obj.name} and statements by the people "
            "holding its posts."
        )

    def link(self, obj):
        return reverse("site:organisation-detail", args=[obj.pk])

    def feed_url(self, obj):
        return reverse("site:organisation-feed", args=[obj.pk])

    def meetings(self, obj):
        return Meeting.objects.public().filter(organisation=obj)

    def statements(self, obj):
        holders = Position.objects.filter(organisation=obj).values("person_id")
        return Statement.objects.public().filter(speaker__in=holders)


class CountryFeed(RegisterFeed):
    """Meetings a country hosted or its people took part in, and its people's statements."""

    def get_object(self, request, iso2):
        return get_object_or_404(Country, iso2=iso2.upper())

    def title(self, obj):
        return f"{obj.name}: meetings and statements (the diplomacy register)"

    def subtitle(self, obj):
        return (
            f"The latest meetings {obj.name} hosted or its people took part in, and "
            "statements by its people."
        )

    def link(self, obj):
        return reverse("site:country-detail", args=[obj.iso2])

    def feed_url(self, obj):
        return reverse("site:country-feed", args=[obj.iso2])

    def meetings(self, obj):
        return Meeting.objects.public().filter(pk__in=meetings_of_country(obj))

    def statements(self, obj):
        return Statement.objects.public().filter(speaker__country=obj)
