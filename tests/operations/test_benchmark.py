"""The benchmark command: one table with import, memory, page and admin rows."""

import io
from unittest import mock

from django.core.management import CommandError, call_command
from django.test import Client, TestCase, tag
from django.urls import reverse

from bench import benchmarking
from bench.synthetic.records import build_register


def run_benchmark(*args):
    out = io.StringIO()
    call_command("benchmark", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@tag("slow")
class BenchmarkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_register(meetings=20, persons=10, statements=50, seed=1)

    def test_benchmark_runs_end_to_end_and_prints_one_table(self):
        out = run_benchmark(
            "--articles",
            "4",
            "--skip-memory",
            "--register-articles",
            "0",
            "--requests",
            "2",
            "--quote-bytes",
            "20000",
        )
        self.assertIn("- machine:", out)
        self.assertIn("- database:", out)
        self.assertIn("meetings 20", out)
        table = [line for line in out.splitlines() if line.startswith("|")]
        self.assertEqual(table[0], "| measure | value | p50 ms | p95 ms | queries | target | ok |")
        measures = [line.split("|")[1].strip() for line in table[2:]]
        for expected in (
            "import 4 articles, 1 process",
            "import 4 articles, --workers 2",
            "home",
            "meetings list",
            "statements list",
            "persons list",
            "organisations list",
            "countries list",
            "full-text search (2 words)",
            "meeting detail",
            "person detail",
            "statement detail",
            "country detail",
            "admin diplomacy.meeting change list",
            "admin diplomacy.statement change list",
        ):
            self.assertIn(expected, measures)
        self.assertTrue(any(m.startswith("meetings list, filtered") for m in measures))
        self.assertFalse(any(m.startswith("peak RSS") for m in measures))
        quotes_row = next(line for line in table if "quotations" in line)
        self.assertRegex(quotes_row, r"one 0\.0 MB file of [\d,]+ quotations")
        self.assertRegex(quotes_row, r"×[\d.]+ for twice the size")
        import_row = next(line for line in table if "1 process" in line)
        self.assertRegex(import_row, r"[\d.]+ articles/s, [\d,]+ words/s")
        page_row = next(line for line in table if line.startswith("| meetings list |"))
        self.assertRegex(page_row, r"\| [\d.]+ \| [\d.]+ \| \d+ \|")
        self.assertNotIn("HTTP 5", out)

    def test_a_page_that_does_not_exist_yet_is_reported_as_not_available(self):
        real = benchmarking._reverse

        def without_search(name, *args):
            return None if name == "site:search" else real(name, *args)

        with mock.patch.object(benchmarking, "_reverse", without_search):
            out = run_benchmark("--no-import", "--requests", "1")
        row = next(line for line in out.splitlines() if "full-text search (2 words)" in line)
        self.assertIn("n/a", row)
        self.assertNotIn("import", out.split("|", 1)[1])

    def test_memory_row_reports_peak_rss_of_the_import(self):
        with mock.patch.object(benchmarking, "write_corpus", wraps=benchmarking.write_corpus):
            out = run_benchmark(
                "--articles",
                "2",
                "--workers",
                "1",
                "--memory-articles",
                "2",
                "--register-articles",
                "0",
                "--no-floor",
                "--no-pages",
                "--quote-bytes",
                "0",
            )
        row = next(line for line in out.splitlines() if line.startswith("| peak RSS"))
        self.assertRegex(row, r"\d+ MB")

    def test_repeat_interleaves_the_settings_and_reports_the_fastest_run(self):
        times = iter([9.0, 4.0, 3.0, 8.0])  # 1 process, 2 workers, 1 process, 2 workers
        calls = []

        def fake_import(corpus, database_url, workers=1):
            calls.append(workers)
            seconds = next(times)
            return {
                "files": 3,
                "seconds": seconds,
                "words_per_second": 3000 / seconds,
                "wall": seconds + 1,
                "peak_rss": 2**20,
            }

        with mock.patch.object(benchmarking, "import_corpus", fake_import):
            out = run_benchmark(
                "--articles",
                "3",
                "--skip-memory",
                "--no-pages",
                "--repeat",
                "2",
                "--quote-bytes",
                "0",
                "--register-articles",
                "0",
                "--no-floor",
            )
        self.assertEqual(calls, [1, 2, 1, 2])
        single = next(line for line in out.splitlines() if "1 process" in line)
        workers = next(line for line in out.splitlines() if "--workers 2" in line)
        self.assertIn("(3.0 s;", single)
        self.assertIn("best of 2", single)
        self.assertIn("(4.0 s;", workers)
        self.assertIn("×0.75 vs 1 process", workers)

    def test_floor_and_growth_curve_rows(self):
        """The floor (tokenize + raw insert of the rows the import wrote) and the same
        articles into a register that already holds some, each against the import."""
        out = run_benchmark(
            "--articles",
            "3",
            "--workers",
            "1",
            "--skip-memory",
            "--register-articles",
            "4",
            "--no-pages",
            "--quote-bytes",
            "0",
        )
        table = [line for line in out.splitlines() if line.startswith("|")]
        floor = next(line for line in table if line.startswith("| floor:"))
        self.assertRegex(floor, r"[\d,]+ words/s \([\d.]+ s, CPU [\d.]+ s; articles 3, persons \d+")
        self.assertRegex(floor, r"evidence [\d,]+\)")
        ratio = next(line for line in table if "as a ratio to the floor" in line)
        self.assertRegex(ratio, r"\| ×[\d.]+ \(CPU ×[\d.]+")
        growth = next(line for line in table if "4-article register vs empty" in line)
        self.assertRegex(growth, r"×[\d.]+ \([\d.]+ s vs [\d.]+ s; CPU ×[\d.]+\)")
        single = next(line for line in table if "1 process |" in line)
        self.assertRegex(single, r"CPU [\d.]+ s, [\d,]+ words/CPU-s")
        self.assertIn("import 3 articles, 1 process", out)


class UnmigratedDatabaseTests(TestCase):
    """A fresh clone without `migrate`: the pages cannot be timed (one clear line); the
    import alone, which uses throw-away databases, still can."""

    def test_pages_on_an_unmigrated_database_say_so_in_one_line(self):
        problem = "the database has 40 unapplied migration(s): run `manage.py migrate` first"
        with mock.patch(
            "bench.management.commands.benchmark.database_problem", return_value=problem
        ):
            with self.assertRaisesMessage(CommandError, "--no-pages times the import alone"):
                run_benchmark("--no-import")

    def test_the_machine_line_names_the_problem_instead_of_counting_rows(self):
        with mock.patch("articles.importing.database_problem", return_value="not migrated"):
            lines = benchmarking.describe_machine()
        self.assertIn("rows: not migrated", lines)


class ProductionSettingsTests(TestCase):
    """The benchmark times pages as visitors get them: over HTTPS, so that production's
    redirect of plain HTTP (SECURE_SSL_REDIRECT) does not stand in for the page."""

    def test_the_benchmark_client_gets_the_page_not_a_redirect(self):
        with self.settings(SECURE_SSL_REDIRECT=True):
            response = benchmarking._client().get(reverse("site:meeting-list"))
        self.assertEqual(response.status_code, 200)

    def test_without_allowed_hosts_the_benchmark_still_gets_the_page(self):
        with self.settings(DEBUG=False, ALLOWED_HOSTS=[]):
            response = benchmarking._client().get(reverse("site:meeting-list"))
        self.assertEqual(response.status_code, 200)

    def test_a_redirect_is_a_bad_status(self):
        with self.settings(SECURE_SSL_REDIRECT=True):
            client = Client(HTTP_HOST="localhost")  # plain HTTP: redirected
            _, _, bad = benchmarking.measure_page(client, reverse("site:home"), 1)
        self.assertEqual(bad, 301)
