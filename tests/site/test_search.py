"""Full-text search: the same answers on SQLite (FTS5) and PostgreSQL (tsvector + GIN)."""

from unittest import mock

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.urls import reverse

from diplomacy import search
from diplomacy.models import Review
from tests.builders import make_article, make_person, make_statement

MALFORMED = [
    '"',
    '"unclosed quote',
    "(",
    ")",
    "*",
    "energy*",
    "^energy",
    "energy:",
    "text:energy",
    "NEAR(energy water)",
    "energy AND",
    "OR",
    "NOT energy",
    "-energy",
    "+energy",
    "energy & | ! <-> water",
    "'; DROP TABLE diplomacy_statement; --",
    "%_\\",
    "\x00energy",
    "{energy}",
    "[energy]",
    "énergie",
    "能源",
    "😀",
    "a" * 5000,
    " ".join(["energy"] * 200),
    "",
    "   ",
    "the and of",
]


class TermsTests(TestCase):
    def test_queries_become_plain_words(self):
        self.assertEqual(search.terms('"Energy" AND (water*)'), ["energy", "water"])
        self.assertEqual(search.terms("NEAR(a b) foo_bar"), ["near", "b", "foo", "bar"])
        self.assertEqual(search.terms("the of and"), [])
        self.assertEqual(search.terms("energy energy"), ["energy"])
        self.assertLessEqual(
            len(search.terms(" ".join(f"w{i}" for i in range(100)))), search.MAX_TERMS
        )


class SearchTests(TestCase):
    def setUp(self):
        cache.clear()
        speaker = make_person("Anna Testova")
        self.energy = make_statement(
            "Energy cooperation is our priority, energy above all.", speaker
        )
        self.water = make_statement(
            "Water management and energy security were discussed.", speaker, direct=False
        )
        self.meetings = make_statement(
            "The ministers held meetings on transport corridors.", speaker
        )
        self.rejected = make_statement("Rejected energy remark.", speaker, review=Review.REJECTED)
        self.article = make_article(
            "Long text about energy pipelines and water.", title="Energy deal signed"
        )
        self.other = make_article("Nothing relevant here at all.", title="Weather report")

    def test_statements_and_articles_are_found_and_ranked(self):
        found = search.search("energy")
        self.assertEqual(found["statement"][0], self.energy.pk)
        self.assertEqual(sorted(found["statement"]), sorted([self.energy.pk, self.water.pk]))
        self.assertEqual(found["article"], [self.article.pk])

    def test_every_word_must_match(self):
        self.assertEqual(
            search.search("energy water", kinds=["statement"]), {"statement": [self.water.pk]}
        )

    def test_words_match_their_other_forms(self):
        self.assertEqual(
            search.search("meeting", kinds="statement")["statement"], [self.meetings.pk]
        )
        self.assertEqual(search.search("Pipeline", kinds="article")["article"], [self.article.pk])

    def test_rejected_statements_are_never_found(self):
        self.assertNotIn(self.rejected.pk, search.search("rejected remark")["statement"])

    def test_index_follows_edits_and_deletes(self):
        self.meetings.text = "Now about hydrogen."
        self.meetings.save()
        self.assertEqual(search.search("hydrogen")["statement"], [self.meetings.pk])
        self.assertEqual(search.search("corridors")["statement"], [])
        self.meetings.delete()
        self.assertEqual(search.search("hydrogen")["statement"], [])
        self.other.title = "Hydrogen weather"
        self.other.save()
        self.assertEqual(search.search("hydrogen")["article"], [self.other.pk])

    def test_limit_and_offset_page_through_results(self):
        first = search.search("energy", kinds="statement", limit=1)["statement"]
        second = search.search("energy", kinds="statement", limit=1, offset=1)["statement"]
        self.assertEqual(first + second, search.search("energy", kinds="statement")["statement"])

    def test_malformed_queries_never_raise(self):
        for query in MALFORMED:
            with self.subTest(query=query[:30]):
                found = search.search(query)
                self.assertEqual(set(found), {"statement", "article"})
                # a NUL is refused before any view runs (PostgreSQL cannot take it)
                expected = 400 if "\x00" in query else 200
                response = self.client.get(reverse("site:search"), {"q": query})
                self.assertEqual(response.status_code, expected)
                response = self.client.get(reverse("site:statement-list"), {"q": query})
                self.assertEqual(response.status_code, expected)
        self.assertIn(self.energy.pk, search.search('"energy*')["statement"])

    def test_unknown_kind_is_an_error_for_programmers(self):
        with self.assertRaises(ValueError):
            search.search("energy", kinds=["person"])

    def test_results_page_shows_both_kinds_with_marked_snippets(self):
        response = self.client.get(reverse("site:search"), {"q": "energy"})
        self.assertContains(response, "<mark>Energy</mark> cooperation", html=False)
        self.assertContains(response, "Energy deal signed")
        self.assertNotContains(response, "Rejected energy remark")
        only = self.client.get(reverse("site:search"), {"q": "energy", "kind": "article"})
        self.assertEqual([group["kind"] for group in only.context["groups"]], ["article"])
        self.assertEqual(len(only.context["groups"][0]["rows"]), 1)

    def test_statement_list_text_filter_uses_the_index(self):
        response = self.client.get(reverse("site:statement-list"), {"q": "energy"})
        self.assertEqual(
            sorted(s.pk for s in response.context["object_list"]),
            sorted([self.energy.pk, self.water.pk]),
        )

    def test_a_word_with_many_matches_lets_sqlite_walk_the_list_s_order(self):
        if connection.vendor != "sqlite":
            self.skipTest("SQLite's planner")
        from diplomacy.models import Statement

        def ids_and_sql(word):
            queryset = search.matching(Statement.objects.public(), "statement", word)
            return sorted(queryset.values_list("pk", flat=True)), str(queryset.query)

        rare, rare_sql = ids_and_sql("energy")
        with mock.patch.object(search, "COMMON_MATCHES", 1):
            common, common_sql = ids_and_sql("energy")
        self.assertEqual(rare, sorted([self.energy.pk, self.water.pk]))
        self.assertEqual(common, rare)
        self.assertNotIn('+"diplomacy_statement"."id"', rare_sql)
        self.assertIn('+"diplomacy_statement"."id" IN', common_sql)
        with mock.patch.object(search, "COMMON_MATCHES", 1):
            response = self.client.get(reverse("site:statement-list"), {"q": "energy"})
        self.assertEqual(sorted(s.pk for s in response.context["object_list"]), rare)

    def test_backend_specific_index_exists(self):
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                tables = connection.introspection.table_names(cursor)
                self.assertIn("diplomacy_statement_fts", tables)
                self.assertIn("articles_article_fts", tables)
            elif connection.vendor == "postgresql":
                # a stored, generated tsvector column with a GIN index on each table
                cursor.execute(
                    "SELECT table_name FROM information_schema.columns WHERE column_name = "
                    "'search_vector' AND is_generated = 'ALWAYS' ORDER BY table_name"
                )
                self.assertEqual(
                    [row[0] for row in cursor.fetchall()],
                    ["articles_article", "diplomacy_statement"],
                )
                cursor.execute(
                    "SELECT indexname FROM pg_indexes WHERE indexname IN "
                    "('statement_search_vector_idx', 'article_search_vector_idx') "
                    "ORDER BY indexname"
                )
                self.assertEqual(
                    [row[0] for row in cursor.fetchall()],
                    ["article_search_vector_idx", "statement_search_vector_idx"],
                )

    def test_postgresql_search_reads_the_stored_vector(self):
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL only")
        from diplomacy.models import Statement

        queryset = search.matching(Statement.objects.all(), "statement", "energy")
        sql = str(queryset.query)
        self.assertIn('"diplomacy_statement"."search_vector" @@', sql)
        self.assertNotIn("to_tsvector", sql)
        # also as a subquery, where Django renames the table
        outer = Statement.objects.filter(pk__in=queryset.values("pk"))
        self.assertEqual(
            sorted(outer.values_list("pk", flat=True)),
            sorted(queryset.values_list("pk", flat=True)),
        )
        self.assertTrue(outer.exists())
