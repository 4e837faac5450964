"""The synthetic corpus and register generators (generate_corpus)."""

import io
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test import TestCase, tag
from django.urls import reverse

from bench.synthetic import words
from bench.synthetic.articles import MAX_WORDS, MIN_WORDS, write_corpus
from bench.synthetic.records import build_register
from diplomacy.models import Article, Evidence, Meeting, Participation, Person, Position, Statement


def corpus_bytes(folder):
    return {p.name: p.read_bytes() for p in sorted(Path(folder).iterdir())}


@tag("slow")
class CorpusTests(TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def test_same_seed_writes_the_same_bytes_and_another_seed_does_not(self):
        write_corpus(self.dir / "a", articles=15, seed=11)
        write_corpus(self.dir / "b", articles=15, seed=11)
        write_corpus(self.dir / "c", articles=15, seed=12)
        a, b, c = (corpus_bytes(self.dir / x) for x in "abc")
        self.assertEqual(a, b)
        self.assertNotEqual(a, c)

    def test_files_are_numbered_and_have_300_to_1500_words_in_every_style(self):
        result = write_corpus(self.dir, articles=60, seed=3)
        files = sorted(self.dir.iterdir())
        self.assertEqual(result["files"], 60)
        self.assertEqual(files[0].stem, "00000001")
        self.assertEqual({f.stem for f in files}, {f"{n:08d}" for n in range(1, 61)})
        texts = {f.name: f.read_text(encoding="utf-8") for f in files}
        for name, text in texts.items():
            if name.endswith(".txt"):
                self.assertTrue(MIN_WORDS <= len(text.split()) <= MAX_WORDS, name)
        joined = "\n".join(texts.values())
        self.assertTrue(any(name.endswith(".html") for name in texts))
        self.assertIn("Press Releases", joined)  # press releases without dateline
        self.assertRegex(joined, r"\ndate \d{4}-\d{2}-\d{2}\n")
        self.assertIn("Attendees included", joined)
        self.assertRegex(joined, r"phone call|telephone conversation")
        self.assertIn("The following stories", joined)  # compilations
        self.assertRegex(joined, r'\n"[^"\n]+," \w[\w-]* (said|told)')  # quotations
        self.assertRegex(joined, r"\w (stressed|noted|said|underlined) that ")  # reported speech

    def test_names_come_from_our_invented_word_lists(self):
        write_corpus(self.dir, articles=5, seed=1)
        surnames = {s for region in words.REGIONS.values() for s in region["surnames"]}
        text = "\n".join(p.read_text(encoding="utf-8") for p in self.dir.iterdir())
        self.assertTrue(any(s in text for s in surnames))

    def test_generated_articles_import_cleanly_into_persons_meetings_and_statements(self):
        out = io.StringIO()
        call_command("generate_corpus", str(self.dir), "--articles", "8", "--seed", "5", stdout=out)
        self.assertIn("Wrote 8 articles", out.getvalue())
        err = io.StringIO()
        try:
            call_command(
                "import_articles", str(self.dir), "--no-progress", stdout=io.StringIO(), stderr=err
            )
        except SystemExit as exit:  # pragma: no cover - shown in the failure message
            self.fail(f"import failed ({exit.code}): {err.getvalue()}")
        self.assertEqual(Article.objects.count(), 8)
        self.assertGreater(Person.objects.count(), 5)
        self.assertGreater(Position.objects.count(), 5)
        self.assertGreater(Meeting.objects.count(), 3)
        self.assertGreater(Statement.objects.exclude(speaker=None).count(), 10)


@tag("slow")
class RecordsTests(TestCase):
    def test_the_build_s_large_sqlite_page_cache_ends_with_it(self):
        if connection.vendor != "sqlite":
            self.skipTest("SQLite's own pragma")

        def cache_size():
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA cache_size")
                return cursor.fetchone()[0]

        before = cache_size()
        build_register(meetings=4, persons=3, statements=6, seed=3)
        self.assertEqual(cache_size(), before)

    def test_the_build_leaves_every_index_it_set_aside_for_the_bulk_insert(self):
        if connection.vendor != "sqlite":
            self.skipTest("the indexes are set aside on SQLite only")

        def schema():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT type, name, tbl_name, sql FROM sqlite_master"
                    " WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name"  # ANALYZE's own
                )
                return cursor.fetchall()

        before = schema()
        build_register(meetings=4, persons=3, statements=6, seed=3)
        self.assertEqual(schema(), before)
        with connection.cursor() as cursor:
            cursor.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM diplomacy_statement WHERE text_key = 'x'"
            )
            plan = " ".join(str(row) for row in cursor.fetchall())
        self.assertRegex(plan, "USING (COVERING )?INDEX")

    def test_records_mode_creates_the_requested_counts_and_pages_render(self):
        persons_before = Person.objects.count()
        out = io.StringIO()
        call_command(
            "generate_corpus",
            "--records",
            "--meetings",
            "40",
            "--persons",
            "15",
            "--statements",
            "120",
            "--seed",
            "2",
            stdout=out,
        )
        self.assertIn("Created", out.getvalue())
        self.assertEqual(Person.objects.count() - persons_before, 15)
        self.assertEqual(Meeting.objects.count(), 40)
        self.assertEqual(Statement.objects.count(), 120)
        sizes = set(Meeting.objects.annotate(n=Count("participations")).values_list("n", flat=True))
        self.assertTrue(sizes <= set(range(2, 7)), sizes)
        self.assertTrue(Position.objects.exists())
        self.assertTrue(Statement.objects.filter(meeting__isnull=False).exists())
        self.assertTrue(Evidence.objects.filter(kind="meeting").exists())
        # every evidence span holds the text it claims
        for evidence in Evidence.objects.select_related("article")[:50]:
            self.assertEqual(evidence.article.text[evidence.start : evidence.end], evidence.text)
        # new rows get new primary keys after the explicit ones
        participation = Participation.objects.first()
        extra = Participation.objects.create(
            meeting=participation.meeting,
            person=Person.objects.exclude(participations__meeting=participation.meeting).first(),
        )
        self.assertGreater(extra.pk, Participation.objects.exclude(pk=extra.pk).latest("pk").pk)

        meeting = Meeting.objects.public().first()
        person = Person.objects.public().filter(participations__isnull=False).first()
        statement = Statement.objects.public().first()
        urls = [
            reverse("site:home"),
            reverse("site:meeting-list"),
            reverse("site:statement-list"),
            reverse("site:person-list"),
            reverse("site:meeting-detail", args=[meeting.pk]),
            reverse("site:person-detail", args=[person.pk]),
            reverse("site:statement-detail", args=[statement.pk]),
            reverse("site:article-detail", args=[Article.objects.first().pk]),
        ]
        for url in urls:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)
