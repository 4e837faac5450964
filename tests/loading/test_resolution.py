"""Resolution: which spellings find an existing person, and which must stay apart."""

from unittest import skipUnless

from django.db import connection
from django.test import TestCase

from articles.extraction.types import PersonEntity
from articles.resolution import key_starts_with, resolve_persons
from diplomacy.models import Person, PersonName
from tests.builders import make_country


def entity(name, *aliases):
    return PersonEntity(name=name, aliases=list(aliases))


class FuzzyResolutionTests(TestCase):
    def resolve(self, name):
        (person,) = resolve_persons([entity(name)])
        return person

    def test_near_identical_spellings_find_the_person(self):
        pairs = [
            ("Pavol Hudak", "Pavol Hudakk"),
            ("Marguerite Lefebvre", "Marguerite Lefebre"),
            ("Tomasz Wierzbicki", "Tomasz Wierzbiki"),
            ("Ana Ferreira", "Ana Fereira"),  # a short given name: two-letter prefix
        ]
        for stored, seen in pairs:
            with self.subTest(seen=seen):
                person = Person.objects.create(name=stored)
                self.assertEqual(self.resolve(seen), person)

    def test_different_people_stay_apart(self):
        pairs = [
            ("Adyl Temirov", "Bolot Temirov"),  # same surname
            ("Pavol Hudak", "Pavel Hudec"),  # both names differ
            ("Helga Brandt", "Helga Brandt Weiss"),  # a different number of names
            ("Ana Ferreira", "Ana Pereira"),
        ]
        for stored, seen in pairs:
            with self.subTest(seen=seen):
                Person.objects.create(name=stored)
                self.assertIsNone(self.resolve(seen))

    def test_the_variant_is_found_among_many_similar_names(self):
        # thousands of persons share the first letters of the given name: the pool is
        # narrowed in the database and by the same tests, not cut off at an arbitrary size
        Person.objects.bulk_create(
            Person(name=f"Mara{i:04d} Surname{i:04d}", key=f"mara{i:04d}surname{i:04d}")
            for i in range(6000)
        )
        person = Person.objects.create(name="Mariusz Zielinski")
        self.assertEqual(self.resolve("Mariusz Zelinski"), person)

    def test_merged_person_resolves_to_the_survivor(self):
        survivor = Person.objects.create(name="Helga Brandt-Weiss")
        Person.objects.create(name="Helga Brant", merged_into=survivor)
        self.assertEqual(self.resolve("Helga Brant"), survivor)  # by its key
        self.assertEqual(self.resolve("Helga Brandt"), survivor)  # a variant of it

    def test_an_editors_name_wins_over_a_persons_own_name(self):
        chosen = Person.objects.create(name="Kemal Arslan")
        Person.objects.create(name="Kemal Arslanov")
        PersonName.objects.create(person=chosen, name="Kemal Arslanov", from_editor=True)
        self.assertEqual(self.resolve("Kemal Arslanov"), chosen)


class NameVariantResolutionTests(TestCase):
    """Another writing of a full name (identity.same_person across documents)."""

    def setUp(self):
        self.arcadia = make_country("XA", "Arcadia")

    def resolve(self, name, country="XA"):
        (person,) = resolve_persons([PersonEntity(name=name, country=country)])
        return person

    def test_a_writing_is_found_by_another_name_of_the_person(self):
        person = Person.objects.create(name="Khalid Merrani", country=self.arcadia)
        PersonName.objects.create(person=person, name="Khalid bin Faris bin Saqr Al Merrani")
        self.assertEqual(self.resolve("Khaled bin Faris al-Merrani"), person)

    def test_a_short_given_name_that_two_persons_may_bear_finds_neither(self):
        Person.objects.create(name="Jonathan Harlow", country=self.arcadia)
        Person.objects.create(name="John Harlow", country=self.arcadia)
        self.assertIsNone(self.resolve("Jon Harlow"))

    def test_a_chain_is_found_among_many_persons_of_its_first_letter(self):
        Person.objects.bulk_create(
            Person(name=f"Kamal{i:04d} bin Surname{i:04d}", key=f"kamal{i:04d}binsurname{i:04d}")
            for i in range(3000)
        )
        person = Person.objects.create(name="Khalid bin Faris Al Merrani", country=self.arcadia)
        self.assertEqual(self.resolve("Khaled bin Faris bin Saqr al-Merrani"), person)
        self.assertIsNone(self.resolve("Saif bin Faris Al Merrani"))


class KeyPrefixTests(TestCase):
    """The pools of spelling variants read persons by the start of their key as a range of
    the key index: the same persons as ``startswith``, without scanning the table."""

    def test_the_range_holds_exactly_the_keys_that_start_with_the_prefix(self):
        for name in ("Ab Cedar", "Abel Marrow", "Abz Quill", "Ac Dorn", "Aa Zell", "Bo Ab"):
            Person.objects.create(name=name)
        for prefix in ("ab", "a", "abe", "zz"):
            with self.subTest(prefix=prefix):
                ranged = Person.objects.filter(key_starts_with(prefix))
                liked = Person.objects.filter(key__startswith=prefix)
                self.assertEqual(set(ranged), set(liked))
        self.assertFalse(Person.objects.filter(key_starts_with("")).exists())

    @skipUnless(connection.vendor == "sqlite", "SQLite's query plan")
    def test_sqlite_reads_the_range_from_the_key_index(self):
        sql, params = Person.objects.filter(key_starts_with("ab")).query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(row) for row in cursor.fetchall())
        self.assertIn("USING INDEX", plan)
