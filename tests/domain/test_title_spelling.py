"""A title made of participants' names spells them as the register (and the person's own
page) does: at import, after an editor renames a person, after a merge."""

from diplomacy.meeting_titles import respelt
from diplomacy.merging import merge_persons
from diplomacy.models import Meeting, Person, PersonName
from tests.builders import ImportTestCase, make_country, make_meeting, make_person, run_import


class RespeltTests(ImportTestCase):
    ROWS = [
        # (title, spellings, title shown)
        ("Meeting of Ann Vole and Bo Tarn", {"Anne Vole": "Ann Vole"}, "Meeting of Ann Vole and Bo Tarn"),
        ("Meeting of Anne Vole and Bo Tarn", {"Anne Vole": "Ann Vole"}, "Meeting of Ann Vole and Bo Tarn"),
        ("Call between Bo Tarn and Anne Vole", {"Anne Vole": "Ann Vole"}, "Call between Bo Tarn and Ann Vole"),
        # two spellings of one person, merged: named once
        ("Meeting of Anne Vole and Ann Vole", {"Anne Vole": "Ann Vole"}, "Meeting with Ann Vole"),
        # not the extractor's form: left alone
        ("Anne Vole's visit to the harbour", {"Anne Vole": "Ann Vole"}, "Anne Vole's visit to the harbour"),
        ("", {"Anne Vole": "Ann Vole"}, ""),
    ]  # fmt: skip

    def test_rows(self):
        for title, spellings, shown in self.ROWS:
            with self.subTest(title=title):
                self.assertEqual(respelt(title, spellings), shown)


class RespellingTests(ImportTestCase):
    def setUp(self):
        super().setUp()
        country = make_country("XA", "Arcadia")
        self.ann = make_person("Anne Vole", country)
        self.bo = make_person("Bo Tarn", country)
        self.talks = make_meeting("Meeting of Anne Vole and Bo Tarn", [self.ann, self.bo])
        self.named = make_meeting("Harbour Forum", [self.ann, self.bo])
        self.edited = make_meeting("Meeting of Anne Vole and Bo Tarn", [self.ann, self.bo])
        self.edited.lock("title")
        self.edited.save()

    def titles(self):
        return [Meeting.objects.get(pk=m.pk).title for m in (self.talks, self.named, self.edited)]

    def test_renaming_a_person_respells_the_generated_titles_of_their_meetings(self):
        ann = Person.objects.get(pk=self.ann.pk)
        ann.name = "Ann Vole"
        ann.save()
        self.assertEqual(
            self.titles(),
            [
                "Meeting of Ann Vole and Bo Tarn",
                "Harbour Forum",
                "Meeting of Anne Vole and Bo Tarn",
            ],
        )
        self.assertEqual(
            Meeting.objects.get(pk=self.talks.pk).history.first().history_change_reason,
            "Title spells a participant by their current name",
        )

    def test_a_merge_respells_the_merged_persons_names(self):
        survivor = make_person("Ann Vole", self.ann.country)
        merge_persons(survivor, [Person.objects.get(pk=self.ann.pk)])
        self.assertEqual(self.titles()[0], "Meeting of Ann Vole and Bo Tarn")

    def test_an_import_spells_a_known_person_by_the_register_name(self):
        make_country("XB", "Borduria")
        marek = make_person("Ivo Marek", self.ann.country)
        PersonName.objects.create(person=marek, name="Ivo Mareck")
        text = (
            "SAMPLE CITY, March 4, 2024 - Arcadian Foreign Minister Ivo Mareck met Bordurian "
            "Foreign Minister Cyril Marsh in Sample City on Monday."
        )
        run_import(self.write("talks.txt", text))
        titles = list(
            Meeting.objects.filter(participations__person=marek).values_list("title", flat=True)
        )
        self.assertEqual(titles, ["Meeting of Ivo Marek and Cyril Marsh"])
