"""Constructions of outlets the development corpus holds few of (ministry readouts, joint
statements, communiqués, news agencies of Asia, Africa, the Gulf and Latin America): each
test is an invented sentence of the class and the records it must give."""

from django.test import SimpleTestCase

from tests.builders import extract_text

LEAD = "Leaders meet\n\nMARLOW, June 3, 2024 (Agency) -- "


def persons_of(text):
    """{name: (country, [post titles])} of an article."""
    _, result = extract_text(text, "x.txt")
    return {p.name: (p.country, [x.title for x in p.positions]) for p in result.persons}


class PostBeforeACommaTests(SimpleTestCase):
    def test_honorifics_between_the_comma_and_the_name(self):
        found = persons_of(
            LEAD + "At the invitation of the President of Ghana, H.E. Mr. Kofi Boateng, the "
            "President of the Republic of Togo, H.E. Mr. Yao Amouzou, paid a State Visit.\n"
        )
        self.assertEqual(found["Kofi Boateng"], ("GH", ["President"]))
        self.assertEqual(found["Yao Amouzou"], ("TG", ["President"]))

    def test_a_place_after_the_verb_is_not_part_of_the_post(self):
        for sentence in (
            "The Chairperson of the Commission, H.E. Mr. Kofi Boateng, received today at the "
            "AU headquarters the Minister of Foreign Affairs of the Republic of Togo, H.E. "
            "Mrs. Ama Kodjo.",
            "President Kofi Boateng received at the State House the Minister of Foreign "
            "Affairs of Togo, Ama Kodjo.",
        ):
            with self.subTest(sentence):
                found = persons_of(LEAD + sentence + "\n")
                self.assertEqual(found["Ama Kodjo"], ("TG", ["Minister of Foreign Affairs"]))

    def test_the_post_of_an_international_official_before_a_comma_and_an_honorific(self):
        found = persons_of(
            LEAD + "The Chairperson of the African Union Commission, H.E. Kofi Boateng, "
            "received the Foreign Minister of Togo, Mrs. Ama Kodjo, on Monday.\n"
        )
        self.assertEqual(
            found["Kofi Boateng"], (None, ["Chairperson of the African Union Commission"])
        )
        self.assertEqual(found["Ama Kodjo"], ("TG", ["Foreign Minister"]))

    def test_an_abbreviated_honorific_ends_no_sentence(self):
        found = persons_of(
            LEAD + "At the invitation of the President of India, Smt. Radha Iyer, the "
            "President of Ghana, Mr. Kofi Boateng, visited New Delhi. Prime Minister "
            "Shri Vikram Rao called on him.\n"
        )
        self.assertEqual(found["Radha Iyer"], ("IN", ["President"]))
        self.assertEqual(found["Kofi Boateng"], ("GH", ["President"]))
        self.assertIn("Vikram Rao", found)

    def test_an_envoy_to_an_international_body_is_of_the_sending_country(self):
        for sentence, post in (
            (
                "The Chairperson, Kofi Boateng, received the Ambassador of Chile to ASEAN, "
                "H.E. Mr. Tomas Lagos, on Monday.",
                "Ambassador of Chile to ASEAN",
            ),
            (
                "The Chairperson, Kofi Boateng, received Chile's Ambassador to ASEAN Tomas "
                "Lagos on Monday.",
                "Ambassador to ASEAN",
            ),
            (
                "Kofi Boateng received the Permanent Representative of Chile to the United "
                "Nations, Tomas Lagos, on Monday.",
                "Permanent Representative of Chile to the United Nations",
            ),
        ):
            with self.subTest(sentence):
                found = persons_of(LEAD + sentence + "\n")
                self.assertEqual(found["Tomas Lagos"], ("CL", [post]))

    def test_an_official_of_an_international_body_has_no_country_from_the_post(self):
        found = persons_of(LEAD + "UN Special Envoy to Syria Tomas Lagos met Kofi Boateng.\n")
        self.assertEqual(found["Tomas Lagos"], (None, ["UN Special Envoy to Syria"]))

    def test_the_burmese_honorific_for_a_woman_is_not_the_name(self):
        found = persons_of(
            "Talks\n\nNAY PYI TAW, June 4, 2024 (Agency) -- State Counsellor Daw Thida Aung met "
            "Thai Foreign Minister Somchai Rattanakorn.\n"
        )
        self.assertEqual(found["Thida Aung"], ("MM", ["State Counsellor"]))

    def test_a_newly_appointed_post_before_a_comma(self):
        for sentence in (
            "The newly appointed Ambassador of Togo to Ghana, Ama Kodjo, paid a courtesy call "
            "on Speaker Kofi Boateng on Monday.",
            "The newly-appointed Ambassador of Togo, Ama Kodjo, called on Speaker Kofi "
            "Boateng on Monday.",
        ):
            with self.subTest(sentence):
                found = persons_of(LEAD + sentence + "\n")
                self.assertEqual(found["Ama Kodjo"][0], "TG")
                self.assertEqual(found["Kofi Boateng"], (None, ["Speaker"]))

    def test_a_list_of_domains_whose_last_but_one_is_no_domain_word(self):
        found = persons_of(
            LEAD + "The meeting was attended by Commissioner for Political Affairs, Peace and "
            "Security Kofi Boateng and Foreign Minister of Togo Ama Kodjo.\n"
        )
        self.assertEqual(
            found["Kofi Boateng"],
            (None, ["Commissioner for Political Affairs, Peace and Security"]),
        )
        self.assertEqual(found["Ama Kodjo"], ("TG", ["Foreign Minister"]))
        self.assertIn("Peace Mensah", persons_of(LEAD + "Peace Mensah met Ama Kodjo.\n"))

    def test_a_post_before_a_comma_as_the_object_of_the_verb(self):
        found = persons_of(
            LEAD + "Foreign Minister Kofi Boateng received Ambassador of the People's Republic "
            "of China, Li Wenqiao, on Monday. He also met Foreign Minister of Chile, Tomas Vidal, "
            "and Foreign Minister of Togo, Ama Kodjo.\n"
        )
        self.assertEqual(found["Li Wenqiao"], ("CN", ["Ambassador"]))
        self.assertEqual(found["Tomas Vidal"], ("CL", ["Foreign Minister"]))
        self.assertEqual(found["Ama Kodjo"], ("TG", ["Foreign Minister"]))

    def test_a_lower_case_description_before_a_comma_is_no_post(self):
        found = persons_of(
            LEAD + "President Kofi Boateng met Togo's newly elected president, Ama Kodjo, and "
            "discussed trade. President Ama Kodjo said trade would grow.\n"
        )
        self.assertEqual(found["Ama Kodjo"][1], ["President"])

    def test_a_post_of_the_long_form_of_a_country(self):
        found = persons_of(
            LEAD + "President of the Republic of Togo Yao Amouzou met Minister of State of "
            "Ghana Kofi Mensah.\n"
        )
        self.assertEqual(found["Yao Amouzou"], ("TG", ["President"]))
        self.assertEqual(found["Kofi Mensah"], ("GH", ["Minister of State"]))


class CounterpartTests(SimpleTestCase):
    def test_a_counterpart_holds_the_post_of_the_person_before(self):
        for sentence in (
            "Kenyan Foreign Minister Amina Odhiambo met her Ghanaian counterpart Kofi Mensah.",
            "Kenyan Foreign Minister Amina Odhiambo held talks with her Ghanaian counterpart, "
            "Kofi Mensah, on Monday.",
            "The Minister of Foreign Affairs, Amina Odhiambo, and her Ghanaian counterpart, "
            "Kofi Mensah, also took part.",
        ):
            with self.subTest(sentence):
                found = persons_of(LEAD + sentence + "\n")
                self.assertEqual(found["Kofi Mensah"][0], "GH")
                self.assertEqual(len(found["Kofi Mensah"][1]), 1)
                self.assertIn("Minister", found["Kofi Mensah"][1][0])

    def test_a_counterpart_from_a_country_holds_the_post_too(self):
        for sentence in (
            "Cuban Foreign Minister Raul Medina received his counterpart from Namibia, Selma "
            "Nangolo, on Monday.",
            "Cuban Foreign Minister Raul Medina received his counterpart of Namibia Selma "
            "Nangolo on Monday.",
        ):
            with self.subTest(sentence):
                found = persons_of(LEAD + sentence + "\n")
                self.assertEqual(found["Selma Nangolo"], ("NA", ["Foreign Minister"]))

    def test_no_post_when_the_person_before_has_none(self):
        found = persons_of(
            LEAD + "Amina Odhiambo, who arrived on Sunday, met her Ghanaian counterpart Kofi "
            "Mensah.\n"
        )
        self.assertEqual(found["Kofi Mensah"], ("GH", []))


class CounterpartListTests(SimpleTestCase):
    """ "her X and Y counterparts, A and B": the n-th demonym and the post of the person
    before go to the n-th name."""

    def test_each_counterpart_takes_the_demonym_in_its_place_and_the_post(self):
        rows = (
            (
                "Foreign Minister Anna Veltri met her Turkish and Georgian counterparts, "
                "Pavel Drach and Mira Solen, in Vienna.",
                {"Pavel Drach": "TR", "Mira Solen": "GE"},
            ),
            (
                "Foreign Minister Anna Veltri met his Kazakh and Kyrgyz counterparts Pavel "
                "Drach and Mira Solen in Vienna.",
                {"Pavel Drach": "KZ", "Mira Solen": "KG"},
            ),
            (
                "Foreign Minister Anna Veltri met her Turkish, Georgian and Azerbaijani "
                "counterparts Pavel Drach, Mira Solen and Ivo Karan in Vienna.",
                {"Pavel Drach": "TR", "Mira Solen": "GE", "Ivo Karan": "AZ"},
            ),
            (
                "Foreign Ministers Anna Veltri and Teo Marsh met their Estonian and Latvian "
                "colleagues, Pavel Drach and Mira Solen, in Vienna.",
                {"Pavel Drach": "EE", "Mira Solen": "LV"},
            ),
        )
        for sentence, countries in rows:
            with self.subTest(sentence):
                found = persons_of(LEAD + sentence + "\n")
                for name, iso2 in countries.items():
                    self.assertEqual(found[name], (iso2, ["Foreign Minister"]))

    def test_nothing_is_shared_when_demonyms_and_names_differ_in_number(self):
        for sentence in (
            "Foreign Minister Anna Veltri met her Turkish and Georgian counterparts, Pavel "
            "Drach, Mira Solen and Ivo Karan, in Vienna.",
            "Foreign Minister Anna Veltri met her Turkish, Georgian and Azerbaijani "
            "counterparts, Pavel Drach and Mira Solen, in Vienna.",
        ):
            with self.subTest(sentence):
                found = persons_of(LEAD + sentence + "\n")
                self.assertEqual(found["Pavel Drach"], (None, []))
                self.assertEqual(found["Mira Solen"], (None, []))

    def test_no_post_when_the_person_before_has_none(self):
        found = persons_of(
            LEAD + "Anna Veltri, who arrived on Sunday, met her Kazakh and Kyrgyz counterparts "
            "Pavel Drach and Mira Solen.\n"
        )
        self.assertEqual(found["Pavel Drach"], ("KZ", []))
        self.assertEqual(found["Mira Solen"], ("KG", []))


def speakers_of(text):
    """[(speaker name or None, text)] of an article's statements."""
    _, result = extract_text(text, "x.txt")
    return [
        (result.persons[s.speaker].name if s.speaker is not None else None, s.text)
        for s in result.statements
    ]


class TitleReferenceTests(SimpleTestCase):
    def test_the_prime_minister_is_not_the_deputy_prime_minister(self):
        said = speakers_of(
            LEAD + "Ghanaian Foreign Minister Kofi Mensah called on Prime Minister Amina "
            "Odhiambo. Deputy Prime Minister Tomas Berg was also present.\n\n"
            "The Prime Minister said Kenya valued its ties with Ghana.\n"
        )
        self.assertEqual(said, [("Amina Odhiambo", "Kenya valued its ties with Ghana")])

    def test_a_qualified_representative_is_the_one_holding_that_post(self):
        said = speakers_of(
            LEAD + "The meeting was chaired by the High Representative for Foreign Affairs, "
            "Anna Kowal. The Commissioner for Trade, Lars Berg, also attended.\n\n"
            "The High Representative said the union would stand by its partners.\n"
        )
        self.assertEqual(said, [("Anna Kowal", "the union would stand by its partners")])


class FamilyNameInCapitalsTests(SimpleTestCase):
    def test_a_family_name_in_capitals_after_an_honorific(self):
        found = persons_of(
            LEAD + "Mr. TANAKA Kenji, Minister for Foreign Affairs of Japan, met H.E. Mr. "
            "Jean DUPONT, Minister for Europe of France. Minister Tanaka welcomed the visit.\n"
        )
        self.assertEqual(found["TANAKA Kenji"], ("JP", ["Minister for Foreign Affairs"]))
        self.assertEqual(found["Jean DUPONT"], ("FR", ["Minister for Europe"]))

    def test_an_acronym_is_no_name(self):
        found = persons_of(LEAD + "The NATO Secretary General Anna Kowal met EU officials.\n")
        self.assertEqual(list(found), ["Anna Kowal"])


class HeadlinePostTests(SimpleTestCase):
    def test_the_country_of_a_post_without_a_name_is_not_the_next_person_s(self):
        found = persons_of(
            "Ghanaian FM calls on PM Odhiambo\n\nNAIROBI, March 4, 2025 (Agency) -- Ghanaian "
            "Foreign Minister Kofi Mensah called on Prime Minister Amina Odhiambo on Monday.\n"
        )
        self.assertEqual(found["Amina Odhiambo"], ("KE", ["Prime Minister"]))

    def test_a_senator_s_rank_after_another_post_is_a_post_of_its_own(self):
        found = persons_of(
            "Talks\n\nISLAMABAD, March 4, 2025 (Agency) -- Foreign Minister Senator Kamran "
            "Aziz met the visiting delegation.\n"
        )
        self.assertEqual(sorted(found["Kamran Aziz"][1]), ["Foreign Minister", "Senator"])


class HomeGovernmentTests(SimpleTestCase):
    def test_a_national_post_in_an_apposition_is_the_dateline_country_s(self):
        found = persons_of(
            "Minister receives guest\n\nABU DHABI, 22nd October, 2025 (Agency) -- His Highness "
            "Sheikh Tariq bin Saif Al Hamli, Deputy Prime Minister and Minister of Foreign "
            "Affairs, received today Khalid Nasser Al Ajmi, Minister of Foreign Affairs of the "
            "State of Kuwait. The meeting was attended by Omar Hilal Al Kaabi, Minister of "
            "State.\n"
        )
        self.assertEqual(found["Tariq bin Saif Al Hamli"][0], "AE")
        self.assertEqual(found["Khalid Nasser Al Ajmi"][0], "KW")
        self.assertEqual(found["Omar Hilal Al Kaabi"], ("AE", ["Minister of State"]))

    def test_the_secretary_of_a_council_is_not_a_national_post(self):
        found = persons_of(
            "Council meets\n\nABU DHABI, 22nd October, 2025 (Agency) -- Omar Hilal Al Kaabi, "
            "Secretary-General of the Gulf Cooperation Council, received the delegation.\n"
        )
        self.assertIsNone(found["Omar Hilal Al Kaabi"][0])


class PremisesTests(SimpleTestCase):
    def test_a_body_s_headquarters_is_a_place_not_a_body(self):
        _, result = extract_text(
            LEAD + "The Chairperson of the African Union Commission received the minister at "
            "the AU Headquarters. The Joint Operations Headquarters was briefed.\n",
            "x.txt",
        )
        names = {o.name for o in result.organisations if not o.implied}
        self.assertNotIn("AU Headquarters", names)
        self.assertIn("African Union", names)
        self.assertIn("Joint Operations Headquarters", names)

    def test_a_hall_named_after_an_assembly_is_a_building(self):
        _, result = extract_text(
            LEAD + "Speaker Ri Chol Man received Vice-President Anna Kowal of Poland at the "
            "Lakeside Assembly Hall on Monday.\n",
            "x.txt",
        )
        self.assertEqual([o.name for o in result.organisations if not o.implied], [])
        self.assertEqual([m.kind for m in result.meetings], ["bilateral"])

    def test_the_head_of_state_is_the_president_the_story_is_about(self):
        said = speakers_of(
            LEAD + "President Ana Quispe held talks with the President of Chile, Tomas Vidal, "
            "and Prime Minister Luis Paredes on Monday.\n\n"
            "The heads of state discussed trade.\n\n"
            "The Head of State highlighted that both nations share a common future.\n\n"
            "The Head of Government said the border would stay open.\n"
        )
        self.assertEqual(
            said,
            [
                ("Ana Quispe", "both nations share a common future"),
                ("Luis Paredes", "the border would stay open"),
            ],
        )

    def test_the_head_of_state_of_a_release_is_the_home_country_s(self):
        rows = (
            "A telephone conversation was held between President of Kazakhstan Nurlan Tekebay "
            "and President of Kyrgyzstan Almaz Osmonkul.",
            "President of Kyrgyzstan Almaz Osmonkul paid a visit to Kazakhstan and held "
            "talks with President of Kazakhstan Nurlan Tekebay.",
        )
        for sentence in rows:
            with self.subTest(sentence):
                said = speakers_of(
                    "Talks\n\nAstana, 11 March 2024 - " + sentence + "\n\nThe Head of State "
                    "said that the two countries were close allies and partners.\n"
                )
                self.assertEqual(
                    said, [("Nurlan Tekebay", "the two countries were close allies and partners")]
                )


class PresentAtTheTalksTests(SimpleTestCase):
    def test_people_who_were_present_at_the_talks_took_part(self):
        _, result = extract_text(
            LEAD + "President Ana Quispe met with Kyrgyz President Almaz Toktorov on Monday.\n\n"
            "Cai Wenhua and Zhou Ming were present at the talks.\n",
            "x.txt",
        )
        [meeting] = result.meetings
        names = {result.persons[p.entity].name for p in meeting.participants}
        self.assertEqual(names, {"Ana Quispe", "Almaz Toktorov", "Cai Wenhua", "Zhou Ming"})


class NameAfterAPostTests(SimpleTestCase):
    def test_a_name_after_a_post_opens_no_body_across_and(self):
        _, result = extract_text(
            LEAD + "Secretary Harlan Brooke met Foreign Minister Kofi Mensah. Secretary Brooke "
            "and Prime Cabinet Secretary Mensah discussed security.\n",
            "x.txt",
        )
        self.assertEqual([o.name for o in result.organisations if not o.implied], [])
        posts = {p.name: [x.title for x in p.positions] for p in result.persons}
        self.assertIn("Prime Cabinet Secretary", posts["Kofi Mensah"])
        self.assertNotIn("Secretary Brooke and Prime Cabinet Secretary", posts["Kofi Mensah"])


class AbbreviatedPostTests(SimpleTestCase):
    def test_a_post_with_its_acronym_is_no_body(self):
        _, result = extract_text(
            LEAD + "Indonesian Foreign Minister (FM) Ratna Dewi met the Secretary-General of "
            "the Coral Triangle Organisation (CTO) on Friday.\n",
            "x.txt",
        )
        names = {o.name for o in result.organisations if not o.implied}
        self.assertEqual(names, {"Coral Triangle Organisation"})
        posts = {p.name: [x.title for x in p.positions] for p in result.persons}
        self.assertEqual(posts["Ratna Dewi"], ["Foreign Minister"])

    def test_a_country_s_leader_is_its_head_of_state_or_government(self):
        text = (
            LEAD + "President Ana Quispe received President Kofi Mensah of Ghana on Tuesday.\n\n"
            '"Our nations must lead the way," the Ghanaian leader said.\n\n'
            '"We will not accept this deal," the opposition leader said.\n'
        )
        self.assertEqual(speakers_of(text), [("Kofi Mensah", "Our nations must lead the way")])


class SurnameAndAsideTests(SimpleTestCase):
    TEXT = (
        LEAD + "Indonesian Foreign Minister Ratna Dewi met Brazilian Foreign Minister Marcos "
        "Tavares Lima on Friday.\n\n"
        "Lima said Brazil welcomed the talks on food security.\n\n"
        "Dewi, meanwhile, noted that trade between the two countries was growing fast.\n\n"
        "The minister will fly to Lima on Sunday for talks on fisheries.\n"
    )

    def test_a_surname_that_is_also_a_city_speaks(self):
        self.assertIn(
            ("Marcos Tavares Lima", "Brazil welcomed the talks on food security"),
            speakers_of(self.TEXT),
        )

    def test_an_adverb_between_commas_sits_between_the_speaker_and_the_verb(self):
        self.assertIn(
            ("Ratna Dewi", "trade between the two countries was growing fast"),
            speakers_of(self.TEXT),
        )

    def test_the_city_after_a_preposition_stays_a_place(self):
        self.assertEqual(len(speakers_of(self.TEXT)), 2)

    def test_present_at_the_talks_after_a_welcome_ceremony_joins_the_talks(self):
        _, result = extract_text(
            LEAD + "President Ana Quispe met with Kyrgyz President Almaz Toktorov on Monday.\n\n"
            "Before the talks, Quispe held a welcome ceremony for Toktorov.\n\n"
            "Cai Wenhua and Zhou Ming were present at the talks.\n",
            "x.txt",
        )
        kinds = {
            m.kind: {result.persons[p.entity].name for p in m.participants} for m in result.meetings
        }
        self.assertEqual(
            kinds["bilateral"], {"Ana Quispe", "Almaz Toktorov", "Cai Wenhua", "Zhou Ming"}
        )
        self.assertEqual(kinds["ceremony"], {"Ana Quispe", "Almaz Toktorov"})

    def test_generic_words_after_a_post_of_the_union_name_no_body(self):
        _, result = extract_text(
            LEAD + "The High Representative of the Union for Foreign Affairs and Security "
            "Policy, Anna Kowal, met the Secretary of the National Security Council, Lars "
            "Berg.\n",
            "x.txt",
        )
        names = {o.name for o in result.organisations if not o.implied}
        self.assertEqual(names, {"National Security Council"})


class EncounterAsideTests(SimpleTestCase):
    def test_an_encounter_between_the_speaker_and_the_verb(self):
        said = speakers_of(
            LEAD + "Iranian Foreign Minister Reza Karimi in a meeting with his Omani "
            "counterpart Salim Al Harthy in Muscat on Sunday said that Tehran appreciates "
            "Oman's constructive role.\n"
        )
        self.assertEqual(said, [("Reza Karimi", "Tehran appreciates Oman's constructive role")])


class OfficialSpokespersonTests(SimpleTestCase):
    def test_the_official_spokesperson_in_an_apposition(self):
        found = persons_of(
            LEAD + "Ambassador Tamer Fahmy, the Official Spokesperson for the Ministry of "
            "Foreign Affairs, stated that the minister received his Greek counterpart.\n"
        )
        self.assertIn("Spokesperson for the Ministry of Foreign Affairs", found["Tamer Fahmy"][1])


class MonthInANameTests(SimpleTestCase):
    def test_a_month_that_ends_a_name_is_the_surname(self):
        _, result = extract_text(
            LEAD + "Chinese President Gao Jun met British Prime Minister Helen May on Monday. "
            "Gao said the visit opened a new chapter.\n",
            "x.txt",
        )
        found = {p.name: [x.title for x in p.positions] for p in result.persons}
        self.assertEqual(found, {"Gao Jun": ["President"], "Helen May": ["Prime Minister"]})
        self.assertEqual(len(result.meetings), 1)
        self.assertEqual(
            speakers_of(
                LEAD + "Chinese President Gao Jun said trade between the two nations grew.\n"
            ),
            [("Gao Jun", "trade between the two nations grew")],
        )

    def test_a_month_before_a_day_or_a_capitalised_word_stays_a_month(self):
        found = persons_of(
            "Orlov May Visit Marlow\n\nMARLOW, June 3, 2024 (Agency) -- The talks in Marlow "
            "Jun 5 were postponed.\n"
        )
        self.assertEqual(found, {})


class TwoCountryMeetingNameTests(SimpleTestCase):
    def test_a_summit_named_by_two_countries_is_their_meeting(self):
        _, result = extract_text(
            LEAD + "President Jabali Mwangi and Ghanaian President Kofi Mensah attended the "
            "Kenya-Ghana Summit in Nairobi on Monday. Mwangi held talks with Mensah on the "
            "sidelines of the summit.\n",
            "x.txt",
        )
        [meeting] = result.meetings
        names = {result.persons[p.entity].name for p in meeting.participants}
        self.assertEqual(names, {"Jabali Mwangi", "Kofi Mensah"})

    def test_the_meeting_named_in_a_dated_headline_is_the_one_told_below(self):
        _, result = extract_text(
            " date 2025-02-20 Japan-Brazil Foreign Ministers' Meeting\n\nOn February 20, Mr. "
            "SATO Kenji, Minister for Foreign Affairs of Japan, held a meeting with H.E. Mr. "
            "Paulo Ramires, Minister of Foreign Affairs of Brazil, in Osaka. Minister Sato "
            "stated that the two countries share fundamental values and principles.\n",
            "x.txt",
        )
        self.assertEqual([(m.kind, m.city) for m in result.meetings], [("bilateral", "Osaka")])


class StyleOfAddressTests(SimpleTestCase):
    def test_a_style_of_address_between_the_post_and_the_name_is_not_the_post(self):
        found = persons_of(
            "Leaders meet\n\nDOHA, March 3, 2025 (Agency) -- President His Highness Sheikh "
            "Hamdan Al Qasimi received President of the Republic of Ghana HE Kwame Asante and "
            "HRH Prince Saud bin Nayef.\n"
        )
        self.assertEqual(found["Hamdan Al Qasimi"], ("QA", ["President"]))
        self.assertEqual(found["Kwame Asante"], ("GH", ["President"]))
        self.assertEqual(found["Saud bin Nayef"][1], ["Prince"])

    def test_he_in_lower_case_is_a_pronoun(self):
        said = speakers_of(
            LEAD + "President Kwame Asante received the delegation. He said the talks had "
            "gone well for both sides.\n"
        )
        self.assertEqual(said, [("Kwame Asante", "the talks had gone well for both sides")])


class PortfolioTests(SimpleTestCase):
    def test_a_commissioner_s_portfolio_is_part_of_the_post_not_the_name(self):
        found = persons_of(
            LEAD + "Commissioner for Enlargement Pavel Novak met Minister for Digitalisation "
            "Kari Moe and Commissioner for Equality Rosa Fuentes.\n"
        )
        self.assertEqual(
            {name: posts for name, (_, posts) in found.items()},
            {
                "Pavel Novak": ["Commissioner for Enlargement"],
                "Kari Moe": ["Minister for Digitalisation"],
                "Rosa Fuentes": ["Commissioner for Equality"],
            },
        )


class HeadsOfDelegationTests(SimpleTestCase):
    def test_a_country_after_the_post_s_apposition_is_the_person_s(self):
        found = persons_of(
            "Ministers meet\n\nLINDAVIA, June 10, 2025 (Agency) -- The meeting was attended by "
            "the following heads of delegation:\n- H.E. Amos Kiplagat, Minister of Water, "
            "Republic of Kenya;\n- Mr. Baraka Mushi, Minister of Water, United Republic of "
            "Tanzania.\n\nIt was also attended by Kofi Mensah, Minister of Trade, Ghana, and Ama "
            "Kodjo, Minister of Finance, Togo.\n"
        )
        self.assertEqual(
            {name: country for name, (country, _) in found.items()},
            {"Amos Kiplagat": "KE", "Baraka Mushi": "TZ", "Kofi Mensah": "GH", "Ama Kodjo": "TG"},
        )


class OutletAndCapitalsTests(SimpleTestCase):
    def test_a_dateline_s_outlet_is_not_a_body_of_another_kind_with_its_acronym(self):
        _, result = extract_text(
            "PM receives envoy\n\nLindavia, January 22, 2025 AKP -- Prime Minister Sok Dara "
            "received Ambassador Lena Moss here this morning.\n",
            "x.txt",
        )
        self.assertEqual([o.name for o in result.organisations if not o.implied], [])
        [meeting] = result.meetings
        self.assertEqual(meeting.city, "Lindavia")

    def test_a_word_of_a_headline_in_capitals_is_no_acronym(self):
        _, result = extract_text(
            "PRESIDENT RECEIVES SPECIAL ENVOY OF THE PRESIDENT OF GHANA\n\n"
            + LEAD[14:]
            + "President Thabo Ndlovu received the envoy, Kofi Mensah.\n",
            "x.txt",
        )
        self.assertEqual([o.name for o in result.organisations if not o.implied], [])

    def test_the_words_of_a_long_style_are_not_the_name(self):
        found = persons_of(
            LEAD + "Samdech Thipadei Sok Dara, Prime Minister of Cambodia, received Samdech "
            "Akka Moha Sena Padei Techo Chea Vannak.\n"
        )
        self.assertEqual(sorted(found), ["Chea Vannak", "Sok Dara"])


class MoreSpeechVerbsTests(SimpleTestCase):
    def test_indicated_informed_and_opined_attribute_speech(self):
        said = speakers_of(
            LEAD + "Foreign Minister Kofi Mensah met Kenyan Foreign Minister Amina Odhiambo on "
            "Monday. Mensah indicated that Ghana would open an embassy in Nairobi next year. "
            "Odhiambo informed her host that Kenya had ratified the agreement. Mensah opined "
            "that the region needed a common market.\n"
        )
        self.assertEqual(
            said,
            [
                ("Kofi Mensah", "Ghana would open an embassy in Nairobi next year"),
                ("Amina Odhiambo", "Kenya had ratified the agreement"),
                ("Kofi Mensah", "the region needed a common market"),
            ],
        )


class ParticleSurnameFirstTests(SimpleTestCase):
    def test_a_surname_with_its_particle_in_the_headline_is_the_person_named_below(self):
        found = persons_of(
            "Secretary meets Omani Foreign Minister Al Harthy\n\nMARLOW, June 3, 2024 (Agency) "
            "-- Secretary Martin Hale met Omani Foreign Minister Salim Al Harthy on Monday.\n"
        )
        self.assertEqual(sorted(found), ["Martin Hale", "Salim Al Harthy"])


class SovereignStyleTests(SimpleTestCase):
    def test_a_sovereign_s_title_after_his_majesty_is_the_post_not_the_name(self):
        found = persons_of(
            LEAD + "His Majesty Sultan Hamzah Sulaiman hosted a state luncheon in honour of "
            "Indonesian President Budi Santoso on Monday. Dr. Sultan Al Varesi also attended.\n"
        )
        self.assertEqual(found["Hamzah Sulaiman"][1], ["Sultan"])
        self.assertIn("Sultan Al Varesi", found)


class PostBeforeTheSpeakerTests(SimpleTestCase):
    def test_the_speaker_s_post_before_the_name_is_not_the_words_said(self):
        said = speakers_of(
            "Envoy speaks\n\nGENEVA, May 30, 2025 (Agency) -- The UN special envoy for the "
            "region, Anders Lund, said on Friday the peace process was at a critical stage.\n"
        )
        self.assertEqual(len(said), 1)
        self.assertIn("the peace process was at a critical stage", said[0][1])
        self.assertNotIn("envoy", said[0][1])

    def test_a_clause_before_the_name_is_still_the_words_said(self):
        said = speakers_of(
            "Envoy speaks\n\nGENEVA, May 30, 2025 (Agency) -- The region's envoy is ready to "
            "mediate, Special Envoy Anders Lund said on Friday in Geneva.\n"
        )
        self.assertEqual(said, [("Anders Lund", "The region's envoy is ready to mediate")])


class MessageSenderTests(SimpleTestCase):
    def test_the_sender_of_greetings_is_of_the_country_of_the_one_who_brought_them(self):
        found = persons_of(
            "President receives minister\n\nABU DHABI, 3rd March, 2025 (Agency) -- President "
            "Hamdan Al Qasimi received Paraguayan Foreign Minister Ruben Acosta, who conveyed "
            "a message from President Santiago Benitez. Acosta also conveyed the greetings of "
            "Vice President Lucia Ortiz to the President.\n"
        )
        self.assertEqual(found["Santiago Benitez"][0], "PY")
        self.assertEqual(found["Lucia Ortiz"][0], "PY")
        self.assertEqual(found["Hamdan Al Qasimi"][0], "AE")


class PostAlsoAGivenNameTests(SimpleTestCase):
    """ "Amir" is a Gulf ruler's post and a common given name: the post only where it
    stands as one."""

    def test_the_amir_standing_as_a_post(self):
        rows = (
            (
                "His Highness the Amir Sheikh Faris bin Talal Al Dawsar received Chilean "
                "Foreign Minister Ines Marlow on Monday.",
                (None, ["Amir"]),
            ),
            (
                "The Amir of Kuwait, Sheikh Faris bin Talal Al Dawsar, received Chilean "
                "Foreign Minister Ines Marlow on Monday.",
                ("KW", ["Amir"]),
            ),
            (
                "Kuwaiti Amir Sheikh Faris bin Talal Al Dawsar received Chilean Foreign "
                "Minister Ines Marlow on Monday.",
                ("KW", ["Amir"]),
            ),
            (
                "Kuwaiti Amir Faris bin Talal Al Dawsar received Chilean Foreign Minister "
                "Ines Marlow on Monday.",
                ("KW", ["Amir"]),
            ),
        )
        for sentence, person in rows:
            with self.subTest(sentence):
                found = persons_of(LEAD + sentence + "\n")
                self.assertEqual(found["Faris bin Talal Al Dawsar"], person)
                self.assertEqual(found["Ines Marlow"], ("CL", ["Foreign Minister"]))

    def test_amir_as_a_given_name_stays_in_the_name(self):
        rows = (
            (
                "Pakistani Foreign Minister Amir Hassan Dorani met Chilean Foreign Minister "
                "Ines Marlow on Monday.",
                "Amir Hassan Dorani",
                ("PK", ["Foreign Minister"]),
            ),
            (
                "Iranian Foreign Minister Hadi Amir-Sorani met Chilean Foreign Minister Ines "
                "Marlow on Monday.",
                "Hadi Amir-Sorani",
                ("IR", ["Foreign Minister"]),
            ),
            ("Amir Tavani, a senior adviser, said the talks went well.", "Amir Tavani", None),
        )
        for sentence, name, person in rows:
            with self.subTest(sentence):
                found = persons_of(LEAD + sentence + "\n")
                self.assertIn(name, found)
                if person is not None:
                    self.assertEqual(found[name], person)


class PostsOfTheDatelineCountryTests(SimpleTestCase):
    """A post with no country told beside it: a post only one country has gives that
    country wherever the story is datelined; a national post gives the dateline's."""

    def test_a_post_only_one_country_has(self):
        rows = (
            (
                "Taoiseach Ciaran Doyland met Canadian Prime Minister Paul Levantin.",
                "Ciaran Doyland",
                "IE",
            ),
            ("Tanaiste Orla Keane met Canadian Prime Minister Paul Levantin.", "Orla Keane", "IE"),
            (
                "Federal Councillor Beat Imhof met Canadian Prime Minister Paul Levantin.",
                "Beat Imhof",
                "CH",
            ),
            (
                "External Affairs Minister Ravi Talvekar met Canadian Prime Minister Paul Levantin.",
                "Ravi Talvekar",
                "IN",
            ),
        )
        for sentence, name, iso2 in rows:
            with self.subTest(sentence):
                found = persons_of(LEAD + sentence + "\n")
                self.assertEqual(found[name][0], iso2)
                self.assertEqual(found["Paul Levantin"][0], "CA")

    def test_the_taoiseach_speaks(self):
        said = speakers_of(
            LEAD + "Taoiseach Ciaran Doyland met Canadian Prime Minister Paul Levantin. The "
            "Taoiseach said trade between the two countries would grow.\n"
        )
        self.assertEqual(said, [("Ciaran Doyland", "trade between the two countries would grow")])

    def test_national_posts_of_the_dateline_country(self):
        rows = (
            (
                "ACCRA, June 4, 2024 (Agency) -- The Minister for Foreign Affairs, Mrs. Efua "
                "Mensima, received Czech Deputy Foreign Minister Jan Drobek.",
                "Efua Mensima",
                "GH",
            ),
            (
                "DOHA, June 4, 2024 (Agency) -- His Highness the Amir Sheikh Faris bin Talal Al "
                "Dawsar received Czech Deputy Foreign Minister Jan Drobek.",
                "Faris bin Talal Al Dawsar",
                "QA",
            ),
            (
                "NAY PYI TAW, June 4, 2024 (Agency) -- State Counsellor Thida Aung received "
                "Czech Deputy Foreign Minister Jan Drobek.",
                "Thida Aung",
                "MM",
            ),
        )
        for sentence, name, iso2 in rows:
            with self.subTest(sentence):
                found = persons_of("Minister receives guest\n\n" + sentence + "\n")
                self.assertEqual(found[name][0], iso2)
                self.assertEqual(found["Jan Drobek"][0], "CZ")

    def test_a_dateline_that_names_a_country_is_its_capital(self):
        for place, iso2 in (("KUWAIT", "KW"), ("PANAMA", "PA")):
            with self.subTest(place):
                found = persons_of(
                    f"Minister receives guest\n\n{place}, June 4, 2024 (Agency) -- His Highness "
                    "the Crown Prince Sheikh Faris Al Dawsar received Czech Deputy Foreign "
                    "Minister Jan Drobek.\n"
                )
                self.assertEqual(found["Faris Al Dawsar"], (iso2, ["Crown Prince"]))

    def test_a_dateline_that_names_only_a_country_gives_no_home(self):
        found = persons_of(
            "Delegation visits\n\nNORWAY, June 4, 2024 - A delegation of Norway visited Peru. "
            "The delegation met Minister of Foreign Affairs Rosa Quispe in Lima.\n"
        )
        self.assertNotEqual(found["Rosa Quispe"][0], "NO")


class DelegationLeaderTests(SimpleTestCase):
    """ "a Czech delegation led by X": the delegation's country is X's, not the host's."""

    def test_the_leader_of_a_delegation_is_of_its_country(self):
        rows = (
            "Foreign Minister Efua Mensima has met a delegation from the Czech Republic led "
            "by Deputy Foreign Minister Jan Drobek.",
            "Foreign Minister Efua Mensima received a delegation of the Czech Republic headed "
            "by Deputy Foreign Minister Jan Drobek.",
            "A Czech delegation led by Deputy Foreign Minister Jan Drobek met Foreign Minister "
            "Efua Mensima on Monday.",
            "A Czech delegation, headed by Mr. Jan Drobek, met Foreign Minister Efua Mensima "
            "on Monday.",
        )
        for sentence in rows:
            with self.subTest(sentence):
                found = persons_of(
                    "Minister receives guests\n\nACCRA, June 4, 2024 (Agency) -- " + sentence + "\n"
                )
                self.assertEqual(found["Jan Drobek"][0], "CZ")
                self.assertEqual(found["Efua Mensima"][0], "GH")

    def test_the_leader_of_a_delegation_named_with_no_post_is_a_person(self):
        found = persons_of(
            LEAD
            + "Premier Lin Tsaorui met a delegation of Chilean lawmakers led by Tomas Vidal on "
            "Friday. A reform drive led by Andes Airways was also discussed.\n"
        )
        self.assertEqual(found["Tomas Vidal"], ("CL", []))
        self.assertNotIn("Andes Airways", found)

    def test_the_counterpart_of_the_one_leading_is_not_of_the_team_s_country(self):
        found = persons_of(
            LEAD + "Peruvian Adviser Rosa Quispe heads the Peruvian team. The Chilean team is "
            "led by Quispe's counterpart, Tomas Vidal.\n"
        )
        self.assertEqual(found["Tomas Vidal"][0], "CL")


class SharedShortFormTests(SimpleTestCase):
    """ "Korea" and "Korean" alone: the state the document means."""

    def countries_and_persons(self, sentence):
        _, result = extract_text(LEAD + sentence + "\n", "x.txt")
        countries = {(c.text, c.iso2) for c in result.countries}
        return countries, {p.name: p.country for p in result.persons}

    def test_korea_alone_beside_north_korea_is_the_south(self):
        countries, persons = self.countries_and_persons(
            "Korean Foreign Minister Seo Jun-kyeol met Polish Foreign Minister Anna Sowa. They "
            "condemned North Korea's missile launches. Seo said Korea would work with Poland."
        )
        self.assertIn(("Korea", "KR"), countries)
        self.assertIn(("North Korea", "KP"), countries)
        self.assertEqual(persons["Seo Jun-kyeol"], "KR")

    def test_korea_alone_where_only_the_dprk_is_named_is_the_dprk(self):
        countries, persons = self.countries_and_persons(
            "DPRK Foreign Minister Ri Song-chol met the Korean Ambassador Kim Ok-sun and "
            "Polish Foreign Minister Anna Sowa."
        )
        self.assertIn(("Korean", "KP"), countries)
        self.assertEqual(persons["Kim Ok-sun"], "KP")

    def test_the_korean_peninsula_is_no_state(self):
        countries, _ = self.countries_and_persons(
            "Polish Foreign Minister Anna Sowa discussed the Korean Peninsula with Chilean "
            "Foreign Minister Tomas Vidal."
        )
        self.assertEqual({iso2 for _, iso2 in countries}, {"PL", "CL"})


class HyphenatedGivenNameTests(SimpleTestCase):
    def test_a_title_word_before_a_hyphen_inside_a_given_name(self):
        for sentence, name in (
            (
                "Kim Son-ok, Minister of Foreign Affairs of the DPRK, met Chilean Ambassador "
                "Tomas Vidal on Friday.",
                "Kim Son-ok",
            ),
            ("Foreign Minister Ri Son-dal met Chilean Ambassador Tomas Vidal.", "Ri Son-dal"),
        ):
            with self.subTest(sentence):
                found = persons_of(LEAD + sentence + "\n")
                self.assertIn(name, found)
                self.assertEqual(found["Tomas Vidal"], ("CL", ["Ambassador"]))

    def test_a_title_with_a_hyphenated_modifier_stays_the_post(self):
        found = persons_of(LEAD + "Prime Minister-designate Kim Ho-ryeom met Tomas Vidal.\n")
        self.assertEqual(found["Kim Ho-ryeom"][1], ["Prime Minister-designate"])


def meetings_of(text):
    """[(kind, date, city, [participant names])] of an article."""
    _, result = extract_text(text, "x.txt")
    names = [p.name for p in result.persons]
    return [
        (m.kind, m.date and m.date.isoformat(), m.city, [names[x.entity] for x in m.participants])
        for m in result.meetings
    ]


class GreetingsExchangedTests(SimpleTestCase):
    def test_a_head_of_state_greeted_through_a_visitor_took_no_part(self):
        found = meetings_of(
            LEAD + "President Ama Kodjo received Chilean Foreign Minister Tomas Vidal on "
            "Monday. She welcomed the minister and exchanged greetings with President Rosa "
            "Quispe, which were conveyed by the visiting minister.\n"
        )
        self.assertEqual(
            found, [("bilateral", "2024-06-03", "Marlow", ["Ama Kodjo", "Tomas Vidal"])]
        )


class CityStateTests(SimpleTestCase):
    def test_a_country_whose_capital_bears_its_name_is_the_place_of_a_meeting(self):
        for sentence in (
            "Ghanaian Foreign Minister Ama Kodjo met Chilean Foreign Minister Tomas Vidal in "
            "Singapore on Saturday.",
            "Ghanaian Foreign Minister Ama Kodjo met Chilean Foreign Minister Tomas Vidal on the "
            "sidelines of a security dialogue in Monaco on Saturday.",
        ):
            with self.subTest(sentence):
                (meeting,) = meetings_of(LEAD.replace("MARLOW", "ACCRA") + sentence + "\n")
                self.assertIn(meeting[2], ("Singapore", "Monaco"))

    def test_a_country_is_still_no_city(self):
        (meeting,) = meetings_of(
            "Talks\n\nACCRA, June 3, 2024 (Agency) -- Ghanaian Foreign Minister Ama Kodjo met "
            "Chilean Foreign Minister Tomas Vidal in Peru on Saturday.\n"
        )
        self.assertNotEqual(meeting[2], "Peru")


class TanAsAFamilyNameTests(SimpleTestCase):
    def test_tan_before_a_given_name_is_the_family_name(self):
        found = persons_of(
            LEAD + "Singaporean Foreign Minister Tan Wei Heng met Malaysian Foreign Minister "
            "Tan Sri Azlan Kamil on Saturday.\n"
        )
        self.assertEqual(found["Tan Wei Heng"], ("SG", ["Foreign Minister"]))
        self.assertEqual(found["Azlan Kamil"], ("MY", ["Foreign Minister"]))


class UndatedStoryTests(SimpleTestCase):
    def test_a_story_with_no_date_anywhere_gives_an_undated_meeting(self):
        found = meetings_of(
            "Ministers discuss water\n\nUzbek Foreign Minister Timur Sobirov held talks with his "
            "Kyrgyz counterpart Aibek Toktosunov in Tashkent on Monday.\n"
        )
        self.assertEqual(
            found, [("bilateral", None, "Tashkent", ["Timur Sobirov", "Aibek Toktosunov"])]
        )

    def test_a_date_line_with_a_day_but_no_year_still_leaves_the_meeting_out(self):
        found = meetings_of(
            "Ministers talk\n\nNEW DELHI, Sept 27 (Agency) - Indian External Affairs Minister "
            "Vikram Rao spoke by phone with Chilean Foreign Minister Tomas Vidal on Thursday.\n"
        )
        self.assertEqual(found, [])

    def test_a_story_that_gives_years_but_no_day_still_leaves_the_meeting_out(self):
        found = meetings_of(
            "Ministers discuss water\n\nUzbek Foreign Minister Timur Sobirov held talks with his "
            "Kyrgyz counterpart Aibek Toktosunov in Tashkent on Monday, after a treaty signed "
            "in 2019.\n"
        )
        self.assertEqual(found, [])


class SidesHeadedByTests(SimpleTestCase):
    def test_each_side_s_head_took_part_in_the_consultations(self):
        found = meetings_of(
            "Consultations\n\nKUWAIT, April 7, 2025 (Agency) -- Kuwait and Chile held the fourth "
            "round of political consultations in Kuwait City on Monday. The Kuwaiti side was "
            "headed by Assistant Foreign Minister Nasser Al-Fadhli and the Chilean side by "
            "Director General Tomas Vidal.\n"
        )
        self.assertEqual(len(found), 1)
        self.assertEqual(
            found[0][1:], ("2025-04-07", "Kuwait City", ["Nasser Al-Fadhli", "Tomas Vidal"])
        )


class PostOpeningTheSentenceTests(SimpleTestCase):
    LEAD = "Delegation in Baku\n\nBAKU, June 2, 2025 (Agency) -- "

    def test_a_post_before_a_comma_opening_the_story_is_the_first_name_s(self):
        found = persons_of(
            self.LEAD + "Minister of Trade, Kamran Siddiqui and Defence Minister Tariq Lodhi met "
            "Azerbaijani Prime Minister Rauf Mammadli in Baku on Monday.\n"
        )
        self.assertEqual(found["Kamran Siddiqui"], (None, ["Minister of Trade"]))
        self.assertEqual(found["Tariq Lodhi"], (None, ["Defence Minister"]))
        self.assertEqual(found["Rauf Mammadli"], ("AZ", ["Prime Minister"]))

    def test_unmarked_guests_met_by_a_marked_host_are_one_delegation(self):
        found = meetings_of(
            self.LEAD + "Azerbaijani Prime Minister Rauf Mammadli met Minister of Trade, Kamran "
            "Siddiqui and Defence Minister Tariq Lodhi in Baku on Monday.\n"
        )
        self.assertEqual(len(found), 1)
        self.assertEqual(set(found[0][3]), {"Rauf Mammadli", "Kamran Siddiqui", "Tariq Lodhi"})

    def test_an_unmarked_national_post_under_the_dateline_is_still_the_host_s(self):
        found = persons_of(
            self.LEAD + "Prime Minister Rauf Mammadli met Chilean Foreign Minister Tomas Vidal in "
            "Baku on Monday.\n"
        )
        self.assertEqual(found["Rauf Mammadli"][0], "AZ")


class PresidentialTranscriptTests(SimpleTestCase):
    """A presidential transcript names its host bare; the guest addresses him by his post."""

    TEXT = (
        "Talks with the President of Chile\n\nThe Kremlin, Moscow, October 8, 2024\n\n"
        "Anton Petrov held talks with President of Chile Tomas Vidal, who is in Russia on a "
        "working visit.\n\n"
        "Anton Petrov: Mr President, friends, I am very glad to see you in Moscow again.\n\n"
        "Tomas Vidal: Thank you, Mr President. We value our partnership very highly indeed.\n"
    )

    def test_the_host_addressed_by_his_post_holds_it_and_is_of_the_venue_s_country(self):
        found = persons_of(self.TEXT)
        self.assertEqual(found["Anton Petrov"], ("RU", ["President"]))
        self.assertEqual(found["Tomas Vidal"], ("CL", ["President"]))

    def test_a_venue_before_the_city_in_the_date_line_is_not_the_city(self):
        self.assertEqual(
            meetings_of(self.TEXT),
            [("bilateral", "2024-10-08", "Moscow", ["Anton Petrov", "Tomas Vidal"])],
        )

    def test_with_three_speakers_who_is_addressed_is_not_told(self):
        found = persons_of(
            self.TEXT + "\nRosa Quispe: Thank you, Mr President. Peru joins these talks gladly.\n"
        )
        self.assertEqual(found["Anton Petrov"][1], [])


class SettingOfOnePersonsWordsTests(SimpleTestCase):
    def test_an_unnamed_gathering_where_one_person_spoke_is_no_meeting(self):
        for setting in ("at a meeting in Geneva", "at a conference on Tuesday", "at a summit"):
            with self.subTest(setting):
                found = meetings_of(
                    LEAD + f"Chilean Foreign Minister Tomas Vidal said {setting} that access "
                    "for aid convoys must be restored without delay.\n"
                )
                self.assertEqual(found, [])

    def test_a_named_gathering_where_one_person_spoke_is_still_one(self):
        found = meetings_of(
            LEAD + "Chilean Foreign Minister Tomas Vidal said at the Lakeside Security Forum in "
            "Geneva that access for aid convoys must be restored.\n"
        )
        self.assertEqual([(m[2], m[3]) for m in found], [("Geneva", ["Tomas Vidal"])])

    def test_two_people_at_an_unnamed_meeting_still_met(self):
        found = meetings_of(
            LEAD + "Chilean Foreign Minister Tomas Vidal and Peruvian Foreign Minister Rosa "
            "Quispe discussed trade at a meeting in Geneva on Monday.\n"
        )
        self.assertEqual(
            found, [("bilateral", "2024-06-03", "Geneva", ["Tomas Vidal", "Rosa Quispe"])]
        )


class LowerCasePostBeforeACommaTests(SimpleTestCase):
    def test_a_spokesman_for_a_body_in_lower_case_before_the_name_speaks(self):
        for post in ("the spokesman for the presidency", "a spokeswoman for the ministry"):
            with self.subTest(post):
                text = (
                    LEAD + "President Ama Kodjo received a phone call from Chilean President "
                    f"Tomas Vidal. The two presidents discussed trade and the new port, {post}, "
                    "Rosa Quispe, said.\n"
                )
                _, result = extract_text(text, "x.txt")
                names = [p.name for p in result.persons]
                self.assertIn("Rosa Quispe", names)
                (statement,) = result.statements
                self.assertEqual(names[statement.speaker], "Rosa Quispe")

    def test_a_lower_case_description_with_no_body_is_still_no_post(self):
        found = persons_of(
            LEAD + "President Kofi Boateng met Togo's newly elected president, Ama Kodjo, and "
            "discussed trade.\n"
        )
        self.assertEqual(found.get("Ama Kodjo", (None, []))[1], [])


class QuotationParagraphAfterAQuotationTests(SimpleTestCase):
    def statements(self, second_paragraph):
        _, result = extract_text(
            LEAD + "Chilean Foreign Minister Tomas Vidal met Peruvian Foreign Minister Rosa "
            f"Quispe on Monday.\n\n{second_paragraph}\n\n"
            '"We will work together on fisheries and on maritime security."\n',
            "x.txt",
        )
        names = [p.name for p in result.persons]
        return [(names[s.speaker], s.direct, s.text) for s in result.statements]

    def test_is_a_second_span_of_the_quotation_before(self):
        found = self.statements('"Peru is one of our closest partners in the region," Vidal said.')
        self.assertEqual(len(found), 1)
        speaker, direct, text = found[0]
        self.assertEqual((speaker, direct), ("Tomas Vidal", True))
        self.assertIn("closest partners", text)
        self.assertIn("maritime security", text)

    def test_after_reported_words_is_a_quotation_of_its_own(self):
        found = self.statements("Vidal said Peru was one of the closest partners of Chile.")
        self.assertEqual(
            [(speaker, direct) for speaker, direct, _ in found],
            [("Tomas Vidal", False), ("Tomas Vidal", True)],
        )


class HyphenatedMeetingNameTests(SimpleTestCase):
    def test_a_meeting_named_by_two_countries_joined_by_a_hyphen_is_an_encounter(self):
        for name in ("Japan-Chile Foreign Ministers' Meeting", "Japan-Chile Summit Meeting"):
            with self.subTest(name):
                found = meetings_of(
                    "Meeting\n\nTOKYO, March 5, 2025 -- On March 5, Mr. ONODA Hiroki, Minister "
                    f"for Foreign Affairs of Japan, held a {name} with H.E. Mr. Tomas Vidal, "
                    "Minister of Foreign Affairs of the Republic of Chile, who is visiting Japan.\n"
                )
                self.assertEqual(
                    found, [("bilateral", "2025-03-05", "Tokyo", ["ONODA Hiroki", "Tomas Vidal"])]
                )


class InvertedAttendanceTests(SimpleTestCase):
    def test_taking_part_were_a_b_and_c(self):
        for opening in ("Taking part were", "Also attending the meeting were"):
            with self.subTest(opening):
                (meeting,) = meetings_of(
                    "Ministers meet\n\nBRASILIA, Sept 2, 2024 (Agency) -- Foreign ministers of "
                    f"Mercosur met in Brasilia on Monday. {opening} Chilean Foreign Minister "
                    "Tomas Vidal, Peruvian Foreign Minister Rosa Quispe and Bolivian Foreign "
                    "Minister Ana Mamani.\n"
                )
                self.assertEqual(set(meeting[3]), {"Tomas Vidal", "Rosa Quispe", "Ana Mamani"})


class PostSetOffBeforeTheSpeakerTests(SimpleTestCase):
    def test_the_post_between_commas_is_not_part_of_the_words_said(self):
        _, result = extract_text(
            LEAD + "President Ama Kodjo received a phone call from Chilean President Tomas "
            "Vidal. The two presidents discussed trade and the new port, the adviser to the "
            "president, Rosa Quispe, said.\n",
            "x.txt",
        )
        (statement,) = result.statements
        self.assertEqual(statement.text, "The two presidents discussed trade and the new port")


class SaidOnAnotherDayTests(SimpleTestCase):
    def test_words_said_on_a_day_the_meeting_was_not_held_are_not_of_the_meeting(self):
        _, result = extract_text(
            "Ties\n\nACCRA, July 3, 2024 (Agency) -- Ghanaian Foreign Minister Kwesi Ofori said "
            "on Wednesday that relations with Togo had deepened since he met Togolese Foreign "
            "Minister Yawo Agbeko in Lome last month.\n",
            "x.txt",
        )
        (statement,) = result.statements
        self.assertEqual((statement.meeting, statement.date.isoformat()), (None, "2024-07-03"))

    def test_words_said_on_the_day_of_the_meeting_stay_linked(self):
        _, result = extract_text(
            "Ties\n\nACCRA, July 3, 2024 (Agency) -- Ghanaian Foreign Minister Kwesi Ofori met "
            "Togolese Foreign Minister Yawo Agbeko in Accra on Monday. Ofori said on Monday "
            "that relations with Togo had deepened a great deal.\n",
            "x.txt",
        )
        (statement,) = result.statements
        self.assertEqual((statement.meeting, statement.date.isoformat()), (0, "2024-07-01"))


class PostNamedLaterTests(SimpleTestCase):
    READOUT = (
        "Readout\n\nLONDON, Jan 30, 2025 -- The Prime Minister spoke with President of Kenya "
        "Samuel Kiptoo this afternoon.\n\n"
        "Prime Minister Edwin Marlowe congratulated President Kiptoo on the reforms.{more}\n"
    )

    def test_the_post_that_opens_a_readout_is_the_one_named_with_it_later(self):
        self.assertEqual(
            meetings_of(self.READOUT.format(more="")),
            [("call", "2025-01-30", None, ["Edwin Marlowe", "Samuel Kiptoo"])],
        )

    def test_two_people_named_later_with_the_post_leave_it_unresolved(self):
        found = meetings_of(
            self.READOUT.format(more=" Prime Minister Anna Lindqvist of Sweden joined later.")
        )
        self.assertNotIn("Edwin Marlowe", found[0][3])


class CourtesyVerbsTests(SimpleTestCase):
    """GUIDELINES: greetings and wishes passed on are courtesies (optional at most);
    condolences expressed are a statement."""

    def statements(self, sentence):
        _, result = extract_text(
            LEAD + "Ghanaian Foreign Minister Ama Kodjo received Chilean Ambassador Tomas Vidal "
            f"on Monday. {sentence}\n",
            "x.txt",
        )
        return [s.text for s in result.statements]

    def test_wishing_someone_well_is_no_statement(self):
        for sentence in (
            "Kodjo wished the people of Chile peace and prosperity.",
            "Kodjo wished the ambassador success in his new post and conveyed greetings from "
            "President Kofi Boateng.",
        ):
            with self.subTest(sentence):
                self.assertEqual(self.statements(sentence), [])

    def test_wishing_that_something_happens_is_speech(self):
        found = self.statements("Kodjo wished that trade between the two countries would grow.")
        self.assertEqual(found, ["trade between the two countries would grow"])

    def test_wishes_followed_by_words_of_substance_keep_the_words(self):
        found = self.statements(
            "Kodjo wished the ambassador success and stressed that Ghana would open a consulate."
        )
        self.assertEqual(found, ["Ghana would open a consulate"])

    def test_condolences_expressed_are_a_statement(self):
        found = self.statements(
            "Kodjo expressed condolences to the families of the victims of the floods."
        )
        self.assertEqual(len(found), 1)


class QuotedAsSayingTests(SimpleTestCase):
    def test_quoted_as_saying_with_a_post_or_the_one_who_quoted(self):
        for sentence in (
            "The state news agency quoted Foreign Minister Amir Qadri as saying that Pakistan "
            "would not accept any threat to its borders.",
            "Foreign Minister Amir Qadri was quoted by the state news agency as saying that "
            "Pakistan would not accept any threat to its borders.",
        ):
            with self.subTest(sentence):
                _, result = extract_text(LEAD + sentence + "\n", "x.txt")
                (statement,) = result.statements
                self.assertEqual(result.persons[statement.speaker].name, "Amir Qadri")
                self.assertEqual(
                    statement.text, "Pakistan would not accept any threat to its borders"
                )


class ToldTheAudienceTests(SimpleTestCase):
    def test_the_audience_told_with_no_that_is_not_part_of_the_words(self):
        _, result = extract_text(
            LEAD + "Chilean Foreign Minister Tomas Vidal told reporters the two countries had "
            "agreed to defend the trade pact.\n",
            "x.txt",
        )
        (statement,) = result.statements
        self.assertEqual(statement.text, "the two countries had agreed to defend the trade pact")


class SceneCityTests(SimpleTestCase):
    def test_a_national_post_in_a_sentence_opening_with_a_city_is_of_its_country(self):
        found = persons_of(
            "Tour\n\nNEW DELHI, March 2, 2025 (Agency) -- External Affairs Minister Vikram Rao "
            "returned on Sunday from a tour of the Gulf. In Muscat, he called on Sultan Tariq "
            "bin Faisal.\n"
        )
        self.assertEqual(found["Tariq bin Faisal"], ("OM", ["Sultan"]))
        self.assertEqual(found["Vikram Rao"][0], "IN")


class GreetingsExchangedWithTests(SimpleTestCase):
    def test_the_head_of_state_greeted_through_a_visitor_is_not_the_host_s(self):
        found = persons_of(
            "Visit\n\nABU DHABI, March 3, 2025 (Agency) -- President Khalid bin Saif received "
            "Chilean Foreign Minister Tomas Vidal today. He exchanged greetings with President "
            "Rosa Quispe, which were conveyed by the visiting minister.\n"
        )
        self.assertEqual(found["Khalid bin Saif"][0], "AE")
        self.assertIsNone(found["Rosa Quispe"][0])


class GatheringOfNamedCountriesTests(SimpleTestCase):
    LEAD = "Ministers meet\n\nVILNIUS, May 12, 2025 (Agency) -- "

    def test_the_ministers_of_three_countries_met_and_are_named_after(self):
        for names in (
            "Taking part were Lithuanian Foreign Minister Jonas Vaitkus, Latvian Foreign "
            "Minister Ilze Berzina and Estonian Foreign Minister Mart Kask.",
            "Participants: Lithuanian Foreign Minister Jonas Vaitkus, Latvian Foreign Minister "
            "Ilze Berzina and Estonian Foreign Minister Mart Kask.",
        ):
            with self.subTest(names):
                found = meetings_of(
                    self.LEAD + "The foreign ministers of Lithuania, Latvia and Estonia met in "
                    f"Vilnius on Monday.\n\n{names}\n"
                )
                self.assertEqual(
                    found,
                    [
                        (
                            "ministerial",
                            "2025-05-12",
                            "Vilnius",
                            ["Jonas Vaitkus", "Ilze Berzina", "Mart Kask"],
                        )
                    ],
                )

    def test_a_speaker_joins_the_gathering_of_the_named_countries(self):
        found = meetings_of(
            self.LEAD + "The foreign ministers of Lithuania, Latvia and Estonia met in Vilnius "
            "on Monday. Lithuanian Foreign Minister Jonas Vaitkus said the talks were useful.\n"
        )
        self.assertEqual([(m[0], m[3]) for m in found], [("ministerial", ["Jonas Vaitkus"])])


class BriefingHeardTests(SimpleTestCase):
    def test_who_briefed_the_council_took_part_in_its_meeting(self):
        found = meetings_of(
            "Communique\n\nADDIS ABABA, 12 March 2025 -- The Peace and Security Council of the "
            "African Union, at its 1250th meeting held on 11 March 2025, chaired by H.E. "
            "Ambassador Kwame Badu, Permanent Representative of Ghana to the African Union, "
            "considered the situation in the Sahel.\n\nThe Council heard a briefing by the "
            "Commissioner for Political Affairs, H.E. Ambassador Amina Odhiambo.\n"
        )
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0][1], "2025-03-11")
        self.assertEqual(set(found[0][3]), {"Kwame Badu", "Amina Odhiambo"})


class RunsUntilTests(SimpleTestCase):
    def test_the_day_a_gathering_runs_until_is_its_last_day_not_its_first(self):
        for sentence in (
            "The Lakeside Forum opened on Monday and will run until June 5.",
            "The Lakeside Forum, which runs until June 5, opened on Monday.",
        ):
            with self.subTest(sentence):
                _, result = extract_text(
                    LEAD + sentence + " Kenyan President Amina Odhiambo addressed the opening "
                    "session.\n",
                    "x.txt",
                )
                (meeting,) = result.meetings
                self.assertEqual(
                    (meeting.date.isoformat(), meeting.end_date.isoformat()),
                    ("2024-06-03", "2024-06-05"),
                )


class ParticipleAsideTests(SimpleTestCase):
    def test_an_aside_opened_by_a_participle_is_skipped_back_to_the_speaker(self):
        for aside in (
            "citing figures from the customs service of Ghana",
            "responding to a question about the border",
        ):
            with self.subTest(aside):
                _, result = extract_text(
                    LEAD + "Ghanaian Foreign Minister Kwesi Ofori met Togolese Foreign Minister "
                    f"Yawo Agbeko on Monday.\n\nAgbeko, {aside}, said trade had fallen by a "
                    "third since the closure.\n",
                    "x.txt",
                )
                (statement,) = result.statements
                self.assertEqual(result.persons[statement.speaker].name, "Yawo Agbeko")
                self.assertEqual(statement.text, "trade had fallen by a third since the closure")


class WelcomedAPersonTests(SimpleTestCase):
    def statements(self, sentence):
        _, result = extract_text(
            LEAD + "Ghanaian Foreign Minister Kwesi Ofori met Togolese Foreign Minister Yawo "
            f"Agbeko on Monday.\n\n{sentence}\n",
            "x.txt",
        )
        return [(result.persons[s.speaker].name, s.text) for s in result.statements]

    def test_the_one_welcomed_who_speaks_is_the_speaker(self):
        self.assertEqual(
            self.statements(
                "Ofori welcomed Agbeko, who said Togo wanted a new trade corridor to the north."
            ),
            [("Yawo Agbeko", "Togo wanted a new trade corridor to the north")],
        )

    def test_welcoming_a_person_and_saying_something(self):
        self.assertEqual(
            self.statements(
                "Ofori welcomed the minister and said Ghana valued the work of Togolese traders."
            ),
            [("Kwesi Ofori", "Ghana valued the work of Togolese traders")],
        )

    def test_welcoming_a_decision_is_still_speech(self):
        self.assertEqual(
            self.statements("Ofori welcomed Agbeko's decision to reopen the border crossing."),
            [("Kwesi Ofori", "Agbeko's decision to reopen the border crossing")],
        )
