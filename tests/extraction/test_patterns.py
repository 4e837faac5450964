"""The extractors' data files: every word list well formed and used, every pattern row tested.

Each row of a pattern table (articles/extraction/patterns/*.toml) carries invented examples
and the record the finder must give for each; this test runs the real extractor on every
one, so a new pattern is tested by adding its row.
"""

import re
from pathlib import Path

from django.test import SimpleTestCase

from articles.extraction import patterns

EXTRACTION = Path(patterns.__file__).resolve().parent.parent


def code_of_extraction():
    """The source of every extraction module (word files are named there)."""
    return "\n".join(p.read_text() for p in EXTRACTION.rglob("*.py"))


class WordFileTests(SimpleTestCase):
    def test_every_word_file_says_what_it_is_and_has_no_duplicates(self):
        for name in patterns.word_file_names():
            with self.subTest(name):
                text = (patterns.WORDS / f"{name}.txt").read_text()
                self.assertTrue(text.startswith("# "), "a word file opens with what it is")
                entries = patterns.word_entries(name)
                self.assertTrue(entries)
                duplicates = {e for e in entries if entries.count(e) > 1}
                self.assertFalse(duplicates)

    def test_every_word_file_is_used(self):
        code = code_of_extraction()
        used = set(re.findall(r'(?:words|word_entries)\("([a-z_]+)"\)', code))
        self.assertEqual(set(patterns.word_file_names()) - used, set())
        self.assertEqual(used - set(patterns.word_file_names()), set())
