"""The import_articles command: reading files, idempotency, bad input, reports."""

import datetime as dt
import io
import json
import multiprocessing
import os
import tempfile
from contextlib import redirect_stderr
from pathlib import Path
from unittest import mock

from django.core.management import call_command
from django.test import tag

from articles.management.commands import import_articles
from diplomacy.models import Article, Evidence, Organisation, Person, PersonName, Position, Review
from tests.builders import ImportTestCase, run_import
from tests.transactional import ReferenceTransactionTestCase

ARTICLE = """Ministers discuss trade in Vienna

VIENNA, March 4 (Agency) -- Austrian Foreign Minister Helga Brandt met with Slovak Foreign Minister Pavol Hudak in Vienna on Tuesday.

Brandt said the two countries would expand rail links. Hudak noted that trade grew last year.
"""

OTHER = """Envoy visits Nairobi

NAIROBI, May 2 (Agency) -- Kenyan President Daniel Mwangi received African Union Commission Chairperson Moussa Keita.
"""


class ImportTests(ImportTestCase):
    def test_import_creates_article_persons_with_posts_and_evidence(self):
        path = self.write("a.txt", ARTICLE)
        out, err, code = run_import(str(path))
        self.assertEqual(code, 0, err)
        article = Article.objects.get()
        self.assertEqual(article.file_name, "a.txt")
        self.assertEqual(article.outlet, "Agency")
        brandt = Person.objects.get(name="Helga Brandt")
        self.assertEqual(brandt.country.iso2, "AT")
        self.assertTrue(Position.objects.filter(person=brandt, title="Foreign Minister").exists())
        # a ministry only implied by a title is not a body the text names
        self.assertFalse(Organisation.objects.filter(name__startswith="Ministry of").exists())
        # every mention is stored with its span, and the span holds the text
        for evidence in Evidence.objects.filter(kind="person"):
            self.assertEqual(article.text[evidence.start : evidence.end], evidence.text)
        self.assertIn("1 new articles", out)

    def test_a_ministry_named_in_the_text_holds_the_posts_its_title_implies(self):
        text = ARTICLE + "The Austrian Foreign Ministry published the agenda.\n"
        run_import(str(self.write("a.txt", text)))
        mfa = Organisation.objects.get(name="Ministry of Foreign Affairs of Austria")
        self.assertEqual(mfa.country.iso2, "AT")
        brandt = Person.objects.get(name="Helga Brandt")
        self.assertTrue(Position.objects.filter(person=brandt, organisation=mfa).exists())
        self.assertFalse(Organisation.objects.filter(country__iso2="SK").exists())

    def test_a_post_is_stored_once_however_articles_word_it(self):
        other = ARTICLE.replace(
            "Austrian Foreign Minister Helga Brandt",
            "Helga Brandt, Minister for Foreign Affairs of Austria,",
        )
        run_import(str(self.write("a.txt", ARTICLE)), str(self.write("b.txt", other)))
        brandt = Person.objects.get(name="Helga Brandt")
        self.assertEqual(Position.objects.filter(person=brandt).count(), 1)

    def test_a_post_told_with_its_domain_in_a_later_article_keeps_the_fuller_title(self):
        short = "VIENNA, March 3 -- EU High Representative Ilse Marnak arrived in Vienna.\n"
        full = (
            "VIENNA, March 4 -- Ilse Marnak, High Representative of the European Union for "
            "Foreign Affairs and Security Policy, left Vienna.\n"
        )
        run_import(str(self.write("a.txt", short)), str(self.write("b.txt", full)))
        titles = Position.objects.filter(person__name="Ilse Marnak").values_list("title", flat=True)
        self.assertEqual(
            list(titles),
            ["High Representative of the European Union for Foreign Affairs and Security Policy"],
        )

    def test_reimport_of_the_same_file_changes_nothing(self):
        path = self.write("a.txt", ARTICLE)
        run_import(str(path))
        counts = (Article.objects.count(), Person.objects.count(), Evidence.objects.count())
        out, _, code = run_import(str(path))
        self.assertEqual(code, 0)
        self.assertEqual(
            counts, (Article.objects.count(), Person.objects.count(), Evidence.objects.count())
        )
        self.assertIn("1 unchanged", out)

    def test_changed_file_is_updated_and_reextracted_without_duplicates(self):
        path = self.write("a.txt", ARTICLE)
        run_import(str(path))
        path.write_text(ARTICLE.replace("rail links", "road links"), encoding="utf-8")
        out, _, code = run_import(str(path))
        self.assertEqual(code, 0)
        self.assertEqual(Article.objects.count(), 1)
        self.assertIn("road links", Article.objects.get().text)
        self.assertEqual(Person.objects.filter(name="Helga Brandt").count(), 1)
        self.assertIn("1 updated", out)

    def test_a_file_changed_to_another_files_text_is_reported_as_a_duplicate(self):
        first = self.write("a.txt", ARTICLE)
        second = self.write("b.txt", OTHER)
        run_import(first, second)
        first.write_text(OTHER, encoding="utf-8")
        out, err, code = run_import(first)
        self.assertEqual(code, 0)
        self.assertIn(f"duplicate {first}: the same text as {second.resolve()}", err)
        self.assertIn("0 unchanged, 1 duplicate", out)
        # the article read from the earlier text is kept: no file holds that text now
        self.assertEqual(Article.objects.count(), 2)

    def test_records_only_the_old_version_supported_are_removed(self):
        path = self.write("a.txt", ARTICLE)
        run_import(str(path))
        self.assertTrue(Person.objects.filter(name="Pavol Hudak").exists())
        path.write_text(ARTICLE.replace("Slovak Foreign Minister Pavol Hudak", "his counterpart"))
        run_import(str(path))
        self.assertFalse(Person.objects.filter(name="Pavol Hudak").exists())

    def test_reimport_keeps_editor_changes(self):
        path = self.write("a.txt", ARTICLE)
        run_import(str(path))
        person = Person.objects.get(name="Helga Brandt")
        person.country = None
        person.lock("country")
        person.save()
        path.write_text(ARTICLE + "\nBrandt added that talks went well.\n", encoding="utf-8")
        run_import(str(path))
        person.refresh_from_db()
        self.assertIsNone(person.country)
        # the editor-locked person keeps the new evidence from the changed article
        self.assertTrue(person.evidence.exists())

    def test_verified_person_survives_reextraction_that_drops_them(self):
        path = self.write("a.txt", ARTICLE)
        run_import(str(path))
        Person.objects.filter(name="Pavol Hudak").update(review=Review.VERIFIED)
        path.write_text(ARTICLE.replace("Slovak Foreign Minister Pavol Hudak", "his counterpart"))
        run_import(str(path))
        self.assertTrue(Person.objects.filter(name="Pavol Hudak").exists())

    def test_names_an_editor_merged_resolve_to_the_survivor(self):
        survivor = Person.objects.create(name="Helga Brandt-Weiss")
        PersonName.objects.create(person=survivor, name="Helga Brandt", from_editor=True)
        path = self.write("a.txt", ARTICLE)
        run_import(str(path))
        self.assertFalse(Person.objects.filter(name="Helga Brandt").exists())
        self.assertTrue(survivor.evidence.exists())

    def test_spelling_variants_across_articles_are_one_person(self):
        self.write("a.txt", ARTICLE)
        self.write(
            "b.txt",
            "Talks in Bratislava\n\nBRATISLAVA, March 9 (Agency) -- Slovak Foreign Minister "
            "Pavol Hudakk met Austrian Foreign Minister Helga Brandt.\n",
        )
        run_import(str(self.dir))
        self.assertEqual(Person.objects.filter(name__startswith="Pavol").count(), 1)

    def test_people_sharing_a_surname_stay_two(self):
        self.write(
            "a.txt",
            "Two brothers\n\nBISHKEK, May 20 (Agency) -- Kyrgyz President Adyl Temirov met "
            "Prime Minister Bolot Temirov.\n",
        )
        run_import(str(self.dir))
        self.assertEqual(Person.objects.filter(name__endswith="Temirov").count(), 2)

    def test_a_name_written_shorter_in_another_article_is_one_person(self):
        self.write(
            "a.txt",
            "Emirate hosts talks\n\nDOHA, May 20 (Agency) -- Qatari Crown Prince Sheikh Khalid "
            "bin Faris bin Saqr Al Merrani met Kenyan President Daniel Mwangi and Qatari "
            "Foreign Minister Saif bin Faris Al Merrani.\n",
        )
        self.write(
            "b.txt",
            "Trade talks\n\nNAIROBI, May 28 (Agency) -- Kenyan President Daniel Mwangi "
            "received Qatar's Crown Prince Sheikh Khaled bin Faris al-Merrani.\n",
        )
        run_import(str(self.dir))
        merrani = Person.objects.filter(name__endswith="Merrani")
        self.assertEqual(
            sorted(p.name for p in merrani),
            ["Khalid bin Faris bin Saqr Al Merrani", "Saif bin Faris Al Merrani"],
        )
        khalid = merrani.get(name__startswith="Khalid")
        self.assertIn("Khaled bin Faris al-Merrani", [n.name for n in khalid.names.all()])

    def test_directory_is_read_recursively_and_other_files_skipped(self):
        self.write("x/a.txt", ARTICLE)
        self.write("x/y/b.md", OTHER)
        self.write("x/notes.pdf", b"%PDF-1.4")
        out, err, code = run_import(str(self.dir), "-v", "2")
        self.assertEqual(code, 0)
        self.assertEqual(Article.objects.count(), 2)
        self.assertIn("skipped", err)
        self.assertIn("1 skipped", out)

    def test_bad_files_are_reported_and_good_ones_still_imported(self):
        self.write("good.txt", ARTICLE)
        self.write("empty.txt", "")
        self.write("binary.txt", bytes(range(256)) * 10)
        self.write("latin.txt", "caf\xe9 \xff\xfe\x00\x01".encode("latin-1") + b"\x00" * 50)
        out, err, code = run_import(str(self.dir))
        self.assertEqual(code, 1)
        self.assertEqual(Article.objects.count(), 1)
        self.assertIn("empty.txt", err)
        self.assertIn("binary.txt", err)
        self.assertIn("failed", out)

    def test_missing_path_fails_clearly(self):
        _, err, code = run_import(str(self.dir / "nope.txt"))
        self.assertEqual(code, 1)
        self.assertIn("nope.txt: no such file", err)

    def test_file_over_the_limit_is_refused(self):
        path = self.write("big.txt", ARTICLE * 50)
        _, err, code = run_import(str(path), "--max-bytes", "1000")
        self.assertEqual(code, 1)
        self.assertIn("larger than the limit", err)
        self.assertFalse(Article.objects.exists())

    def test_unreadable_file_fails_clearly(self):
        path = self.write("locked.txt", ARTICLE)
        with mock.patch("articles.importing.read_regular_file", side_effect=PermissionError):
            _, err, code = run_import(str(path))
        self.assertEqual(code, 1)
        self.assertIn("permission denied", err)

    def test_failure_while_writing_leaves_nothing_half_written(self):
        path = self.write("a.txt", ARTICLE)
        with (
            mock.patch(
                "articles.loading.statements.load_statements", side_effect=RuntimeError("boom")
            ),
            self.assertRaises(RuntimeError),
        ):
            run_import(str(path))
        self.assertFalse(Article.objects.exists())
        self.assertFalse(Person.objects.exists())

    def test_dry_run_writes_nothing_and_says_what_it_found(self):
        path = self.write("a.txt", ARTICLE)
        out, _, code = run_import(str(path), "--dry-run")
        self.assertEqual(code, 0)
        self.assertFalse(Article.objects.exists())
        self.assertIn("person: found 2", out)

    def test_published_and_source_override_detection(self):
        path = self.write("a.txt", "Plain note\n\nThe minister spoke.\n")
        run_import(str(path), "--published", "2024-02-01", "--source", "Gazette")
        article = Article.objects.get()
        self.assertEqual(str(article.published), "2024-02-01")
        self.assertEqual(article.outlet, "Gazette")

    def test_reads_one_document_from_standard_input(self):
        fake = io.BytesIO(ARTICLE.encode())
        with mock.patch("sys.stdin", mock.Mock(buffer=fake)):
            _, err, code = run_import("-")
        self.assertEqual(code, 0, err)
        self.assertEqual(Article.objects.get().file_name, "stdin.txt")

    def test_utf16_and_bom_files_are_read(self):
        self.write("a.txt", "\ufeff" + ARTICLE)
        self.write("b.txt", OTHER.encode("utf-16"))
        _, err, code = run_import(str(self.dir))
        self.assertEqual(code, 0, err)
        self.assertEqual(Article.objects.count(), 2)

    def test_html_is_reduced_to_text(self):
        html = (
            "<html><head><title>Talks</title><script>alert(1)</script></head><body><nav>Menu</nav>"
            "<p>VIENNA, March 4 (Agency) -- Austrian Foreign Minister Helga Brandt met with "
            "Slovak Foreign Minister Pavol Hudak.</p></body></html>"
        )
        self.write("a.html", html)
        run_import(str(self.dir))
        article = Article.objects.get()
        self.assertNotIn("alert", article.text)
        self.assertNotIn("Menu", article.text)
        self.assertTrue(Person.objects.filter(name="Pavol Hudak").exists())


class DebugNoteTests(ImportTestCase):
    """A large import under DEBUG says that DEBUG=0 would make it faster; nothing else does."""

    def import_two(self):
        for i in range(2):
            self.write(f"{i}.txt", ARTICLE.replace("rail links", f"rail links number {i}"))
        with mock.patch.object(import_articles, "DEBUG_NOTE_FILES", 2):
            return run_import(str(self.dir))

    def test_a_large_import_with_debug_on_suggests_debug_off(self):
        with self.settings(DEBUG=True):
            _, err, code = self.import_two()
        self.assertEqual(code, 0)
        self.assertIn("DEBUG=0", err)

    def test_no_note_with_debug_off(self):
        with self.settings(DEBUG=False):
            _, err, code = self.import_two()
        self.assertEqual(code, 0)
        self.assertNotIn("DEBUG", err)


class ExportTests(ImportTestCase):
    def test_export_has_the_schema_keys(self):
        self.write("a.txt", ARTICLE)
        run_import(str(self.dir))
        out = io.StringIO()
        call_command("export_json", stdout=out)
        data = json.loads(out.getvalue())
        self.assertEqual(data["format"], "diplomacy-export/1")
        for key in ("articles", "countries", "organisations", "persons", "meetings", "statements"):
            self.assertIsInstance(data[key], list)
        self.assertEqual(
            set(data["articles"][0]) >= {"file", "title", "source", "published", "url"}, True
        )
        self.assertEqual({c["iso2"] for c in data["countries"]}, {"AT", "SK"})
        person = next(p for p in data["persons"] if p["name"] == "Helga Brandt")
        self.assertTrue({"name", "aliases", "country", "positions"} <= set(person))
        self.assertEqual(person["country"], "AT")
        self.assertTrue({"title", "organisation", "country"} <= set(person["positions"][0]))
        for org in data["organisations"]:
            self.assertTrue({"name", "acronym", "aliases", "country"} <= set(org))
        for meeting in data["meetings"]:
            self.assertTrue(
                {
                    "title",
                    "kind",
                    "date",
                    "end_date",
                    "city",
                    "country",
                    "organisation",
                    "participants",
                    "sources",
                }
                <= set(meeting)
            )
        for statement in data["statements"]:
            self.assertTrue(
                {"speaker", "date", "text", "direct", "meeting", "sources"} <= set(statement)
            )

    def test_export_to_a_file_and_rejected_records_are_left_out(self):
        self.write("a.txt", ARTICLE)
        run_import(str(self.dir))
        Person.objects.filter(name="Pavol Hudak").update(review=Review.REJECTED)
        target = self.dir / "export.json"
        with redirect_stderr(io.StringIO()):
            call_command("export_json", "--output", str(target))
        data = json.loads(target.read_text())
        self.assertNotIn("Pavol Hudak", [p["name"] for p in data["persons"]])
        self.assertTrue(os.path.getsize(target) > 0)


class MeetingsAcrossArticlesTests(ImportTestCase):
    FIRST = (
        "Ministers meet in Vienna\n\nVIENNA, March 4, 2025 (Agency) -- Austrian Foreign Minister "
        "Helga Brandt met with Slovak Foreign Minister Pavol Hudak in Vienna on Tuesday.\n"
    )
    SECOND = (
        "Slovak minister in Austria\n\nBRATISLAVA, March 5, 2025 (Other Agency) -- Slovak "
        "Foreign Minister Pavol Hudak held talks with Austrian Foreign Minister Helga Brandt "
        "in Vienna on March 4.\n"
    )

    def test_one_meeting_reported_in_two_articles_is_one_meeting_with_two_sources(self):
        from diplomacy.models import Meeting

        self.write("a.txt", self.FIRST)
        self.write("b.txt", self.SECOND)
        _, err, code = run_import(str(self.dir))
        self.assertEqual(code, 0, err)
        meeting = Meeting.objects.get()
        self.assertEqual(str(meeting.date), "2025-03-04")
        self.assertEqual(meeting.city, "Vienna")
        sources = set(meeting.evidence.values_list("article__file_name", flat=True))
        self.assertEqual(sources, {"a.txt", "b.txt"})

    def test_kinds_that_cannot_be_one_meeting(self):
        from articles.extraction.identity import kinds_compatible

        self.assertFalse(kinds_compatible("ministerial", "multilateral"))
        self.assertTrue(kinds_compatible("visit", "bilateral"))
        self.assertFalse(kinds_compatible("bilateral", "ministerial"))
        self.assertFalse(kinds_compatible("call", "bilateral"))


class YearInferenceTests(ImportTestCase):
    def test_no_year_in_the_text_leaves_it_unknown_and_warns(self):
        from diplomacy.models import Meeting

        path = self.write(
            "a.txt",
            "Ministers meet\n\nVIENNA, March 4 (Agency) -- Austrian Foreign Minister Helga "
            "Brandt met with Slovak Foreign Minister Pavol Hudak in Vienna.\n",
        )
        stamp = dt.datetime(2023, 6, 1, 12, 0).timestamp()
        os.utime(path, (stamp, stamp))
        out, err, code = run_import(str(path))
        self.assertEqual(code, 0)
        self.assertIn(f"warning {path}: no publication date or dated dateline", err)
        self.assertFalse(Meeting.objects.filter(date__year=2023).exists(), "not from the file")
        self.assertIsNone(Article.objects.get().published)
        # the user can say when it was published
        path.write_text(path.read_text() + "\nThey met again later.\n")
        out, err, code = run_import(str(path), "--published", "2023-06-01")
        self.assertEqual(str(Meeting.objects.get().date), "2023-03-04")


@tag("slow")
class WorkersTests(ReferenceTransactionTestCase):
    """Worker processes need committed data and their own connections: no test transaction."""

    def setUp(self):
        if multiprocessing.current_process().daemon:
            # under `test --parallel` this test runs in a daemonic pool process, which may
            # not start the import's own worker processes
            self.skipTest("starts worker processes: run without --parallel")
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    write = ImportTestCase.write

    def test_workers_give_the_same_register_as_one_process(self):
        for i in range(6):
            self.write(f"{i}.txt", ARTICLE.replace("rail links", f"rail links number {i}"))
        _, err, code = run_import(str(self.dir), "--workers", "2")
        self.assertEqual(code, 0, err)
        self.assertEqual(Article.objects.count(), 6)
        self.assertEqual(Person.objects.count(), 2)
        self.assertEqual(Evidence.objects.filter(kind="person").count(), 6 * 4)
