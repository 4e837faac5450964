"""Resolution: which spellings find an existing person, and which must stay apart."""

from django.test import TestCase

from articles.extraction.types import PersonEntity
from articles.resolution import resolve_persons
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
