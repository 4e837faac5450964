"""Constructions of wires, communiqués, readouts and transcripts met while writing the demo's
sample articles: each row is an invented sentence of the class and the record it gives."""

import datetime as dt

from django.test import SimpleTestCase

from articles.reading import read_document
from tests.builders import extract_text
from tests.extraction.test_meetings import meetings_of, the_meeting

LEAD = "Ministers meet\n\nMARLOW, June 3, 2024 (Agency) -- "


def persons_of(text, file_name="x.txt"):
    """{name: [post titles]} of an article."""
    _, result = extract_text(text, file_name)
    return {p.name: [x.title for x in p.positions] for p in result.persons}


class GatheringTests(SimpleTestCase):
    def test_the_chair_after_a_long_place_and_date(self):
        row = the_meeting(
            LEAD + "The meeting of the Coral Council of Foreign Ministers was held in Marlow "
            "on 3 June 2024 under the chairmanship of Indonesian Foreign Minister Retno Wulan.\n",
            "Retno Wulan",
        )
        self.assertEqual((row[0], row[1], row[4]), ("ministerial", dt.date(2024, 6, 3), "Marlow"))

    def test_heads_of_delegation_one_a_line_ending_with_semicolons(self):
        row = the_meeting(
            LEAD + "The third meeting of the Coral Sea Council of Foreign Ministers took place "
            "in Marlow on 3 June 2024.\n\nThe meeting was attended by the heads of delegation:\n"
            "Minister of Foreign Affairs of the Republic of Fiji Lisiate Vuna;\n"
            "Secretary of Foreign Affairs of the Philippines Enrique Manalo Cruz;\n"
            "Minister of Foreign Affairs of the Republic of Indonesia Retno Wulan.\n\n"
            "The ministers adopted a joint statement.\n",
            "Lisiate Vuna",
        )
        self.assertEqual(row[5], {"Lisiate Vuna", "Enrique Manalo Cruz", "Retno Wulan"})

    def test_people_who_also_attended_or_were_among_those_present_join_it(self):
        for tail in (
            "Fijian Foreign Minister Lisiate Vuna and Tongan Foreign Minister Sione Hala also "
            "took part.",
            "Fijian Foreign Minister Lisiate Vuna and Tongan Foreign Minister Sione Hala were "
            "among those present.",
            "Fijian Prime Minister Lisiate Vuna and Tongan Prime Minister Sione Hala were among "
            "the leaders who attended.",
        ):
            with self.subTest(tail):
                row = the_meeting(
                    LEAD + "The Coral Sea Summit opened in Marlow on Monday, chaired by "
                    f"Indonesian President Retno Wulan.\n\n{tail}\n",
                    "Retno Wulan",
                )
                self.assertEqual(row[5], {"Retno Wulan", "Lisiate Vuna", "Sione Hala"})

    def test_a_country_represented_by_a_deputy(self):
        row = the_meeting(
            LEAD + "The Coral Sea Ministerial Meeting opened in Marlow on Monday, chaired by "
            "Indonesian Foreign Minister Retno Wulan.\n\nFiji was represented by Deputy Foreign "
            "Minister Lisiate Vuna, as Foreign Minister Sione Hala was in Suva.\n",
            "Retno Wulan",
        )
        self.assertEqual(row[5], {"Retno Wulan", "Lisiate Vuna"})

    def test_the_closing_session_is_part_of_the_meeting(self):
        _, rows = meetings_of(
            LEAD + "The Coral Sea Summit opened in Marlow on Monday, chaired by Indonesian "
            'President Retno Wulan.\n\n"We have work to do," Wulan said at the closing session.\n'
        )
        self.assertEqual(len(rows), 1, rows)

    def test_an_organ_of_a_body_told_as_held(self):
        row = the_meeting(
            LEAD + "The Ministerial Council of the Shanghai Cooperation Organisation (SCO) was "
            "held in Marlow on Monday, chaired by Indonesian Foreign Minister Retno Wulan.\n",
            "Retno Wulan",
        )
        self.assertEqual((row[0], row[4]), ("ministerial", "Marlow"))

    def test_a_council_that_met_in_a_city(self):
        row = the_meeting(
            LEAD + "The Foreign Affairs Council met in Marlow on Monday, chaired by the High "
            "Representative, Orla Venn.\n",
            "Orla Venn",
        )
        self.assertEqual((row[0], row[1], row[4]), ("ministerial", dt.date(2024, 6, 3), "Marlow"))

    def test_a_council_of_heads_of_state_is_a_summit(self):
        row = the_meeting(
            LEAD + "The meeting of the Council of Heads of State of the Shanghai Cooperation "
            "Organisation opened in Marlow on Monday, chaired by Indonesian President Retno "
            "Wulan.\n",
            "Retno Wulan",
        )
        self.assertEqual(row[0], "summit")

    def test_a_two_day_summit_that_ended_on_a_day_began_the_day_before(self):
        row = the_meeting(
            "Leaders meet\n\nMARLOW, June 4, 2024 (Agency) -- Leaders of the Coral Sea states "
            "ended their two-day summit in Marlow on Tuesday, chaired by Indonesian President "
            "Retno Wulan.\n",
            "Retno Wulan",
        )
        self.assertEqual((row[1], row[3]), (dt.date(2024, 6, 3), dt.date(2024, 6, 4)))

    def test_the_length_of_the_gathering_told_in_a_later_sentence(self):
        row = the_meeting(
            LEAD + "Ministers of the Coral Sea states opened the 12th Ordinary Session of the "
            "Ocean Council in Marlow on Monday.\n\nThe two-day session is chaired by Indonesian "
            "Foreign Minister Retno Wulan.\n",
            "Retno Wulan",
        )
        self.assertEqual((row[1], row[3]), (dt.date(2024, 6, 3), dt.date(2024, 6, 4)))

    def test_two_who_met_the_press_did_not_meet_each_other(self):
        _, rows = meetings_of(
            LEAD + "Fijian Foreign Minister Lisiate Vuna and Tongan Foreign Minister Sione Hala "
            "met the press after the closing of the conference.\n"
        )
        self.assertEqual(rows, [])

    def test_a_capital_named_after_its_country_in_a_dateline(self):
        row = the_meeting(
            "Talks\n\nKUWAIT, June 3, 2024 (Agency) -- Fijian Foreign Minister Lisiate Vuna met "
            "Tongan Foreign Minister Sione Hala on Monday.\n",
            "Lisiate Vuna",
        )
        self.assertEqual(row[4], "Kuwait City")

    def test_a_video_conference_with_someone_is_a_call(self):
        row = the_meeting(
            LEAD + "Fijian Foreign Minister Lisiate Vuna held a video conference with Tongan "
            "Foreign Minister Sione Hala.\n",
            "Lisiate Vuna",
        )
        self.assertEqual((row[0], row[5], row[4]), ("call", {"Lisiate Vuna", "Sione Hala"}, None))


class PersonTests(SimpleTestCase):
    def test_the_end_of_a_longer_name_as_an_object(self):
        row = the_meeting(
            LEAD + "Angolan President Tomás Ignacio Vargas Llorente opened the forum on "
            "Monday.\n\nFijian President Lisiate Vuna met Vargas Llorente on the sidelines.\n",
            "Lisiate Vuna",
        )
        self.assertEqual(row[5], {"Lisiate Vuna", "Tomás Ignacio Vargas Llorente"})

    def test_dela_is_a_particle_of_a_filipino_name(self):
        persons = persons_of(LEAD + "Foreign Secretary Maria Teresa dela Rosa met the press.\n")
        self.assertIn("Maria Teresa dela Rosa", persons)

    def test_an_honorific_with_an_apostrophe_between_post_and_name(self):
        persons = persons_of(
            LEAD + "Malaysian Foreign Minister Dato' Sri Hamdan bin Yusri met Tongan Foreign "
            "Minister Sione Hala.\n"
        )
        self.assertEqual(persons["Hamdan bin Yusri"], ["Foreign Minister"])

    def test_a_post_shortened_to_its_head_is_the_same_post(self):
        persons = persons_of(
            LEAD + "Minister of Fisheries of Fiji Lisiate Vuna met Tongan Foreign Minister "
            "Sione Hala.\n\nMinister Vuna said the talks went well. Minister Hala agreed.\n"
        )
        self.assertEqual(persons["Lisiate Vuna"], ["Minister of Fisheries"])
        self.assertEqual(persons["Sione Hala"], ["Foreign Minister"])

    def test_a_patronymic_in_the_middle_gives_the_short_name_as_another_name(self):
        _, result = extract_text(
            LEAD + "Foreign Minister Pyotr Sergeyevich Ivanko met Tongan Foreign Minister "
            "Sione Hala.\n"
        )
        ivanko = next(p for p in result.persons if p.name == "Pyotr Sergeyevich Ivanko")
        self.assertIn("Pyotr Ivanko", ivanko.aliases)

    def test_a_country_s_official_name_is_not_a_body(self):
        _, result = extract_text(
            LEAD + "The meeting was attended by Minister of Foreign Affairs of the Russian "
            "Federation Pyotr Ivanko.\n"
        )
        self.assertNotIn("Russian Federation", [o.name for o in result.organisations])


class TranscriptAndMarkdownTests(SimpleTestCase):
    def test_a_question_label_with_the_outlet_is_a_question(self):
        _, result = extract_text(
            "Transcript\n\nMarlow, 3 June 2024\n\nFijian Foreign Minister Lisiate Vuna met the "
            "press.\n\nLISIATE VUNA: Thank you all for coming here today to hear about the "
            "talks.\n\nQUESTION (Marlow Gazette): Minister, will the harbour reopen this year "
            "or not?\n\nLISIATE VUNA: The harbour reopens in September, as soon as the new "
            "cranes arrive.\n"
        )
        texts = [s.text for s in result.statements]
        self.assertEqual(len(texts), 2, texts)
        self.assertFalse(any("harbour reopen this year" in t for t in texts))

    def test_markdown_emphasis_headings_and_links_are_read_as_words(self):
        document = read_document(
            b"# Ministers meet\n\n*Marlow, 3 June 2024*\n\nForeign Minister **Lisiate Vuna** "
            b"met [the press](https://example.org/press).\n",
            "release.md",
        )
        self.assertEqual(
            document.text,
            "Ministers meet\n\nMarlow, 3 June 2024\n\nForeign Minister Lisiate Vuna met the press.\n",
        )


class HostCountryTests(SimpleTestCase):
    def test_the_host_of_a_visitor_in_a_city_is_of_the_city_s_country(self):
        _, result = extract_text(
            "Minister receives envoy\n\nPress release, 3 June 2024\n\nFederal Foreign Minister "
            "Orla Venn received the Minister of Foreign Affairs of Fiji, Lisiate Vuna, in "
            "Munich on Monday.\n"
        )
        countries = {p.name: p.country for p in result.persons}
        self.assertEqual(countries, {"Orla Venn": "DE", "Lisiate Vuna": "FJ"})
