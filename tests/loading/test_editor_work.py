"""An editor's work is never lost or undone by a re-import of a changed file (issue 15).

Invented article: three ministers meet, one of them is quoted. The editor verifies the
meeting and the statement, adds a post and another name to the quoted minister, removes
a participant, corrects a city or a name; then the file changes and is imported again.
"""

from django.urls import reverse

from diplomacy import curation_actions
from diplomacy.models import Meeting, Participation, Person, PersonName, Position, Statement
from tests.builders import ImportTestCase, change_form_data, make_editor, run_import

ARTICLE = """Three ministers meet in Lindau

LINDAU, June 3, 2024 (Agency) -- Austrian Foreign Minister Helga Brandt, Slovak Foreign \
Minister Pavol Hudak and Czech Foreign Minister Tomas Dvorak met in Lindau on Monday.

"Our railways must finally meet at the border," Dvorak said after the talks.
"""
WITHOUT_DVORAK = """Two ministers meet in Lindau

LINDAU, June 3, 2024 (Agency) -- Austrian Foreign Minister Helga Brandt and Slovak Foreign \
Minister Pavol Hudak met in Lindau on Monday.
"""
MORE = "\nThe ministers also discussed river shipping on the lake.\n"


class EditorWorkTests(ImportTestCase):
    def setUp(self):
        super().setUp()
        self.path = self.write("lindau.txt", ARTICLE)
        run_import(self.path)
        self.meeting = Meeting.objects.get()
        self.dvorak = Person.objects.get(name="Tomas Dvorak")

    def reimport(self, text):
        self.path.write_text(text, encoding="utf-8")
        out, err, code = run_import(self.path, "-v", "2")
        self.assertEqual(code, 0, err)
        return out

    def participants(self):
        return set(self.meeting.participations.values_list("person__name", flat=True))

    def test_a_changed_file_never_deletes_what_an_editor_touched(self):
        editor = make_editor()
        curation_actions.verify(Meeting.objects.all(), user=editor)
        curation_actions.verify(Statement.objects.all(), user=editor)
        Position.objects.create(person=self.dvorak, title="Chief Negotiator", from_editor=True)
        PersonName.objects.create(person=self.dvorak, name="Tomas Dvořák", from_editor=True)
        self.reimport(WITHOUT_DVORAK)
        dvorak = Person.objects.get(pk=self.dvorak.pk)
        self.assertTrue(dvorak.positions.filter(title="Chief Negotiator").exists())
        self.assertTrue(dvorak.names.filter(name="Tomas Dvořák").exists())
        self.assertEqual(self.participants(), {"Helga Brandt", "Pavol Hudak", "Tomas Dvorak"})
        self.assertEqual(Statement.objects.get().speaker, dvorak)
        self.assertEqual(Meeting.objects.count(), 1)

    def test_a_person_only_an_editors_record_points_to_is_kept(self):
        curation_actions.verify(Statement.objects.all())
        self.reimport(WITHOUT_DVORAK)
        self.assertEqual(Statement.objects.get().speaker_id, self.dvorak.pk)

    def test_what_no_editor_touched_is_removed_with_a_history_row(self):
        self.reimport(WITHOUT_DVORAK)
        self.assertFalse(Person.objects.filter(pk=self.dvorak.pk).exists())
        removal = Person.history.filter(id=self.dvorak.pk, history_type="-")
        self.assertEqual(removal.count(), 1)
        self.assertIn("re-import", removal.get().history_change_reason)

    def test_a_participant_an_editor_removed_stays_removed(self):
        editor = make_editor()
        participation = self.meeting.participations.get(person=self.dvorak)
        participation._history_user = editor
        participation.delete()
        self.reimport(ARTICLE + MORE)
        self.assertEqual(self.participants(), {"Helga Brandt", "Pavol Hudak"})
        # another article reporting the same meeting does not bring him back either
        run_import(self.write("other.txt", ARTICLE.replace("Lindau on", "Lindau, Germany, on")))
        self.assertEqual(Meeting.objects.count(), 1)
        self.assertEqual(self.participants(), {"Helga Brandt", "Pavol Hudak"})

    def test_a_city_an_editor_corrected_is_still_the_same_meeting(self):
        self.meeting.city = "Bregenz"
        self.meeting.lock("city")
        self.meeting.save()
        self.reimport(ARTICLE + MORE)
        self.assertEqual(list(Meeting.objects.values_list("city", flat=True)), ["Bregenz"])

    def test_a_name_an_editor_corrected_is_still_the_same_person(self):
        editor = make_editor()
        self.client.force_login(editor)
        url = reverse("admin:diplomacy_person_change", args=[self.dvorak.pk])
        response = self.client.post(
            url, change_form_data(self.client.get(url), name="Tomasz Dworak", _save="Save")
        )
        self.assertEqual(response.status_code, 302)
        self.reimport(ARTICLE + MORE)
        self.assertEqual(Person.objects.count(), 3)
        self.assertEqual(Person.objects.get(pk=self.dvorak.pk).name, "Tomasz Dworak")
        self.assertEqual(Statement.objects.get().speaker_id, self.dvorak.pk)
        self.assertEqual(Participation.objects.filter(person__name="Tomasz Dworak").count(), 1)
