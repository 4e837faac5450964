"""Countries, organisations and persons found in short articles written for these tests."""

from django.test import SimpleTestCase

from articles.extraction import Lexicon, extract
from articles.reading import read_document
from diplomacy.names import name_key, org_key, post_key
from tests.builders import extract_text


def run(text):
    return extract_text(text, "t.txt")


def persons(text):
    _, result = run(text)
    return {p.name: p for p in result.persons}


def organisations(text):
    _, result = run(text)
    out = {}
    for m in result.organisations:
        out.setdefault(m.name, m)
    return out


class CountryTests(SimpleTestCase):
    def test_names_short_names_and_demonyms(self):
        _, result = run(
            "The Kazakh President welcomed delegates from the Kyrgyz Republic, the People's "
            "Republic of China and Türkiye. Ivory Coast sent a message.\n"
        )
        self.assertEqual({c.iso2 for c in result.countries}, {"KZ", "KG", "CN", "TR", "CI"})

    def test_regions_are_not_countries(self):
        _, result = run("Leaders of Central Asia and the collective West met in Asia.\n")
        self.assertEqual(result.countries, [])

    def test_spans_point_at_the_original_text(self):
        document, result = run("Talks with \u201cChinese\u201d partners.\n")
        for c in result.countries:
            self.assertEqual(document.text[c.start : c.end], c.text)


class OrganisationTests(SimpleTestCase):
    def test_acronym_defined_in_parentheses(self):
        orgs = organisations(
            "The Institute for Caspian Energy Studies (ICES) hosted the talks. ICES experts spoke.\n"
        )
        org = orgs["Institute for Caspian Energy Studies"]
        self.assertEqual(org.acronym, "ICES")

    def test_reference_organisations_and_spelling_variants_share_a_key(self):
        _, result = run(
            "The Shanghai Cooperation Organization and the Shanghai Cooperation Organisation "
            "(SCO) are one body. The SCO Secretariat agreed.\n"
        )
        keys = {m.key for m in result.organisations if m.acronym == "SCO"}
        self.assertEqual(len(keys), 1)
        self.assertIn("SCO Secretariat", {m.name for m in result.organisations})

    def test_ministries_take_one_canonical_name(self):
        orgs = organisations(
            "Officials of the Ministry of Foreign Affairs of Mongolia met the Kazakh MFA and "
            "the Chinese Foreign Ministry.\n"
        )
        self.assertIn("Ministry of Foreign Affairs of Mongolia", orgs)
        self.assertIn("Ministry of Foreign Affairs of Kazakhstan", orgs)
        self.assertIn("Ministry of Foreign Affairs of China", orgs)

    def test_parliaments_universities_and_parties(self):
        orgs = organisations(
            "Members of the Parliament of Mongolia visited Tashkent State University and met "
            "leaders of the Liberal Party of Canada. The Estonian parliament sent greetings.\n"
        )
        self.assertIn("Parliament of Mongolia", orgs)
        self.assertIn("Tashkent State University", orgs)
        self.assertIn("Liberal Party of Canada", orgs)
        self.assertIn("Parliament of Estonia", orgs)
        self.assertEqual(orgs["Tashkent State University"].kind, "university")

    def test_nested_bodies_are_both_named(self):
        orgs = organisations("She opened the Language Centre at Almaty State University.\n")
        self.assertIn("Language Centre at Almaty State University", orgs)
        self.assertIn("Almaty State University", orgs)

    def test_initiatives_and_summits_are_not_organisations(self):
        orgs = organisations("The Global Green Initiative was discussed at the Sixth Summit.\n")
        self.assertEqual(orgs, {})

    def test_reference_bodies_are_found_in_either_spelling(self):
        lex = Lexicon([], [{"name": "Global Harbour Organisation", "other_names": []}])
        for sentence in (
            "The Global Harbor Organization met.\n",
            "The Global Harbour Organisation met.\n",
        ):
            with self.subTest(sentence=sentence):
                document = read_document(sentence.encode(), "t.txt")
                names = {m.name for m in extract(document, lex).organisations}
                self.assertEqual(names, {"Global Harbour Organisation"})

    def test_reference_bodies_are_found_with_or_without_the_after_of(self):
        lex = Lexicon([], [{"name": "Council of Coastal Speaking States", "other_names": []}])
        document = read_document(b"The Council of the Coastal Speaking States met.\n", "t.txt")
        names = {m.name for m in extract(document, lex).organisations}
        self.assertEqual(names, {"Council of Coastal Speaking States"})

    def test_a_name_is_not_found_across_a_lower_case_word(self):
        lex = Lexicon([], [{"name": "Delta Plus", "other_names": []}])
        document = read_document(b"The Delta plus Gamma dialogue met.\n", "t.txt")
        self.assertEqual(extract(document, lex).organisations, [])

    def test_organisation_key_folds_spelling(self):
        self.assertEqual(
            org_key("Good-Neighbourliness Commission"), org_key("Good-Neighborliness Commission")
        )
        self.assertEqual(org_key("The Regional Centre"), org_key("Regional Center"))


class PersonTests(SimpleTestCase):
    def test_title_before_name_gives_post_and_country(self):
        found = persons("Mongolian Foreign Minister Nomin Bayar arrived in Astana.\n")
        person = found["Nomin Bayar"]
        self.assertEqual(person.country, "MN")
        self.assertEqual([p.title for p in person.positions], ["Foreign Minister"])

    def test_two_posts_joined_by_and(self):
        found = persons(
            "Deputy Prime Minister and Minister of Foreign Affairs of Estonia Liisa Rebane spoke.\n"
        )
        titles = {p.title for p in found["Liisa Rebane"].positions}
        self.assertEqual(titles, {"Deputy Prime Minister", "Minister of Foreign Affairs"})
        self.assertEqual(found["Liisa Rebane"].country, "EE")

    def test_honorifics_are_not_part_of_the_name(self):
        found = persons(
            "Secretary General of the Organization for Security and Co-operation in Europe "
            "(OSCE) Ambassador Jonas Lindqvist met Ms. Anna Kowal and Datuk Seri Hamid Rahman, "
            "Malaysian Foreign Minister.\n"
        )
        self.assertIn("Jonas Lindqvist", found)
        self.assertIn("Anna Kowal", found)
        self.assertIn("Hamid Rahman", found)
        self.assertEqual(found["Anna Kowal"].gender, "f")
        # an official of an international organisation has no country unless the text says
        self.assertIsNone(found["Jonas Lindqvist"].country)
        self.assertIn("Ambassador", {p.title for p in found["Jonas Lindqvist"].positions})

    def test_apposition_after_the_name(self):
        found = persons(
            "Greta Aalto, vice chairperson of the Finnish Parliament, met Lars Berg, foreign "
            "minister of Norway, in Oslo.\n"
        )
        self.assertEqual(found["Lars Berg"].country, "NO")
        self.assertEqual(found["Greta Aalto"].country, "FI")
        self.assertIn("Foreign minister", {p.title for p in found["Lars Berg"].positions})

    def test_apposition_may_start_with_the_country(self):
        found = persons("Aibek Dosov, Kazakhstan's ambassador to Japan, opened the exhibition.\n")
        self.assertEqual(found["Aibek Dosov"].country, "KZ")
        self.assertIn("Ambassador to Japan", {p.title for p in found["Aibek Dosov"].positions})

    def test_full_name_repeated_without_title_is_the_same_person(self):
        document, result = run(
            "Kenyan President Daniel Mwangi arrived. Later, Daniel Mwangi and the mayor toured "
            "the port.\n"
        )
        self.assertEqual([p.name for p in result.persons], ["Daniel Mwangi"])
        self.assertEqual(len([m for m in result.person_mentions if m.form == "full"]), 2)

    def test_persons_known_to_the_register_need_no_title(self):
        known = Lexicon([], [], person_keys={name_key("Daniel Mwangi")})
        document = read_document(b"Daniel Mwangi arrived in the city.\n", "t.txt")
        self.assertEqual(persons("Daniel Mwangi arrived in the city.\n"), {})
        result = extract(document, known)
        self.assertEqual([p.name for p in result.persons], ["Daniel Mwangi"])

    def test_particle_names_stay_whole(self):
        found = persons(
            "Qatari Prime Minister Khalid bin Rashid Al Nuaimi met European Commission President "
            "Greta von der Heide and Vietnamese Deputy Foreign Minister Trần Thị Minh Châu.\n"
        )
        self.assertIn("Khalid bin Rashid Al Nuaimi", found)
        self.assertIn("Greta von der Heide", found)
        self.assertIn("Trần Thị Minh Châu", found)
        self.assertEqual(found["Trần Thị Minh Châu"].country, "VN")

    def test_hyphenated_names_stay_whole(self):
        found = persons("South Korean Foreign Minister Park Ji-ho met Kassym-Omar Serikbay.\n")
        self.assertIn("Park Ji-ho", found)

    def test_surnames_resolve_to_the_person_introduced(self):
        document, result = run(
            "Kenyan President Daniel Mwangi met Ghanaian President Kofi Mensah. Mwangi said "
            "trade matters. Mensah agreed.\n"
        )
        names = {p.name for p in result.persons}
        self.assertEqual(names, {"Daniel Mwangi", "Kofi Mensah"})
        surnames = [m for m in result.person_mentions if m.form == "surname"]
        self.assertEqual(
            [result.persons[m.entity].name for m in surnames], ["Daniel Mwangi", "Kofi Mensah"]
        )

    def test_spelling_variants_in_one_article_are_one_person_with_an_alias(self):
        found = persons(
            "Tajik Foreign Minister Farrukh Nazarov spoke. Foreign Minister of Tajikistan Farruh "
            "Nazarov also met reporters.\n"
        )
        self.assertEqual(len(found), 1)
        (person,) = found.values()
        self.assertEqual(len(person.aliases), 1)

    def test_people_sharing_a_surname_stay_two(self):
        found = persons(
            "Kyrgyz President Adyl Temirov met Prime Minister Bolot Temirov. Temirov said...\n"
        )
        self.assertEqual(set(found), {"Adyl Temirov", "Bolot Temirov"})

    def test_capitalised_headlines_are_not_people(self):
        found = persons(
            "Primary Responsibilities Outlined\nSignificance Of The Summit\nThe ministers met.\n"
        )
        self.assertEqual(found, {})

    def test_photo_credits_are_not_people(self):
        found = persons(
            "The minister at the meeting, Jan. 5, 2025. (Xinhua/Lin Bao)\n\nBEIJING, Jan. 5 "
            "(Xinhua) -- The talks went well.\n"
        )
        self.assertEqual(found, {})

    def test_extraction_is_deterministic(self):
        text = "Austrian Foreign Minister Helga Brandt met Slovak Foreign Minister Pavol Hudak.\n"
        first, second = run(text)[1], run(text)[1]
        self.assertEqual(first, second)


class NameKeyTests(SimpleTestCase):
    def test_transliteration_variants_share_a_key(self):
        for a, b in [
            ("Karimzadegan", "Karim-Zadegan"),
            ("Bahromjon", "Bakhromjon"),
            ("Tokobayev", "Tokobaev"),
            ("Nurojon", "Nurodjon"),
            ("Vũ Thảo", "Vu Thao"),
            ("Zholdoshev", "Joldoshev"),
            ("Zhanarbek", "Janarbek"),
        ]:
            self.assertEqual(name_key(a), name_key(b), (a, b))

    def test_different_names_keep_different_keys(self):
        for a, b in [
            ("Temir Osmonaliev", "Bakyt Osmonaliev"),
            ("Chen Lirong", "Chen Haowen"),
            ("Kurbanmuhamedov", "Kurbanmuhamedova"),
            ("Ivan Petrov", "Ivan Petrova"),
            ("Zhang Ruolan", "Jiang Ruolan"),
        ]:
            self.assertNotEqual(name_key(a), name_key(b), (a, b))


class TitleAcrossACommaTests(SimpleTestCase):
    def test_counterpart_named_after_a_comma(self):
        found = persons(
            "Irish Foreign Minister Cormac Dunne later sat down with his Canadian counterpart, "
            "Elise Marchand-Roy, in Dublin.\n"
        )
        self.assertEqual(found["Elise Marchand-Roy"].country, "CA")

    def test_title_then_comma_then_name(self):
        found = persons(
            "Delegates heard from the UN Special Envoy for the Sahel, Ruth Okafor-Bale.\n"
        )
        self.assertIn("Ruth Okafor-Bale", found)
        self.assertIsNone(found["Ruth Okafor-Bale"].country)

    def test_country_named_after_the_name(self):
        found = persons(
            "The council was chaired by Ambassador Kebe Alemu of Ethiopia, on the crisis in "
            "Sudan.\n"
        )
        self.assertEqual(found["Kebe Alemu"].country, "ET")

    def test_organ_named_after_its_body(self):
        orgs = organisations("The African Union Coastal Safety Council met on Sudan.\n")
        self.assertIn("African Union Coastal Safety Council", orgs)

    def test_a_known_organ_is_found_however_its_body_and_organ_words_are_ordered(self):
        for sentence, name in (
            (
                "The African Union Peace and Security Council met on Sudan.\n",
                "Peace and Security Council of the African Union",
            ),
            (
                "Envoys met before the Shanghai Cooperation Organization (SCO) Council of "
                "Foreign Ministers opened.\n",
                "Council of Foreign Ministers of the Shanghai Cooperation Organisation",
            ),
        ):
            with self.subTest(sentence=sentence):
                self.assertIn(name, organisations(sentence))


class AcronymKeyTests(SimpleTestCase):
    def test_an_acronym_spelled_out_gives_the_same_body(self):
        _, result = run(
            "He is a member of the Political Bureau of the CPC Central Committee. Another is a "
            "member of the Political Bureau of the Communist Party of China Central Committee.\n"
        )
        keys = {m.key for m in result.organisations if "Bureau" in m.name}
        self.assertEqual(len(keys), 1)

    def test_party_from_the_reference_data_gives_a_country(self):
        found = persons(
            "Li Wenhua, a member of the Political Bureau of the CPC Central Committee, toured a "
            "steel plant in Wuhan.\n"
        )
        self.assertEqual(found["Li Wenhua"].country, "CN")


class OrganTests(SimpleTestCase):
    def test_an_organ_named_after_its_body_belongs_to_it(self):
        _, result = run("The African Union Coastal Safety Council met on the crisis.\n")
        organ = next(m for m in result.organisations if m.name.endswith("Safety Council"))
        au = next(m for m in result.organisations if m.acronym == "AU")
        self.assertEqual(organ.parent_key, au.key)
        self.assertEqual(organ.kind, "intergovernmental")


class RegionAndItsTests(SimpleTestCase):
    def test_a_province_in_the_title_gives_the_country(self):
        found = persons(
            "Secretary of the Party Committee of Hunan Province Gao Shuren cut the ribbon.\n"
        )
        self.assertEqual(found["Gao Shuren"].country, "CN")

    def test_its_chairman_belongs_to_the_body_named_before(self):
        found = persons(
            "The award went to the Mongolian Association of Engineers (MAE) and its Chairman "
            "Bold Ganzorig.\n"
        )
        self.assertEqual(found["Bold Ganzorig"].country, "MN")

    def test_regions_are_not_country_mentions(self):
        _, result = run("Delegates from Xinjiang and Sichuan Province attended.\n")
        self.assertEqual(result.countries, [])

    def test_a_city_that_is_also_a_surname_stays_in_the_name(self):
        found = persons("Chinese Vice Premier Gao Weiming met the delegation.\n")
        self.assertIn("Gao Weiming", found)


class DescriptorWordsInNamesTests(SimpleTestCase):
    def test_a_descriptor_word_can_end_a_name_of_two_or_more_parts(self):
        names = persons(
            "Talks\n\nHANOI, May 2, 2025 (Agency) -- Vietnamese Foreign Minister Tran Van Son "
            "met his Lao counterpart on Friday. Tran Van Son said ties were strong.\n"
        )
        self.assertIn("Tran Van Son", names)
        self.assertNotIn("Tran Van", names)


class HyphenatedTitleTests(SimpleTestCase):
    def test_office_at_the_end_of_a_hyphenated_title_is_not_a_body(self):
        found = organisations(
            "Chair visits\n\nRIGA, May 5, 2025 (Agency) -- The Chairperson-in-Office of the "
            "Organization for Security and Co-operation in Europe (OSCE), Latvian Foreign "
            "Minister Ilze Berzina, arrived in Riga on Monday.\n"
        )
        self.assertEqual(
            {m.key for m in found.values() if "security" in m.key},
            {"organizationforsecurityandcooperationineurope"},
        )


class TitleCaseHeadlineTests(SimpleTestCase):
    def test_a_headline_verb_does_not_join_the_name_before_it(self):
        found = persons(
            "Vice President Lin Hao Meets with Foreign Minister of Laos Somsak Vongkham\n\n"
            "On the afternoon of May 20, 2024, Vice President Lin Hao met with Lao Foreign "
            "Minister Somsak Vongkham in Beijing.\n"
        )
        self.assertIn("Lin Hao", found)
        self.assertFalse(any(name.endswith("Meets") for name in found))


class SovereignTests(SimpleTestCase):
    def test_a_monarch_or_pope_with_one_name_is_a_person(self):
        found = persons(
            "Audience\n\nVADUZ, May 5, 2025 (Agency) -- King Edric IV received Ghanaian "
            "President Kwame Asante on Monday. Later, Pope Corvin met Asante.\n"
        )
        self.assertEqual(found["Edric IV"].positions[0].title, "King")
        self.assertEqual(found["Corvin"].positions[0].title, "Pope")

    def test_other_titles_still_need_a_full_name(self):
        found = persons(
            "Talks\n\nLIMA, May 5, 2025 (Agency) -- Minister Romero met President Lucia "
            "Vargas on Monday.\n"
        )
        self.assertNotIn("Romero", found)


class PlaceNamesAreNotPeopleTests(SimpleTestCase):
    def test_a_peninsula_or_strait_is_not_a_person(self):
        found = persons(
            "Talks\n\nSEOUL, May 5, 2025 (Agency) -- Foreign Minister Park Min-jun met "
            "Japanese Foreign Minister Sato Kenji on Monday. They discussed the situation on "
            "the Korean Peninsula, the ministry said, and in the Taiwan Strait, officials said.\n"
        )
        self.assertNotIn("Korean Peninsula", found)
        self.assertNotIn("Taiwan Strait", found)


class DatelineCountryTests(SimpleTestCase):
    TEXT = (
        "Talks\n\nLIMA, May 5, 2025 (Agency) -- Prime Minister Lucia Romero received "
        "Secretary of State Tomas Araya and Chilean President Pablo Rojas on Monday.\n"
    )

    def test_a_bare_national_title_in_a_datelined_story_is_the_home_government(self):
        self.assertEqual(persons(self.TEXT)["Lucia Romero"].country, "PE")

    def test_other_offices_and_stated_nationalities_are_not_overridden(self):
        found = persons(self.TEXT)
        self.assertIsNone(found["Tomas Araya"].country)
        self.assertEqual(found["Pablo Rojas"].country, "CL")

    def test_the_head_of_an_international_body_by_its_gets_no_country(self):
        found = persons(
            "Talks\n\nQUITO, May 5, 2025 (Agency) -- Ecuadorian President Pablo Rojas met a "
            "delegation of the African Union led by its Chairperson Amara Diallo on Monday.\n"
        )
        self.assertIsNone(found["Amara Diallo"].country)


class ParticleSurnameTests(SimpleTestCase):
    def test_a_surname_with_particles_opening_a_sentence_is_the_same_person(self):
        _, result = run(
            "THE HAGUE, 3 March 2025 (Agency) - Dutch Foreign Minister Pieter van den Bosch "
            "hosted his Belgian counterpart Marie de la Croix on Monday.\n\n"
            'Van den Bosch told reporters that Europe must do more. "We cannot wait," he said.\n\n'
            "De la Croix said that Belgium would coordinate with its neighbours.\n"
        )
        self.assertEqual(
            sorted(p.name for p in result.persons), ["Marie de la Croix", "Pieter van den Bosch"]
        )
        speakers = {result.persons[s.speaker].name for s in result.statements}
        self.assertEqual(speakers, {"Pieter van den Bosch", "Marie de la Croix"})

    def test_a_royal_named_by_style_and_given_name_is_the_person_named_in_full(self):
        _, result = run(
            "DOHA, May 2, 2025 (Agency) - Qatari Foreign Minister Prince Khalid bin Nasser Al "
            "Marri received Kenyan Foreign Minister Amina Odhiambo in Doha on Friday.\n\n"
            "Prince Khalid said the two countries would expand trade.\n"
        )
        names = [p.name for p in result.persons]
        self.assertEqual(sorted(names), ["Amina Odhiambo", "Khalid bin Nasser Al Marri"])
        khalid = result.persons[names.index("Khalid bin Nasser Al Marri")]
        self.assertEqual(khalid.positions[0].title, "Foreign Minister")
        [statement] = result.statements
        self.assertEqual(result.persons[statement.speaker].name, "Khalid bin Nasser Al Marri")


class ListedPersonsTests(SimpleTestCase):
    """A coordinated list of names is a list of persons when the list as a whole says so."""

    ROWS = [
        # (invented sentence, {name: (country, title or None)})
        (
            "Among the guests were Tomas Verell of Benin, Ana Kivu of Ghana and Rolf Amaro of "
            "The Gambia.\n",
            {"Tomas Verell": ("BJ", None), "Ana Kivu": ("GH", None), "Rolf Amaro": ("GM", None)},
        ),
        (
            "Heads of delegation included Tomas Verell (Benin), Ana Kivu (Ghana) and Rolf Amaro "
            "(The Gambia).\n",
            {"Tomas Verell": ("BJ", None), "Ana Kivu": ("GH", None), "Rolf Amaro": ("GM", None)},
        ),
        (
            "On Tuesday she also held talks with the foreign ministers of Portugal Rita Alves, "
            "Estonia Mart Kask, and Croatia Ivo Babic.\n",
            {
                "Rita Alves": ("PT", "Foreign Minister"),
                "Mart Kask": ("EE", "Foreign Minister"),
                "Ivo Babic": ("HR", "Foreign Minister"),
            },
        ),
        (
            "The session was attended by foreign ministers of Georgia – Levan Bero, "
            "Armenia – Aram Petyan and Moldova – Ion Cazac.\n",
            {
                "Levan Bero": ("GE", "Foreign Minister"),
                "Aram Petyan": ("AM", "Foreign Minister"),
                "Ion Cazac": ("MD", "Foreign Minister"),
            },
        ),
        (
            "Later he phoned his counterparts from Kenya and Finland, Wanjiru Lima and "
            "Aki Virta.\n",
            {"Wanjiru Lima": ("KE", None), "Aki Virta": ("FI", None)},
        ),
        (
            "According to the statement, Ulla Brenner, Marc Fabre, Anne-Sophie Le Goff and Ben "
            "Hartley joined a video conference.\n",
            {
                "Ulla Brenner": (None, None),
                "Marc Fabre": (None, None),
                "Anne-Sophie Le Goff": (None, None),
                "Ben Hartley": (None, None),
            },
        ),
    ]

    def test_members_of_a_list_of_persons_are_persons_with_their_countries(self):
        for sentence, expected in self.ROWS:
            with self.subTest(sentence=sentence):
                found = persons(sentence)
                self.assertEqual(set(found), set(expected))
                for name, (country, title) in expected.items():
                    self.assertEqual(found[name].country, country, name)
                    if title:
                        self.assertIn(title, [p.title for p in found[name].positions])

    def test_lists_that_do_not_say_they_are_of_persons_give_none(self):
        for sentence in (
            "Visitors saw Notre Dame, Grand Palais and Saint Denis.\n",
            "The fund invested in Blue Harbor, Green Field and Red Stone last year.\n",
            "Delegates arrived from Spain, France and Italy.\n",
        ):
            with self.subTest(sentence=sentence):
                self.assertEqual(persons(sentence), {})

    def test_a_capital_city_can_end_a_name(self):
        found = persons("Rosa Lima said the visit to Lima was useful.\n")
        self.assertIn("Rosa Lima", found)


class NamedBodyTests(SimpleTestCase):
    """Bodies the reference data does not know, named by the shape of their names."""

    FOUND = [
        # (invented sentence, a body it names)
        (
            "Delegates applauded the Speaker of the Joint Assembly of the Highland Republics, "
            "Orhan Temel.\n",
            "Joint Assembly of the Highland Republics",
        ),
        (
            "A report went to the Board of Trustees of the Lakeside Heritage Fund.\n",
            "Board of Trustees of the Lakeside Heritage Fund",
        ),
        (
            "Also present was Economic Planning Council Senior Adviser for Ports Paul Imre.\n",
            "Economic Planning Council",
        ),
        (
            "Officers will gather for the Joint Fisheries Commission talks next week.\n",
            "Joint Fisheries Commission",
        ),
        ("In a workshop, the Ministry of Energy laid out its plans.\n", "Ministry of Energy"),
        (
            "The letter reached the Permanent Mission of Peru on Friday.\n",
            "Permanent Mission of Peru",
        ),
        ("Pia Norell, chief of KAVRO, opened the session.\n", "KAVRO"),
        ("The NATO Alliance held firm.\n", "North Atlantic Treaty Organization"),
    ]
    NOT_FOUND = [
        # (invented sentence, a phrase that names no body)
        ("Dinner was served at the Palm Court Conference Centre.\n", "Conference Centre"),
        ("The Mendez Administration's policy changed.\n", "Administration"),
        ("Donors funded the Coastal Resilience Office Initiative last year.\n", "Office"),
        ("She was accompanied by Deputy Director Ivo Marks.\n", "Marks"),
        ("Members of the Assembly of Heads of State and Government voted.\n", "Heads of"),
    ]

    def test_bodies_named_by_the_shape_of_their_names(self):
        for sentence, name in self.FOUND:
            with self.subTest(sentence=sentence):
                self.assertIn(name, organisations(sentence))

    def test_phrases_that_look_like_bodies_but_are_not(self):
        for sentence, part in self.NOT_FOUND:
            with self.subTest(sentence=sentence):
                names = [n for n in organisations(sentence) if n.startswith(part) or part in n]
                if part == "Heads of":
                    names = [n for n in names if n.startswith(part)]
                self.assertEqual(names, [])


class NotPersonsTests(SimpleTestCase):
    """Capitalised pairs that the words around them do not make persons."""

    ROWS = [
        # (invented sentence, expected persons)
        ("The agenda includes the 2031 State of the Harbour Report.\n", set()),
        ("The work will be watched by the Interim Monitor Team.\n", set()),
        ("Readout of Senior Delegation Official Visit to Ruritania\n", set()),
        ("It will co-host the second Special Coastal Plus Three Summit.\n", set()),
        ("Borduria's FM Ivo Kalns Engages Partners at the Forum\n", {"Ivo Kalns"}),
        ("Upon arrival in Ankara Petrov told reporters the talks would go well.\n", {"Petrov"}),
        (
            "Trade Minister K Arunachal toured the port. She shared photos on X. Arunachal "
            "later met exporters.\n",
            {"K Arunachal"},
        ),
    ]

    def test_titles_without_a_post_headline_verbs_and_cities_are_not_names(self):
        for sentence, expected in self.ROWS:
            with self.subTest(sentence=sentence):
                found = set(persons(sentence))
                self.assertEqual(found - {"Petrov"}, expected - {"Petrov"})
                self.assertNotIn("Ankara Petrov", found)


class HonorificsAndParticlesTests(SimpleTestCase):
    """Honorifics stay out of a name; particles, hyphens and fathers' names stay in."""

    ROWS = [
        # (invented sentence, the one person it names)
        (
            "Interior Minister Sheikh Hadi bin Sultan Al Rumaithi opened the session.\n",
            "Hadi bin Sultan Al Rumaithi",
        ),
        ("Climate Envoy Dr. Sultan Al Varesi signed the pact.\n", "Sultan Al Varesi"),
        (
            "The visitors were greeted by Crown Prince Sheikh Fahad bin Khalil al-Qadiri.\n",
            "Fahad bin Khalil al-Qadiri",
        ),
        ("Minister of State Nasser al-Kindari announced the budget.\n", "Nasser al-Kindari"),
        ("Also at the dinner was Pengiran Muda \u2018Idris Kamaludin.\n", "Idris Kamaludin"),
        ("Ustaz Awang Hamzi Yusof Rahmat read the opening verses.\n", "Hamzi Yusof Rahmat"),
        (
            "Sultan of Brunei Sultan Yusri Aminuddin opened the forum. Sultan Yusri thanked the "
            "guests later.\n",
            "Yusri Aminuddin",
        ),
        (
            "President Tomas Ignacio Vargas Llorente landed. President Vargas Llorente praised the "
            "hosts. Afterwards Tomas Ignacio repeated the point.\n",
            "Tomas Ignacio Vargas Llorente",
        ),
    ]

    def test_the_name_without_honorifics_and_with_its_particles(self):
        for sentence, name in self.ROWS:
            with self.subTest(sentence=sentence):
                self.assertEqual(list(persons(sentence)), [name])


class OneNameWrittenTwoWaysTests(SimpleTestCase):
    """One person whose full name a document writes two ways (identity.same_person)."""

    ROWS = [
        # (invented article, the persons it names: {name: other names})
        (
            "President Jon Harlow hosts Prime Minister of Arcadia\n\n"
            "WASHINGTON, May 3, 2025 -- President Jon Q. Harlow, Jr. met Prime Minister "
            "Lena Brask at the White House on Friday. President Harlow said the talks were "
            "useful. Jonathan Harlow later thanked her.\n",
            {"Jon Harlow", "Lena Brask"},
        ),
        (
            "DOHA, May 3, 2025 -- Crown Prince Sheikh Khalid bin Faris bin Saqr Al Merrani "
            "received Foreign Minister Saif bin Faris Al Merrani and his father, Emir Faris "
            "bin Saqr Al Merrani. Later, Sheikh Khaled bin Faris al-Merrani said the talks "
            "went well.\n",
            {"Khalid bin Faris", "Saif bin Faris", "Faris bin Saqr"},
        ),
        (
            "PARIS, May 3, 2025 -- Senator Bill Tresk met Governor William Tresk of the "
            "northern province on Friday.\n",
            {"Bill Tresk", "William Tresk"},  # two posts: two persons
        ),
        (
            "Jon Harlow meets Arcadian leader\n\nWASHINGTON, May 3, 2025 -- President Jon Q. "
            "Harlow Jr. met Prime Minister Lena Brask at the White House on Friday.\n",
            {"Jon Harlow", "Lena Brask"},  # the headline's short name is the president's
        ),
        (
            "WASHINGTON, May 3, 2025 -- President Jon Harlow met Prime Minister Lena Brask at "
            "the White House on Friday. His son Jon Harlow Jr. said the lunch was pleasant.\n",
            {"Jon Harlow", "Jon Harlow Jr.", "Lena Brask"},  # father and son
        ),
    ]

    def test_one_person_however_the_name_is_written(self):
        for text, expected in self.ROWS:
            with self.subTest(text=text):
                found = persons(text)
                self.assertEqual(len(found), len(expected), found)
                for start in expected:
                    named = [n for n in found if n == start or n.startswith(start)]
                    named = [n for n in named if n == start or n not in expected]
                    self.assertEqual(len(named), 1, (start, found))

    def test_the_other_writings_are_other_names(self):
        found = persons(self.ROWS[0][0])
        harlow = next(p for name, p in found.items() if name.endswith("Harlow"))
        self.assertIn("Jon Q. Harlow", [harlow.name, *harlow.aliases])
        self.assertIn("Jonathan Harlow", [harlow.name, *harlow.aliases])


class CountryFromContextTests(SimpleTestCase):
    """A person's country when no title gives it: the scene of a meeting, not a place."""

    ROWS = [
        # (invented sentence, {name: country})
        (
            "In Zambia, Special Envoy Ada Pine met with Vice President Mwila Banda and "
            "Minister of Mines Chola Phiri.\n",
            {"Ada Pine": None, "Mwila Banda": "ZM", "Chola Phiri": "ZM"},
        ),
        (
            "The team arrived in Denmark, and Senior Adviser Per Holm promised further visits.\n",
            {"Per Holm": None},
        ),
        (
            "She praised Uruguay's sovereignty and President Leo Ferro's reforms.\n",
            {"Leo Ferro": None},
        ),
        ("The deal may help US President Cal Brandt at home.\n", {"Cal Brandt": "US"}),
        # speaking or acting for a country
        ("Envoy Mr. Bram Olin reaffirmed Canada's support for the talks.\n", {"Bram Olin": "CA"}),
        ("Envoy Bram Olin reaffirmed U.S. backing for the talks.\n", {"Bram Olin": "US"}),
        ("Envoy Bram Olin reaffirmed the UK's backing for the talks.\n", {"Bram Olin": "GB"}),
        (
            "Envoy Bram Olin expressed Norway's solidarity with the flood victims.\n",
            {"Bram Olin": "NO"},
        ),
        ("Vice President Mwila Banda led Zambia's team at the fair.\n", {"Mwila Banda": "ZM"}),
        ("Minister Pia Norell said Finland would back the proposal.\n", {"Pia Norell": "FI"}),
        # a country in another person's title is that person's
        (
            "Sultan of Brunei Sultan Yusri Aminuddin received Prime Minister Datuk Rahim Jalal.\n",
            {"Yusri Aminuddin": "BN", "Rahim Jalal": None},
        ),
        (
            "She sat with her Argentine counterpart Julio Paz and Senator Eva Ruiz.\n",
            {"Julio Paz": "AR", "Eva Ruiz": "AR"},
        ),
        # a sea or peninsula is a place
        (
            "Fishing rights in the South China Sea were raised by Minister Kim Do-yun.\n",
            {"Kim Do-yun": None},
        ),
        # the countries of a plural title in the sentence before, in order
        (
            "Foreign ministers of Italy, Greece and Malta spoke by phone on Friday.\n\n"
            "A statement said Gianna Serra, Yannis Kordas and Mario Zerafa joined the call.\n",
            {"Gianna Serra": "IT", "Yannis Kordas": "GR", "Mario Zerafa": "MT"},
        ),
    ]

    def test_country_from_the_sentence(self):
        for sentence, expected in self.ROWS:
            with self.subTest(sentence=sentence):
                found = persons(sentence)
                for name, country in expected.items():
                    self.assertEqual(found[name].country, country, name)


class OtherOrdersTests(SimpleTestCase):
    """Other written forms of a full name become aliases, so other articles find it."""

    def test_middle_initials_and_patronymic_order(self):
        for sentence, name, alias in (
            ("Treasury Secretary Orla K. Venn met the envoy.\n", "Orla K. Venn", "Orla Venn"),
            (
                "Tajikistan's Minister of Energy Rakhimov Farid Olimovich opened the plant.\n",
                "Rakhimov Farid Olimovich",
                "Farid Rakhimov",
            ),
        ):
            with self.subTest(sentence=sentence):
                self.assertIn(alias, persons(sentence)[name].aliases)


class CommasInPostsTests(SimpleTestCase):
    """A post whose domains are listed with commas is not cut at a comma."""

    ROWS = [
        (
            "The Governor received the Secretary of State for Energy, Climate and Rural "
            "Affairs, Ray Dunn, at the harbour.\n",
            "Ray Dunn",
            "Secretary of State for Energy, Climate and Rural Affairs",
        ),
        (
            "She met Minister of Tourism, Culture, and Sport Lina Haddad.\n",
            "Lina Haddad",
            "Minister of Tourism, Culture, and Sport",
        ),
        (
            "They met Minister of Fisheries, Mining and Tourism Kwame Adjei.\n",
            "Kwame Adjei",
            "Minister of Fisheries, Mining and Tourism",
        ),
    ]

    def test_the_whole_post(self):
        for sentence, name, title in self.ROWS:
            with self.subTest(sentence=sentence):
                self.assertEqual([p.title for p in persons(sentence)[name].positions], [title])

    def test_a_comma_between_a_place_and_a_post_still_ends_the_post(self):
        found = persons("The team arrived in Denmark, and Senior Adviser Per Holm spoke.\n")
        self.assertEqual([p.title for p in found["Per Holm"].positions], ["Senior Adviser"])


class PostKeyTests(SimpleTestCase):
    def test_one_post_however_it_is_worded(self):
        same = [
            ("Foreign Minister", "Minister of Foreign Affairs"),
            ("Foreign Minister", "Minister for Foreign Affairs"),
            ("Foreign Minister", "FM"),
            ("Secretary of State", "Secretary of state"),
            ("Prime Minister", "PM"),
            # a reference body by acronym or full name, before the head or after "of the"
            ("AU Commission Chairperson", "African Union Commission Chairperson"),
            (
                "CICA Executive Director",
                "Executive Director of the Conference on Interaction "
                "and Confidence Building Measures in Asia (CICA)",
            ),
            ("UN Secretary-General", "Secretary-General of the United Nations"),
        ]
        different = [
            ("Foreign Minister", "Deputy Foreign Minister"),
            ("Ambassador", "Ambassador to Japan"),
            ("President", "Vice President"),
            ("UN Secretary-General", "UN Deputy Secretary-General"),
            ("AU Commission Chairperson", "EU Commission President"),
            # a domain tail is one post only for a person who holds both wordings
            (
                "EU High Representative",
                "High Representative of the European Union for Foreign Affairs and Security Policy",
            ),
        ]
        for a, b in same:
            with self.subTest(a=a, b=b):
                self.assertEqual(post_key(a), post_key(b))
        for a, b in different:
            with self.subTest(a=a, b=b):
                self.assertNotEqual(post_key(a), post_key(b))

    def test_a_post_with_its_domain_added_is_the_same_post_of_one_person(self):
        from diplomacy.names import post_key_without_domain

        full = "High Representative of the European Union for Foreign Affairs"
        self.assertEqual(post_key_without_domain(full), post_key("EU High Representative"))
        self.assertIsNone(post_key_without_domain("Minister for Foreign Affairs"))
        found = persons(
            "EU High Representative Ilse Marnak arrived. Ilse Marnak, High Representative of "
            "the European Union for Foreign Affairs and Security Policy, said the talks went "
            "well.\n"
        )
        self.assertEqual(
            [p.title for p in found["Ilse Marnak"].positions],
            ["High Representative of the European Union for Foreign Affairs and Security Policy"],
        )

    def test_acronym_and_full_name_of_a_body_in_a_post_are_one_post(self):
        found = persons(
            "AU Commission Chairperson Lerato Mbeki spoke on Monday. Later, African Union "
            "Commission Chairperson Lerato Mbeki left the venue.\n"
        )
        self.assertEqual(len(found["Lerato Mbeki"].positions), 1)

    def test_an_acronym_repeating_the_body_just_named_is_not_part_of_the_post(self):
        found = persons(
            "Executive Director of the Conference on Interaction and Confidence Building "
            "Measures in Asia (CICA) Arman Tulegen arrived. CICA Executive Director Arman "
            "Tulegen spoke.\n"
        )
        self.assertEqual(
            [p.title for p in found["Arman Tulegen"].positions],
            [
                "Executive Director of the Conference on Interaction and Confidence Building "
                "Measures in Asia"
            ],
        )

    def test_a_demonym_before_a_post_gives_the_country_not_a_body(self):
        text = (
            "Kenyan Cabinet Secretary for Foreign Affairs Imani Wekesa arrived in Oslo on "
            "Monday. Cabinet Secretary for Foreign Affairs Imani Wekesa met the press.\n"
        )
        found = persons(text)
        self.assertEqual(found["Imani Wekesa"].country, "KE")
        self.assertEqual(
            [p.title for p in found["Imani Wekesa"].positions],
            ["Cabinet Secretary for Foreign Affairs"],
        )
        self.assertNotIn("Kenyan Cabinet", organisations(text))

    def test_a_demonym_and_a_ministry_before_a_post_still_name_the_ministry(self):
        text = "Kenyan Foreign Ministry spokesperson Imani Wekesa spoke in Oslo on Monday.\n"
        self.assertTrue(organisations(text))

    def test_a_person_holds_one_post_however_the_article_words_it(self):
        found = persons(
            "Minister of Foreign Affairs of Mongolia Nomin Bayar arrived. Mongolian Foreign "
            "Minister Nomin Bayar said the talks went well.\n"
        )
        self.assertEqual(len(found["Nomin Bayar"].positions), 1)


class ArticleVoiceTests(SimpleTestCase):
    def test_officials_with_no_other_evidence_serve_the_country_the_text_speaks_for(self):
        found = persons(
            "Summary of the Deputy Adviser's visit\n\n"
            "Deputy Adviser Jon Keel flew to Ruritania. Senior Director Ada Pine went with him. "
            "Mr. Keel reaffirmed U.S. support for the new budget.\n"
        )
        self.assertEqual(found["Jon Keel"].country, "US")
        self.assertEqual(found["Ada Pine"].country, "US")

    def test_a_text_that_speaks_for_two_countries_gives_none(self):
        found = persons(
            "Senior Director Ada Pine attended. They reaffirmed the U.S. and U.A.E. "
            "commitment to the plan.\n"
        )
        self.assertIsNone(found["Ada Pine"].country)


class TitledNeighboursTests(SimpleTestCase):
    ROWS = [
        # (invented sentence, {name: [titles]})
        (
            "U.S. Secretary of State Cal Brandt, Japanese Foreign Minister Mori Haruto and "
            "ROK Minister of Foreign Affairs Lee Soo-jin held a trilateral call on Tuesday.\n",
            {
                "Cal Brandt": ["Secretary of State"],
                "Mori Haruto": ["Foreign Minister"],
                "Lee Soo-jin": ["Minister of Foreign Affairs"],
            },
        ),
        (
            "The panel welcomed Mai Tran, the new ambassador of Vietnam to the bloc.\n",
            {"Mai Tran": ["Ambassador of Vietnam"]},
        ),
        ("The talks were chaired by Brandt's counterpart, Avi Ben-Dor.\n", {"Avi Ben-Dor": []}),
        ("She beat candidate Otieno Wekesa, who appealed the result.\n", {"Otieno Wekesa": []}),
    ]

    def test_each_person_keeps_only_their_own_posts(self):
        for sentence, expected in self.ROWS:
            with self.subTest(sentence=sentence):
                found = persons(sentence)
                for name, titles in expected.items():
                    self.assertEqual([p.title for p in found[name].positions], titles)


# (sentence, the persons it names): words that are sometimes part of a name
NAME_OR_NOT_ROWS = [
    (
        "Polish Foreign Minister Jan Nowak met Thai Foreign Minister Somchai Pattana.",
        {"Jan Nowak", "Somchai Pattana"},
    ),
    (
        "Dutch Foreign Minister Jan van Aken met Thai Foreign Minister Somchai Pattana.",
        {"Jan van Aken", "Somchai Pattana"},
    ),
    (
        "In May Thai Foreign Minister Somchai Pattana met Polish Foreign Minister Adam Nowak.",
        {"Somchai Pattana", "Adam Nowak"},
    ),
    (
        "Malaysian Foreign Minister Awang Hashim met Thai Foreign Minister Somchai Pattana.",
        {"Awang Hashim", "Somchai Pattana"},
    ),
    (
        "The imam Ustaz Awang Idris Rahim read the prayer for Thai Foreign Minister Somchai "
        "Pattana.",
        {"Idris Rahim", "Somchai Pattana"},
    ),
]


class NameOrNotTests(SimpleTestCase):
    def test_months_and_honorifics_that_are_also_given_names(self):
        for sentence, names in NAME_OR_NOT_ROWS:
            with self.subTest(sentence):
                text = f"Talks\n\nLINDAU, June 3, 2024 (Agency) -- {sentence}\n"
                self.assertEqual(set(persons(text)), names)


# (sentence, person, post): ministries of the many domains governments have
DOMAIN_POST_ROWS = [
    (
        "Minister of Fisheries, Ports and Tourism Kalani Mahoe met Foreign Minister Piet "
        "Janssen of the Netherlands.",
        "Kalani Mahoe",
        "Minister of Fisheries, Ports and Tourism",
    ),
    (
        "Minister of Roads and Works Ama Boateng met Foreign Minister Piet Janssen of the "
        "Netherlands.",
        "Ama Boateng",
        "Minister of Roads and Works",
    ),
]


class DomainPostTests(SimpleTestCase):
    def test_posts_over_several_domains(self):
        for sentence, name, post in DOMAIN_POST_ROWS:
            with self.subTest(sentence):
                found = persons(f"Talks\n\nLINDAU, June 3, 2024 (Agency) -- {sentence}\n")
                self.assertIn(post, [p.title for p in found[name].positions])


# (sentence, person, post): a post for a region whose name ends in a place word ("Lakes",
# "Region", "of Africa") keeps the region; the person's name starts after it
REGION_POST_ROWS = [
    (
        "Special Envoy for the Great Lakes Harlan Brooke met Foreign Minister Piet Janssen "
        "of the Netherlands.",
        "Harlan Brooke",
        "Special Envoy for the Great Lakes",
    ),
    (
        "Special Envoy for the Horn of Africa Tomas Ekberg met Foreign Minister Piet Janssen "
        "of the Netherlands.",
        "Tomas Ekberg",
        "Special Envoy for the Horn of Africa",
    ),
    (
        "The Special Envoy for the Sahel Region, Ada Kirrin, met Foreign Minister Piet Janssen "
        "of the Netherlands.",
        "Ada Kirrin",
        "Special Envoy for the Sahel Region",
    ),
]


class RegionPostTests(SimpleTestCase):
    def test_a_region_in_a_post_is_no_part_of_the_name(self):
        for sentence, name, post in REGION_POST_ROWS:
            with self.subTest(sentence):
                found = persons(f"Talks\n\nLINDAU, June 3, 2024 (Agency) -- {sentence}\n")
                self.assertEqual(set(found), {name, "Piet Janssen"})
                self.assertIn(post, [p.title for p in found[name].positions])
