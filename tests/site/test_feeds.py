"""Atom feeds: the whole register, a person, an organisation, a country."""

import datetime
import xml.etree.ElementTree as ET

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from diplomacy.feeds import FEED_ITEMS
from diplomacy.models import Review
from tests.builders import make_meeting, make_person, make_statement, make_world

ATOM = "{http://www.w3.org/2005/Atom}"


class FeedTests(TestCase):
    def setUp(self):
        cache.clear()
        self.world = make_world()
        self.hidden = make_meeting(
            "Rejected gathering", [self.world["anna"]], review=Review.REJECTED
        )

    def entries(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("application/atom+xml"))
        feed = ET.fromstring(response.content)
        return feed, [
            {
                "title": entry.findtext(f"{ATOM}title"),
                "link": entry.find(f"{ATOM}link").get("href"),
                "summary": entry.findtext(f"{ATOM}summary"),
                "published": entry.findtext(f"{ATOM}published"),
                "updated": entry.findtext(f"{ATOM}updated"),
            }
            for entry in feed.findall(f"{ATOM}entry")
        ]

    def test_register_feed_has_meetings_and_statements_newest_first(self):
        w = self.world
        feed, entries = self.entries(reverse("site:feed"))
        links = [entry["link"] for entry in entries]
        talks = f"http://testserver{reverse('site:meeting-detail', args=[w['talks'].pk])}"
        quote = f"http://testserver{reverse('site:statement-detail', args=[w['quote'].pk])}"
        call = f"http://testserver{reverse('site:meeting-detail', args=[w['call'].pk])}"
        self.assertEqual(set(links), {talks, quote, call})
        self.assertEqual(links[-1], call)  # 2024-03-01, before the others' 2024-05-20
        self.assertNotIn("Rejected gathering", response_text(feed))
        talks_entry = entries[links.index(talks)]
        self.assertEqual(talks_entry["title"], "Meeting: Talks in Sample City (2024-05-20)")
        self.assertIn(
            "Participants: Anna Testova, Boris Exampleov, Carla Placeholder.",
            talks_entry["summary"],
        )
        self.assertTrue(talks_entry["published"].startswith("2024-05-20"))
        self.assertIsNotNone(talks_entry["updated"])
        quote_entry = entries[links.index(quote)]
        self.assertTrue(quote_entry["title"].startswith("Anna Testova: Our partnership"))
        self.assertIn("(At Talks in Sample City.)", quote_entry["summary"])

    def test_person_organisation_and_country_feeds(self):
        w = self.world
        _, entries = self.entries(reverse("site:person-feed", args=[w["carla"].pk]))
        self.assertEqual(
            [e["title"] for e in entries], ["Meeting: Talks in Sample City (2024-05-20)"]
        )
        _, entries = self.entries(reverse("site:organisation-feed", args=[w["league"].pk]))
        self.assertEqual(len(entries), 1)  # the talks held under it; Boris made no statement
        _, entries = self.entries(reverse("site:country-feed", args=["xb"]))
        # Borduria's people took part in the talks and the call
        self.assertEqual(len(entries), 2)
        _, entries = self.entries(reverse("site:country-feed", args=["XA"]))
        self.assertEqual(len(entries), 3)  # hosted the talks, Anna's call and statement

    def test_unknown_or_rejected_records_have_no_feed(self):
        rejected = make_person("Rejected Person", review=Review.REJECTED)
        for url in (
            reverse("site:person-feed", args=[rejected.pk]),
            reverse("site:person-feed", args=[999999]),
            reverse("site:country-feed", args=["QQ"]),
        ):
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_feeds_answer_get_only(self):
        self.assertEqual(self.client.post(reverse("site:feed")).status_code, 405)

    def test_feed_is_bounded_and_takes_few_queries(self):
        anna = self.world["anna"]
        for n in range(FEED_ITEMS + 5):
            meeting = make_meeting(
                f"Meeting {n}", [anna], date=datetime.date(2023, 1, 1) + datetime.timedelta(n)
            )
            make_statement(f"Remark number {n}.", anna, meeting)
        for url in (reverse("site:feed"), reverse("site:person-feed", args=[anna.pk])):
            with self.subTest(url), CaptureQueriesContext(connection) as queries:
                _, entries = self.entries(url)
            self.assertEqual(len(entries), FEED_ITEMS)
            self.assertLessEqual(len(queries), 5)

    def test_pages_link_their_feed(self):
        w = self.world
        pages = {
            reverse("site:home"): reverse("site:feed"),
            reverse("site:person-detail", args=[w["anna"].pk]): reverse(
                "site:person-feed", args=[w["anna"].pk]
            ),
            reverse("site:organisation-detail", args=[w["league"].pk]): reverse(
                "site:organisation-feed", args=[w["league"].pk]
            ),
            reverse("site:country-detail", args=["XA"]): reverse("site:country-feed", args=["XA"]),
        }
        for page, feed in pages.items():
            with self.subTest(page):
                html = self.client.get(page).content.decode()
                self.assertIn('<link rel="alternate" type="application/atom+xml"', html)
                self.assertIn(f'href="{feed}"', html)
                self.assertIn("(Atom feed)</a>", html)
                self.assertIn("Follow", html)


def response_text(element):
    return ET.tostring(element, encoding="unicode")
