"""Backup and restore: `backup_json` then `import_json` into an empty register gives back
every record, link, review status and lock, with the same ids."""

import io
import json
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase

from diplomacy.merging import merge_persons
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
)

from .test_faults import write_articles

ARTICLES = 12


def backup():
    """The register's backup, parsed (without anything that may differ between two runs)."""
    stream = io.StringIO()
    call_command("backup_json", stdout=stream)
    return json.loads(stream.getvalue())


def sorted_backup(data):
    return {
        name: sorted(json.dumps(row, sort_keys=True) for row in rows)
        if isinstance(rows, list)
        else rows
        for name, rows in data.items()
    }


def empty_the_register():
    """What a freshly migrated database holds: the reference countries and organisations."""
    Evidence.objects.all().delete()
    Statement.objects.all().delete()
    Participation.objects.all().delete()
    Meeting.objects.all().delete()
    Position.objects.all().delete()
    PersonName.objects.all().delete()
    Person.objects.all().delete()
    Article.objects.all().delete()
    OrganisationName.objects.all().delete()
    Organisation.objects.all().delete()
    call_command("load_reference", stdout=io.StringIO(), stderr=io.StringIO())


class BackupRestoreTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with tempfile.TemporaryDirectory() as tmp:
            write_articles(Path(tmp), ARTICLES)
            call_command("import_articles", tmp, "--no-progress", stdout=io.StringIO())

    def curate(self):
        """An editor's work: verify, reject, lock, name, merge, link."""
        persons = list(Person.objects.order_by("pk"))
        verified, locked, survivor, duplicate = persons[:4]
        verified.review = Review.VERIFIED
        verified.save()
        locked.country = Country.objects.get(iso2="IS")
        locked.lock("country")
        locked.save()
        PersonName.objects.create(person=survivor, name="Editor Given Name", from_editor=True)
        merge_persons(survivor, [duplicate])

        meeting = Meeting.objects.order_by("pk").first()
        meeting.review = Review.REJECTED
        meeting.save()
        other = Meeting.objects.order_by("pk")[1]
        other.city = "Edited <City>"
        other.lock("city")
        other.save()
        Participation.objects.filter(meeting=other).update(role="Head of <delegation>")

        statement = Statement.objects.order_by("pk").first()
        statement.text = "An editor's <b>corrected</b> quotation"
        statement.lock("text")
        statement.review = Review.VERIFIED
        statement.save()

        # imports no longer create bodies only implied by a title: make one if none came
        organisation = Organisation.objects.filter(reference="").order_by("pk").first()
        if organisation is None:
            organisation = Organisation.objects.create(name="Harbour Cooperation Council")
        organisation.parent = Organisation.objects.get(acronym="UN")
        organisation.members.add(*Country.objects.filter(iso2__in=["AT", "KZ"]))
        organisation.save()
        OrganisationName.objects.create(organisation=organisation, name="Its Other Name")

        country = Country.objects.get(iso2="KG")
        country.other_names = [*country.other_names, "An Editor's Kyrgyz Name"]
        country.save()
        return {
            "verified": verified.pk,
            "locked": locked.pk,
            "survivor": survivor.pk,
            "duplicate": duplicate.pk,
        }

    def test_restore_into_an_empty_register_gives_the_same_backup(self):
        people = self.curate()
        before = backup()
        self.assertEqual(before["format"], "diplomacy-backup/1")
        self.assertEqual(len(before["articles"]), ARTICLES)

        empty_the_register()
        self.assertFalse(Person.objects.exists())
        with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as file:
            json.dump(before, file)
            file.flush()
            out = io.StringIO()
            call_command("import_json", file.name, stdout=out)
        self.assertIn(f"{ARTICLES} articles", out.getvalue())

        after = backup()
        self.assertEqual(sorted_backup(after), sorted_backup(before))

        # and the things that matter, spelled out
        self.assertEqual(Person.objects.get(pk=people["verified"]).review, Review.VERIFIED)
        locked = Person.objects.get(pk=people["locked"])
        self.assertEqual((locked.country.iso2, locked.locked_fields), ("IS", ["country"]))
        duplicate = Person.objects.get(pk=people["duplicate"])
        self.assertEqual(duplicate.merged_into_id, people["survivor"])
        self.assertTrue(PersonName.objects.get(name="Editor Given Name").from_editor)
        self.assertEqual(Meeting.objects.filter(review=Review.REJECTED).count(), 1)
        self.assertTrue(Participation.objects.filter(role="Head of <delegation>").exists())
        self.assertEqual(
            Statement.objects.get(text__startswith="An editor's").locked_fields, ["text"]
        )
        self.assertIn("An Editor's Kyrgyz Name", Country.objects.get(iso2="KG").other_names)
        organisation = Organisation.objects.get(names__name="Its Other Name")
        self.assertEqual(organisation.parent.acronym, "UN")
        self.assertEqual(sorted(organisation.members.values_list("iso2", flat=True)), ["AT", "KZ"])
        for evidence in Evidence.objects.select_related("article"):
            self.assertEqual(
                evidence.article.text[evidence.start : evidence.end][:500], evidence.text
            )

    def test_after_a_restore_new_records_get_new_ids(self):
        data = backup()
        highest = Person.objects.order_by("-pk").first().pk
        empty_the_register()
        call_command("import_json", "-", stdin=io.StringIO(json.dumps(data)), stdout=io.StringIO())
        with tempfile.TemporaryDirectory() as tmp:
            write_articles(Path(tmp), 3, start=500)
            call_command("import_articles", tmp, "--no-progress", stdout=io.StringIO())
        self.assertEqual(Article.objects.count(), ARTICLES + 3)
        person = Person.objects.create(name="Quentin Marlowe-Fisk")
        self.assertGreater(person.pk, highest)

    def test_a_public_export_is_refused_with_a_clear_message(self):
        stream = io.StringIO()
        call_command("export_json", stdout=stream)
        empty_the_register()
        with tempfile.NamedTemporaryFile("w", suffix=".json") as file:
            file.write(stream.getvalue())
            file.flush()
            with self.assertRaisesMessage(CommandError, "public export (diplomacy-export/1)"):
                call_command("import_json", file.name)
        self.assertFalse(Person.objects.exists())

    def test_restoring_over_a_register_that_is_not_empty_is_refused(self):
        data = json.dumps(backup())
        persons = Person.objects.count()
        with self.assertRaisesMessage(CommandError, "the database is not empty"):
            call_command("import_json", "-", stdin=io.StringIO(data))
        self.assertEqual(Person.objects.count(), persons)

    def test_broken_files_are_refused(self):
        for content, message in (
            ("{", "not a JSON file"),
            ("[]", "not a register backup"),
            ('{"format": "something/2"}', "unknown format"),
            ('{"format": "diplomacy-backup/1", "countries": []}', "incomplete backup"),
        ):
            with self.subTest(content), self.assertRaisesMessage(CommandError, message):
                call_command("import_json", "-", stdin=io.StringIO(content))
        with self.assertRaisesMessage(CommandError, "cannot be read"):
            call_command("import_json", "/nonexistent/backup.json")

    def test_backup_to_a_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "register.json"
            call_command("backup_json", "--output", str(target), stderr=io.StringIO())
            data = json.loads(target.read_text(encoding="utf-8"))
            self.assertEqual([p.name for p in Path(tmp).iterdir()], ["register.json"])
        self.assertEqual(len(data["evidence"]), Evidence.objects.count())
