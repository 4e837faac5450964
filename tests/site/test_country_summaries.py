"""Country summaries: a country page's counts are kept, and every change adjusts them by
what it changed; after every change the kept counts equal a count from the register."""

import datetime
import io
from unittest import mock

from django.core.management import call_command
from django.db.models import Q
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from diplomacy import summaries
from diplomacy.counting import public_persons, shown_participations
from diplomacy.curation_actions import reject
from diplomacy.merging import merge_persons
from diplomacy.models import Country, CountrySummary, Meeting, Participation, Person
from tests.builders import (
    ImportTestCase,
    make_country,
    make_meeting,
    make_person,
    make_world,
    run_import,
)


def page(test, iso2):
    """(months, partner iso2 codes) a country page shows."""
    response = test.client.get(reverse("site:country-detail", args=[iso2]))
    test.assertEqual(response.status_code, 200)
    months = [(month.isoformat(), n) for month, n in response.context["months"]]
    return months, [p["key"] for p in response.context["partners"]]


def assert_kept_counts_are_a_recount(test):
    """Every country's kept counts are what counting the register now gives, on its page
    and on the countries list."""
    for country in Country.objects.all():
        test.assertEqual(summaries.kept(country), summaries.count(country), country.iso2)
    assert_the_list_shows_a_direct_count(test)


def direct_counts(country):
    """(persons, meetings hosted or attended by its people, meetings hosted) counted from
    the register."""
    hosted = Meeting.objects.public().filter(country=country)
    attended = shown_participations().filter(person__country=country).values("meeting_id")
    return (
        public_persons().filter(country=country).count(),
        Meeting.objects.public().filter(Q(pk__in=hosted) | Q(pk__in=attended)).count(),
        hosted.count(),
    )


def assert_the_list_shows_a_direct_count(test):
    """The countries list shows every country with a record, and only those, with the
    counts a direct count gives (the list reads its meetings from the kept rows)."""
    response = test.client.get(reverse("site:country-list"), {"per_page": 100})
    test.assertEqual(response.status_code, 200)
    shown = {
        c.iso2: (c.person_count, c.attended_count, c.hosted_count)
        for c in response.context["object_list"]
    }
    counted = {c.iso2: direct_counts(c) for c in Country.objects.all()}
    test.assertEqual(shown, {iso2: n for iso2, n in counted.items() if any(n)})


class KeptCountsTests(TestCase):
    def setUp(self):
        self.world = make_world()
        # both pages counted in full before each change
        self.before = {iso2: page(self, iso2) for iso2 in ("XA", "XB")}
        self.assertEqual(CountrySummary.objects.count(), 2)

    def tearDown(self):
        assert_kept_counts_are_a_recount(self)

    def test_the_kept_counts_are_what_a_live_count_gives(self):
        arcadia = self.world["arcadia"]
        kept = summaries.kept(arcadia)
        # talks in Arcadia on 2024-05-20 and a phone call on 2024-03-01
        self.assertEqual(self.before["XA"], ([("2024-03-01", 1), ("2024-05-01", 1)], ["XB"]))
        self.assertEqual(kept.partners, [{"iso2": "XB", "name": "Borduria", "meetings": 2}])

    def test_a_person_moved_to_another_country_changes_both_pages(self):
        hellas = make_country("XC", "Hellasia")
        boris, carla = self.world["boris"], self.world["carla"]
        for person in (boris, carla):
            person.country = hellas
            person.save()
        self.assertEqual(page(self, "XA")[1], ["XC"])
        self.assertEqual(page(self, "XB"), ([], []))
        self.assertEqual(page(self, "XC")[1], ["XA"])

    def test_a_save_that_changes_nothing_counted_keeps_the_summaries(self):
        anna = self.world["anna"]
        anna.gender = "f"
        anna.save()
        self.assertEqual(CountrySummary.objects.count(), 2)

    def test_a_new_participant_added_by_an_editor(self):
        hellas = make_country("XC", "Hellasia")
        dora = make_person("Dora Inventa", hellas)
        Participation.objects.create(meeting=self.world["call"], person=dora)
        self.assertEqual(page(self, "XA")[1], ["XB", "XC"])
        self.assertEqual(page(self, "XC")[0], [("2024-03-01", 1)])

    def test_a_deleted_meeting(self):
        self.world["call"].delete()
        self.assertEqual(page(self, "XA")[0], [("2024-05-01", 1)])
        self.assertEqual(page(self, "XB")[0], [("2024-05-01", 1)])

    def test_a_meeting_moved_to_another_date(self):
        call = self.world["call"]
        call.date = datetime.date(2023, 12, 1)
        call.save()
        self.assertEqual(page(self, "XB")[0][0], ("2023-12-01", 1))

    def test_meetings_rejected_in_bulk(self):
        reject(Meeting.objects.filter(pk=self.world["call"].pk))
        self.assertEqual(page(self, "XA")[0], [("2024-05-01", 1)])

    def test_persons_rejected_in_bulk(self):
        reject(Person.objects.filter(country__iso2="XB"))
        self.assertEqual(page(self, "XA")[1], [])
        self.assertEqual(page(self, "XB"), ([], []))

    def test_merged_persons(self):
        hellas = make_country("XC", "Hellasia")
        twin = make_person("Boris Exampleoff", hellas)
        make_meeting("Another call", [self.world["anna"], twin], date=datetime.date(2024, 1, 9))
        self.assertEqual(page(self, "XA")[1], ["XB", "XC"])
        merge_persons(self.world["boris"], [twin])
        # the twin's meeting is now Boris's: Borduria met Arcadia three times, nobody Hellasia
        self.assertEqual(page(self, "XA")[1], ["XB"])
        self.assertEqual(page(self, "XC"), ([], []))
        self.assertEqual(len(page(self, "XB")[0]), 3)

    def test_a_renamed_country_is_shown_with_its_new_name(self):
        borduria = self.world["borduria"]
        borduria.name = "Bordurian Republic"
        borduria.save()
        response = self.client.get(reverse("site:country-detail", args=["XA"]))
        self.assertEqual(response.context["partners"][0]["label"], "Bordurian Republic")

    @override_settings(COUNTRY_SUMMARY_MAX_AGE=60)
    def test_a_summary_older_than_the_maximum_age_is_counted_again(self):
        # a change nothing announced: a participation written by hand with SQL
        hellas = make_country("XC", "Hellasia")
        dora = make_person("Dora Inventa", hellas)
        # bulk_create sends no signal: the kept counts do not know
        Participation.objects.bulk_create([Participation(meeting=self.world["call"], person=dora)])
        self.assertEqual(page(self, "XA")[1], ["XB"])  # still the kept counts
        CountrySummary.objects.update(computed_at=timezone.now() - datetime.timedelta(minutes=2))
        self.assertEqual(page(self, "XA")[1], ["XB", "XC"])
        # counting Arcadia again counted the call again, which corrected Hellasia too
        self.assertEqual(page(self, "XC")[0], [("2024-03-01", 1)])

    def test_the_command_counts_every_country_again(self):
        Participation.objects.filter(person=self.world["carla"]).delete()
        Meeting.objects.filter(pk=self.world["call"].pk).update(date=datetime.date(2020, 1, 1))
        out = io.StringIO()
        call_command("refresh_country_summaries", stdout=out)
        self.assertIn("country summaries counted", out.getvalue())
        self.assertEqual(page(self, "XA")[0][0], ("2020-01-01", 1))
        self.assertEqual(CountrySummary.objects.count(), Country.objects.count())

    def test_a_deleted_person_and_a_moved_participation(self):
        hellas = make_country("XC", "Hellasia")
        dora = make_person("Dora Inventa", hellas)
        moved = Participation.objects.get(meeting=self.world["call"], person=self.world["boris"])
        moved.person = dora
        moved.save()
        self.assertEqual(page(self, "XA")[1], ["XB", "XC"])
        self.world["carla"].delete()
        self.world["boris"].delete()
        self.assertEqual(page(self, "XA")[1], ["XC"])

    def test_a_meeting_hosted_elsewhere(self):
        talks = self.world["talks"]
        talks.country = make_country("XC", "Hellasia")
        talks.save()
        self.assertEqual(page(self, "XC")[0], [(talks.date.replace(day=1).isoformat(), 1)])


ARTICLE = """Ministers discuss trade in Vienna

VIENNA, March 4, 2025 (Agency) -- Austrian Foreign Minister Helga Brandt met with Slovak Foreign Minister Pavol Hudak in Vienna on Tuesday.
"""

FOLLOW_UP = """Ministers meet again

BRATISLAVA, April 8, 2025 (Agency) -- Slovak Foreign Minister Pavol Hudak held talks with Czech Foreign Minister Jana Novotna in Bratislava on Tuesday.
"""


class ImportAdjustsTests(ImportTestCase):
    def counts(self, iso2):
        return summaries.kept(Country.objects.get(iso2=iso2))

    def tearDown(self):
        assert_kept_counts_are_a_recount(self)
        super().tearDown()

    def test_an_import_adjusts_the_pages_it_changed(self):
        self.write("a.txt", ARTICLE)
        out, err, code = run_import(str(self.dir))
        self.assertEqual(code, 0, err)
        self.assertIn("country pages: 2 adjusted", out)
        austria = self.counts("AT")
        self.assertEqual(austria.months, [["2025-03-01", 1]])
        self.assertEqual([p["iso2"] for p in austria.partners], ["SK"])
        # a later article: Slovakia's page gains a meeting and a partner, Austria's stays
        self.write("b.txt", FOLLOW_UP)
        out, err, code = run_import(str(self.dir))
        self.assertIn("country pages: 2 adjusted", out)
        slovakia = self.counts("SK")
        self.assertEqual(slovakia.months, [["2025-03-01", 1], ["2025-04-01", 1]])
        self.assertEqual({p["iso2"] for p in slovakia.partners}, {"AT", "CZ"})
        self.assertEqual(self.counts("AT"), austria)
        self.assertEqual(self.counts("CZ").partners[0]["iso2"], "SK")
        # the same files again change nothing
        out, err, code = run_import(str(self.dir))
        self.assertNotIn("country pages", out)

    def test_a_changed_article_recounts_what_its_old_version_reported(self):
        path = self.write("a.txt", ARTICLE)
        run_import(str(self.dir))
        path.write_text(ARTICLE.replace("Slovak", "Czech").replace("Pavol Hudak", "Jana Novotna"))
        out, err, code = run_import(str(self.dir))
        self.assertEqual(code, 0, err)
        self.assertEqual([p["iso2"] for p in self.counts("AT").partners], ["CZ"])
        self.assertEqual(self.counts("SK").months, [])

    def test_a_dry_run_counts_nothing(self):
        self.write("a.txt", ARTICLE)
        with mock.patch.object(summaries, "meetings_changed") as adjust:
            out, err, code = run_import(str(self.dir), "--dry-run")
        adjust.assert_not_called()
        self.assertNotIn("country pages", out)
