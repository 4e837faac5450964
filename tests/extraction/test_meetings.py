"""Meeting extraction on short invented articles: triggers, participants, dates, places, merging."""

import datetime as dt

from django.test import SimpleTestCase

from articles.extraction import Lexicon, extract
from articles.reading import read_document
from tests.builders import extract_text


def meetings_of(text):
    """(extraction, [(kind, date, precision, end_date, city, {names}, status)]) of an article."""
    _, result = extract_text(text, "x.txt")
    rows = []
    for m in result.meetings:
        names = {result.persons[p.entity].name for p in m.participants}
        rows.append((m.kind, m.date, m.precision, m.end_date, m.city, names, m.status))
    return result, rows


def find(rows, *names):
    """The rows whose participants include all ``names``."""
    return [r for r in rows if set(names) <= r[5]]


def the_meeting(text, *names):
    """The one meeting row of an article whose participants include all ``names``."""
    _, rows = meetings_of(text)
    found = find(rows, *names)
    assert len(found) == 1, f"{len(found)} meetings of {names}: {rows}"
    return found[0]


class EncounterTests(SimpleTestCase):
    def test_met_with_gives_a_bilateral_meeting_with_the_dateline_city(self):
        row = the_meeting(
            "Ministers discuss trade\n\n"
            "NAIROBI, March 4, 2025 (Agency) -- Kenyan Foreign Minister Amina Odhiambo met with visiting "
            "Ghanaian Foreign Minister Kofi Mensah-Boateng here on Tuesday.\n\n"
            "Odhiambo said the two countries would expand trade.\n",
            "Amina Odhiambo",
            "Kofi Mensah-Boateng",
        )
        self.assertEqual(row[0], "bilateral")
        self.assertEqual(row[4], "Nairobi")
        self.assertEqual(row[6], "reported")

    def test_weekday_resolves_against_the_dateline(self):
        # March 4, 2025 is a Tuesday; "on Monday" is the day before
        row = the_meeting(
            "Talks in Nairobi\n\n"
            "NAIROBI, March 4, 2025 (Agency) -- Kenyan Foreign Minister Amina Odhiambo held talks with "
            "Ghanaian Foreign Minister Kofi Mensah-Boateng on Monday.\n",
            "Amina Odhiambo",
            "Kofi Mensah-Boateng",
        )
        self.assertEqual(row[1], dt.date(2025, 3, 3))
        self.assertEqual(row[2], "day")

    def test_people_only_greeted_or_mourned_are_not_participants(self):
        _, rows = meetings_of(
            "LIMA, June 9, 2024 (Agency) -- Peruvian President Rosa Quispe met with Chilean Foreign "
            "Minister Tomas Errazuriz on Sunday. Errazuriz conveyed the greetings of Chilean President "
            "Ana Valdivia to Quispe and expressed condolences over the death of former Minister Luis Paredes.\n"
        )
        [row] = find(rows, "Rosa Quispe", "Tomas Errazuriz")
        self.assertEqual(row[5], {"Rosa Quispe", "Tomas Errazuriz"})
        self.assertFalse(find(rows, "Ana Valdivia"))

    def test_phone_call_is_a_call_without_a_place(self):
        row = the_meeting(
            "OTTAWA, Feb. 12, 2024 (Agency) -- Canadian Prime Minister Claire Dubois held a phone call "
            "with German Chancellor Markus Feldmann on Monday to discuss energy security.\n",
            "Claire Dubois",
            "Markus Feldmann",
        )
        self.assertEqual(row[0], "call")
        self.assertIsNone(row[4])
        self.assertEqual(row[1], dt.date(2024, 2, 12))

    def test_visit_broken_down_with_respectively_gives_one_meeting_per_counterpart(self):
        _, rows = meetings_of(
            "ACCRA, May 6, 2024 (Agency) -- On May 5 in the capital Accra, Nigerian Vice President Musa "
            "Bello held talks with President Kwame Asante and Speaker Efua Owusu respectively.\n"
        )
        first = find(rows, "Musa Bello", "Kwame Asante")
        second = find(rows, "Musa Bello", "Efua Owusu")
        self.assertEqual(len(first), 1)
        self.assertEqual(len(second), 1)
        self.assertNotIn("Efua Owusu", first[0][5])
        self.assertEqual(first[0][1], dt.date(2024, 5, 5))
        self.assertEqual(first[0][4], "Accra")

    def test_next_day_and_visit_city_carry_over(self):
        _, rows = meetings_of(
            "Regional news\n\n"
            "Brazilian Foreign Minister Paulo Ferreira travelled to Argentina, where he met Argentine "
            "President Julia Romero in the capital Buenos Aires on April 8, 2024.\n\n"
            "Ferreira held talks with his Argentine counterpart Diego Castillo the next day.\n"
        )
        [first] = find(rows, "Paulo Ferreira", "Julia Romero")
        [second] = find(rows, "Paulo Ferreira", "Diego Castillo")
        self.assertEqual(first[1], dt.date(2024, 4, 8))
        self.assertEqual(second[1], dt.date(2024, 4, 9))
        self.assertEqual(second[4], "Buenos Aires")

    def test_meetings_of_a_several_day_visit_without_a_day_keep_the_month(self):
        row = the_meeting(
            "Visit to Poland\n\n"
            "Portuguese Foreign Minister Duarte Sequeira paid an official visit to Warsaw from 10 to 13 June 2024. "
            "Sequeira held talks with Polish Foreign Minister Anna Kowalczyk.\n",
            "Duarte Sequeira",
            "Anna Kowalczyk",
        )
        self.assertEqual(row[2], "month")
        self.assertEqual(row[1], dt.date(2024, 6, 1))
        self.assertEqual(row[4], "Warsaw")


class MultilateralTests(SimpleTestCase):
    def test_summit_attendee_list_and_chair(self):
        _, rows = meetings_of(
            "ADDIS ABABA, Feb. 18, 2024 (Agency) -- Leaders gathered in Addis Ababa on Feb. 17-18 for "
            "the summit of the African Union. The summit was chaired by Namibian President Hendrik "
            "Amutenya. "
            "Attendees included Kenyan President Amina Odhiambo, Senegalese President Moussa Diallo, "
            "Ghanaian President Kwame Asante and Zambian President Grace Mwale.\n"
        )
        summits = [r for r in rows if r[0] == "summit"]
        self.assertEqual(len(summits), 1)
        summit = summits[0]
        self.assertEqual(
            summit[5],
            {"Hendrik Amutenya", "Amina Odhiambo", "Moussa Diallo", "Kwame Asante", "Grace Mwale"},
        )
        self.assertEqual(summit[1], dt.date(2024, 2, 17))
        self.assertEqual(summit[3], dt.date(2024, 2, 18))
        self.assertEqual(summit[4], "Addis Ababa")

    def test_video_link_ministerial_stays_ministerial_without_a_city(self):
        result, rows = meetings_of(
            "ROME, Nov. 5, 2024 (Agency) -- On Tuesday, Italian Foreign Minister Marco Bellini joined "
            "an extraordinary foreign ministers' meeting of the Group of Seven (G7) by video link.\n"
        )
        [row] = find(rows, "Marco Bellini")
        self.assertEqual(row[0], "ministerial")
        self.assertIsNone(row[4])
        self.assertEqual(row[1], dt.date(2024, 11, 5))


class ParticipantListTests(SimpleTestCase):
    """A communiqué's or a summit report's list of those present: lists across lines, with
    or without bullets, and "represented by"; people only mentioned stay out."""

    SUMMIT = (
        "Final communique of the summit\n\n"
        "GABORONE, June 2, 2025 (Agency) -- The 45th Ordinary Summit of SADC Heads of State "
        "and Government was held in Gaborone on Sunday.\n\n"
    )
    TRIBUTE = "The Summit paid tribute to the late President Sipho Ndlovu of Zambia.\n"

    def participants(self, text):
        _, rows = meetings_of(text)
        self.assertEqual(len(rows), 1, rows)
        self.assertEqual(rows[0][:2], ("summit", dt.date(2025, 6, 1)))
        return rows[0][5]

    def test_a_list_one_delegation_a_paragraph_ending_with_semicolons(self):
        text = self.SUMMIT + (
            "The Summit was attended by the following Heads of State and Government:\n\n"
            "President Amina Odhiambo of Kenya;\n\n"
            "President Kofi Mensah of Ghana;\n\n"
            "Prime Minister Tendai Moyo of Zimbabwe; and\n\n"
            "Vice-President Lerato Dlamini of Botswana.\n\n"
            "Namibia was represented by Foreign Minister Petrus Haingura.\n\n"
        )
        self.assertEqual(
            self.participants(text + self.TRIBUTE),
            {"Amina Odhiambo", "Kofi Mensah", "Tendai Moyo", "Lerato Dlamini", "Petrus Haingura"},
        )

    def test_a_list_of_those_present_with_and_without_bullets(self):
        for head in ("Heads of State and Government present:\n\n", "Present:\n"):
            with self.subTest(head=head):
                text = (
                    self.SUMMIT
                    + head
                    + (
                        "- Amina Odhiambo, President of Kenya\n"
                        "- Kofi Mensah, President of Ghana\n"
                        "Prime Minister Tendai Moyo of Zimbabwe\n\n"
                    )
                )
                self.assertEqual(
                    self.participants(text + self.TRIBUTE),
                    {"Amina Odhiambo", "Kofi Mensah", "Tendai Moyo"},
                )

    def test_a_sentence_after_the_list_is_not_one_of_its_lines(self):
        text = self.SUMMIT + (
            "Heads of State present:\n"
            "- President Amina Odhiambo of Kenya\n"
            "- President Kofi Mensah of Ghana\n\n"
            "President Tendai Moyo of Zimbabwe sent a message of support.\n"
        )
        self.assertEqual(self.participants(text), {"Amina Odhiambo", "Kofi Mensah"})

    def test_the_sentence_runs_on_into_the_first_line_of_the_list(self):
        text = self.SUMMIT.replace(
            "on Sunday.\n\n", "on Sunday. Heads of State and Government present:\n"
        ) + ("Amina Odhiambo, President of Kenya\nKofi Mensah, President of Ghana\n\n")
        self.assertEqual(self.participants(text + self.TRIBUTE), {"Amina Odhiambo", "Kofi Mensah"})

    def test_one_who_sent_a_delegate_is_not_a_participant(self):
        text = self.SUMMIT + (
            "President Sipho Ndlovu, who chaired the bloc until May, delegated Vice President "
            "Mwila Banda to represent Zambia at the Summit.\n"
        )
        self.assertEqual(self.participants(text), {"Mwila Banda"})


class DayOfAnUndatedMeetingTests(SimpleTestCase):
    """A meeting told without a day of its own: the story's day, or only the month when the
    day last told was another meeting's."""

    def test_also_met_after_a_day_of_other_talks_keeps_the_month(self):
        # the lead gives no day; "on May 12" dates the talks of its own sentence only
        _, rows = meetings_of(
            "Minister meets counterparts at forum\n\n"
            "ACCRA -- Ghanaian Foreign Minister Kofi Mensah-Boateng held talks with several "
            "counterparts during the Coastal Week forum in Lisbon.\n\n"
            "Mensah-Boateng met Portuguese Foreign Minister Rita Alves on May 12, 2026.\n\n"
            "Mensah-Boateng also met Norwegian Foreign Minister Ingrid Solberg-Haug.\n"
        )
        [first] = find(rows, "Kofi Mensah-Boateng", "Rita Alves")
        [second] = find(rows, "Kofi Mensah-Boateng", "Ingrid Solberg-Haug")
        self.assertEqual((first[1], first[2]), (dt.date(2026, 5, 12), "day"))
        self.assertEqual((second[1], second[2]), (dt.date(2026, 5, 1), "month"))

    def test_also_met_in_a_story_whose_lead_gives_the_day_is_that_day(self):
        _, rows = meetings_of(
            "Minister meets counterparts at forum\n\n"
            "LISBON, May 13, 2026 (Agency) -- Ghanaian Foreign Minister Kofi Mensah-Boateng on "
            "Tuesday held talks with envoys of a number of states at the Coastal Week "
            "forum.\n\n"
            "Mensah-Boateng met Portuguese Foreign Minister Rita Alves.\n\n"
            "He also met Norwegian Foreign Minister Ingrid Solberg-Haug.\n"
        )
        [second] = find(rows, "Kofi Mensah-Boateng", "Ingrid Solberg-Haug")
        self.assertEqual((second[1], second[2]), (dt.date(2026, 5, 12), "day"))

    def test_a_day_after_meeting_beside_the_day_told_counts_back_to_the_meeting(self):
        row = the_meeting(
            "Ministers discuss trade\n\nNAIROBI, March 5, 2025 (Agency) -- Kenyan Foreign "
            "Minister Amina Odhiambo said on Wednesday, a day after meeting Ghanaian Foreign "
            "Minister Kofi Mensah-Boateng in Accra, that the two countries would double their "
            "trade.\n",
            "Amina Odhiambo",
            "Kofi Mensah-Boateng",
        )
        self.assertEqual((row[1], row[2], row[4]), (dt.date(2025, 3, 4), "day", "Accra"))

    def test_a_lead_ending_in_a_quotation_still_gives_the_story_its_day(self):
        _, rows = meetings_of(
            "Ministers meet\n\nLISBON, May 13, 2026 (Agency) -- Ghanaian Foreign Minister Kofi "
            "Mensah-Boateng on Tuesday met diplomats from several countries and told them: "
            '"Ghana is open for business."\n\n'
            "Mensah-Boateng met Portuguese Foreign Minister Rita Alves.\n\n"
            "He also met Norwegian Foreign Minister Ingrid Solberg-Haug.\n"
        )
        [row] = find(rows, "Kofi Mensah-Boateng", "Ingrid Solberg-Haug")
        self.assertEqual((row[1], row[2]), (dt.date(2026, 5, 12), "day"))

    def test_a_tour_told_as_earlier_this_week_has_no_day(self):
        # the readout's own date is the day it was written, not the day of the talks
        _, rows = meetings_of(
            "Readout of the Envoy's Travel to Ghana and Togo\n"
            "May 15, 2026\n\n"
            "Earlier this week, Special Envoy Marta Lindqvist traveled to Ghana and Togo.\n\n"
            "In Ghana, Ms. Lindqvist met with Foreign Minister Kofi Mensah-Boateng.\n"
        )
        [row] = find(rows, "Marta Lindqvist", "Kofi Mensah-Boateng")
        self.assertEqual((row[1], row[2]), (dt.date(2026, 5, 1), "month"))


class MergingTests(SimpleTestCase):
    COMPILATION = (
        "Ministers of Chile and Peru meet in Lima\n"
        "LIMA, June 10, 2024 (Agency) -- Peruvian Foreign Minister Elena Vargas met with Chilean Foreign "
        "Minister Tomas Errazuriz here on Monday.\n"
        "Vargas called the talks useful.\n"
        "Chile, Peru vow closer ties\n"
        "SANTIAGO, June 11 (Other Agency) -- Chilean Foreign Minister Tomas Errazuriz held talks with "
        "Peruvian Foreign Minister Elena Vargas in Lima, the Chilean Foreign Ministry said.\n"
        "Errazuriz said both ministers would meet again.\n"
    )

    def test_same_talks_in_two_stories_become_one_candidate(self):
        result, rows = meetings_of(self.COMPILATION)
        found = find(rows, "Elena Vargas", "Tomas Errazuriz")
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0][4], "Lima")
        [meeting] = [m for m in result.meetings if m.kind == "bilateral"]
        self.assertGreaterEqual(len(meeting.spans), 2)

    def test_recalled_summit_is_marked_and_kept_apart(self):
        _, rows = meetings_of(
            "BERLIN, Sept. 3, 2024 (Agency) -- German Chancellor Markus Feldmann met with French President "
            "Louise Martin on Tuesday. In March 2022, Feldmann and Martin met in Paris.\n"
        )
        found = find(rows, "Markus Feldmann", "Louise Martin")
        reported = [r for r in found if r[6] == "reported"]
        recalled = [r for r in found if r[6] == "recalled"]
        self.assertEqual(len(reported), 1)
        self.assertEqual(reported[0][1], dt.date(2024, 9, 3))
        self.assertEqual(len(recalled), 1)
        self.assertEqual(recalled[0][1].year, 2022)

    def test_announced_talks_are_not_reported(self):
        _, rows = meetings_of(
            "OSLO, Jan. 8, 2024 (Agency) -- Norwegian Prime Minister Erik Solberg will hold talks with "
            "Finnish President Aino Virtanen next week.\n"
        )
        self.assertFalse([r for r in rows if r[6] == "reported"])


class OpeningPhraseTests(SimpleTestCase):
    def test_call_told_in_an_opening_phrase_and_ceremony_attended_by(self):
        _, rows = meetings_of(
            "Calls\n\n"
            "PARIS, Oct. 2, 2024 (Agency) -- In a telephone conversation with British Prime Minister James "
            "Whitfield on Wednesday, French President Louise Martin discussed trade.\n\n"
            "French Foreign Minister Jean Moreau presided over the opening ceremony of the Francophonie "
            "Summit in Paris on Tuesday, which was attended by Senegalese President Moussa Diallo.\n"
        )
        [call] = find(rows, "James Whitfield", "Louise Martin")
        self.assertEqual(call[0], "call")
        [ceremony] = find(rows, "Jean Moreau", "Moussa Diallo")
        self.assertEqual(ceremony[0], "ceremony")
        self.assertEqual(ceremony[1], dt.date(2024, 10, 1))
        self.assertEqual(ceremony[4], "Paris")


class ParticipialChairTests(SimpleTestCase):
    def test_chaired_by_after_a_comma_makes_the_chair_a_participant(self):
        text = (
            "Council meets\n\nADDIS ABABA, Feb. 16, 2025 (Agency) - The council held an emergency "
            "session on the crisis on Thursday, chaired by Ambassador Abebe Worku of Ethiopia.\n\n"
            "The session was addressed by Kenyan Foreign Minister Otieno Kamau.\n"
        )
        document = read_document(text.encode(), "t.txt")
        result = extract(document, Lexicon.from_reference())
        names = {result.persons[p.entity].name for m in result.meetings for p in m.participants}
        self.assertIn("Abebe Worku", names)


class HostsAndBodiesTests(SimpleTestCase):
    """Summits opened or hosted, "with X as host", the subject's body, "also attended"."""

    def test_a_summit_opened_with_a_host_names_the_host_body_and_days(self):
        result, rows = meetings_of(
            "Leaders meet\n\n"
            "PORTO, May 14, 2025 (Agency) -- Leaders of the Group of Seven (G7) opened a "
            "three-day summit in Porto on Wednesday, with Portuguese Prime Minister Rui "
            "Valente as host.\n"
        )
        [row] = find(rows, "Rui Valente")
        self.assertEqual(row[0], "summit")
        self.assertEqual(row[1], dt.date(2025, 5, 14))
        self.assertEqual(row[3], dt.date(2025, 5, 16))
        [meeting] = [m for m in result.meetings if m.kind == "summit"]
        self.assertEqual(meeting.organisation_key, "groupofseven")

    def test_their_meeting_belongs_to_the_body_of_the_subject(self):
        result, rows = meetings_of(
            "Ministers gather\n\n"
            "HANOI, Aug. 2, 2025 (Agency) -- Foreign ministers of the Association of "
            "Southeast Asian Nations (ASEAN) gathered in Hanoi on Saturday for their annual "
            "meeting, chaired by Vietnamese Foreign Minister Tran Van Minh.\n"
        )
        [row] = find(rows, "Tran Van Minh")
        [meeting] = result.meetings
        self.assertEqual(meeting.organisation_key, "associationofsoutheastasiannations")

    def test_also_attended_the_meeting_joins_the_encounter_just_told(self):
        row = the_meeting(
            "President receives envoy\n\n"
            "ACCRA, June 3, 2025 (Agency) -- Ghanaian President Kwame Asante on Tuesday "
            "received Amara Diallo, special envoy of the African Union, in Accra.\n\n"
            "Ghanaian Foreign Minister Efua Boateng also attended the meeting.\n",
            "Kwame Asante",
            "Amara Diallo",
        )
        self.assertIn("Efua Boateng", row[5])

    def test_a_host_named_by_a_verb_takes_part(self):
        row = the_meeting(
            "Forum opens\n\n"
            "LIMA, Nov. 4, 2025 (Agency) -- Peruvian President Lucia Romero hosted the "
            "Pacific Trade Forum in Lima on Tuesday.\n",
            "Lucia Romero",
        )
        self.assertEqual(row[0], "forum")

    def test_their_talks_after_a_pair_that_agreed_is_their_meeting(self):
        row = the_meeting(
            "Ministers agree\n\n"
            "LIMA, May 7, 2025 (Agency) -- Peruvian Foreign Minister Lucia Romero and "
            "Chilean Foreign Minister Tomas Araya agreed on Tuesday to expand trade.\n\n"
            "During their talks in Lima, Romero said the two countries were close partners.\n",
            "Lucia Romero",
            "Tomas Araya",
        )
        self.assertEqual(row[0], "bilateral")
        self.assertEqual(row[1], dt.date(2025, 5, 6))
        self.assertEqual(row[4], "Lima")

    def test_talks_held_with_someone_are_one_meeting_not_two(self):
        _, rows = meetings_of(
            "Talks\n\n"
            "LIMA, May 7, 2025 (Agency) -- Peruvian Foreign Minister Lucia Romero held talks "
            "with Chilean Foreign Minister Tomas Araya on Tuesday. The talks focused on trade.\n"
        )
        self.assertEqual(len(find(rows, "Lucia Romero", "Tomas Araya")), 1)
        self.assertEqual(len(rows), 1)


class ReadoutsAndGatheringsTests(SimpleTestCase):
    def test_a_readout_that_spoke_today_with_is_a_call_on_its_date(self):
        # no dateline: "today" is the date printed under the readout
        row = the_meeting(
            "Readout of the Minister's call with the Foreign Minister of Ghana\n\n"
            "Foreign Minister Amina Odhiambo of Kenya spoke today with Ghanaian Foreign Minister "
            "Kofi Mensah-Boateng to discuss regional security. The two ministers also discussed "
            "the upcoming summit.\n\n"
            "March 4, 2025\n",
            "Amina Odhiambo",
            "Kofi Mensah-Boateng",
        )
        self.assertEqual((row[0], row[1], row[2]), ("call", dt.date(2025, 3, 4), "day"))

    def test_spoke_with_on_the_sidelines_is_an_encounter_not_a_call(self):
        row = the_meeting(
            "NAIROBI, March 4, 2025 (Agency) -- On the sidelines of the forum, Kenyan Foreign "
            "Minister Amina Odhiambo spoke with Ghanaian Foreign Minister Kofi Mensah-Boateng.\n",
            "Amina Odhiambo",
            "Kofi Mensah-Boateng",
        )
        self.assertEqual(row[0], "bilateral")

    def test_today_as_nowadays_is_not_a_date(self):
        from articles.extraction.dates import find_dates

        text = "The challenges of today and today's world need cooperation."
        self.assertEqual(find_dates(text, reference=dt.date(2025, 3, 4)), [])
        [mention] = find_dates("They met yesterday.", reference=dt.date(2025, 3, 4))
        self.assertEqual(mention.date, dt.date(2025, 3, 3))

    def test_ministers_of_a_body_who_met_hold_its_ministerial_meeting(self):
        result, rows = meetings_of(
            "Ministers meet in Lakeview\n\n"
            "LAKEVIEW, Kenya, March 4, 2025 (Agency) - Foreign ministers from the East African "
            "Community met in the lakeside town of Lakeview on Tuesday, where host Amina "
            "Odhiambo urged calm in the region.\n\n"
            '"We are deeply concerned about the risk of escalation," Odhiambo told a news '
            "conference. Ugandan Foreign Minister Grace Nakato said the bloc would send "
            "observers.\n"
        )
        [row] = [r for r in rows if r[0] == "ministerial"]
        self.assertEqual(row[1], dt.date(2025, 3, 4))
        self.assertEqual(row[5], {"Amina Odhiambo", "Grace Nakato"})
        [meeting] = [m for m in result.meetings if m.kind == "ministerial"]
        self.assertEqual(meeting.organisation_key, "eastafricancommunity")
        # the news conference is the press, not another meeting
        self.assertEqual(len(rows), 1)

    def test_later_in_the_day_is_the_day_just_told(self):
        row = the_meeting(
            "NAIROBI, March 7, 2025 (Agency) -- Kenyan Foreign Minister Amina Odhiambo held "
            "talks with Ghanaian Foreign Minister Kofi Mensah-Boateng on Tuesday.\n\n"
            "Later in the day, Odhiambo received Ugandan Foreign Minister Grace Nakato.\n",
            "Amina Odhiambo",
            "Grace Nakato",
        )
        self.assertEqual(row[1], dt.date(2025, 3, 4))

    def test_talks_were_held_between_two_ministers(self):
        row = the_meeting(
            "NAIROBI, 12 February 2025 - Talks were held between Minister of Foreign Affairs of "
            "Kenya Amina Odhiambo and Minister of Foreign Affairs of Ghana Kofi Mensah-Boateng "
            "in Nairobi.\n",
            "Amina Odhiambo",
            "Kofi Mensah-Boateng",
        )
        self.assertEqual((row[0], row[1], row[4]), ("bilateral", dt.date(2025, 2, 12), "Nairobi"))

    def test_a_council_named_as_a_body_that_opened_is_a_meeting(self):
        result, rows = meetings_of(
            "NAIROBI, December 5, 2024 (Agency) - The East African Community Ministerial "
            "Council opened in Nairobi on Thursday.\n\n"
            "The meeting was chaired by Kenyan Foreign Minister Amina Odhiambo. Among the "
            "participants were Ghanaian Foreign Minister Kofi Mensah-Boateng and Ugandan "
            "Foreign Minister Grace Nakato.\n"
        )
        [row] = [r for r in rows if r[0] == "ministerial"]
        self.assertEqual(row[1], dt.date(2024, 12, 5))
        self.assertEqual(row[5], {"Amina Odhiambo", "Kofi Mensah-Boateng", "Grace Nakato"})
        # the body itself names no meeting when nothing says it met
        _, rows = meetings_of(
            "NAIROBI, December 5, 2024 (Agency) - The East African Community Ministerial "
            "Council adopted a budget, Kenyan Foreign Minister Amina Odhiambo said.\n"
        )
        self.assertEqual(rows, [])

    def test_a_pair_who_did_something_at_a_summit_took_part_in_it(self):
        _, rows = meetings_of(
            "LAKEVIEW, June 19, 2025 (Agency) - Kenyan President Amina Odhiambo and Ghanaian "
            "President Kofi Mensah-Boateng signed a trade pact at a summit in Lakeview on "
            "Wednesday.\n\n"
            "The two leaders held talks for several hours.\n"
        )
        [row] = find(rows, "Amina Odhiambo", "Kofi Mensah-Boateng")
        self.assertEqual((row[0], row[1]), ("summit", dt.date(2025, 6, 18)))
        # a summit only proposed is not one they were at
        _, rows = meetings_of(
            "LAKEVIEW, June 19, 2025 (Agency) - Kenyan President Amina Odhiambo proposed a "
            "summit to Ghanaian President Kofi Mensah-Boateng in a letter.\n"
        )
        self.assertEqual([r for r in rows if r[0] == "summit"], [])

    def test_talks_that_lasted_hours_are_talks(self):
        row = the_meeting(
            "NAIROBI, March 4, 2025 (Agency) -- Kenyan Foreign Minister Amina Odhiambo held "
            "talks for two hours with Ghanaian Foreign Minister Kofi Mensah-Boateng.\n",
            "Amina Odhiambo",
            "Kofi Mensah-Boateng",
        )
        self.assertEqual(row[0], "bilateral")

    def test_a_signing_told_as_a_ceremony_has_its_signers_and_witnesses(self):
        result, rows = meetings_of(
            "LAKEVIEW, July 8, 2024 (Agency) - The trade agreement was signed by Kenyan Foreign "
            "Minister Amina Odhiambo and Ghanaian Trade Minister Kofi Mensah-Boateng in "
            "Lakeview, in a ceremony witnessed by Ugandan President Grace Nakato.\n"
        )
        [row] = [r for r in rows if r[0] == "ceremony"]
        self.assertEqual(row[5], {"Amina Odhiambo", "Kofi Mensah-Boateng", "Grace Nakato"})
        self.assertEqual(row[1], dt.date(2024, 7, 8))
        [meeting] = result.meetings
        self.assertEqual(meeting.title, "Ceremony in Lakeview")

    def test_a_courtesy_call_is_a_meeting_and_an_appeal_is_not(self):
        result, rows = meetings_of(
            "NAIROBI, Feb 3, 2025 (Agency) -- Ghanaian Foreign Minister Kofi Mensah-Boateng, "
            "who is on a visit to Kenya, called on Kenyan Vice President Amina Odhiambo.\n\n"
            "Mensah-Boateng called on Ugandan Foreign Minister Grace Nakato to join the "
            "talks.\n"
        )
        [row] = rows
        self.assertEqual(row[5], {"Kofi Mensah-Boateng", "Amina Odhiambo"})
        # the visit is no statement; the appeal is one
        [statement] = result.statements
        self.assertIn("to join the talks", statement.text)

    def test_a_name_with_an_initial(self):
        result, rows = meetings_of(
            "NAIROBI, Feb 3, 2025 (Agency) -- Kenyan Foreign Minister K. Odhiambo held talks "
            "with Ghanaian Foreign Minister John F. Mensah in Nairobi.\n"
        )
        self.assertEqual(sorted(p.name for p in result.persons), ["John F. Mensah", "K. Odhiambo"])
        self.assertEqual(len(find(rows, "K. Odhiambo", "John F. Mensah")), 1)

    def test_leaders_who_held_their_retreat_took_part_in_it(self):
        row = the_meeting(
            "LAKEVIEW, Jan 7, 2025 (Agency) -- Prime Minister Amina Odhiambo and her Ghanaian "
            "counterpart Kofi Mensah-Boateng held their 11th Leaders' Retreat in Lakeview "
            "today.\n",
            "Amina Odhiambo",
            "Kofi Mensah-Boateng",
        )
        self.assertEqual((row[0], row[1]), ("summit", dt.date(2025, 1, 7)))

    def test_two_people_at_a_meeting_met_each_other(self):
        row = the_meeting(
            "NAIROBI, October 4, 2024 (Agency) - Kenyan Deputy Foreign Minister Amina Odhiambo "
            "and Ghanaian Ambassador to Kenya Kofi Mensah-Boateng discussed regional security "
            "at a meeting on Friday, the ministry said.\n",
            "Amina Odhiambo",
            "Kofi Mensah-Boateng",
        )
        self.assertEqual((row[0], row[1]), ("bilateral", dt.date(2024, 10, 4)))


# One row per construction: (invented article, the subject, [(counterpart, date, city)]).
# Each counterpart must come out as a meeting of its own with the subject, and no meeting
# may hold two of the counterparts.
SERIES_OF_BILATERALS = [
    (
        "counterparts from different countries in one list",
        "VARNA, June 12, 2025 (Agency) -- Bulgarian Foreign Minister Petar Vasilev met with his "
        "counterparts, Chilean Foreign Minister Ana Rojas Pizarro and Norwegian Foreign Minister "
        "Lars Eikeland, on Wednesday.\n",
        "Petar Vasilev",
        [
            ("Ana Rojas Pizarro", dt.date(2025, 6, 11), "Varna"),
            ("Lars Eikeland", dt.date(2025, 6, 11), "Varna"),
        ],
    ),
    (
        "a list of counterparts from different countries after 'also met with'",
        "LIMA, March 3, 2025 (Agency) -- Peruvian Foreign Minister Rosa Quispe held talks with "
        "Chilean Foreign Minister Tomas Errazuriz on Monday.\n\n"
        "Quispe also met with Ecuador's Foreign Minister Lucia Andrade, Bolivia's Foreign Minister "
        "Marco Choque and Paraguay's Vice President Ramon Benitez.\n",
        "Rosa Quispe",
        [
            ("Tomas Errazuriz", dt.date(2025, 3, 3), "Lima"),
            ("Lucia Andrade", dt.date(2025, 3, 3), "Lima"),
            ("Marco Choque", dt.date(2025, 3, 3), "Lima"),
            ("Ramon Benitez", dt.date(2025, 3, 3), "Lima"),
        ],
    ),
    (
        "'separate talks with' a list",
        "OSLO, May 8, 2025 (Agency) -- Norwegian Prime Minister Ingrid Solberg-Haug held separate "
        "talks with Finnish Prime Minister Aino Virtanen and Danish Prime Minister Mads Kjeldsen "
        "in Oslo on Thursday.\n",
        "Ingrid Solberg-Haug",
        [
            ("Aino Virtanen", dt.date(2025, 5, 8), "Oslo"),
            ("Mads Kjeldsen", dt.date(2025, 5, 8), "Oslo"),
        ],
    ),
    (
        "calls listed after a colon, separated by semicolons",
        "Summary of the Chancellor's calls\nApril 2, 2025\n\n"
        "Chancellor Laura Whitcombe today spoke separately with: President Ana Rojas of "
        "Chile; Prime Minister Nuno Ferraz of Portugal; and President Kofi Boateng of Ghana.\n",
        "Laura Whitcombe",
        [
            ("Ana Rojas", dt.date(2025, 4, 2), None),
            ("Nuno Ferraz", dt.date(2025, 4, 2), None),
            ("Kofi Boateng", dt.date(2025, 4, 2), None),
        ],
    ),
    (
        "nominal and passive encounters whose subject is the story's protagonist",
        "CAIRO, Oct. 9, 2025 (Agency) -- Egyptian Foreign Minister Karim Mansour met with "
        "Jordanian Foreign Minister Omar Haddad on Thursday.\n\n"
        "During the meeting with Lebanese Foreign Minister Rami Khoury, energy prices came up.\n\n"
        "Water security was discussed with Sudanese Foreign Minister Amal Osman.\n",
        "Karim Mansour",
        [
            ("Omar Haddad", dt.date(2025, 10, 9), "Cairo"),
            ("Rami Khoury", dt.date(2025, 10, 9), "Cairo"),
            ("Amal Osman", dt.date(2025, 10, 9), "Cairo"),
        ],
    ),
]


SERIES_OF_BILATERALS += [
    (
        "'separate talks with' a group named in the next sentence",
        "KAMPALA, Feb. 4, 2026 (Agency) -- On Wednesday, Ugandan Foreign Minister Grace Namutebi "
        "held separate talks with East African envoys in town for a regional summit.\n\n"
        "Among the envoys were Rwanda's Foreign Minister Jean-Paul Habimana and Burundi's "
        "Foreign Minister Pacifique Ndayizeye.\n",
        "Grace Namutebi",
        [
            ("Jean-Paul Habimana", dt.date(2026, 2, 4), "Kampala"),
            ("Pacifique Ndayizeye", dt.date(2026, 2, 4), "Kampala"),
        ],
    ),
    (
        "a visit's 'Meetings held with' list under a country dateline",
        "PERU, Sept. 14 - A delegation led by Trade Minister Rosa Quispe visited Chile on "
        "Sept. 10-11, 2025, for talks on ports.\n\n"
        "Meetings held with Minister of Mining Tomas Errazuriz, Minister of Agriculture Ana Rojas.\n",
        "Rosa Quispe",
        [("Tomas Errazuriz", dt.date(2025, 9, 1), None), ("Ana Rojas", dt.date(2025, 9, 1), None)],
    ),
    (
        "'He also met' after the protagonist met someone else, and a capital named by apposition",
        "Regional news\n\n"
        "Danish Foreign Minister Mads Kjeldsen met Estonian Foreign Minister Kadri Tamm in the "
        "Estonian capital, Tallinn, on Sunday, March 1, 2026.\n\n"
        "Later that day, Kjeldsen held talks with the Secretary General of the Nordic Council, "
        "Olaf Brekke.\n\nHe also had a meeting with Latvian Foreign Minister Ilze Ozola.\n",
        "Mads Kjeldsen",
        [
            ("Kadri Tamm", dt.date(2026, 3, 1), "Tallinn"),
            ("Olaf Brekke", dt.date(2026, 3, 1), "Tallinn"),
            ("Ilze Ozola", dt.date(2026, 3, 1), "Tallinn"),
        ],
    ),
]


class SeriesOfBilateralsTests(SimpleTestCase):
    def test_met_the_ministers_of_a_list_is_no_extra_group_meeting(self):
        _, rows = meetings_of(
            "VARNA, June 12, 2025 (Agency) -- Bulgarian Foreign Minister Petar Vasilev also held talks "
            "with the foreign ministers of Chile, Foreign Minister Ana Rojas Pizarro, and Norway.\n"
        )
        self.assertEqual([r[5] for r in rows], [{"Petar Vasilev", "Ana Rojas Pizarro"}])

    def test_one_meeting_per_counterpart(self):
        for label, text, subject, expected in SERIES_OF_BILATERALS:
            with self.subTest(label):
                _, rows = meetings_of(text)
                counterparts = {name for name, _, _ in expected}
                for name, date, city in expected:
                    found = find(rows, subject, name)
                    self.assertEqual(len(found), 1, f"{name}: {rows}")
                    self.assertEqual(found[0][1], date, name)
                    self.assertEqual(found[0][4], city, name)
                    self.assertEqual(found[0][5] & counterparts, {name}, name)

    def test_a_trilateral_stays_one_meeting(self):
        _, rows = meetings_of(
            "OSLO, May 8, 2025 (Agency) -- Norwegian Prime Minister Ingrid Solberg-Haug held a "
            "trilateral meeting with Finnish Prime Minister Aino Virtanen and Danish Prime Minister "
            "Mads Kjeldsen in Oslo on Thursday.\n"
        )
        self.assertEqual(
            len(find(rows, "Ingrid Solberg-Haug", "Aino Virtanen", "Mads Kjeldsen")), 1
        )


class YearFromContextTests(SimpleTestCase):
    def test_a_coming_meeting_is_not_one_that_took_place(self):
        _, rows = meetings_of(
            "KAMPALA, Feb. 4, 2026 (Agency) -- Foreign Minister Grace Namutebi arrived for the "
            "coming third Ministerial Meeting of the Lake Forum.\n"
        )
        self.assertFalse([r for r in rows if r[6] == "reported"], rows)

    def test_a_session_number_gives_the_year_of_an_undated_day(self):
        row = the_meeting(
            "Ministers meet in New York\n\n"
            "Kenyan Foreign Minister Amina Odhiambo met with Ghanaian Foreign Minister Kofi "
            "Mensah-Boateng on Sept. 24 during the 81st session of the UN General Assembly.\n",
            "Amina Odhiambo",
            "Kofi Mensah-Boateng",
        )
        self.assertEqual(row[1], dt.date(2026, 9, 24))

    def test_a_weekday_without_any_date_stays_unknown(self):
        _, rows = meetings_of(
            "Ministers meet in New York\n\n"
            "Kenyan Foreign Minister Amina Odhiambo met with Ghanaian Foreign Minister Kofi "
            "Mensah-Boateng on Tuesday during the 81st session of the UN General Assembly.\n"
        )
        self.assertFalse([r for r in rows if r[1] is not None and r[2] == "day"], rows)


# (label, invented article, the participants of the one meeting expected, its date, its city)
ONE_MEETING_FORMS = [
    (
        "'played host to'",
        "LUSAKA, March 2, 2026 (Agency) -- Zambian President Mwila Banda played host to "
        "Portuguese Foreign Minister Rita Alves at his official residence on Monday.\n",
        {"Mwila Banda", "Rita Alves"},
        dt.date(2026, 3, 2),
        "Lusaka",
    ),
    (
        "a dialogue 'between the two' after a sentence whose subjects are the pair",
        "Oslo, May 9, 2026 (Agency)--Norway's Foreign Minister Ingrid Solberg-Haug and her Finnish "
        "counterpart, Aino Virtanen, signed a grid accord on Thursday.\n\n"
        "Speaking after an annual policy dialogue between the two in Helsinki, Solberg-Haug "
        "called the accord timely.\n",
        {"Ingrid Solberg-Haug", "Aino Virtanen"},
        dt.date(2026, 5, 7),
        "Helsinki",
    ),
    (
        "'Participants included' a list",
        "VIENNA, April 3, 2026 (Agency) -- Austrian Foreign Minister Karl Steiner took part "
        "in the Ministerial Conference of the Danube Cooperation Process on Friday.\n\n"
        "Participants included Hungarian Foreign Minister Zoltan Kertesz and Slovak Foreign "
        "Minister Marek Hudak.\n",
        {"Karl Steiner", "Zoltan Kertesz", "Marek Hudak"},
        dt.date(2026, 4, 3),
        "Vienna",
    ),
]


class OneMeetingFormsTests(SimpleTestCase):
    def test_rows(self):
        for label, text, names, date, city in ONE_MEETING_FORMS:
            with self.subTest(label):
                _, rows = meetings_of(text)
                found = find(rows, *names)
                self.assertEqual(len(found), 1, rows)
                self.assertEqual(found[0][1], date)
                self.assertEqual(found[0][4], city)

    def test_an_unnamed_subject_does_not_make_the_people_met_meet_each_other(self):
        for text in (
            "ROME, Oct. 3, 2026 (Agency) -- Later the envoy talked with counterparts from Peru and "
            "Chile, Rosa Quispe and Tomas Errazuriz.\n",
            "ROME, Oct. 3, 2026 (Agency) -- The envoy met Peruvian Foreign Minister Rosa Quispe.\n\n"
            "He also met Chilean Foreign Minister Tomas Errazuriz.\n",
        ):
            with self.subTest(text):
                _, rows = meetings_of(text)
                self.assertFalse(find(rows, "Rosa Quispe", "Tomas Errazuriz"), rows)


class TourAndDigestTests(SimpleTestCase):
    def test_each_country_stop_is_one_meeting_with_its_hosts(self):
        _, rows = meetings_of(
            "Trade mission\nMarch 12, 2026\n\n"
            "From March 2 to 6, Special Envoy Laura Whitcombe visited two West African countries "
            "to promote investment.\n\n"
            "In Ghana, the envoy held talks with President Kwame Asante, Finance Minister Efua "
            "Owusu and Trade Minister Kojo Mensah.\n\n"
            "In Senegal, Whitcombe met Prime Minister Awa Diallo and Foreign Minister Moussa "
            "Ndiaye.\n"
        )
        ghana = find(rows, "Laura Whitcombe", "Kwame Asante")
        senegal = find(rows, "Laura Whitcombe", "Awa Diallo")
        self.assertEqual(len(ghana), 1, rows)
        self.assertEqual(len(senegal), 1, rows)
        self.assertEqual(
            ghana[0][5], {"Laura Whitcombe", "Kwame Asante", "Efua Owusu", "Kojo Mensah"}
        )
        self.assertEqual(senegal[0][5], {"Laura Whitcombe", "Awa Diallo", "Moussa Ndiaye"})
        self.assertEqual((ghana[0][1], ghana[0][2]), (dt.date(2026, 3, 1), "month"))

    def test_his_meeting_with_a_group_on_a_weekday_before_the_story(self):
        _, rows = meetings_of(
            "OTTAWA - In a statement issued on Friday (Oct 9, 2026), Canadian Foreign Minister "
            "Claire Dubois voiced support for polar research.\n\n"
            "Her words came after her meeting with Nordic foreign ministers on Wednesday, held "
            "online.\n\n"
            "During the Nordic-Canada Foreign Ministers' Meeting, Ms Dubois pressed for shared ice "
            "monitoring.\n\n"
            "Related Story Dubois presses for polar research at Nordic talks\n"
        )
        found = find(rows, "Claire Dubois")
        self.assertEqual(len(found), 1, rows)
        self.assertEqual(found[0][1], dt.date(2026, 10, 7))
        self.assertEqual(found[0][0], "ministerial")

    def test_a_digest_item_dateline_run_into_the_previous_item(self):
        _, rows = meetings_of(
            "Agency News Digest: March 4, 2026\n\n"
            "Energy ministers set to confer OSLO - Norway's Foreign Minister Ingrid Solberg-Haug said "
            "her meeting with Finnish Foreign Minister Aino Virtanen will come after the summit. "
            "Neighbours discuss border by phone LIMA - Peruvian Foreign Minister Rosa Quispe "
            "assured Chilean Foreign Minister Tomas Errazuriz in phone talks on Monday that the "
            "crossing would reopen.\n"
        )
        call = find(rows, "Rosa Quispe", "Tomas Errazuriz")
        self.assertEqual(len(call), 1, rows)
        self.assertEqual((call[0][0], call[0][1]), ("call", dt.date(2026, 3, 2)))
        self.assertFalse(
            [r for r in find(rows, "Ingrid Solberg-Haug", "Aino Virtanen") if r[6] == "reported"]
        )


class VideoAndDayTests(SimpleTestCase):
    def test_a_virtual_meeting_is_one_call_without_a_place(self):
        _, rows = meetings_of(
            "OSLO, May 8, 2026 (Agency) -- Norwegian Prime Minister Ingrid Solberg-Haug and her "
            "Finnish counterpart Aino Virtanen held a virtual meeting on Wednesday to review grid "
            "links.\n"
        )
        self.assertEqual(
            [(r[0], r[1], r[4]) for r in rows], [("call", dt.date(2026, 5, 6), None)], rows
        )

    def test_a_chaired_video_meeting_with_a_bracketed_name_and_its_attendees(self):
        _, rows = meetings_of(
            "OSLO, May 8, 2026 (Agency) -- On Thursday, Norwegian Foreign Minister Ingrid "
            "Solberg-Haug chaired the inaugural Norway + Baltic (N+B3) foreign ministers' video "
            "conference.\n\n"
            "Estonian Foreign Minister Kadri Tamm and Latvian Foreign Minister Ilze Ozola attended "
            "the conference.\n\n"
            "The ministers issued a joint communique afterwards.\n"
        )
        found = find(rows, "Ingrid Solberg-Haug", "Kadri Tamm", "Ilze Ozola")
        self.assertEqual(len(rows), 1, rows)
        self.assertEqual((found[0][1], found[0][4]), (dt.date(2026, 5, 7), None))

    def test_the_day_the_story_gives_beats_the_filing_date_and_a_recalled_month(self):
        row = the_meeting(
            "Ministers confer\n\n"
            "ROME - The Italian and Greek foreign ministers discussed migration by teleconference, "
            "the ministry announced on June 3, 2026.\n\n"
            "According to the ministry, Italian Foreign Minister Marco Bellini and Greek Foreign "
            "Minister Eleni Pappas held a virtual meeting as a follow-up to a leaders' summit in "
            "April.\n",
            "Marco Bellini",
            "Eleni Pappas",
        )
        self.assertEqual((row[1], row[6]), (dt.date(2026, 6, 3), "reported"))


class PageDateAndRangeTests(SimpleTestCase):
    def test_a_date_line_in_another_language_and_a_meeting_through_a_weekday(self):
        # 5 March 2026 is a Thursday: "through Saturday" ends on the 7th
        _, rows = meetings_of(
            "Giovedì 5 Marzo 2026\n"
            "Ministers gather on the coast\n\n"
            "The Northern Council ministers, meeting in Lakeview through Saturday, need a deal on "
            "fisheries, Norwegian Foreign Minister Ingrid Solberg-Haug told reporters.\n\n"
            "On Wednesday evening Solberg-Haug held talks with Finnish Foreign Minister Aino "
            "Virtanen.\n"
        )
        talks = find(rows, "Ingrid Solberg-Haug", "Aino Virtanen")
        self.assertEqual(len(talks), 1, rows)
        self.assertEqual(talks[0][1], dt.date(2026, 3, 4))


class GatheringDetailsTests(SimpleTestCase):
    def test_a_ministers_conference_its_sidelines_and_a_numbered_summit_recalled(self):
        _, rows = meetings_of(
            "RIGA, May 5, 2026 (Agency) -- Latvian Foreign Minister Ilze Ozola joined the "
            "Extraordinary Conference of Baltic Sea FMs on Tuesday.\n\n"
            "Participants included Estonian Foreign Minister Kadri Tamm and Danish Foreign "
            "Minister Mads Kjeldsen.\n\n"
            "At the 3rd Summit of the Baltic Sea Council, held on June 2, 2024, former President "
            "Juris Kalnins became honorary chairman.\n\n"
            "Ozola's speech returned to the goals agreed at the 3rd Summit.\n\n"
            "Council Secretary General Olaf Brekke told the attendees about plans for enlargement.\n\n"
            "On the margins of the conference, Ozola held a bilateral meeting with Lithuanian "
            "Foreign Minister Jonas Petraitis.\n"
        )
        reported = [r for r in rows if r[6] == "reported"]
        conference = find(reported, "Ilze Ozola", "Kadri Tamm", "Mads Kjeldsen", "Olaf Brekke")
        self.assertEqual(len(conference), 1, rows)
        self.assertEqual(conference[0][0], "ministerial")
        self.assertEqual(len(find(reported, "Ilze Ozola", "Jonas Petraitis")), 1, rows)
        self.assertEqual(len(reported), 2, rows)

    def test_a_possessive_group_is_not_someone_met(self):
        _, rows = meetings_of(
            "Summary of the Chancellor's calls\nApril 2, 2026\n\n"
            "Chancellor Laura Whitcombe today spoke separately with Prime Minister Jonas "
            "Petraitis of Lithuania and President Milena Horvat of Croatia.\n\n"
            "On both calls, the Chancellor thanked her counterparts' governments for their help.\n"
        )
        self.assertEqual(sorted(len(r[5]) for r in rows), [2, 2], rows)


class SpeakersAtAGatheringTests(SimpleTestCase):
    def test_an_address_by_x_joins_and_a_spokesperson_does_not(self):
        _, rows = meetings_of(
            "LIMA, June 9, 2026 (Agency) -- The session began on Tuesday with the national anthems.\n\n"
            "Then came an address by Peruvian Foreign Minister Rosa Quispe.\n\n"
            "Ahead of the session, Foreign Ministry spokeswoman Lucia Andrade told reporters that "
            "trade would top the agenda.\n\n"
            "Chilean Foreign Minister Tomas Errazuriz is also in Lima to attend the Andean ministerial "
            "meeting.\n"
        )
        [row] = find(rows, "Tomas Errazuriz")
        self.assertEqual(row[5], {"Tomas Errazuriz", "Rosa Quispe"})


class ReferenceDayTests(SimpleTestCase):
    def test_a_day_after_after_is_not_the_meetings_and_a_caps_dateline_is_its_city(self):
        _, rows = meetings_of(
            "Leaders meet\n\n"
            "2026-03-09 NAIROBI: Kenyan President Amina Odhiambo held talks with Ugandan President "
            "Grace Namutebi today.\n\n"
            "Namutebi is the earliest guest Odhiambo has received after her inauguration on "
            "March 2.\n"
        )
        self.assertEqual([(r[1], r[4]) for r in rows], [(dt.date(2026, 3, 9), "Nairobi")], rows)

    def test_a_headline_infinitive_is_planned(self):
        _, rows = meetings_of(
            "Agency News Digest: March 4, 2026\n\n"
            "Odhiambo and Namutebi to discuss trade NAIROBI - Kenyan President Amina Odhiambo is "
            "expected to receive Ugandan President Grace Namutebi in Nairobi on Thursday for "
            "their first talks.\n"
        )
        self.assertFalse([r for r in rows if r[6] == "reported"], rows)


class BetweenAndPlannedTests(SimpleTestCase):
    def test_present_at_the_meeting_between_a_and_b(self):
        _, rows = meetings_of(
            "ROME, Oct. 3, 2026 (Agency) -- Italian Foreign Minister Marco Bellini was also present "
            "at the meeting between Greek Prime Minister Eleni Pappas and Italian President Luca "
            "Ferri held tonight.\n\n"
            "During the talks, Pappas invited Ferri and Bellini to the next summit, set for Oct. 20 "
            "in Milan.\n"
        )
        self.assertEqual(len(rows), 1, rows)
        self.assertEqual(rows[0][5], {"Marco Bellini", "Eleni Pappas", "Luca Ferri"})
        self.assertEqual((rows[0][1], rows[0][4]), (dt.date(2026, 10, 3), "Rome"))

    def test_a_planned_meeting_is_not_stored(self):
        _, rows = meetings_of(
            "BEIJING, Oct. 27, 2026 (Agency) -- The call took place before a planned meeting "
            "between Peruvian President Rosa Quispe and Chilean President Tomas Errazuriz in Lima "
            "on Thursday.\n"
        )
        self.assertEqual(rows, [])


class StoryLeadTests(SimpleTestCase):
    def test_the_minister_of_later_sentences_is_the_person_the_lead_opens_with(self):
        _, rows = meetings_of(
            "GENEVA, March 6, 2026 (Agency) -- On Thursday Foreign Minister Karl Steiner held a "
            "string of talks on the margins of a disarmament conference.\n\n"
            "The Foreign Minister met his Chilean counterpart Tomas Errazuriz at the conference.\n\n"
            "He also met his Peruvian counterpart Rosa Quispe.\n\n"
            "The minister also met counterparts from Latvia and Croatia, Ilze Ozola and Ivo Kovac.\n"
        )
        for name in ("Tomas Errazuriz", "Rosa Quispe", "Ilze Ozola", "Ivo Kovac"):
            with self.subTest(name):
                found = find(rows, "Karl Steiner", name)
                self.assertEqual(len(found), 1, rows)
                self.assertEqual(found[0][1], dt.date(2026, 3, 5))
        self.assertEqual(len(rows), 4, rows)


class QuotedReleaseTests(SimpleTestCase):
    def test_a_statement_quoted_over_paragraphs_tells_its_call(self):
        _, rows = meetings_of(
            "Statement from the Secretary on the call\nApril 9, 2026\n\n"
            "\"This morning, President Rosa Quispe spoke at length by phone with Chile's President "
            "Tomas Errazuriz.\n\n"
            "President Quispe briefed President Errazuriz on her conversation with Bolivian "
            'President Marco Choque.\n\nThe two leaders will stay in touch."\n'
        )
        call = find(rows, "Rosa Quispe", "Tomas Errazuriz")
        self.assertEqual([(r[0], r[1]) for r in call], [("call", dt.date(2026, 4, 9))], rows)
        self.assertFalse(find(rows, "Tomas Errazuriz", "Marco Choque"), rows)


class RespectiveMeetingsTests(SimpleTestCase):
    def test_their_respective_meetings_with_a_group_are_one_each(self):
        _, rows = meetings_of(
            "OTTAWA, Oct. 9, 2026 (Agency) -- Canadian foreign minister Claire Dubois pledged support "
            "for the Arctic Council, and Norwegian foreign minister Ingrid Solberg-Haug offered "
            "funds, during their respective meetings with Baltic counterparts.\n"
        )
        self.assertEqual(
            sorted(tuple(sorted(r[5])) for r in rows),
            [("Claire Dubois",), ("Ingrid Solberg-Haug",)],
        )
        self.assertEqual({r[0] for r in rows}, {"ministerial"})


# Sentences that name two people near a meeting word but tell no meeting held between them.
NO_MEETING_HELD = [
    "Peruvian President Rosa Quispe said she looked forward to meeting Chilean President Tomas "
    "Errazuriz at the Pacific summit next month.",
    "Peruvian President Rosa Quispe, who met Chilean President Tomas Errazuriz last year, said "
    "trade would grow.",
    "Peruvian President Rosa Quispe met with reporters on Monday and called for talks with "
    "Chilean President Tomas Errazuriz.",
    "Peruvian President Rosa Quispe thanked Chilean President Tomas Errazuriz for hosting the "
    "Pacific summit.",
    "Peruvian President Rosa Quispe invited Chilean President Tomas Errazuriz to visit Lima.",
]


class NoMeetingHeldTests(SimpleTestCase):
    def test_rows(self):
        for sentence in NO_MEETING_HELD:
            with self.subTest(sentence):
                _, rows = meetings_of(f"LIMA, June 9, 2026 (Agency) -- {sentence}\n")
                self.assertFalse([r for r in rows if r[6] == "reported"], rows)

    def test_discussed_by_telephone_is_a_call(self):
        row = the_meeting(
            "LIMA, June 9, 2026 (Agency) -- Peruvian President Rosa Quispe on Monday discussed the "
            "border with Chilean President Tomas Errazuriz by telephone.\n",
            "Rosa Quispe",
            "Tomas Errazuriz",
        )
        self.assertEqual((row[0], row[1], row[4]), ("call", dt.date(2026, 6, 8), None))

    def test_who_failed_to_attend_is_no_participant(self):
        _, rows = meetings_of(
            "NAIROBI, Sept. 14, 2026 (Agency) -- Ugandan President Grace Namutebi was among the "
            "guests when Kenyan President Amina Odhiambo was sworn in on Tuesday.\n\n"
            "Opposition leader Peter Kamau did not attend the inauguration, citing security "
            "worries.\n"
        )
        self.assertFalse(find(rows, "Peter Kamau"), rows)


# (label, sentence after a dateline of Monday 3 June 2024 in Lindau, names, kind, city)
HELD_IN_ITS_OWN_CLAUSE = [
    (
        "a future in a relative clause about one of them",
        "Foreign Minister Ana Duarte of Portugal, who will chair the alliance next year, met "
        "Foreign Minister Piet Janssen of the Netherlands in Lindau on Monday.",
        {"Ana Duarte", "Piet Janssen"},
        "bilateral",
        "Lindau",
    ),
    (
        "an expected visit in a relative clause",
        "Foreign Minister Ana Duarte of Portugal, who is expected to visit Chile next month, met "
        "Foreign Minister Piet Janssen of the Netherlands in Lindau on Monday.",
        {"Ana Duarte", "Piet Janssen"},
        "bilateral",
        "Lindau",
    ),
    (
        "'ahead of' a coming event after the meeting's clause",
        "Foreign Minister Ana Duarte of Portugal met Foreign Minister Piet Janssen of the "
        "Netherlands in Lindau on Monday, ahead of the coming lake conference.",
        {"Ana Duarte", "Piet Janssen"},
        "bilateral",
        "Lindau",
    ),
    (
        "'held talks' by video link: no city",
        "Foreign Minister Ana Duarte of Portugal and Foreign Minister Piet Janssen of the "
        "Netherlands held talks by video link on Monday.",
        {"Ana Duarte", "Piet Janssen"},
        "bilateral",
        None,
    ),
    (
        "'held talks' over lunch",
        "Foreign Minister Ana Duarte of Portugal and Foreign Minister Piet Janssen of the "
        "Netherlands held talks over lunch on Monday.",
        {"Ana Duarte", "Piet Janssen"},
        "bilateral",
        "Lindau",
    ),
    (
        "'held talks' at a venue",
        "Foreign Minister Ana Duarte of Portugal and Foreign Minister Piet Janssen of the "
        "Netherlands held talks at the lakeside palace on Monday.",
        {"Ana Duarte", "Piet Janssen"},
        "bilateral",
        "Lindau",
    ),
    (
        "a dialogue of three is no bilateral",
        "Foreign Minister Ana Duarte of Portugal, Foreign Minister Piet Janssen of the "
        "Netherlands and Foreign Minister Tomas Reyn of Belgium took part in the Atlantic Ports "
        "Dialogue in Lindau on Monday.",
        {"Ana Duarte", "Piet Janssen", "Tomas Reyn"},
        "multilateral",
        "Lindau",
    ),
]


class HeldInItsOwnClauseTests(SimpleTestCase):
    def test_rows(self):
        for label, sentence, names, kind, city in HELD_IN_ITS_OWN_CLAUSE:
            with self.subTest(label):
                text = f"Talks\n\nLINDAU, June 3, 2024 (Agency) -- {sentence}\n"
                row = the_meeting(text, *names)
                self.assertEqual(row[5], names)
                self.assertEqual(row[0], kind)
                self.assertEqual(row[1], dt.date(2024, 6, 3))
                self.assertEqual(row[4], city)


# (label, article): a gathering whose participants are told after it is named; each gives
# one meeting of Monday 3 June 2024 in Jakarta with the three foreign ministers
ATTENDEES_TOLD_AFTER = [
    (
        "'It was attended by' in the next sentence",
        "The Coral Sea Foreign Ministers' Meeting was held in Jakarta on Monday. It was "
        "attended by Indonesian Foreign Minister Retno Wulan, Philippine Foreign Secretary "
        "Enrique Manalo Cruz and Fijian Foreign Minister Lisiate Vuna.\n",
    ),
    (
        "'under the chairmanship of' the chair, the others in the next paragraph",
        "The Coral Sea Foreign Ministers' Meeting was held in Jakarta on Monday under the "
        "chairmanship of Indonesian Foreign Minister Retno Wulan.\n\nThe meeting was attended "
        "by Philippine Foreign Secretary Enrique Manalo Cruz and Fijian Foreign Minister "
        "Lisiate Vuna.\n",
    ),
    (
        "a communique's list of heads of delegation after a colon",
        "The third meeting of the Coral Sea Council of Foreign Ministers took place in Jakarta "
        "on 3 June 2024.\n\nThe meeting was attended by the following heads of delegation:\n"
        "- Indonesia: Foreign Minister Retno Wulan\n"
        "- Philippines: Foreign Secretary Enrique Manalo Cruz\n"
        "- Fiji: Foreign Minister Lisiate Vuna\n\nThe next meeting will be held in Suva.\n",
    ),
]


class AttendeesToldAfterTests(SimpleTestCase):
    def test_rows(self):
        names = {"Retno Wulan", "Enrique Manalo Cruz", "Lisiate Vuna"}
        for label, body in ATTENDEES_TOLD_AFTER:
            with self.subTest(label):
                row = the_meeting(f"Ministers meet\n\nJAKARTA, June 3, 2024 (Agency) -- {body}")
                self.assertEqual(row[5], names)
                self.assertEqual((row[1], row[4]), (dt.date(2024, 6, 3), "Jakarta"))


# A day counted from the sentence before ("The next day X held talks with Y") is a day the
# story has told, not a plan; a plan told in reported speech stays unstored.
ARRIVED = (
    "Ministers meet\n\nVELMAR, March 4, 2025 (Agency) -- Peruvian Foreign Minister Orla Venn "
    "arrived in Velmar on Monday. "
)
DAY_AFTER_ROWS = [
    ("The next day Venn held talks with Norwegian Foreign Minister Tarek Hollis.", True),
    ("The next morning Venn met Norwegian Foreign Minister Tarek Hollis.", True),
    ("Venn held talks with Norwegian Foreign Minister Tarek Hollis the next day.", True),
    ("She said she would meet Norwegian Foreign Minister Tarek Hollis the next day.", False),
    ("She is to meet Norwegian Foreign Minister Tarek Hollis the next day.", False),
    ("Venn will meet Norwegian Foreign Minister Tarek Hollis next week.", False),
]


class DayAfterTests(SimpleTestCase):
    def test_rows(self):
        for sentence, held in DAY_AFTER_ROWS:
            with self.subTest(sentence):
                _, rows = meetings_of(ARRIVED + sentence + "\n")
                found = find(rows, "Orla Venn", "Tarek Hollis")
                self.assertEqual(len(found), int(held), rows)
                if held:
                    self.assertEqual(found[0][1], dt.date(2025, 3, 4))


class OneGroupEncounterTests(SimpleTestCase):
    """A group met without names ("met with Nordic foreign ministers") is told by the
    trigger and by "addressing the ministers" alike: one meeting, not two."""

    def test_a_group_met_or_addressed_is_one_meeting(self):
        lead = "OSLO, March 4, 2025 (Agency) -- Varnian Foreign Minister Elsa Trondvik "
        for tail, kind in [
            ("met with Nordic foreign ministers on Tuesday.", "ministerial"),
            ("met with the visiting trade ministers on Tuesday.", "ministerial"),
            ("held a group meeting with the ministers on Tuesday.", "ministerial"),
            ("held a group meeting with Nordic ambassadors on Tuesday.", "multilateral"),
            ("received the delegates on Tuesday.", "multilateral"),
            ("met with regional leaders on Tuesday to discuss energy.", "multilateral"),
        ]:
            with self.subTest(tail):
                _, rows = meetings_of(lead + tail + "\n")
                self.assertEqual(len(rows), 1, rows)
                self.assertEqual(rows[0][0], kind)
                self.assertEqual(rows[0][5], {"Elsa Trondvik"})

    def test_addressing_the_ministers_alone_is_still_a_meeting(self):
        _, rows = meetings_of(
            "OSLO, March 4, 2025 (Agency) -- Varnian Foreign Minister Elsa Trondvik, addressing "
            "the ministers on Tuesday, said trade would grow.\n"
        )
        self.assertEqual([(r[0], r[5]) for r in rows], [("multilateral", {"Elsa Trondvik"})])


class SceneOverDatelineTests(SimpleTestCase):
    """ "In <country>, X met Y" tells where, whatever city the dateline names."""

    def place(self, text):
        result, rows = meetings_of(text)
        self.assertEqual(len(result.meetings), 1, rows)
        return result.meetings[0].country, result.meetings[0].city

    def test_a_scene_country_drops_the_dateline_city(self):
        for body in [
            "In Ghana, Varnian Foreign Minister Elsa Trondvik met Ghanaian President Kwabena "
            "Osei-Darko on Tuesday.",
            "In Ghana, Varnian Foreign Minister Elsa Trondvik held talks with Ghanaian President "
            "Kwabena Osei-Darko on Tuesday.",
            "Varnian Foreign Minister Elsa Trondvik toured the region this week. In Ghana, she met "
            "Ghanaian President Kwabena Osei-Darko on Tuesday.",
        ]:
            with self.subTest(body):
                text = f"NAIROBI, March 4, 2025 (Agency) -- {body}\n"
                self.assertEqual(self.place(text), ("GH", None))

    def test_a_scene_city_and_the_dateline_country_keep_their_city(self):
        self.assertEqual(
            self.place(
                "NAIROBI, March 4, 2025 (Agency) -- In Kumasi, Varnian Foreign Minister Elsa "
                "Trondvik met Ghanaian President Kwabena Osei-Darko on Tuesday.\n"
            ),
            ("GH", "Kumasi"),
        )
        self.assertEqual(
            self.place(
                "NAIROBI, March 4, 2025 (Agency) -- In Kenya, Varnian Foreign Minister Elsa "
                "Trondvik met Kenyan President Jabali Mwangi on Tuesday.\n"
            ),
            ("KE", "Nairobi"),
        )
