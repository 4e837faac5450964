"""The articles list: titles from the text, counts of extracted records, filters, downloads."""

import csv
import datetime
import io
import json

from django.core.cache import cache
from django.test import SimpleTestCase, TestCase
from django.urls import reverse

from diplomacy.models import Article, Review
from diplomacy.models.sources import lead_title
from tests.builders import make_article, make_evidence, make_meeting, make_person, make_statement


class LeadTitleTests(SimpleTestCase):
    def test_the_first_sentence_is_the_title(self):
        rows = [
            (
                "The envoys of Arcadia met in Port Example. They agreed.",
                "The envoys of Arcadia met in Port Example",
            ),
            (
                "Talks ended on Aug. 28 in the capital. Next.",
                "Talks ended on Aug. 28 in the capital",
            ),
            ("Minister J. Doe arrived.  \n More.", "Minister J. Doe arrived"),
            ("date 2024-05-20 Ministers of Arcadia meet", "Ministers of Arcadia meet"),
            ("", ""),
        ]
        for text, title in rows:
            with self.subTest(text):
                self.assertEqual(lead_title(text), title)

    def test_a_long_sentence_is_cut_after_a_whole_word(self):
        text = "The delegation " + "of the northern provinces " * 10 + "arrived."
        title = lead_title(text, limit=60)
        self.assertTrue(title.endswith("\u2026"))
        self.assertLessEqual(len(title), 61)
        self.assertTrue(text.startswith(title[:-1]))
        self.assertIn(text[len(title) - 1], " ")  # the next character was a space: no cut word


class ArticleListTests(TestCase):
    def setUp(self):
        cache.clear()
        self.wire = make_article(
            "Anna Testova met Boris Exampleov. Anna Testova said trade will grow.",
            title="Ministers meet in Port Example",
            published=datetime.date(2024, 4, 10),
        )
        self.untitled = Article.objects.create(
            file_name="004_0123abcd.txt",
            title="",
            outlet="Other Wire",
            published=datetime.date(2023, 1, 5),
            text="The council of Cascadia gathered on Monday to review the harvest. More.",
            content_hash="x" * 64,
        )
        anna, boris = make_person("Anna Testova"), make_person("Boris Exampleov")
        talks = make_meeting("Port Example talks", [anna, boris])
        quote = make_statement("Trade will grow.", anna, talks)
        for record, phrase in ((anna, "Anna Testova"), (boris, "Boris"), (talks, "met")):
            make_evidence(self.wire, record, phrase)
        make_evidence(self.wire, quote, "trade will grow")
        hidden = make_person("Rejected Person", review=Review.REJECTED)
        make_evidence(self.wire, hidden, start=0, end=4)

    def rows(self, query=""):
        response = self.client.get(reverse("site:article-list") + query)
        self.assertEqual(response.status_code, 200)
        return response, list(response.context["object_list"])

    def test_lists_articles_newest_first_with_counts_of_public_records(self):
        response, rows = self.rows()
        self.assertEqual([a.pk for a in rows], [self.wire.pk, self.untitled.pk])
        wire = rows[0]
        self.assertEqual((wire.meeting_count, wire.statement_count, wire.person_count), (1, 1, 2))
        self.assertEqual((rows[1].meeting_count, rows[1].person_count), (0, 0))

    def test_an_article_without_headline_is_titled_from_its_text_not_its_file(self):
        response, _ = self.rows()
        self.assertContains(
            response, "The council of Cascadia gathered on Monday to review the harvest"
        )
        self.assertNotContains(response, "004_0123abcd")
        detail = self.client.get(reverse("site:article-detail", args=[self.untitled.pk]))
        self.assertContains(detail, "<h1>The council of Cascadia gathered", html=False)

    def test_filters_outlet_dates_and_title_words(self):
        self.assertEqual([a.pk for a in self.rows("?outlet=other")[1]], [self.untitled.pk])
        self.assertEqual([a.pk for a in self.rows("?date_after=2024-01-01")[1]], [self.wire.pk])
        self.assertEqual(
            [a.pk for a in self.rows("?date_before=2023-12-31")[1]], [self.untitled.pk]
        )
        self.assertEqual([a.pk for a in self.rows("?title=example+ministers")[1]], [self.wire.pk])

    def test_the_count_does_not_compute_the_per_row_counts(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            self.rows()
        (count,) = [q["sql"] for q in queries if "COUNT(*)" in q["sql"]]
        self.assertNotIn("articles_evidence", count)
        self.assertNotIn("SUBSTR", count.upper())

    def test_sorting(self):
        self.assertEqual(
            [a.pk for a in self.rows("?o=published")[1]], [self.untitled.pk, self.wire.pk]
        )
        self.assertEqual(
            [a.pk for a in self.rows("?o=-outlet")[1]], [self.untitled.pk, self.wire.pk]
        )

    def test_downloads_keep_the_filters(self):
        response = self.client.get(reverse("site:article-list") + "?outlet=wire&format=csv")
        rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
        self.assertEqual(
            [(r["title"], r["meetings"], r["statements"], r["persons"]) for r in rows],
            [("Ministers meet in Port Example", "1", "1", "2"),
             ("The council of Cascadia gathered on Monday to review the harvest", "0", "0", "0")],
        )  # fmt: skip
        response = self.client.get(reverse("site:article-list") + "?outlet=other&format=json")
        data = json.loads(b"".join(response.streaming_content))
        self.assertEqual([r["id"] for r in data["results"]], [self.untitled.pk])
        self.assertEqual(data["results"][0]["published"], "2023-01-05")

    def test_home_page_count_and_navigation_link_to_the_list(self):
        html = self.client.get(reverse("site:home")).content.decode()
        self.assertIn(
            f'<a href="{reverse("site:article-list")}"><strong>2</strong> source articles', html
        )
        self.assertIn(f'<a href="{reverse("site:article-list")}">Articles</a>', html)
