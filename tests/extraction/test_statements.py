"""Statements: quotations and reported speech, their speakers, dates and repeats.

Every article here is invented for the test: the people, their posts and their words.
"""

import datetime as dt

from django.test import SimpleTestCase

from articles.reading import read_document
from tests.builders import extract_text


def run(text):
    return extract_text(text, "x.txt")[1]


def said(text):
    """(speaker name or None, text, direct) of every statement of an article."""
    result = run(text)
    return [
        (result.persons[s.speaker].name if s.speaker is not None else None, s.text, s.direct)
        for s in result.statements
    ]


def by(statements, name):
    return [(text, direct) for speaker, text, direct in statements if speaker == name]


ASEAN = """ASEAN partners meet in Vientiane

VIENTIANE, March 4, 2024 (Xinhua) -- Laotian Foreign Minister Somsak Vongkham met with Thai Foreign Minister Ms. Anong Chaiyaporn in Vientiane on Monday.

"Our two countries share a river and a future. We will keep working together on trade and water security," Somsak said.

Anong said that Thailand is ready to expand rail links with Laos and to open two new border crossings this year.

She also thanked the Laotian side for its warm hospitality during the visit to the capital.

The regional economy will grow faster if tariffs fall across the whole bloc, said the Thai minister, adding that both governments will review the customs rules next month.

According to Somsak, the new bridge over the Mekong will be finished before the end of the decade.

The two sides agreed to hold the next round of consultations in Bangkok in the autumn.
"""


class QuotationTests(SimpleTestCase):
    def test_quote_before_the_attribution_is_direct(self):
        statements = said(ASEAN)
        self.assertIn(
            (
                "Our two countries share a river and a future. We will keep working together on trade and water security",
                True,
            ),
            by(statements, "Somsak Vongkham"),
        )

    def test_quote_after_the_attribution(self):
        text = (
            "OSLO, June 3, 2024 (NTB) -- Norwegian Prime Minister Erik Solvang addressed the Nordic council on Monday.\n\n"
            'Solvang said: "The Arctic must remain a region of low tension and high cooperation for everyone."\n'
        )
        self.assertEqual(
            by(said(text), "Erik Solvang"),
            [
                (
                    "The Arctic must remain a region of low tension and high cooperation for everyone.",
                    True,
                )
            ],
        )

    def test_curly_quotes_and_a_quotation_over_two_paragraphs(self):
        text = (
            "ROME, May 20, 2024 (ANSA) -- Italian Foreign Minister Giulia Marchetti hosted Canadian Foreign "
            "Minister Daniel Okafor in Rome on Monday.\n\n"
            "\u201cWe face the same storms on both sides of the ocean.\n\n"
            "\u201cThat is why we must sail together through this difficult decade,\u201d Marchetti said.\n"
        )
        statements = by(said(text), "Giulia Marchetti")
        self.assertEqual(len(statements), 1)
        quote, direct = statements[0]
        self.assertTrue(direct)
        self.assertIn("We face the same storms", quote)
        self.assertIn("sail together through this difficult decade", quote)

    def test_quote_interrupted_by_its_attribution_is_one_statement(self):
        text = (
            "LIMA, April 8, 2024 (Andina) -- Peruvian Foreign Minister Rosa Quispe spoke after the talks.\n\n"
            '"Trade across the Pacific is our lifeline," Quispe said. "We will defend it in every forum we join."\n'
        )
        statements = by(said(text), "Rosa Quispe")
        self.assertEqual(len(statements), 1)
        self.assertIn("We will defend it in every forum", statements[0][0])

    def test_unclosed_quote_ends_with_its_paragraph(self):
        text = (
            "ACCRA, July 1, 2024 (GNA) -- Ghanaian Foreign Minister Kwame Asante met his Togolese counterpart.\n\n"
            '"Borders should unite our peoples and never divide the families who live along them\n\n'
            "Asante said that Ghana will open a new consulate in Lome before the end of the year.\n"
        )
        statements = said(text)
        self.assertIn(
            ("Ghana will open a new consulate in Lome before the end of the year", False),
            by(statements, "Kwame Asante"),
        )
        self.assertFalse(any("consulate" in t and d for _s, t, d in statements))

    def test_garbled_marks_keep_the_rest_of_the_article(self):
        text = (
            "QUITO, June 5, 2024 (EFE) -- Ecuadorian Foreign Minister Lucia Paredes spoke at the forum.\n\n"
            '"Regional trade is growing faster than ever before in our history." Analysts were cautious.\n\n'
            'The Andean market can double its exports within a single decade," added Paredes.\n\n'
            "Paredes said that Ecuador will host the next Andean summit in the coastal city of Manta.\n"
        )
        statements = by(said(text), "Lucia Paredes")
        texts = [t for t, _d in statements]
        self.assertTrue(any("double its exports within a single decade" in t for t in texts))
        self.assertIn(
            "Ecuador will host the next Andean summit in the coastal city of Manta", texts
        )

    def test_scare_quotes_do_not_make_a_direct_statement(self):
        text = (
            "NAIROBI, May 2, 2024 (KNA) -- Kenyan Foreign Minister Peter Mwangi addressed the regional forum.\n\n"
            'Despite "so-called hardliners," he expressed hope that the process would yield a durable peace.\n'
        )
        self.assertEqual(
            by(said(text), "Peter Mwangi"),
            [("hope that the process would yield a durable peace", False)],
        )


class ReportedSpeechTests(SimpleTestCase):
    def test_name_said_that(self):
        self.assertIn(
            (
                "Thailand is ready to expand rail links with Laos and to open two new border crossings this year",
                False,
            ),
            by(said(ASEAN), "Anong Chaiyaporn"),
        )

    def test_pronoun_speaker_she(self):
        self.assertIn(
            ("the Laotian side for its warm hospitality during the visit to the capital", False),
            by(said(ASEAN), "Anong Chaiyaporn"),
        )

    def test_inverted_title_speaker_and_adding_that_stay_one_statement(self):
        statements = by(said(ASEAN), "Anong Chaiyaporn")
        joined = [t for t, _d in statements if "regional economy" in t]
        self.assertEqual(len(joined), 1)
        self.assertIn("both governments will review the customs rules next month", joined[0])

    def test_according_to(self):
        self.assertIn(
            ("the new bridge over the Mekong will be finished before the end of the decade", False),
            by(said(ASEAN), "Somsak Vongkham"),
        )

    def test_group_utterances_have_no_speaker(self):
        statements = said(ASEAN)
        self.assertIn(
            (None, "to hold the next round of consultations in Bangkok in the autumn", False),
            statements,
        )

    def test_trailing_attribution_with_surname(self):
        text = (
            "CANBERRA, May 14, 2024 (AAP) -- Australian Foreign Minister Sarah Whitfield met New Zealand's Foreign "
            "Minister Tom Rangi on Tuesday.\n\n"
            "The Pacific needs more climate finance and fewer promises from the big emitters, Whitfield said.\n\n"
            "Wellington will fund three new solar grids in the islands, said Rangi.\n"
        )
        statements = said(text)
        self.assertIn(
            (
                "The Pacific needs more climate finance and fewer promises from the big emitters",
                False,
            ),
            by(statements, "Sarah Whitfield"),
        )
        self.assertIn(
            ("Wellington will fund three new solar grids in the islands", False),
            by(statements, "Tom Rangi"),
        )

    def test_object_of_expressed_thanked_and_noting_clause(self):
        text = (
            "BRUSSELS, June 10, 2024 (Belga) -- European Commission Vice-President Maria Lindqvist met Moldovan "
            "Prime Minister Ion Ceban in Brussels on Monday.\n\n"
            "Lindqvist expressed the Commission's firm backing for the accession talks with Chisinau.\n\n"
            "Noting that reforms have advanced quickly, Ceban said Moldova hopes to open the first negotiating cluster this year.\n"
        )
        statements = said(text)
        self.assertIn(
            ("the Commission's firm backing for the accession talks with Chisinau", False),
            by(statements, "Maria Lindqvist"),
        )
        (ceban,) = by(statements, "Ion Ceban")
        self.assertIn("reforms have advanced quickly", ceban[0])
        self.assertIn("Moldova hopes to open the first negotiating cluster this year", ceban[0])

    def test_two_speakers_in_one_sentence(self):
        text = (
            "ASTANA, June 2, 2024 (Kazinform) -- Ministers from five neighbouring states gathered in the capital.\n\n"
            "Kazakh Foreign Minister Arman Seitkali described the gains of his two-year chairmanship, "
            "while Farid Aliyev, foreign minister of Azerbaijan, the next chair, briefed on his priorities for 2025.\n"
        )
        statements = said(text)
        self.assertEqual(
            by(statements, "Arman Seitkali"),
            [("the gains of his two-year chairmanship", False)],
        )
        self.assertEqual(by(statements, "Farid Aliyev"), [("on his priorities for 2025", False)])

    def test_title_speaker_is_the_person_whose_post_and_country_fit(self):
        text = (
            "ULAANBAATAR, May 9, 2024 (Montsame) -- Mongolian President Batbayar Dorjsuren received Japanese "
            "Foreign Minister Kenji Sato on Thursday.\n\n"
            "While meeting with Japanese Foreign Minister Kenji Sato, the Mongolian President recalled that the two "
            "countries signed their first trade agreement fifty years ago.\n\n"
            "The Japanese minister noted that Tokyo will double the number of scholarships for Mongolian students.\n"
        )
        statements = said(text)
        self.assertEqual(
            by(statements, "Batbayar Dorjsuren"),
            [("the two countries signed their first trade agreement fifty years ago", False)],
        )
        self.assertEqual(
            by(statements, "Kenji Sato"),
            [("Tokyo will double the number of scholarships for Mongolian students", False)],
        )

    def test_unresolved_pronoun_gives_no_speaker(self):
        text = "He said that the new port will open to ships from every country in the region next spring.\n"
        statements = said(text)
        self.assertEqual([s for s, _t, _d in statements], [None])

    def test_several_named_people_speak_as_a_group(self):
        text = (
            "BISHKEK, May 5, 2024 (Kabar) -- Kyrgyz President Almaz Toktogulov and Prime Minister Nurlan Asanov "
            "praised the progress of the new railway project across the mountains.\n"
        )
        statements = said(text)
        self.assertEqual([s for s, _t, _d in statements], [None])

    def test_an_unnamed_speaker_is_not_replaced_by_a_pronoun_guess(self):
        text = (
            "ADDIS ABABA, Feb. 12, 2024 (ENA) -- Ethiopian Prime Minister Abiy Tesfaye met the envoys on Monday.\n\n"
            "In her view, the women of the region must be at the table in every round, said a UN official.\n"
        )
        self.assertEqual(by(said(text), "Abiy Tesfaye"), [])

    def test_actions_are_not_statements(self):
        text = (
            "HANOI, May 7, 2024 (VNA) -- Vietnamese Prime Minister Tran Van Long visited a new factory and "
            "attended a ceremony for the opening of the longest bridge in the province.\n"
        )
        self.assertEqual(said(text), [])


class DocumentTests(SimpleTestCase):
    COMPILATION = (
        "Two reports of one visit\n\n"
        "SEOUL, May 20, 2024 (Yonhap) -- South Korean Foreign Minister Han Seojin met Indonesian Foreign "
        "Minister Dewi Kartika in Seoul on Monday.\n\n"
        "Han said that Seoul will support Jakarta's bid to host the regional games in the year 2030.\n\n"
        "Kartika thanks Seoul\n\n"
        "JAKARTA, May 21, 2024 (Antara) -- Indonesian Foreign Minister Dewi Kartika held talks with Han Seojin in Seoul.\n\n"
        "Han said Seoul will support Jakarta's bid to host the regional games in 2030.\n"
    )

    def test_same_utterance_in_two_stories_is_one_statement_with_two_spans(self):
        result = run(self.COMPILATION)
        park = [
            s
            for s in result.statements
            if s.speaker is not None and result.persons[s.speaker].name == "Han Seojin"
        ]
        self.assertEqual(len(park), 1)
        self.assertEqual(len(park[0].spans), 2)

    def test_date_is_the_dateline_date(self):
        result = run(self.COMPILATION)
        (park,) = [s for s in result.statements if s.speaker is not None]
        self.assertEqual(park.date, dt.date(2024, 5, 20))

    def test_extracting_twice_gives_the_same_statements(self):
        first, second = run(ASEAN).statements, run(ASEAN).statements
        self.assertEqual(first, second)

    def test_spans_point_at_the_content(self):
        result = run(ASEAN)
        document = read_document(ASEAN.encode("utf-8"), "x.txt")
        for s in result.statements:
            self.assertIn(document.text[s.start : s.end][:20], s.text)


class SecondSpeechVerbTests(SimpleTestCase):
    def test_a_second_verb_with_a_that_clause_stays_in_the_sentence_statement(self):
        """One sentence, one statement: "X expressed ... and stated that Y" is one."""
        statements = said(
            "Envoy received\n\nLIMA, May 5, 2025 (Agency) -- Peruvian Foreign Minister Lucia "
            "Romero received Ambassador Tomas Lindqvist. Ambassador Lindqvist expressed his "
            "thanks for the kind reception and stated that Sweden wants to invest further in "
            "mining.\n"
        )
        texts = [text for text, _ in by(statements, "Tomas Lindqvist")]
        self.assertEqual(
            texts,
            ["his thanks for the kind reception \u2026 Sweden wants to invest further in mining"],
        )


class ToldAnAudienceTests(SimpleTestCase):
    def test_a_quote_told_to_an_audience_is_direct_and_the_audience_is_not_said(self):
        for audience in ("reporters", "a press conference after the meeting"):
            with self.subTest(audience=audience):
                statements = said(
                    "Ministers meet\n\nRIGA, May 5, 2025 (Agency) -- Latvian Foreign Minister "
                    "Ilze Berzina met Estonian Foreign Minister Kalle Tamm on Monday.\n\n"
                    f'"Our region matters more than ever," Berzina told {audience}.\n'
                )
                self.assertEqual(
                    by(statements, "Ilze Berzina"), [("Our region matters more than ever", True)]
                )


class ShortStatementsAndCourtesiesTests(SimpleTestCase):
    TEXT = (
        "Ministers meet\n\nRIGA, May 5, 2025 (Agency) -- Latvian Foreign Minister Ilze Berzina "
        "met Estonian Foreign Minister Kalle Tamm on Monday.\n\n"
        "Opening the meeting, Berzina said the region faced new challenges.\n\n"
        "Tamm conveyed the warm greetings of President Mart Kask to Berzina.\n"
    )

    def test_a_five_word_statement_is_kept(self):
        self.assertIn(
            ("the region faced new challenges", False), by(said(self.TEXT), "Ilze Berzina")
        )

    def test_greetings_conveyed_are_not_a_statement(self):
        self.assertEqual(by(said(self.TEXT), "Kalle Tamm"), [])

    def test_greetings_extended_on_a_day_or_on_behalf_are_not_a_statement(self):
        for sentence in (
            "Tamm extended his greetings to the delegates on Monday.",
            "Tamm extended his greetings to the delegates on 5 May.",
            "Tamm extended his greetings to Berzina on behalf of President Mart Kask.",
        ):
            with self.subTest(sentence):
                text = self.TEXT.replace(
                    "Tamm conveyed the warm greetings of President Mart Kask to Berzina.", sentence
                )
                self.assertEqual(by(said(text), "Kalle Tamm"), [])

    def test_what_is_said_after_greetings_conveyed_is_a_statement(self):
        text = self.TEXT.replace(
            "to Berzina.",
            "to Berzina and expressed the hope of holding the next round in Tallinn.",
        )
        self.assertEqual(
            by(said(text), "Kalle Tamm"),
            [("the hope of holding the next round in Tallinn", False)],
        )


class CalledTests(SimpleTestCase):
    TEXT = (
        "LAKEVIEW, June 19, 2025 (Agency) - Kenyan President Amina Odhiambo met Ghanaian "
        "President Kofi Mensah-Boateng.\n\n"
        'Odhiambo called the document a "breakthrough" and said Kenya would deepen military '
        "cooperation with Ghana.\n\n"
        "Mensah-Boateng called Odhiambo on Friday to discuss the harvest.\n"
    )

    def test_calling_something_a_name_is_speech_and_calling_someone_is_not(self):
        statements = said(self.TEXT)
        [(text, _direct)] = by(statements, "Amina Odhiambo")
        self.assertIn("Kenya would deepen military cooperation with Ghana", text)
        self.assertEqual(by(statements, "Kofi Mensah-Boateng"), [])

    def test_a_quotation_posted_on_social_media_is_a_statement(self):
        statements = said(
            "NAIROBI, Feb 3, 2025 (Agency) -- Kenyan Foreign Minister Amina Odhiambo held "
            "talks with Ghanaian Foreign Minister Kofi Mensah-Boateng.\n\n"
            '"Had a productive meeting with my Ghanaian colleague on trade and energy," '
            "Odhiambo posted on X.\n"
        )
        [(text, direct)] = by(statements, "Amina Odhiambo")
        self.assertTrue(direct)
        self.assertIn("productive meeting with my Ghanaian colleague", text)

    def test_agreeing_aloud_is_speech_and_agreeing_to_act_is_not(self):
        statements = said(
            "NAIROBI, Feb 3, 2025 (Agency) -- Kenyan Foreign Minister Amina Odhiambo held "
            "talks with Ghanaian Foreign Minister Kofi Mensah-Boateng.\n\n"
            "Mensah-Boateng agreed, saying that Ghana would coordinate its customs rules with "
            "Kenya.\n\n"
            "Odhiambo agreed to visit Accra later this year.\n"
        )
        self.assertEqual(
            by(statements, "Kofi Mensah-Boateng"),
            [("Ghana would coordinate its customs rules with Kenya", False)],
        )
        self.assertEqual(by(statements, "Amina Odhiambo"), [])


STORY = (
    "Neighbours meet in Lorwick\n\nLORWICK, March 4, 2024 (Agency) -- Velorian Foreign Minister "
    "Tamsin Oakridge met Dravish Foreign Minister Ravel Dunmore on Monday.\n\n{}\n"
)


class ConstructionTests(SimpleTestCase):
    """One row per construction: (name, paragraph, speaker, expected text, direct)."""

    ROWS = [
        (
            "'told' with a long audience before its that-clause",
            "Oakridge told a joint news conference with Estonian Foreign Minister Ravel Dunmore "
            "on Monday that the ferry line to Tallinn would open in the spring.",
            "Tamsin Oakridge",
            "the ferry line to Tallinn would open in the spring",
            False,
        ),
        (
            "participle after a main clause",
            "Oakridge, speaking to Dunmore by telephone on Monday, discussed the river dispute, "
            "stressing the need for patient negotiation to resolve every remaining issue.",
            "Tamsin Oakridge",
            "the need for patient negotiation to resolve every remaining issue",
            False,
        ),
        (
            "participle with an opening phrase and a colon before a quotation",
            'In his remarks, Dunmore referred to the new port, saying: "We stand ready to '
            'open the harbour to every trading nation."',
            "Ravel Dunmore",
            "We stand ready to open the harbour to every trading nation.",
            True,
        ),
        (
            "partial quotation inside reported words, attribution after",
            'At the meeting, the neighbours must send "a clear signal of goodwill" to the '
            "region, Velorian foreign minister Tamsin Oakridge has stated.",
            "Tamsin Oakridge",
            'At the meeting, the neighbours must send "a clear signal of goodwill" to the region',
            False,
        ),
        (
            "circumstance 'late' after a trailing attribution",
            'Veloria\'s harbour policy "is already bearing fruit", Dunmore said late on Monday '
            "after the talks.",
            "Ravel Dunmore",
            'Veloria\'s harbour policy "is already bearing fruit"',
            False,
        ),
        (
            "inverted verb with a title holding 'of'",
            "The two countries will open a new crossing next spring, said Minister of Foreign "
            "Affairs Ravel Dunmore on Monday.",
            "Ravel Dunmore",
            "The two countries will open a new crossing next spring",
            False,
        ),
        (
            "speech verb after 'and' shares the subject past a closed relative clause",
            "Dunmore, who conceded the vote, stayed home from the banquet and said he still "
            "questioned the tally in the south.",
            "Ravel Dunmore",
            "he still questioned the tally in the south",
            False,
        ),
        (
            "speech verb after 'and' with a predicate before it",
            "Oakridge was grateful for the support of her neighbours and reiterated her "
            "willingness to sign a full truce.",
            "Tamsin Oakridge",
            "her willingness to sign a full truce",
            False,
        ),
        (
            "blame as speech",
            "Oakridge blamed the upstream dams for the worst floods the valley had seen.",
            "Tamsin Oakridge",
            "the upstream dams for the worst floods the valley had seen",
            False,
        ),
        (
            "a promise as speech",
            "Dunmore promised to send engineers to the valley before the spring rains.",
            "Ravel Dunmore",
            "to send engineers to the valley before the spring rains",
            False,
        ),
        (
            "'hit out at' as speech",
            "Dunmore hit out at the upstream works as a reckless gamble with the river.",
            "Ravel Dunmore",
            "at the upstream works as a reckless gamble with the river",
            False,
        ),
        (
            "an audience after a trailing 'told'",
            "The talks had been useful for both capitals, Oakridge told reporters.",
            "Tamsin Oakridge",
            "The talks had been useful for both capitals",
            False,
        ),
        (
            "quoted as saying, the speaker as object",
            "The ministry quoted Oakridge as saying the talks had been useful for both capitals.",
            "Tamsin Oakridge",
            "the talks had been useful for both capitals",
            False,
        ),
        (
            "a long circumstance before 'that'",
            "Oakridge said in an interview with the Lorwick Times published on Sunday that the "
            "dams would stay open all year.",
            "Tamsin Oakridge",
            "the dams would stay open all year",
            False,
        ),
        (
            "a post introduced by a platform and a colon",
            'Oakridge posted on social media: "We will never give up the river that feeds '
            'our valley."',
            "Tamsin Oakridge",
            "We will never give up the river that feeds our valley.",
            True,
        ),
        (
            "a hyphenated circumstance before 'that'",
            "Oakridge wrote in an op-ed that the talks had been useful for both capitals.",
            "Tamsin Oakridge",
            "the talks had been useful for both capitals",
            False,
        ),
        (
            "an audience between 'said' and 'that'",
            "Oakridge said to reporters that the crossings would reopen before the summer.",
            "Tamsin Oakridge",
            "the crossings would reopen before the summer",
            False,
        ),
        (
            "recognition in a readout",
            "President Oakridge recognized the steps that Dravia is taking to open the border "
            "crossings.",
            "Tamsin Oakridge",
            "the steps that Dravia is taking to open the border crossings",
            False,
        ),
        (
            "congratulations on an occasion",
            "Dunmore also extended his congratulations on the centenary of the city's charter.",
            "Ravel Dunmore",
            "his congratulations on the centenary of the city's charter",
            False,
        ),
        (
            "congratulations to someone on an occasion",
            "Dunmore extended his congratulations to the mayor on the centenary of the charter.",
            "Ravel Dunmore",
            "his congratulations to the mayor on the centenary of the charter",
            False,
        ),
        (
            "an apposition whose closing comma is missing",
            "Mr Arlen Voss, an analyst at a Lorwick bank said the currency was being punished "
            "by the slow talks.",
            "Arlen Voss",
            "the currency was being punished by the slow talks",
            False,
        ),
        (
            "a circumstance between the verb and its that-clause",
            "Oakridge said here Monday that the bridge would be finished by the summer.",
            "Tamsin Oakridge",
            "the bridge would be finished by the summer",
            False,
        ),
        (
            "an occasion between the verb and its that-clause",
            "Dunmore told reporters on arrival that his country was ready to sign the treaty.",
            "Ravel Dunmore",
            "his country was ready to sign the treaty",
            False,
        ),
        (
            "single quotation marks",
            "'The river belongs to both our peoples and always will,' Oakridge said.",
            "Tamsin Oakridge",
            "The river belongs to both our peoples and always will",
            True,
        ),
        (
            "single quotation marks after a colon",
            "Oakridge said: 'The river belongs to both our peoples and always will.'",
            "Tamsin Oakridge",
            "The river belongs to both our peoples and always will.",
            True,
        ),
        (
            "an attribution paragraph ending with a colon",
            'Oakridge said:\n\n"The river belongs to both our peoples and always will."',
            "Tamsin Oakridge",
            "The river belongs to both our peoples and always will.",
            True,
        ),
        (
            "quoted as saying",
            "Oakridge was quoted as saying that the talks had been useful for both capitals.",
            "Tamsin Oakridge",
            "the talks had been useful for both capitals",
            False,
        ),
        (
            "a post introduced by a colon",
            "Oakridge wrote on X: the river belongs to both our peoples and always will.",
            "Tamsin Oakridge",
            "the river belongs to both our peoples and always will",
            False,
        ),
        (
            "typewriter quotation marks",
            "''The river belongs to both our peoples and always will,'' Oakridge said.",
            "Tamsin Oakridge",
            "The river belongs to both our peoples and always will",
            True,
        ),
    ]

    def test_constructions(self):
        for name, paragraph, speaker, text, direct in self.ROWS:
            with self.subTest(name):
                statements = said(STORY.format(paragraph))
                self.assertIn((text, direct), by(statements, speaker), statements)

    def test_group_subject_of_a_participle_has_no_speaker(self):
        statements = said(
            STORY.format(
                "The two sides signed three agreements, stressing that cooperation would "
                "deepen further this year."
            )
        )
        self.assertIn((None, "cooperation would deepen further this year", False), statements)

    def test_pronoun_in_a_second_clause_is_that_clause_subject(self):
        statements = said(
            STORY.format(
                "Oakridge faulted the dam for the floods, while Dunmore condemned the upstream "
                "works, which he called a reckless gamble with the river."
            )
        )
        speakers = {s for s, text, _ in statements if "reckless gamble" in text}
        self.assertEqual(speakers, {"Ravel Dunmore"})

    def test_embedded_post_with_signature_line(self):
        statements = said(
            STORY.format(
                "Spoke today with my friend @RavelDunmore about the floods and the new bridge "
                "over the river. pic.twitter.com/abc123\n"
                "\u2014 Tamsin Oakridge (@TamsinOakridge) March 4, 2024"
            )
        )
        self.assertIn(
            (
                "Spoke today with my friend @RavelDunmore about the floods and the new bridge "
                "over the river.",
                True,
            ),
            by(statements, "Tamsin Oakridge"),
        )

    def test_headline_and_related_story_lines_are_not_statements(self):
        statements = said(
            "Veloria will never give up the river, says Oakridge\n\n"
            "LORWICK, March 4, 2024 (Agency) -- Velorian Foreign Minister Tamsin Oakridge met "
            "Dravish Foreign Minister Ravel Dunmore on Monday.\n\n"
            "Related Story Oakridge urges neighbours to share the river water fairly\n\n"
            "Oakridge said the talks had been long but useful for both countries.\n"
        )
        self.assertEqual(
            by(statements, "Tamsin Oakridge"),
            [("the talks had been long but useful for both countries", False)],
        )


class UnknownSpeakersTests(SimpleTestCase):
    """A pronoun is nobody rather than the wrong person when the name it follows was not
    found as a person; a hyphenated title alone is the person who holds it."""

    def test_pronoun_after_a_name_that_is_no_person_has_no_speaker(self):
        rows = [
            (
                "title and unknown name",
                "Minister Tamura praised the growing number of student exchanges. He also "
                "underlined his country's interest in new trade links.",
                "new trade links",
            ),
            (
                "unknown name that posts",
                "The talks were also attended by envoy Kamaro.\n\n"
                "Kamaro posted a photo from his talks with Oakridge in the palace gardens.\n\n"
                '"A fine day of talks with a good friend of many years," he said.',
                "A fine day of talks",
            ),
        ]
        for name, paragraph, words in rows:
            with self.subTest(name):
                text = (
                    "Ministers meet in Lorwick\n\nLORWICK, March 4, 2024 (Agency) -- Velorian "
                    "Foreign Minister Tamsin Oakridge welcomed Minister Tamura on his first "
                    f"visit to Veloria on Monday.\n\n{paragraph}\n"
                )
                speakers = {s for s, t, _ in said(text) if words in t}
                self.assertNotIn("Tamsin Oakridge", speakers)

    def test_hyphenated_title_alone_and_gender_from_a_possessive(self):
        statements = said(
            "Envoy meets bloc chief\n\nJAKARTA, May 14, 2024 (Agency) -- Secretary-General of "
            "the Coral Sea Forum Amos Keller received the new ambassador of Veloria in Jakarta "
            "on Monday.\n\nThe Secretary-General expressed gratitude for Veloria's help during "
            "his first trip to the region.\n\nShe said she hopes for further backing of Veloria "
            "in its new role.\n"
        )
        self.assertIn(
            (
                "gratitude for Veloria's help during his first trip to the region",
                False,
            ),
            by(statements, "Amos Keller"),
        )
        self.assertFalse([t for t, _ in by(statements, "Amos Keller") if "further backing" in t])


class ContinuedQuotationTests(SimpleTestCase):
    def test_paragraphs_of_one_quotation_belong_to_its_speaker(self):
        statements = said(
            STORY.format(
                "Dunmore urged his neighbour to share the river water fairly.\n\n"
                '"Floods have hit our northern towns, and families from the valley keep '
                "arriving.\n\n"
                '"We are asking Veloria to open the dams before the spring rains.\n\n'
                '"Both our peoples need the river," he added.'
            )
        )
        texts = [t for t, direct in by(statements, "Ravel Dunmore") if direct]
        self.assertEqual(len(texts), 1, statements)
        self.assertIn("Floods have hit our northern towns", texts[0])
        self.assertIn("Both our peoples need the river", texts[0])

    def test_according_to_a_title_without_a_comma(self):
        statements = said(
            "Ministers meet in Riga\n\nRIGA, March 4, 2024 (Agency) -- Latvian Foreign "
            "Minister Tamsin Oakridge met Estonian Foreign Minister Ravel Dunmore on Monday.\n\n"
            "According to the Latvian minister the border would open again before the end of "
            "the year.\n"
        )
        self.assertIn(
            ("the border would open again before the end of the year", False),
            by(statements, "Tamsin Oakridge"),
        )


class HistoricalStatementTests(SimpleTestCase):
    def test_a_statement_in_an_earlier_year_is_dated_to_that_year(self):
        result = run(
            STORY.format(
                "At the 1998 Assembly, Velorian Foreign Minister Tamsin Oakridge proposed a "
                "standing forum of the river states.\n\nOakridge said the forum had kept the "
                "peace for many years."
            )
        )
        by_text = {s.text: s for s in result.statements}
        old = by_text["a standing forum of the river states"]
        self.assertEqual(
            (old.date, old.precision, old.meeting), (dt.date(1998, 1, 1), "year", None)
        )
        now = by_text["the forum had kept the peace for many years"]
        self.assertEqual(now.date.year, 2024)

    def test_a_year_inside_the_words_said_dates_nothing(self):
        result = run(STORY.format("Oakridge said the treaty signed in 1998 still holds today."))
        self.assertEqual([s.date.year for s in result.statements], [2024])


class TranscriptTests(SimpleTestCase):
    TEXT = (
        "Remarks before the meeting\n\nLORWICK, March 4, 2024 -- Velorian Foreign Minister "
        "Tamsin Oakridge met Estonian Foreign Minister Ravel Dunmore on Monday. Their remarks "
        "before the meeting follow.\n\n"
        "FOREIGN MINISTER OAKRIDGE: Good morning, everyone. It is a pleasure to welcome my "
        "friend to Lorwick.\n\nWe have a long agenda on the river and the bridge.\n\n"
        "MINISTER DUNMORE: Thank you. Our two countries have never been closer than now.\n\n"
        "Q: Minister, will you sign the treaty today?\n\n"
        "Minister of Foreign Affairs Dunmore: We hope to sign it before the summer begins.\n\n"
        "###\n"
    )

    def test_each_turn_is_a_direct_statement_of_the_labelled_person(self):
        statements = said(self.TEXT)
        self.assertEqual(
            by(statements, "Tamsin Oakridge"),
            [
                (
                    "Good morning, everyone. It is a pleasure to welcome my friend to Lorwick. "
                    "We have a long agenda on the river and the bridge.",
                    True,
                )
            ],
        )
        self.assertEqual(
            by(statements, "Ravel Dunmore"),
            [
                ("Thank you. Our two countries have never been closer than now.", True),
                ("We hope to sign it before the summer begins.", True),
            ],
        )
        self.assertFalse([t for _, t, _ in statements if "sign the treaty today" in t])

    def test_a_label_with_a_hyphenated_surname_names_its_person(self):
        statements = said(
            "Talks in Lorwick\n\nLORWICK, March 4, 2024 -- Velorian Foreign Minister Tamsin "
            "Oakridge met Estonian Foreign Minister Ravel Dunmore-Kask on Monday.\n\n"
            "FOREIGN MINISTER DUNMORE-KASK: Thank you. Our two countries have never been closer "
            "than now.\n"
        )
        self.assertEqual(
            by(statements, "Ravel Dunmore-Kask"),
            [("Thank you. Our two countries have never been closer than now.", True)],
        )

    def test_the_turns_of_a_joint_press_availability_belong_to_the_meeting_of_the_two(self):
        result = run(
            "Secretary Marta Lindqvist and Ghanaian Foreign Minister Kofi Mensah-Boateng at a "
            "Joint Press Availability\n\nMarch 4, 2025\n\n"
            "FOREIGN MINISTER MENSAH-BOATENG: Good afternoon. We have just concluded very "
            "productive talks on trade and security.\n\n"
            "SECRETARY LINDQVIST: Thank you, Kofi. The partnership between our two countries "
            "has never been stronger.\n"
        )
        pair = {"Marta Lindqvist", "Kofi Mensah-Boateng"}
        self.assertEqual(len(result.statements), 2, result.statements)
        for s in result.statements:
            meeting = result.meetings[s.meeting]
            names = {result.persons[p.entity].name for p in meeting.participants}
            self.assertEqual((names, meeting.date), (pair, dt.date(2025, 3, 4)))

    def test_a_label_naming_no_person_is_no_turn(self):
        statements = said(
            "Talks in Lorwick\n\nLORWICK, March 4, 2024 -- Velorian Foreign Minister Tamsin "
            "Oakridge met Estonian Foreign Minister Ravel Dunmore on Monday.\n\n"
            "Source: Ministry of Foreign Affairs of the Republic of Veloria and its press office\n"
        )
        self.assertEqual(statements, [])


class SingleQuoteAndSubheadingTests(SimpleTestCase):
    def test_a_possessive_apostrophe_is_no_quotation(self):
        statements = said(
            STORY.format(
                "The ministers' talks covered the river, the bridge and the old border posts "
                "that both countries' leaders want to reopen, Oakridge said."
            )
        )
        self.assertEqual(
            [d for _, t, d in statements if "old border posts" in t], [False], statements
        )

    def test_a_quoted_subheading_does_not_continue_a_closed_quotation(self):
        statements = said(
            STORY.format(
                'Dunmore warned: "Nobody should expect a quick deal on the river."\n\n'
                "'RIVER FIRST'\n\n"
                "Oakridge said the river would come first in every talk."
            )
        )
        self.assertEqual(
            by(statements, "Ravel Dunmore"),
            [("Nobody should expect a quick deal on the river.", True)],
        )


class MeetingLinkTests(SimpleTestCase):
    def test_talks_told_with_the_council_they_were_held_at_take_the_statements(self):
        result = run(
            "Ministers meet on the sidelines\n\nRIGA, May 21, 2024 (Agency) -- Latvian Foreign "
            "Minister Tamsin Oakridge on Tuesday met with Estonian Foreign Minister Ravel "
            "Dunmore, while in Riga for a session of the Council of Ministers of the Baltic "
            "Union.\n\n"
            "Oakridge said that the two countries would open a new ferry line next year.\n"
        )
        statement = next(s for s in result.statements if "ferry line" in s.text)
        meeting = result.meetings[statement.meeting]
        names = {result.persons[p.entity].name for p in meeting.participants}
        self.assertEqual(names, {"Tamsin Oakridge", "Ravel Dunmore"}, result.meetings)


class SomeoneElseSpeaksTests(SimpleTestCase):
    def test_a_spokesman_for_a_person_is_not_that_person(self):
        for subject in ("A spokesman for Oakridge", "An aide to Oakridge"):
            with self.subTest(subject):
                statements = said(
                    STORY.format(f"{subject} said the talks had been useful for both capitals.")
                )
                self.assertEqual(by(statements, "Tamsin Oakridge"), [])

    def test_a_lower_case_title_with_of_is_the_person(self):
        statements = said(
            STORY.format(
                "The new bridge over the river is a success, Velorian secretary of state "
                "Tamsin Oakridge stated "
                "late on Monday after the talks."
            )
        )
        self.assertIn(
            ("The new bridge over the river is a success", False), by(statements, "Tamsin Oakridge")
        )


class DaySaidTests(SimpleTestCase):
    def test_a_weekday_in_the_attribution_dates_a_statement_made_at_no_meeting(self):
        result = run(
            "Crossings to reopen\n\nLORWICK, March 7, 2024 (Agency) -- Velorian Foreign "
            "Minister Tamsin Oakridge said on Tuesday that the river crossings would reopen "
            "before the summer.\n"
        )
        self.assertEqual([s.date for s in result.statements], [dt.date(2024, 3, 5)])

    def test_a_day_inside_the_words_said_is_not_the_day_they_were_said(self):
        result = run(
            "Crossings to reopen\n\nLORWICK, March 7, 2024 (Agency) -- Velorian Foreign "
            "Minister Tamsin Oakridge said that the river crossings had reopened on Tuesday "
            "after a long winter.\n"
        )
        self.assertEqual([s.date for s in result.statements], [dt.date(2024, 3, 7)])


class CarriedReportTests(SimpleTestCase):
    def test_a_newspaper_carrying_a_persons_words_is_not_in_them(self):
        statements = said(
            STORY.format(
                "The Lorwick Daily further reported that the two presidents will meet in May, "
                "according to Oakridge."
            )
        )
        self.assertEqual(
            by(statements, "Tamsin Oakridge"), [("the two presidents will meet in May", False)]
        )


class LooseQuotationTests(SimpleTestCase):
    def test_a_quotation_paragraph_after_a_persons_statement_is_theirs(self):
        statements = said(
            STORY.format(
                "Oakridge said the talks had been useful for both capitals.\n\n"
                '"We are ready to sign the river treaty as soon as next week."'
            )
        )
        self.assertIn(
            ("We are ready to sign the river treaty as soon as next week.", True),
            by(statements, "Tamsin Oakridge"),
        )

    def test_after_a_group_statement_it_is_no_ones(self):
        statements = said(
            STORY.format(
                "The two sides said the talks had been useful for both capitals.\n\n"
                '"We are ready to sign the river treaty as soon as next week."'
            )
        )
        self.assertFalse([s for s, t, _ in statements if "river treaty" in t and s])


class CompoundTitleAndPictureTests(SimpleTestCase):
    def test_one_persons_two_posts_joined_by_and_are_not_a_group(self):
        statements = said(
            STORY.format(
                "Velorian Deputy Prime Minister and Foreign Minister Tamsin Oakridge welcomed "
                "the delegates and called for a minute of silence for the flood victims."
            )
        )
        self.assertTrue(by(statements, "Tamsin Oakridge"), statements)

    def test_a_posted_picture_is_no_statement(self):
        statements = said(
            STORY.format(
                "Oakridge tweeted a picture of her meeting with Dunmore at the old palace by "
                "the river."
            )
        )
        self.assertEqual(by(statements, "Tamsin Oakridge"), [])


class NothingSaidTests(SimpleTestCase):
    def test_hearsay_about_the_subject_and_nothing_said_are_no_statements(self):
        for sentence in (
            "Oakridge, said to be close to the president, met Dunmore at the palace on the river.",
            "Oakridge said nothing about the dams during the visit to the capital on Monday.",
        ):
            with self.subTest(sentence):
                self.assertEqual(by(said(STORY.format(sentence)), "Tamsin Oakridge"), [])


class MeetingChoiceTests(SimpleTestCase):
    def _partners(self, result, words):
        statement = next(s for s in result.statements if words in s.text)
        meeting = result.meetings[statement.meeting]
        return {result.persons[p.entity].name for p in meeting.participants}

    def test_a_meeting_told_inside_a_call_leaves_the_words_after_it_in_the_call(self):
        result = run(
            "Call with Dravia\n\nMarch 19, 2025\n\nToday, Velorian President Tamsin Oakridge "
            "and Dravish President Ravel Dunmore had a long phone conversation.\n\n"
            "President Oakridge told President Dunmore about her talks with Lithuanian "
            "President Arlen Voss the week before.\n\n"
            "President Oakridge promised that the prisoners held on either bank would be "
            "home before winter.\n"
        )
        self.assertEqual(
            self._partners(result, "home before winter"), {"Tamsin Oakridge", "Ravel Dunmore"}
        )

    def test_of_talks_told_together_the_words_go_to_the_partner_they_name(self):
        from articles.extraction.context import Context
        from articles.extraction.statements import StatementFinder
        from articles.extraction.types import MeetingCandidate, Participant
        from articles.reading import normalise
        from tests.builders import lexicon

        text = (
            "Ministers meet\n\nNEW YORK, Sept 26, 2019 (Agency) -- Velorian Foreign Minister "
            "Tamsin Oakridge met Latvian Foreign Minister Arlen Voss and Japanese Foreign "
            "Minister Kenji Tamura on Thursday.\n\n"
            '"A first chat with my Japanese colleague, and a promising one," Oakridge said.\n'
        )
        document, result = extract_text(text, "x.txt")
        names = [p.name for p in result.persons]
        me, voss, tamura = (
            names.index(n) for n in ("Tamsin Oakridge", "Arlen Voss", "Kenji Tamura")
        )
        span = (text.index("Velorian"), text.index("Thursday."))
        result.meetings = [
            MeetingCandidate(
                *span, "bilateral", participants=[Participant(me), Participant(other)], spans=[span]
            )
            for other in (voss, tamura)
        ]
        finder = StatementFinder(
            Context.build(document, lexicon(), normalise(document.text)), result
        )
        words = "A first chat with my Japanese colleague, and a promising one"
        self.assertEqual(finder._meeting(text.index("A first chat"), me, words), 1)
        self.assertEqual(finder._meeting(text.index("A first chat"), me, "A promising one"), 0)


class OccasionTests(SimpleTestCase):
    """The words around an attribution say whether they were said at the meeting told
    before them: after or during it, yes; before it, on another day, to another audience or
    across several meetings, no; words that go on from them ("She added") follow them."""

    def _links(self, text):
        """{first words of a statement: the names of its meeting, or None}."""
        result = run(text)
        out = {}
        for s in result.statements:
            m = result.meetings[s.meeting] if s.meeting is not None else None
            names = {result.persons[p.entity].name for p in m.participants} if m else None
            out[" ".join(s.text.split()[:3])] = (names, s.date)
        return out

    def test_words_on_arrival_come_before_the_talks_and_so_do_the_words_going_on_from_them(self):
        links = self._links(
            "Minister arrives for talks\n\nANKARA, May 6, 2025 (Agency) -- Velorian Foreign "
            "Minister Tamsin Oakridge arrived in Ankara on Tuesday for talks with Estonian "
            "Foreign Minister Ravel Dunmore.\n\n"
            "Upon arrival, Oakridge told reporters that Veloria wanted closer ties with "
            "Estonia.\n\n"
            "She added that the two countries would soon sign a shipping accord.\n\n"
            "Oakridge met Dunmore in the evening. During the meeting, Oakridge said Veloria "
            "would support the new trade corridor.\n"
        )
        pair = {"Tamsin Oakridge", "Ravel Dunmore"}
        self.assertIsNone(links["Veloria wanted closer"][0])
        self.assertIsNone(links["the two countries"][0])
        self.assertEqual(links["Veloria would support"][0], pair)

    def test_words_said_ahead_of_the_talks_are_not_the_talks(self):
        links = self._links(
            "Talks in Lima\n\nLIMA, June 10, 2025 (Agency) -- Peruvian Foreign Minister Rosa "
            "Quispe held talks with Chilean Foreign Minister Tomas Errazuriz on Monday.\n\n"
            '"Our countries share a long border and a common future," Quispe said at a joint '
            "press conference after the talks.\n\n"
            "Ahead of the talks, Errazuriz told reporters that Chile expected progress on "
            "water rights.\n"
        )
        self.assertEqual(links["Our countries share"][0], {"Rosa Quispe", "Tomas Errazuriz"})
        self.assertIsNone(links["Chile expected progress"][0])

    def test_words_said_on_another_day_or_to_a_rally_are_not_the_talks(self):
        links = self._links(
            "Talks in Lima\n\nLIMA, June 12, 2025 (Agency) -- Peruvian Foreign Minister Rosa "
            "Quispe held talks with Chilean Foreign Minister Tomas Errazuriz on Monday.\n\n"
            "Quispe said the two countries would share the water of the border rivers.\n\n"
            "On Wednesday, Quispe told reporters that the government would raise mining "
            "royalties.\n\n"
            "Errazuriz later told a rally in Arica that Chile would never give up its water.\n"
        )
        self.assertEqual(
            links["the two countries"], ({"Rosa Quispe", "Tomas Errazuriz"}, dt.date(2025, 6, 9))
        )
        self.assertEqual(links["the government would"], (None, dt.date(2025, 6, 11)))
        self.assertIsNone(links["Chile would never"][0])

    def test_words_said_in_each_of_several_calls_belong_to_none(self):
        links = self._links(
            "Leaders speak by phone\n\nWASHINGTON, March 1, 2022 (Agency) -- Velorian Vice "
            "President Tamsin Oakridge spoke by phone with Estonian Prime Minister Ravel "
            "Dunmore and Latvian Prime Minister Arlen Voss on Tuesday.\n\n"
            "In each call, Oakridge reaffirmed the commitment of Veloria to the defence of the "
            "Baltic states.\n\n"
            "She noted that the sanctions on the aggressor would stay in place for years.\n"
        )
        self.assertIsNone(links["the commitment of"][0])
        self.assertIsNone(links["the sanctions on"][0])

    def test_words_said_after_talks_with_someone_go_to_those_talks_wherever_told(self):
        links = self._links(
            "Ministers discuss trade\n\nNAIROBI, March 5, 2025 (Agency) -- Kenyan Foreign "
            "Minister Amina Odhiambo met Ghanaian Foreign Minister Kofi Mensah-Boateng on "
            "Tuesday.\n\n"
            "Odhiambo had held talks with Ugandan Foreign Minister Grace Nakato on Monday.\n\n"
            '"We will open the border post at Busia by June," Odhiambo told reporters after '
            "her talks with Nakato.\n\n"
            "Speaking at a joint press conference with Mensah-Boateng, Odhiambo said Kenya "
            "would buy more cocoa from Ghana.\n"
        )
        self.assertEqual(links["We will open"][0], {"Amina Odhiambo", "Grace Nakato"})
        self.assertEqual(links["Kenya would buy"][0], {"Amina Odhiambo", "Kofi Mensah-Boateng"})

    def test_words_said_a_day_after_meeting_someone_are_not_that_meeting(self):
        links = self._links(
            "Ministers discuss trade\n\nNAIROBI, March 5, 2025 (Agency) -- Kenyan Foreign "
            "Minister Amina Odhiambo said on Wednesday, a day after meeting Ghanaian Foreign "
            "Minister Kofi Mensah-Boateng in Accra, that the two countries would double their "
            "trade.\n"
        )
        self.assertEqual(links, {"the two countries": (None, dt.date(2025, 3, 5))})

    def test_remarks_that_came_after_talks_belong_to_those_talks(self):
        links = self._links(
            "Ministers discuss trade\n\nNAIROBI, March 5, 2025 (Agency) -- Kenya and Ghana will "
            "double their trade by 2030, Kenyan Foreign Minister Amina Odhiambo said on "
            "Tuesday.\n\n"
            "Her remarks came after talks with her Ghanaian counterpart Kofi Mensah-Boateng.\n"
        )
        self.assertEqual(
            links["Kenya and Ghana"],
            ({"Amina Odhiambo", "Kofi Mensah-Boateng"}, dt.date(2025, 3, 4)),
        )

    def test_words_on_arrival_belong_to_a_visit_but_not_to_talks(self):
        from articles.extraction.context import Context
        from articles.extraction.statements import StatementFinder
        from articles.extraction.statements.occasions import ARRIVAL
        from articles.extraction.types import MeetingCandidate
        from articles.reading import normalise
        from tests.builders import lexicon

        document, result = extract_text(STORY.format(""), "x.txt")
        result.meetings = [MeetingCandidate(0, 10, "visit"), MeetingCandidate(0, 10, "bilateral")]
        finder = StatementFinder(
            Context.build(document, lexicon(), normalise(document.text)), result
        )
        self.assertTrue(finder._said_there(0, ARRIVAL, None))
        self.assertFalse(finder._said_there(1, ARRIVAL, None))


class DatelineQuoteTests(SimpleTestCase):
    def test_a_quotation_opening_the_story_after_its_dateline_is_direct_and_alone(self):
        statements = said(
            'Ministers discuss trade\n\nNAIROBI, March 5, 2025 (Agency) -- "Our ties have '
            'never been stronger," Kenyan Foreign Minister Amina Odhiambo said after meeting '
            "Ghanaian Foreign Minister Kofi Mensah-Boateng on Tuesday.\n"
        )
        self.assertEqual(
            by(statements, "Amina Odhiambo"), [("Our ties have never been stronger", True)]
        )
