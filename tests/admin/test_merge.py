import datetime

from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import reverse

from diplomacy.merging import merge_organisations, merge_persons, split_person
from diplomacy.models import (
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
)
from tests.builders import make_article, make_country, make_editor, make_evidence


class MergePersonsTests(TestCase):
    def setUp(self):
        self.editor = User.objects.create_user("editor", is_staff=True)
        self.country = make_country()
        self.survivor = Person.objects.create(name="Orsolya Vantrell", country=self.country)
        self.other = Person.objects.create(name="Orsolia Vantrel")
        self.talks = Meeting.objects.create(title="Velmar talks")
        self.summit = Meeting.objects.create(title="Harbour summit")
        self.article = make_article(
            "Orsolia Vantrel met the delegation. Orsolya Vantrell spoke later."
        )

    def test_participation_in_the_same_meeting_becomes_one(self):
        kept = Participation.objects.create(meeting=self.talks, person=self.survivor)
        clash = Participation.objects.create(meeting=self.talks, person=self.other, role="Envoy")
        moved = Participation.objects.create(meeting=self.summit, person=self.other)
        evidence = make_evidence(self.article, clash, "Orsolia Vantrel met")

        merge_persons(self.survivor, [self.other], user=self.editor)

        self.assertEqual(
            set(self.survivor.participations.values_list("pk", flat=True)), {kept.pk, moved.pk}
        )
        kept.refresh_from_db()
        self.assertEqual(kept.role, "Envoy")
        evidence.refresh_from_db()
        self.assertEqual(evidence.participation_id, kept.pk)

    def test_names_statements_evidence_and_positions_move_to_the_survivor(self):
        PersonName.objects.create(person=self.other, name="O. Vantrel")
        PersonName.objects.create(person=self.other, name="Orsolya V.")
        PersonName.objects.create(person=self.survivor, name="Orsolya V.")
        statement = Statement.objects.create(speaker=self.other, text="We welcome the talks.")
        evidence = make_evidence(self.article, self.other, "Orsolia Vantrel")
        Position.objects.create(person=self.survivor, title="Envoy", country=self.country)
        duplicate = Position.objects.create(person=self.other, title="Envoy", country=self.country)
        make_evidence(self.article, duplicate, "met the delegation")
        Position.objects.create(person=self.other, title="Minister of Trade")

        merge_persons(self.survivor, [self.other], user=self.editor)

        names = dict(self.survivor.names.values_list("name", "from_editor"))
        self.assertEqual(set(names), {"Orsolia Vantrel", "O. Vantrel", "Orsolya V."})
        self.assertTrue(names["Orsolia Vantrel"])
        statement.refresh_from_db()
        self.assertEqual(statement.speaker, self.survivor)
        evidence.refresh_from_db()
        self.assertEqual(evidence.person, self.survivor)
        self.assertEqual(
            sorted(self.survivor.positions.values_list("title", flat=True)),
            ["Envoy", "Minister of Trade"],
        )
        self.assertEqual(Evidence.objects.filter(position__person=self.survivor).count(), 1)
        # later imports find the survivor under the merged spelling
        self.assertIn(self.survivor, Person.objects.by_name("Orsolia Vantrel"))

    def test_merged_person_is_rejected_and_points_at_the_survivor(self):
        merge_persons(self.survivor, [self.other], user=self.editor)
        self.other.refresh_from_db()
        self.assertEqual(self.other.merged_into, self.survivor)
        self.assertEqual(self.other.review, Review.REJECTED)
        self.assertNotIn(self.other, Person.objects.public())

    def test_merge_is_recorded_in_history_and_admin_log(self):
        merge_persons(self.survivor, [self.other], user=self.editor)
        record = self.survivor.history.first()
        self.assertEqual(
            record.history_change_reason, "Merged Orsolia Vantrel into Orsolya Vantrell"
        )
        self.assertEqual(record.history_user, self.editor)
        entry = LogEntry.objects.get(object_id=str(self.survivor.pk))
        self.assertEqual(entry.user, self.editor)
        self.assertIn("Merged Orsolia Vantrel into Orsolya Vantrell", entry.change_message)

    def test_earlier_merges_follow_to_the_new_survivor(self):
        older = Person.objects.create(name="Orsi Vantrell", merged_into=self.other)
        merge_persons(self.survivor, [self.other])
        older.refresh_from_db()
        self.assertEqual(older.merged_into, self.survivor)

    def test_merging_a_person_into_itself_does_nothing(self):
        self.assertEqual(merge_persons(self.survivor, [self.survivor]), [])
        self.assertEqual(self.survivor.names.count(), 0)


class MergeOrganisationsTests(TestCase):
    def test_names_evidence_positions_meetings_organs_and_members_move(self):
        editor = User.objects.create_user("editor", is_staff=True)
        avaloria, brenmark = make_country(), make_country("XB", "Brenmark")
        survivor = Organisation.objects.create(name="Council of Northern Harbours")
        survivor.members.add(avaloria)
        other = Organisation.objects.create(name="Northern Harbours Council", acronym="NHC")
        other.members.add(brenmark)
        OrganisationName.objects.create(organisation=other, name="Harbour Council")
        organ = Organisation.objects.create(name="Harbour Secretariat", parent=other)
        meeting = Meeting.objects.create(title="Harbour ministers", organisation=other)
        person = Person.objects.create(name="Ilvar Dunmore")
        Position.objects.create(person=person, title="Secretary-General", organisation=survivor)
        clash = Position.objects.create(
            person=person, title="Secretary-General", organisation=other
        )
        article = make_article("The Northern Harbours Council met. Its Secretary-General spoke.")
        evidence = make_evidence(article, other, "Northern Harbours Council")
        make_evidence(article, clash, "Secretary-General")

        merge_organisations(survivor, [other], user=editor)

        self.assertFalse(Organisation.objects.filter(pk=other.pk).exists())
        self.assertEqual(
            set(survivor.names.values_list("name", flat=True)),
            {"Northern Harbours Council", "NHC", "Harbour Council"},
        )
        self.assertEqual(survivor.acronym, "NHC")
        self.assertEqual(set(survivor.members.all()), {avaloria, brenmark})
        evidence.refresh_from_db()
        self.assertEqual(evidence.organisation, survivor)
        meeting.refresh_from_db()
        self.assertEqual(meeting.organisation, survivor)
        organ.refresh_from_db()
        self.assertEqual(organ.parent, survivor)
        self.assertEqual(person.positions.count(), 1)
        self.assertEqual(Evidence.objects.filter(position__organisation=survivor).count(), 1)
        self.assertIn(survivor, Organisation.objects.by_name("Harbour Council"))
        self.assertEqual(
            survivor.history.first().history_change_reason,
            "Merged Northern Harbours Council into Council of Northern Harbours",
        )


class SplitPersonTests(TestCase):
    def test_split_moves_the_selected_mentions_and_the_matching_name(self):
        editor = User.objects.create_user("editor", is_staff=True)
        person = Person.objects.create(name="Keld Arnason")
        PersonName.objects.create(person=person, name="Keld Arnesen")
        PersonName.objects.create(person=person, name="K. Arnason")
        article = make_article("Keld Arnason opened the forum. Keld Arnesen, a banker, replied.")
        stays = make_evidence(article, person, "Keld Arnason")
        wrong = make_evidence(article, person, "Keld Arnesen")

        new = split_person(person, [wrong.pk], "", user=editor)

        self.assertEqual(new.name, "Keld Arnesen")
        self.assertIn("name", new.locked_fields)
        wrong.refresh_from_db()
        stays.refresh_from_db()
        self.assertEqual(wrong.person, new)
        self.assertEqual(stays.person, person)
        self.assertEqual(list(person.names.values_list("name", flat=True)), ["K. Arnason"])
        self.assertEqual(list(new.names.values_list("name", flat=True)), ["Keld Arnesen"])
        self.assertEqual(Person.objects.by_name("Keld Arnesen").get(), new)
        reason = person.history.first().history_change_reason
        self.assertTrue(reason.startswith("Split 1 mention(s) of 'Keld Arnesen'"), reason)
        self.assertEqual(person.history.first().history_user, editor)

    def test_split_refuses_evidence_of_another_person(self):
        person = Person.objects.create(name="Keld Arnason")
        stranger = Person.objects.create(name="Maren Holt")
        article = make_article("Maren Holt arrived.")
        evidence = make_evidence(article, stranger, "Maren Holt")
        with self.assertRaises(ValueError):
            split_person(person, [evidence.pk], "Maren Holt")
        self.assertEqual(Person.objects.count(), 2)


class MergePageTests(TestCase):
    """The merge page shows what tells two namesakes apart, and warns."""

    def setUp(self):
        self.client.force_login(make_editor())
        self.arcadia = make_country("XA", "Arcadia")
        self.borduria = make_country("XB", "Borduria")

    def merge_page(self, *persons):
        response = self.client.post(
            reverse("admin:diplomacy_person_changelist"),
            {"action": "merge_selected", "_selected_action": [p.pk for p in persons]},
        )
        self.assertEqual(response.status_code, 200)
        return response

    def test_each_candidate_shows_country_posts_with_dates_names_and_counts(self):
        first = Person.objects.create(name="Ilse Marvek", country=self.arcadia)
        second = Person.objects.create(name="Ilse Marveck", country=self.arcadia)
        Position.objects.create(
            person=first,
            title="Minister of Harbours",
            country=self.arcadia,
            start=datetime.date(2024, 3, 1),
            end=datetime.date(2024, 9, 30),
        )
        Position.objects.create(person=second, title="Harbours Minister", country=self.arcadia)
        PersonName.objects.create(person=second, name="I. Marveck")
        Statement.objects.create(speaker=second, text="The quays will reopen.")
        response = self.merge_page(first, second)
        self.assertContains(response, "Arcadia", count=4)  # two countries, two posts
        self.assertContains(response, "Minister of Harbours")
        self.assertContains(response, "2024-03-01 – 2024-09-30")
        self.assertContains(response, "I. Marveck")
        self.assertContains(response, "1 statements")
        self.assertEqual(response.context["warnings"], [])

    def test_warns_about_different_countries_and_posts_that_never_meet(self):
        first = Person.objects.create(name="Ilse Marvek", country=self.arcadia)
        second = Person.objects.create(name="Ilse Marvek", country=self.borduria)
        third = Person.objects.create(name="Ilse Marvek")
        for person, year in [(first, 2019), (second, 2023)]:
            Position.objects.create(
                person=person,
                title="Minister of Harbours",
                start=datetime.date(year, 1, 1),
                end=datetime.date(year, 6, 1),
            )
        Position.objects.create(person=third, title="Ambassador to Borduria")
        response = self.merge_page(first, second, third)
        warnings = response.context["warnings"]
        self.assertIn("different countries (Arcadia, Borduria)", warnings[0])
        different_times = f"Ilse Marvek (#{first.pk}) and Ilse Marvek (#{second.pk}) held"
        self.assertTrue(any(w.startswith(different_times) for w in warnings[1:]), warnings)
        self.assertEqual(sum("hold no post in common" in w for w in warnings), 2, warnings)
        self.assertContains(response, "at different times")
