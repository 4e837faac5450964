"""Entity pages show what the register knows: other names, posts with their dates, the part
each person played at a meeting; charts say what they draw; long lists stay short."""

import datetime

from django.core.cache import cache
from django.test import SimpleTestCase, TestCase
from django.urls import reverse

from diplomacy import charts
from diplomacy.models import (
    Meeting,
    OrganisationName,
    Participation,
    PersonName,
    Position,
    Review,
)
from tests.builders import make_country, make_meeting, make_person, make_statement, make_world


class OtherNamesAndPostsTests(TestCase):
    def setUp(self):
        cache.clear()
        self.world = make_world()

    def test_person_page_lists_other_names_once_and_not_the_name_itself(self):
        anna = self.world["anna"]
        PersonName.objects.create(person=anna, name="Anna Testowa")
        PersonName.objects.create(person=anna, name="A. Testova")
        PersonName.objects.create(person=anna, name="anna testova")
        response = self.client.get(reverse("site:person-detail", args=[anna.pk]))
        self.assertEqual(response.context["other_names"], ["A. Testova", "Anna Testowa"])
        self.assertContains(response, "Also written")

    def test_organisation_page_lists_other_names(self):
        league = self.world["league"]
        OrganisationName.objects.create(organisation=league, name="Example League")
        response = self.client.get(reverse("site:organisation-detail", args=[league.pk]))
        self.assertContains(response, "Other names")
        self.assertContains(response, "Example League")

    def test_posts_show_first_and_last_attested_dates(self):
        anna = self.world["anna"]
        Position.objects.create(
            person=anna,
            title="Ambassador to Borduria",
            start=datetime.date(2021, 3, 4),
            end=datetime.date(2022, 7, 8),
        )
        Position.objects.create(person=anna, title="Special Envoy")
        html = self.client.get(reverse("site:person-detail", args=[anna.pk])).content.decode()
        self.assertIn(
            'from <time datetime="2021-03-04">2021-03-04</time> to '
            '<time datetime="2022-07-08">2022-07-08</time>',
            html,
        )
        self.assertIn('on <time datetime="2024-05-20">2024-05-20</time>', html)  # one date
        self.assertIn("no date", html)

    def test_organisation_posts_show_their_dates(self):
        league = self.world["league"]
        response = self.client.get(reverse("site:organisation-detail", args=[league.pk]))
        self.assertContains(response, 'on <time datetime="2024-05-20">2024-05-20</time>')


class PartAtTheMeetingTests(TestCase):
    def setUp(self):
        cache.clear()
        self.world = make_world()

    def part(self, person, meeting):
        participation = Participation.objects.select_related("person", "meeting").get(
            person=person, meeting=meeting
        )
        return participation.part, participation.post

    def test_part_is_chair_or_host_by_role_else_host_by_country_else_participant(self):
        w = self.world
        summit = make_meeting(
            "Summit in Sample City",
            [(w["boris"], "Co-Chair"), (w["carla"], "host"), (w["anna"], "Foreign Minister")],
            country=w["borduria"],
        )
        self.assertEqual(self.part(w["boris"], summit), ("chair", ""))
        self.assertEqual(self.part(w["carla"], summit), ("host", ""))
        self.assertEqual(self.part(w["anna"], summit), ("participant", "Foreign Minister"))
        # the talks took place in Arcadia, Anna's country
        self.assertEqual(self.part(w["anna"], w["talks"]), ("host", "Foreign Minister"))
        # a post that contains the word is still a post
        chairman = make_person("Dora Sampleova", w["borduria"])
        council = make_meeting("Council", [(chairman, "Chairman of the Council")], country=None)
        self.assertEqual(self.part(chairman, council), ("participant", "Chairman of the Council"))

    def test_meeting_page_shows_role_and_post_in_their_own_columns(self):
        html = self.client.get(
            reverse("site:meeting-detail", args=[self.world["talks"].pk])
        ).content.decode()
        self.assertIn('<th scope="col">Role at the meeting</th><th scope="col">Post held', html)
        self.assertIn('<td data-label="Role">Host</td>', html)
        self.assertIn('<td data-label="Post">Foreign Minister</td>', html)
        self.assertIn('<td data-label="Role">Participant</td>', html)  # Boris, of Borduria

    def test_person_page_shows_the_part_played_at_each_meeting(self):
        response = self.client.get(reverse("site:person-detail", args=[self.world["boris"].pk]))
        self.assertContains(response, '<td data-label="Role">Participant</td>')
        self.assertContains(response, '<td data-label="Post">Secretary-General</td>')


class LongListsTests(TestCase):
    def setUp(self):
        cache.clear()
        self.world = make_world()
        for index in range(25):
            make_statement(
                f"Invented remark number {index}.", self.world["anna"], self.world["call"]
            )

    def test_statement_list_shows_twenty_per_page(self):
        response = self.client.get(reverse("site:statement-list"))
        self.assertEqual(len(response.context["page_obj"].object_list), 20)
        self.assertContains(response, 'rel="next"')

    def test_detail_pages_show_the_latest_ten_statements_and_link_to_the_rest(self):
        anna, call = self.world["anna"], self.world["call"]
        response = self.client.get(reverse("site:person-detail", args=[anna.pk]))
        self.assertEqual(len(response.context["statements"]), 10)
        self.assertContains(response, "Latest statements")
        self.assertContains(response, f"?speaker={anna.pk}")
        response = self.client.get(reverse("site:meeting-detail", args=[call.pk]))
        self.assertEqual(len(response.context["statements"]), 10)
        self.assertContains(response, f"?meeting={call.pk}")


class ChartTests(SimpleTestCase):
    def test_caption_says_months_when_it_draws_months_and_years_when_years(self):
        months = [(datetime.date(2024, m, 1), 1) for m in (1, 3, 5)]
        self.assertIn("Meetings of A, per month", charts.timeline(months, caption="Meetings of A"))
        years = [(datetime.date(2015, 1, 1), 2), (datetime.date(2024, 6, 1), 1500)]
        drawn = charts.timeline(years, caption="Meetings of A")
        self.assertIn("Meetings of A, per year", drawn)
        self.assertNotIn("per month", drawn)
        self.assertIn("1,502 meetings", drawn)  # thousands separated

    def test_narrow_charts_can_keep_every_second_or_third_label(self):
        months = [(datetime.date(2024, m, 1), 1) for m in range(1, 13)]
        drawn = str(charts.timeline(months))
        self.assertEqual(drawn.count('class="tick'), 12)
        self.assertEqual(drawn.count("every-2nd"), 6)
        self.assertEqual(drawn.count("every-3rd"), 4)
        # the first label starts at the edge instead of being centred past it
        self.assertIn('text-anchor="start">Jan 2024<', drawn)

    def test_network_picture_sits_in_a_frame_that_can_scroll(self):
        drawn = str(
            charts.network({"label": "A"}, [{"key": 1, "label": "B", "url": "/b/", "weight": 1}])
        )
        self.assertIn('<div class="chart-frame"><svg', drawn)


class CountryListTests(TestCase):
    def setUp(self):
        cache.clear()
        self.world = make_world()
        make_country("XC", "Cascadia")  # nothing recorded
        zeta = make_country("XZ", "Zetland")
        make_meeting("Talks in Zetland", [make_person("Zed Example", zeta)], country=zeta)
        make_meeting("More talks", [self.world["boris"]], country=None)

    def names(self, query=""):
        response = self.client.get(reverse("site:country-list") + query)
        return [country.name for country in response.context["object_list"]]

    def test_busiest_first_and_countries_without_records_hidden(self):
        # Borduria's people took part in 3 meetings, Arcadia's in 2, Zetland's in 1
        self.assertEqual(self.names(), ["Borduria", "Arcadia", "Zetland"])

    def test_every_country_on_request_and_by_name(self):
        self.assertIn("Cascadia", self.names("?records=all"))
        self.assertEqual(self.names("?o=name"), ["Arcadia", "Borduria", "Zetland"])
        self.assertEqual(self.names("?o=-hosted")[0], "Arcadia")

    def test_columns_and_link_to_every_country(self):
        response = self.client.get(reverse("site:country-list"))
        self.assertContains(response, "Show every country")
        self.assertContains(response, '<td class="num" data-label="Meetings">3</td>', html=False)
        borduria = response.context["object_list"][0]
        self.assertEqual((borduria.attended_count, borduria.hosted_count), (3, 0))


class WordingAndNumbersTests(TestCase):
    def setUp(self):
        cache.clear()
        self.world = make_world()

    def test_home_says_how_many_records_are_verified(self):
        talks = self.world["talks"]
        talks.review = Review.VERIFIED
        talks.save()
        response = self.client.get(reverse("site:home"))
        self.assertNotContains(response, "checked by editors")
        text = " ".join(response.content.decode().split())
        self.assertIn("Editors have verified 1 of the 2 meetings and 0 of the 1 statement", text)
        self.assertIn(f'<a href="{reverse("site:article-list")}"><strong>1</strong> source', text)

    def test_numbers_have_thousands_separators(self):
        person = make_person("Invented Person")
        meetings = Meeting.objects.bulk_create(
            Meeting(title=f"Invented talks {index}", date=datetime.date(2024, 1, 1))
            for index in range(1200)
        )
        Participation.objects.bulk_create(
            Participation(meeting=meeting, person=person) for meeting in meetings
        )
        response = self.client.get(reverse("site:home"))
        self.assertContains(response, "1,202")
        response = self.client.get(reverse("site:meeting-list"))
        self.assertContains(response, "1,202 results")
        self.assertContains(response, "1,200 meetings")  # the timeline's busiest month

    def test_date_fields_do_not_claim_a_format_the_browser_does_not_show(self):
        for name in ("meeting-list", "statement-list"):
            html = self.client.get(reverse(f"site:{name}")).content.decode()
            self.assertIn('type="date"', html)
            self.assertNotIn("YYYY-MM-DD", html)
            self.assertIn("First day included", html)
