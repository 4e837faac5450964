"""The importer's plain-SQL reads (articles/sql.py) give what the ORM would."""

from django.test import TestCase

from articles import sql
from diplomacy.models import Statement
from tests.builders import make_person, make_statement


class FirstOfEachTests(TestCase):
    def test_each_speakers_first_statement_with_the_words(self):
        nadia, omar = make_person("Nadia Ostrova"), make_person("Omar Velcani")
        stock = "Both sides agreed to deepen ties."
        first_group = make_statement(stock)
        for _ in range(3):
            make_statement(stock)  # the same words from other reports, no speaker
        first_nadia = make_statement(stock, speaker=nadia)
        make_statement(stock, speaker=nadia)
        first_omar = make_statement(stock, speaker=omar)
        make_statement("Something else entirely.", speaker=nadia)
        rows = sql.first_of_each(
            Statement,
            ("text_key", "speaker_id"),
            ("speaker",),
            text_key__in={first_group.text_key},
            speaker_id__in={nadia.pk, omar.pk, None},
        )
        self.assertEqual(
            sorted(r.pk for r in rows), sorted([first_group.pk, first_nadia.pk, first_omar.pk])
        )

    def test_the_fields_asked_for_are_converted_and_the_others_read_when_needed(self):
        locked = make_statement("Words an editor linked.", locked_fields=["meeting"])
        (row,) = sql.first_of_each(
            Statement,
            ("text_key",),
            ("locked_fields", "text_key", "review"),  # not in the model's order
            text_key__in={locked.text_key},
        )
        with self.assertNumQueries(0):
            self.assertTrue(row.is_locked("meeting"))  # JSON decoded as the ORM does
            self.assertEqual(row.text_key, locked.text_key)
        with self.assertNumQueries(1):
            self.assertEqual(row.text, "Words an editor linked.")

    def test_an_empty_list_of_keys_asks_nothing(self):
        make_statement("Anything at all.")
        with self.assertNumQueries(0):
            rows = sql.first_of_each(Statement, ("text_key",), (), text_key__in=set())
        self.assertEqual(rows, [])


class CandidateMeetingsTests(TestCase):
    """An import reads, of the register's meetings in a document's date windows, only
    those ``identity.same_meeting`` could accept (``loading.meetings._could_match_sql``)."""

    def setUp(self):
        from articles.extraction.types import MeetingCandidate
        from tests.builders import DAY, make_meeting

        self.lena, self.oskar, self.pia = (
            make_person("Lena Varga"),
            make_person("Oskar Brandt"),
            make_person("Pia Holm"),
        )
        self.theirs = make_meeting("Talks", [self.lena, self.oskar], date=DAY)
        self.others = make_meeting("Other talks", [self.pia], date=DAY)
        self.gathering = make_meeting("Forum of Examples", [self.pia], date=DAY, kind="forum")
        self.candidate = lambda kind: MeetingCandidate(0, 1, kind, date=DAY)

    def read(self, kind, people, previous=()):
        from articles.loading.meetings import _earlier_meetings

        found = _earlier_meetings([self.candidate(kind)], ({p.pk for p in people}, set(previous)))
        return {m.pk for m in found}

    def test_a_bilateral_reads_only_the_meetings_of_its_people(self):
        self.assertEqual(self.read("bilateral", [self.lena]), {self.theirs.pk})

    def test_a_gathering_also_reads_the_gatherings_without_its_people(self):
        self.assertEqual(self.read("forum", [self.lena]), {self.theirs.pk, self.gathering.pk})

    def test_what_the_previous_version_reported_is_read_whoever_took_part(self):
        self.assertEqual(self.read("bilateral", [], previous=[self.others.pk]), {self.others.pk})
