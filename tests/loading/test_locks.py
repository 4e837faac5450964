"""The advisory locks one document takes on PostgreSQL stay bounded (issue 15, item 4)."""

import unittest

from django.db import connection, transaction
from django.test import TestCase

from articles.loading.pipeline import LOCKS_PER_KIND, lock_names
from articles.loading.state import LoadState
from articles.resolution import CountryCache
from tests.builders import extract_text

SYLLABLES = "ka lo mi ren tu sa vo pel dri na gor est ul bin che zam".split()


def word(number):
    """An invented word of its own for each number."""
    digits = f"{number:x}"
    return "".join(SYLLABLES[int(d, 16)] for d in digits) + "a"


def quotations(n):
    """An invented article quoting one minister ``n`` times, each quotation distinct."""
    lines = [
        "Minister quoted\n\nVALDORA, March 4, 2024 (Agency) -- Foreign Minister Arvid Kessel "
        "of Norway met Ambassador Tomas Reyn in Valdora on Monday.\n"
    ]
    for i in range(n):
        words = " ".join(word(7 * i + k + 300) for k in range(7))
        lines.append(f'\n"We spoke about {words}," Kessel said.\n')
    return "".join(lines)


@unittest.skipUnless(connection.vendor == "postgresql", "advisory locks are PostgreSQL's")
class AdvisoryLockTests(TestCase):
    def held(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                "AND pid = pg_backend_pid()"
            )
            return cursor.fetchone()[0]

    def locks_for(self, text):
        document, extraction = extract_text(text)
        with transaction.atomic():
            lock_names(LoadState(document, extraction, CountryCache()))
            return len(extraction.statements), self.held()

    def test_a_small_document_locks_each_of_its_keys(self):
        statements, held = self.locks_for(quotations(5))
        self.assertEqual(statements, 5)
        self.assertGreater(held, statements)

    def test_a_document_of_thousands_of_quotations_takes_a_bounded_number_of_locks(self):
        statements, held = self.locks_for(quotations(3 * LOCKS_PER_KIND))
        self.assertGreater(statements, 2 * LOCKS_PER_KIND)
        self.assertLess(held, LOCKS_PER_KIND + 20)
