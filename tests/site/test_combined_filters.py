"""Meetings "with all of these participants" and "between these countries", and the same
on statements: repeatable parameters, shown in the form, kept in the downloads."""

import csv
import io
import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.builders import make_person

from .test_filters import FilterTestCase


def download(client, url):
    response = client.get(url)
    return response, b"".join(response.streaming_content).decode()


class MeetingParticipantsTests(FilterTestCase):
    list_name = "meeting-list"

    def test_every_listed_participant_took_part(self):
        anna, boris, carla = self.anna.pk, self.boris.pk, self.carla.pk
        self.assertEqual(self.names(f"?participant={anna}&participant={boris}"), ["Spring talks"])
        self.assertEqual(
            self.names(f"?participant={boris}&participant=placeholder"), ["Autumn summit"]
        )
        self.assertEqual(self.names(f"?participant={anna}&participant={carla}"), [])

    def test_one_participant_and_empty_boxes_as_before(self):
        self.assertEqual(
            self.names("?participant=exampleov&participant="), ["Autumn summit", "Spring talks"]
        )
        self.assertEqual(self.names("?participant=&participant="), self.names(""))

    def test_a_name_matching_several_persons_lists_each_meeting_once(self):
        make_person("Anna Exampleova", self.arcadia)
        self.assertEqual(self.names("?participant=example"), ["Autumn summit", "Spring talks"])

    def test_one_subquery_per_listed_participant(self):
        url = reverse("site:meeting-list") + "?participant=anna&participant=boris&o=title"
        with CaptureQueriesContext(connection) as queries:
            self.client.get(url)
        listing = [q["sql"] for q in queries if 'ORDER BY "diplomacy_meeting"."title"' in q["sql"]]
        self.assertTrue(listing)
        # no join of participations per value in the outer query: each is an IN (SELECT ...)
        self.assertNotIn("diplomacy_participation", listing[0].split("WHERE")[0])
        self.assertEqual(listing[0].count("diplomacy_participation"), 2)

    def test_form_shows_one_box_per_participant_and_an_empty_one(self):
        html = self.client.get(
            reverse("site:meeting-list") + "?participant=Anna&participant=Boris"
        ).content.decode()
        self.assertEqual(html.count('name="participant"'), 3)
        self.assertIn('value="Anna"', html)
        self.assertIn('value="Boris"', html)
        self.assertIn('aria-label="With all of these participants (3)"', html)
        self.assertEqual(html.count('id="id_participant"'), 1)

    def test_too_many_participants_is_an_error_not_a_slow_query(self):
        query = "&".join(f"participant=p{n}" for n in range(11))
        response = self.client.get(reverse("site:meeting-list") + f"?{query}&format=json")
        self.assertEqual(response.status_code, 400)
        self.assertIn("At most 10", response.content.decode())


class MeetingBetweenTests(FilterTestCase):
    list_name = "meeting-list"

    def test_each_country_hosted_or_sent_a_participant(self):
        # talks: hosted by XA, persons of XA and XB; summit: hosted by XC, XB and XC
        self.assertEqual(self.names("?between=XA&between=XB"), ["Spring talks"])
        self.assertEqual(self.names("?between=XB&between=XC"), ["Autumn summit"])
        self.assertEqual(self.names("?between=XA&between=XC"), [])
        self.assertEqual(self.names("?between=XC"), ["Autumn summit", "Winter call"])

    def test_a_host_with_no_participant_of_its_own_counts(self):
        self.talks.participations.filter(person=self.anna).delete()
        self.assertEqual(self.names("?between=XA&between=XB"), ["Spring talks"])

    def test_a_repeated_country_or_empty_select_is_ignored(self):
        self.assertEqual(self.names("?between=XA&between=XA&between="), ["Spring talks"])

    def test_form_has_two_country_selects_with_a_blank_choice(self):
        html = self.client.get(reverse("site:meeting-list") + "?between=XB").content.decode()
        self.assertEqual(html.count('<select name="between"'), 2)
        self.assertIn('<option value="XB" selected>Borduria</option>', html)
        self.assertIn('aria-label="Between countries (2)"', html)
        self.assertEqual(html.count('<option value="" selected>Any country</option>'), 2)

    def test_downloads_apply_the_same_filters(self):
        url = reverse("site:meeting-list") + "?between=XB&between=XC&participant=Carla"
        _, text = download(self.client, url + "&format=csv")
        self.assertEqual(
            [row["title"] for row in csv.DictReader(io.StringIO(text))], ["Autumn summit"]
        )
        _, text = download(self.client, url + "&format=json")
        data = json.loads(text)
        self.assertEqual([row["title"] for row in data["results"]], ["Autumn summit"])
        self.assertEqual(data["filters"], {"between": ["XB", "XC"], "participant": ["Carla"]})

    def test_pagination_and_sort_links_keep_every_value(self):
        html = self.client.get(
            reverse("site:meeting-list") + "?between=XB&between=XC"
        ).content.decode()
        self.assertIn("between=XB&amp;between=XC", html)


class StatementCombinedTests(FilterTestCase):
    list_name = "statement-list"

    def ids(self, query):
        return self.names(query, lambda statement: statement.pk)

    def test_statements_at_meetings_with_all_of_these_participants(self):
        self.assertEqual(self.ids("?participant=Anna&participant=Boris"), [self.quote.pk])
        self.assertEqual(self.ids("?participant=Boris"), sorted([self.quote.pk, self.report.pk]))

    def test_statements_at_meetings_between_countries(self):
        self.assertEqual(self.ids("?between=XB&between=XC"), [self.report.pk])
        self.assertEqual(self.ids("?between=XA&between=XC"), [])

    def test_a_rejected_meeting_is_not_between_anyone(self):
        self.summit.review = self.summit.Review.REJECTED
        self.summit.save()
        self.assertEqual(self.ids("?between=XB&between=XC"), [])

    def test_any_of_these_speakers(self):
        self.assertEqual(
            self.ids(f"?speaker={self.anna.pk}&speaker=delegation"),
            sorted([self.quote.pk, self.group.pk]),
        )

    def test_json_lists_the_repeated_filters(self):
        _, text = download(
            self.client,
            reverse("site:statement-list") + "?speaker=Boris&between=XB&between=XC&format=json",
        )
        data = json.loads(text)
        self.assertEqual([row["id"] for row in data["results"]], [self.report.pk])
        self.assertEqual(data["filters"], {"speaker": ["Boris"], "between": ["XB", "XC"]})
