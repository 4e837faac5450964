"""Bad input to the importer: every encoding, broken and hostile files, a large directory.

Each bad file gives one clear line naming it; the good files are still imported; the run
exits with status 1; and nothing of a failed file is half-written. Runs on SQLite and, with
DATABASE_URL pointing at PostgreSQL, on PostgreSQL (which refuses NUL characters in text).
"""

import io
import os
import tempfile
from pathlib import Path
from unittest import mock

from django.core.management import CommandError, call_command
from django.db import DatabaseError
from django.test import TestCase, tag

from articles import importing
from articles.importing import Options, import_paths
from articles.loading import statements as statement_step
from diplomacy.models import Article, Evidence, Meeting, Person, Statement
from tests.builders import ImportTestCase, run_import

# invented names with letters outside ASCII, all of them in Windows-1252
ARTICLE = (
    "Ministers meet in Vienna\n\n"
    "VIENNA, March 4, 2024 (Agency) -- Austrian Foreign Minister Zoë Brunhägen met with "
    "Danish Foreign Minister Søren Kjærsgaard in Vienna on March 4.\n\n"
    '"The talks were très utiles," Brunhägen said.\n'
)
NAMES = {"Zoë Brunhägen", "Søren Kjærsgaard"}


def outcomes(*paths, **options):
    """{file name: (status, message)} of importing ``paths``."""
    found = {}
    import_paths(
        [str(p) for p in paths],
        Options(**options),
        report=lambda o: found.__setitem__(Path(o.path).name, (o.status, o.message)),
    )
    return found


def small_article(n):
    """A tiny distinct article (most files of the large directory)."""
    return f"Note {n}\n\nThe committee on cooperation met for the {n}th time in Vienna.\n"


class BadInputTestCase(ImportTestCase):
    def assert_nothing_of(self, file_name):
        """Nothing of a failed file reached the database."""
        self.assertFalse(Article.objects.filter(file_name=file_name).exists())
        self.assertFalse(Evidence.objects.filter(article__file_name=file_name).exists())


class EncodingMatrixTests(BadInputTestCase):
    def test_every_supported_encoding_gives_the_same_text(self):
        encodings = {
            "utf8.txt": "utf-8",
            "utf8-bom.txt": "utf-8-sig",
            "utf16-le-bom.txt": "utf-16",  # with a BOM (little-endian here)
            "utf16-be-bom.txt": "utf-16-be+bom",
            "utf16-le-no-bom.txt": "utf-16-le",
            "utf32-bom.txt": "utf-32",
            "crlf.txt": "utf-8",
        }
        expected = {}
        for name, encoding in encodings.items():
            # a different text in every file: the same text twice is one article
            text = ARTICLE + f"Filed as {name}.\n"
            if name == "crlf.txt":
                data = text.replace("\n", "\r\n").encode("utf-8")
            elif encoding == "utf-16-be+bom":
                data = b"\xfe\xff" + text.encode("utf-16-be")
            else:
                data = text.encode(encoding)
            self.write(name, data)
            expected[name] = text
        found = outcomes(self.dir)
        texts = dict(Article.objects.values_list("file_name", "text"))
        for name, text in expected.items():
            with self.subTest(name):
                self.assertEqual(found[name][0], "created", found[name])
                self.assertEqual(texts[name].replace("\r\n", "\n"), text)
        # the names are read right in every file: one person each, not one per encoding
        self.assertEqual(set(Person.objects.values_list("name", flat=True)), NAMES)

    def test_a_legacy_single_byte_encoding_is_detected_and_imported(self):
        self.write("windows-1252.txt", ARTICLE.encode("cp1252"))
        found = outcomes(self.dir)
        self.assertEqual(found["windows-1252.txt"][0], "created", found)
        text = Article.objects.get().text
        self.assertIn("Vienna on March 4", text)
        # Known weakness (issue 8 report): charset-normalizer ties Windows-1250 and -1252 on
        # this text and picks 1250, so "Søren Kjærsgaard" becomes "Sřren Kjćrsgaard".
        self.assertIn("Brunh", text)

    def test_broken_and_hostile_files_fail_with_a_clear_message(self):
        cases = {
            "empty.txt": (b"", "empty document"),
            "blank.txt": (b" \n\t\r\n  \n", "empty document"),
            "bom-only.txt": (b"\xef\xbb\xbf", "empty document"),
            "png.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file (PNG image)"),
            "pdf.txt": (b"%PDF-1.7\n" + os.urandom(512), "binary file (PDF)"),
            "zip.md": (b"PK\x03\x04" + os.urandom(512), "binary file (ZIP"),
            "elf.txt": (b"\x7fELF\x02\x01\x01" + bytes(500), "binary file"),
            "random.txt": (bytes((i * 37 + 11) % 256 for i in range(4000)), "binary file"),
            "controls.txt": (bytes(range(1, 9)) * 200, "binary file"),
            "invalid-utf8.txt": (
                b"Talks \xc3\x28 \xa0\xa1 \xe2\x28\xa1 \xf0\x28\x8c\xbc " * 3
                + bytes(range(0x80, 0x100)) * 3,
                "not valid UTF-8",
            ),
            "truncated-utf16.txt": (b"\xff\xfe" + "Talks".encode("utf-16-le") + b"\x00\xd8", "invalid UTF-16"),
            "script-only.html": (b"<html><script>var a = 1;</script><style>p{}</style></html>", "empty document"),
        }  # fmt: skip
        for name, (data, _) in cases.items():
            self.write(name, data)
        self.write("good.txt", ARTICLE)
        out, err, code = run_import(self.dir)
        self.assertEqual(code, 1)
        for name, (_, message) in cases.items():
            with self.subTest(name):
                lines = [line for line in err.splitlines() if f"FAILED {self.dir / name}:" in line]
                self.assertEqual(len(lines), 1, err)
                self.assertIn(message, lines[0])
                self.assertNotIn("Traceback", lines[0])
                self.assert_nothing_of(name)
        self.assertEqual(list(Article.objects.values_list("file_name", flat=True)), ["good.txt"])
        self.assertIn(f"{len(cases)} failed", out)
        self.assertNotIn("Traceback", err)

    def test_file_larger_than_the_limit_is_refused_before_reading(self):
        path = self.write("big.txt", ARTICLE + "x" * 2000)
        with mock.patch("articles.reading.files.os.fdopen", side_effect=AssertionError("read")):
            found = outcomes(path, max_bytes=1000)
        self.assertEqual(found["big.txt"][0], "failed")
        self.assertIn("larger than the limit", found["big.txt"][1])
        out, err, code = run_import(path, "--max-bytes", "1000")
        self.assertEqual(code, 1)
        self.assertIn("larger than the limit", err)
        self.assertEqual(Article.objects.count(), 0)

    def test_unreadable_file_fails_clearly(self):
        path = self.write("secret.txt", ARTICLE)
        self.write("readable.txt", ARTICLE.replace("Vienna", "Graz"))
        if os.geteuid() != 0:
            path.chmod(0)
            self.addCleanup(path.chmod, 0o644)
            found = outcomes(self.dir)
        else:  # root reads anything: simulate what chmod 000 does to everybody else
            real = importing.read_regular_file

            def read_regular_file(path, limit):
                if path.name == "secret.txt":
                    raise PermissionError(13, "Permission denied", str(path))
                return real(path, limit)

            with mock.patch.object(importing, "read_regular_file", read_regular_file):
                found = outcomes(self.dir)
        self.assertEqual(found["secret.txt"], ("failed", "permission denied"))
        self.assertEqual(found["readable.txt"][0], "created")
        self.assert_nothing_of("secret.txt")

    def test_other_os_errors_fail_clearly(self):
        path = self.write("flaky.txt", ARTICLE)
        with mock.patch.object(
            importing, "read_regular_file", side_effect=OSError(5, "Input/output error")
        ):
            found = outcomes(path)
        self.assertEqual(found["flaky.txt"], ("failed", "cannot be read (Input/output error)"))

    def test_nul_characters_never_reach_the_database(self):
        # UTF-16 text holding NUL characters: decoded, the NULs stripped, imported (PostgreSQL
        # would refuse the row otherwise)
        nul16 = ARTICLE.replace("Vienna.", "Vienna.\x00\x00").replace("met", "met\x00")
        self.write("nul-utf16.txt", nul16.encode("utf-16"))
        # a UTF-8 file with a stray NUL byte: refused as binary today (see the issue 8
        # report: stripping a few stray NULs would be kinder), never a database error
        self.write("nul-utf8.txt", ARTICLE.replace("Vienna.", "Vienna.\x00").encode("utf-8"))
        found = outcomes(self.dir)
        self.assertEqual(found["nul-utf16.txt"][0], "created", found)
        article = Article.objects.get(file_name="nul-utf16.txt")
        self.assertNotIn("\x00", article.text)
        self.assertEqual(article.text, ARTICLE)
        status, message = found["nul-utf8.txt"]
        if status == "failed":
            self.assertIn("NUL", message)
            self.assert_nothing_of("nul-utf8.txt")
        else:
            self.assertEqual(status, "duplicate", "the same text as nul-utf16.txt")
        for evidence in Evidence.objects.all():
            self.assertNotIn("\x00", evidence.text)


@tag("slow")
class LargeDirectoryTests(BadInputTestCase):
    FILES = 1000

    def test_a_thousand_files_with_a_few_bad_ones(self):
        bad = {
            "batch/0100/empty.txt": b"",
            "batch/0200/binary.txt": b"\x89PNG\r\n\x1a\n" + bytes(300),
            "batch/0300/invalid.txt": b"Talks \xc3\x28 \xe2\x28\xa1 " * 3
            + bytes(range(0x80, 0x100)) * 3,
            "batch/0400/too-big.txt": b"Talks. " * 200,
            "batch/0500/crash.txt": ARTICLE.replace("Zoë", "Ilse").encode(),
        }
        good = self.FILES - len(bad)
        for n in range(good):
            self.write(f"batch/{n // 100 * 100:04d}/note_{n:04d}.txt", small_article(n))
        for name, data in bad.items():
            self.write(name, data)
        self.write("batch/0600/photo.jpg", b"\xff\xd8\xff" + bytes(100))  # skipped

        real_statements = statement_step.load_statements

        def load_statements(state):
            real_statements(state)
            if state.document.file_name == "crash.txt":
                raise DatabaseError("disk full")  # after persons and meetings were written

        with mock.patch.object(statement_step, "load_statements", load_statements):
            out, err, code = run_import(self.dir, "--max-bytes", "1000")

        self.assertEqual(code, 1)
        self.assertEqual(Article.objects.count(), good)
        self.assertIn(f"{self.FILES + 1} files: {good} read, 1 skipped, {len(bad)} failed", out)
        failed = [line for line in err.splitlines() if line.startswith("FAILED ")]
        self.assertEqual(len(failed), len(bad), err)
        messages = {
            "empty.txt": "empty document",
            "binary.txt": "binary file",
            "invalid.txt": "not valid UTF-8",
            "too-big.txt": "larger than the limit",
            "crash.txt": "could not be written: disk full",
        }
        for name, message in messages.items():
            with self.subTest(name):
                (line,) = [line for line in failed if line.split(":")[0].endswith("/" + name)]
                self.assertIn(message, line)
                self.assert_nothing_of(name)
        # the crash came after its persons, meeting and statements were written: all rolled back
        self.assertFalse(Person.objects.filter(name__contains="Ilse").exists())
        self.assertFalse(Person.objects.filter(name__contains="Kjærsgaard").exists())
        self.assertFalse(Meeting.objects.exists())
        self.assertFalse(Statement.objects.exists())

        # a second run (the disk no longer full) adds the file that crashed, nothing else
        out, err, code = run_import(self.dir, "--max-bytes", "1000")
        self.assertEqual(code, 1)
        self.assertIn(f"1 new articles, 0 updated, {good} unchanged", out)
        self.assertEqual(Article.objects.count(), good + 1)
        self.assertEqual(Person.objects.filter(name__contains="Ilse").count(), 1)


class HostileFileSystemTests(BadInputTestCase):
    """The importer reads regular files only and never follows a link out of its folder."""

    def outside_file(self, text):
        outside = Path(self.enterContext(tempfile.TemporaryDirectory()))
        target = outside / "private.txt"
        target.write_text(text, encoding="utf-8")
        return target

    def test_a_link_out_of_the_folder_is_skipped_with_a_note(self):
        self.write("good.txt", ARTICLE)
        (self.dir / "passwd.txt").symlink_to(self.outside_file("root:x:0:0:secret line\n"))
        out, err, code = run_import(self.dir)
        self.assertEqual(code, 0)
        self.assertIn("passwd.txt: a symbolic link to", err)
        self.assertIn("outside the folder", err)
        self.assertEqual(list(Article.objects.values_list("file_name", flat=True)), ["good.txt"])

    def test_a_link_inside_the_folder_is_read_and_a_linked_folder_is_not_entered(self):
        self.write("sub/good.txt", ARTICLE)
        (self.dir / "alias.txt").symlink_to(self.dir / "sub" / "good.txt")
        (self.dir / "elsewhere").symlink_to(self.outside_file(ARTICLE).parent)
        found = outcomes(self.dir)
        self.assertEqual(found["alias.txt"][0], "created")
        self.assertEqual(found["good.txt"][0], "unchanged", "the same text as alias.txt")
        self.assertEqual(found["elsewhere"], ("skipped", importing.LINKED_FOLDER))
        self.assertNotIn("private.txt", found)

    def test_a_fifo_is_refused_without_blocking(self):
        os.mkfifo(self.dir / "pipe.txt")
        self.write("good.txt", ARTICLE)
        found = outcomes(self.dir)
        self.assertEqual(found["pipe.txt"], ("failed", "not a regular file (a FIFO)"))
        self.assertEqual(found["good.txt"][0], "created")

    def test_a_device_is_refused_and_never_read(self):
        if not os.path.exists("/dev/zero"):
            self.skipTest("no /dev/zero here")
        # named on the command line (inside a folder the link would be skipped as leading out)
        (self.dir / "zero.txt").symlink_to("/dev/zero")
        found = outcomes(self.dir / "zero.txt", max_bytes=1000)
        self.assertEqual(found["zero.txt"], ("failed", "not a regular file (a character device)"))

    def test_the_limit_holds_on_the_bytes_read_whatever_stat_says(self):
        path = self.write("grows.txt", ARTICLE + "x" * 5000)
        real_fstat = os.fstat

        def fstat_saying_empty(fd):
            result = real_fstat(fd)
            return os.stat_result((*result[:6], 0, *result[7:]))

        with mock.patch("articles.reading.files.os.fstat", fstat_saying_empty):
            found = outcomes(path, max_bytes=1000)
        self.assertEqual(found["grows.txt"][0], "failed")
        self.assertIn("larger than the limit", found["grows.txt"][1])

    def test_a_newline_in_a_file_name_stays_on_one_report_line(self):
        self.write("bad\nFAILED forged.txt", b"\x00" * 100)
        out, err, code = run_import(self.dir)
        self.assertEqual(code, 1)
        failed_lines = [line for line in err.splitlines() if line.startswith("FAILED")]
        self.assertEqual(len(failed_lines), 1, err)
        self.assertIn("bad\\nFAILED forged.txt: binary file", failed_lines[0])

    def test_utf8_with_its_last_character_cut_short_stays_utf8(self):
        data = ARTICLE.encode("utf-8") + "Öz".encode()[:1]
        self.write("cut.txt", data)
        self.assertEqual(outcomes(self.dir)["cut.txt"][0], "created")
        self.assertEqual(Article.objects.get().text, ARTICLE)


class DatabaseNotReadyTests(TestCase):
    """A database that cannot take an import is one clear line, before any file is read."""

    def test_unapplied_migrations_are_named(self):
        from django.db.migrations.executor import MigrationExecutor

        with mock.patch.object(MigrationExecutor, "migration_plan", return_value=[("m", False)]):
            with self.assertRaisesMessage(CommandError, "1 unapplied migration(s)"):
                call_command("import_articles", "nothing.txt", stdout=io.StringIO())

    def test_an_unreachable_database_is_named(self):
        from django.db import OperationalError, connection

        with mock.patch.object(
            connection, "ensure_connection", side_effect=OperationalError("connection refused")
        ):
            with self.assertRaisesMessage(CommandError, "cannot use the database"):
                call_command("import_articles", "nothing.txt", stdout=io.StringIO())

    def test_a_migrated_database_is_fine(self):
        from articles.importing import database_problem

        self.assertIsNone(database_problem())
