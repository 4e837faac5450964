"""The admin's list filters and honest counts."""

from django.test import TestCase
from django.urls import reverse

from diplomacy.models import Meeting, Person, Statement
from diplomacy.pagination import EstimatedCountPaginator
from tests.builders import make_country, make_editor, make_meeting, make_person, make_statement


class AdminListTestCase(TestCase):
    def setUp(self):
        self.client.force_login(make_editor())

    def listed(self, model_name, **params):
        response = self.client.get(reverse(f"admin:diplomacy_{model_name}_changelist"), params)
        self.assertEqual(response.status_code, 200)
        return response, sorted(str(obj) for obj in response.context["cl"].result_list)


class CountryFilterTests(AdminListTestCase):
    def setUp(self):
        super().setUp()
        self.arcadia = make_country("XA", "Arcadia")
        make_person("Ada Quillon", country=self.arcadia)
        make_person("Bo Tressel")

    def test_a_typed_box_with_suggestions_instead_of_a_list_of_links(self):
        response, _ = self.listed("person")
        self.assertContains(response, '<datalist id="country-filter-list">')
        self.assertContains(response, '<option value="Arcadia" label="XA">')
        self.assertNotContains(response, "?country__id__exact=")

    def test_filter_by_name_or_code_any_case_or_by_no_country(self):
        for value in ["Arcadia", "arcadia", "xa"]:
            with self.subTest(value=value):
                self.assertEqual(self.listed("person", country=value)[1], ["Ada Quillon"])
        self.assertEqual(self.listed("person", country="none")[1], ["Bo Tressel"])
        response, rows = self.listed("person", country="Atlantis")
        self.assertEqual(rows, [])
        self.assertContains(response, "No country is called")

    def test_the_box_keeps_the_other_filters_and_the_search(self):
        response, _ = self.listed("person", q="Ada", review="unreviewed")
        self.assertContains(response, '<input type="hidden" name="q" value="Ada">')
        self.assertContains(response, '<input type="hidden" name="review" value="unreviewed">')

    def test_meetings_and_organisations_have_it_too(self):
        make_meeting("Quay talks", country=self.arcadia)
        make_meeting("Reef talks")
        self.assertEqual(self.listed("meeting", country="XA")[1], ["Quay talks"])
        self.assertContains(self.listed("organisation")[0], "country-filter-list")


class MissingFilterTests(AdminListTestCase):
    def test_statements_without_a_matched_speaker(self):
        make_statement("The pier opens.", speaker=make_person("Ada Quillon"))
        make_statement("The reef is closed.", speaker_text="a spokesperson")
        _, rows = self.listed("statement", speaker_matched="no")
        self.assertEqual(rows, ["a spokesperson: The reef is closed."])
        _, rows = self.listed("statement", speaker_matched="yes")
        self.assertEqual(rows, ["Ada Quillon: The pier opens."])

    def test_meetings_without_a_date(self):
        make_meeting("Quay talks")
        make_meeting("Reef talks", date=None)
        self.assertEqual(self.listed("meeting", date_known="no")[1], ["Reef talks"])


class HonestCountTests(AdminListTestCase):
    def test_count_past_the_cap_says_plus(self):
        for i in range(5):
            Statement.objects.create(text=f"Line {i}")
        paginator = EstimatedCountPaginator(Statement.objects.all(), 2)
        paginator.cap = 3
        self.assertEqual(paginator.count, 3)
        self.assertEqual(paginator.count_label, "3+")
        exact = EstimatedCountPaginator(Statement.objects.all(), 2)
        self.assertEqual(exact.count_label, f"{Statement.objects.count():,}")

    def test_change_list_and_search_say_plus_past_the_cap(self):
        Meeting.objects.bulk_create(Meeting(title=f"Round {i}") for i in range(4))
        cap = EstimatedCountPaginator.cap
        EstimatedCountPaginator.cap = 3
        try:
            response, _ = self.listed("meeting", q="round")
        finally:
            EstimatedCountPaginator.cap = cap
        self.assertContains(response, "3+ results")
        self.assertContains(response, "3+ meetings")
        self.assertContains(response, "Select all 3+ meetings")

    def test_small_counts_are_exact_with_separators(self):
        Person.objects.bulk_create(Person(name=f"Row {i}", key=f"row{i}") for i in range(3))
        response, _ = self.listed("person", q="row")
        self.assertContains(response, "3 results")
