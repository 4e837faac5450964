"""``import_articles --dry-run`` prints the records it would write, and writes nothing."""

from diplomacy.models import Article, Meeting, Person
from tests.builders import ImportTestCase, run_import

ARTICLE = """Ministers discuss the harbour

MARLOW, June 3, 2024 (Agency) -- Fijian Foreign Minister Lisiate Vuna held talks with \
Tongan Foreign Minister Sione Hala in Marlow on Monday.

"The harbour will reopen in September," Vuna told reporters after the talks.
"""


class DryRunTests(ImportTestCase):
    def test_prints_each_record_it_would_write(self):
        path = self.write("harbour.txt", ARTICLE)
        out, _, code = run_import(path, "--dry-run")
        self.assertEqual(code, 0)
        self.assertIn("harbour.txt: would write", out)
        self.assertIn(
            "  meeting 1: 2024-06-03, Marlow, bilateral 'Meeting of Lisiate Vuna and Sione "
            "Hala': Lisiate Vuna, Sione Hala",
            out,
        )
        self.assertIn(
            "  statement by Lisiate Vuna at meeting 1 (said): 'The harbour will reopen in "
            "September'",
            out,
        )
        self.assertIn("  person Lisiate Vuna (FJ): Foreign Minister", out)
        self.assertIn("  person Sione Hala (TO): Foreign Minister", out)
        self.assertFalse(Article.objects.exists() or Meeting.objects.exists())
        self.assertFalse(Person.objects.exists())

    def test_quiet_dry_run_prints_nothing(self):
        path = self.write("harbour.txt", ARTICLE)
        out, _, _ = run_import(path, "--dry-run", "-v", "0")
        self.assertEqual(out, "")
