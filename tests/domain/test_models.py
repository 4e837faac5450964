"""The data model's constraints and the curation state every curated record carries."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.test import TestCase

from diplomacy.models import (
    Article,
    Country,
    Evidence,
    Meeting,
    Organisation,
    OrganisationName,
    Participation,
    Person,
    PersonName,
    Position,
    Review,
    Statement,
    format_partial_date,
)


def article(text="Some text.", content_hash="h1"):
    return Article.objects.create(file_name="a.txt", text=text, content_hash=content_hash)


class ConstraintTests(TestCase):
    def assertRefused(self, make):
        with self.assertRaises(IntegrityError), transaction.atomic():
            make()

    def test_the_same_text_is_one_article(self):
        article(content_hash="same")
        self.assertRefused(lambda: article(content_hash="same"))

    def test_organisation_names_are_unique_by_key(self):
        Organisation.objects.create(name="Caspian Cooperation Organisation")
        self.assertRefused(
            lambda: Organisation.objects.create(name="Caspian Cooperation Organization")
        )

    def test_an_organisation_has_each_other_name_once(self):
        org = Organisation.objects.create(name="Example Body")
        OrganisationName.objects.create(organisation=org, name="The Body")
        self.assertRefused(
            lambda: OrganisationName.objects.create(organisation=org, name="the body")
        )

    def test_a_person_takes_part_in_a_meeting_once(self):
        person = Person.objects.create(name="Ana Test")
        meeting = Meeting.objects.create(date=dt.date(2024, 1, 1))
        Participation.objects.create(meeting=meeting, person=person)
        self.assertRefused(lambda: Participation.objects.create(meeting=meeting, person=person))

    def test_a_person_has_each_post_once_even_without_organisation(self):
        person = Person.objects.create(name="Ana Test")
        Position.objects.create(person=person, title="Envoy")
        self.assertRefused(lambda: Position.objects.create(person=person, title="Envoy"))

    def test_a_person_has_each_other_name_once(self):
        person = Person.objects.create(name="Ana Test")
        PersonName.objects.create(person=person, name="Anna Test")
        self.assertRefused(lambda: PersonName.objects.create(person=person, name="Anna Test"))

    def test_a_meeting_ends_after_it_starts(self):
        self.assertRefused(
            lambda: Meeting.objects.create(date=dt.date(2024, 5, 2), end_date=dt.date(2024, 5, 1))
        )

    def test_evidence_points_at_the_record_of_its_kind(self):
        a = article()
        self.assertRefused(
            lambda: Evidence.objects.create(article=a, kind="person", start=0, end=4)
        )
        self.assertRefused(
            lambda: Evidence.objects.create(
                article=a, kind="country", start=5, end=1, country=Country.objects.first()
            )
        )


class CurationStateTests(TestCase):
    def test_unreviewed_records_are_open_to_imports_until_an_editor_acts(self):
        person = Person.objects.create(name="Ana Test")
        self.assertFalse(person.is_locked("country"))
        person.lock("country")
        self.assertTrue(person.is_locked("country"))
        self.assertFalse(person.is_locked("gender"))
        person.review = Review.VERIFIED
        self.assertTrue(person.is_locked("gender"))

    def test_public_hides_rejected_records(self):
        Person.objects.create(name="Shown Person")
        Person.objects.create(name="Hidden Person", review=Review.REJECTED)
        self.assertEqual([p.name for p in Person.objects.public()], ["Shown Person"])

    def test_names_resolve_through_other_names_but_not_to_merged_records(self):
        survivor = Person.objects.create(name="Ana Test")
        PersonName.objects.create(person=survivor, name="Anna Testova")
        Person.objects.create(name="Anna Testova", merged_into=survivor)
        self.assertEqual(list(Person.objects.by_name("Anna Testova")), [survivor])

    def test_dates_are_shown_as_precisely_as_known(self):
        day = dt.date(2024, 5, 1)
        self.assertEqual(format_partial_date(day, "day"), "2024-05-01")
        self.assertEqual(format_partial_date(day, "month"), "2024-05")
        self.assertEqual(format_partial_date(day, "year"), "2024")
        meeting = Meeting.objects.create(date=day, date_precision="month")
        self.assertEqual(meeting.date_display, "2024-05")

    def test_statement_text_key_finds_the_same_words(self):
        a = Statement.objects.create(text="Peace, and cooperation!")
        b = Statement(text="peace and cooperation")
        b.save()
        self.assertEqual(a.text_key, b.text_key)

    def test_reference_data_is_loaded_by_migrate(self):
        self.assertEqual(Country.objects.count(), 249)
        sco = Organisation.objects.get(acronym="SCO")
        self.assertEqual(sco.kind, "intergovernmental")
        self.assertEqual(sco.review, Review.VERIFIED)  # curated already: not in the queue
        self.assertIn("KZ", set(sco.members.values_list("iso2", flat=True)))
        self.assertTrue(Organisation.objects.filter(parent=sco).exists())
