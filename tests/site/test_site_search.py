"""One search box over every kind: persons and organisations by any of their names,
meetings by title, statements and articles by full text; grouped, counted, escaped."""

import datetime

from django.core.cache import cache
from django.test import SimpleTestCase, TestCase
from django.urls import reverse

from diplomacy import search
from diplomacy.models import OrganisationName, PersonName, Review
from diplomacy.views.pages import snippet, word_window
from tests.builders import (
    make_article,
    make_country,
    make_meeting,
    make_organisation,
    make_person,
    make_statement,
)


class SnippetTests(SimpleTestCase):
    def test_a_window_never_cuts_a_word(self):
        text = "alpha bravo charlie delta echo foxtrot golf"
        self.assertEqual(word_window(text, 8, 27), (12, 25))  # "charlie delta"
        self.assertEqual(word_window(text, 0, len(text)), (0, len(text)))
        self.assertEqual(word_window(text, 6, 11), (6, 11))  # already on boundaries

    def test_snippet_starts_and_ends_on_whole_words(self):
        words = ("padding " * 40).split()
        text = " ".join(words[:30]) + " the quarry agreement was signed " + " ".join(words)
        html = str(snippet(text, ["quarry"], width=60))
        self.assertIn("<mark>quarry</mark>", html)
        inner = html.strip("\u2026 ")
        for piece in inner.replace("<mark>quarry</mark>", "quarry").split():
            self.assertIn(piece, {"padding", "the", "quarry", "agreement", "was", "signed"})
        self.assertTrue(html.startswith("\u2026 ") and html.endswith(" \u2026"))

    def test_snippet_is_escaped(self):
        html = str(snippet('<b onclick="x">quarry</b> & more', ["quarry"]))
        self.assertNotIn("<b", html)
        self.assertIn("&lt;b onclick=&quot;x&quot;&gt;<mark>quarry</mark>&lt;/b&gt; &amp;", html)


class SiteSearchTests(TestCase):
    def setUp(self):
        cache.clear()
        arcadia = make_country("XA", "Arcadia")
        self.minister = make_person("Ottilie Quarrington", arcadia)
        PersonName.objects.create(person=self.minister, name="O. Kwarrington")
        self.other = make_person("Pavel Quarrymann")
        self.hidden = make_person("Quarrington Rejecta", review=Review.REJECTED)
        self.league = make_organisation("League of Quarry States", "LQS")
        OrganisationName.objects.create(organisation=self.league, name="Kwarry League")
        self.talks = make_meeting(
            "Quarrington talks in Arcadia", [self.minister], date=datetime.date(2024, 3, 1)
        )
        self.statement = make_statement("Kwarrington promised a new quarry road.", self.minister)
        self.article = make_article("A report on the Kwarrington visit.", title="Visit report")

    def get(self, **params):
        response = self.client.get(reverse("site:search"), params)
        self.assertEqual(response.status_code, 200)
        return response

    def found(self, response):
        return {
            group["kind"]: [row["record"].pk for row in group["rows"]]
            for group in response.context["groups"]
        }

    def test_a_surname_finds_the_person_and_their_meetings(self):
        found = self.found(self.get(q="quarrington"))
        self.assertEqual(found["person"], [self.minister.pk])
        self.assertEqual(found["meeting"], [self.talks.pk])

    def test_persons_and_organisations_are_found_by_other_names(self):
        response = self.get(q="kwarrington")
        found = self.found(response)
        self.assertEqual(found["person"], [self.minister.pk])
        self.assertEqual(found["statement"], [self.statement.pk])
        self.assertEqual(found["article"], [self.article.pk])
        self.assertContains(response, "(also O. <mark>Kwarrington</mark>)", html=False)
        self.assertEqual(self.found(self.get(q="kwarry"))["organisation"], [self.league.pk])
        self.assertEqual(self.found(self.get(q="lqs"))["organisation"], [self.league.pk])

    def test_accents_and_spellings_are_folded(self):
        accented = make_person("Émile Strändberg")
        self.assertEqual(self.found(self.get(q="strandberg"))["person"], [accented.pk])
        self.assertEqual(self.found(self.get(q="STRÄNDBERG emile"))["person"], [accented.pk])

    def test_every_word_must_be_in_the_name_in_any_order(self):
        self.assertEqual(
            self.found(self.get(q="quarrington ottilie"))["person"], [self.minister.pk]
        )
        self.assertEqual(self.found(self.get(q="quarrington pavel"))["person"], [])

    def test_rejected_records_are_not_found(self):
        self.assertNotIn(self.hidden.pk, self.found(self.get(q="rejecta"))["person"])

    def test_groups_have_counts_and_a_link_to_see_all(self):
        for n in range(7):
            make_person(f"Quarrel Example{n}")
        response = self.get(q="quarr")
        persons = next(g for g in response.context["groups"] if g["kind"] == "person")
        self.assertEqual(persons["total"], 9)
        self.assertEqual(len(persons["rows"]), 5)
        self.assertContains(response, "See all 9 persons")
        self.assertContains(response, "kind=person")
        page = self.get(q="quarr", kind="person")
        (group,) = page.context["groups"]
        self.assertEqual(len(group["rows"]), 9)
        self.assertFalse(group["more"])

    def test_names_are_marked_and_escaped(self):
        make_person("<i>Quarrington</i> & Co")
        response = self.get(q="quarrington")
        self.assertContains(
            response, "&lt;i&gt;<mark>Quarrington</mark>&lt;/i&gt; &amp; Co", html=False
        )
        self.assertNotContains(response, "<i>Quarrington")

    def test_find_rejects_an_unknown_kind(self):
        with self.assertRaises(ValueError):
            search.find("x", "country")

    def test_the_box_in_the_header_says_what_it_searches(self):
        self.assertContains(self.get(), "Search persons, organisations, meetings")
