"""Coreference: titles without names and pronouns resolved within one story.

Every article here is invented for the test.
"""

from django.test import SimpleTestCase

from articles.extraction.context import Context
from articles.extraction.coreference import Coreference
from articles.reading import normalise
from tests.builders import extract_text, lexicon


def coreference(text):
    document, result = extract_text(text, "x.txt")
    ctx = Context.build(document, lexicon(), normalise(document.text))
    return Coreference(ctx, result), result, document.text


def name(result, entity):
    return None if entity is None else result.persons[entity].name


TWO_STORIES = (
    "Summit digest\n\n"
    "TASHKENT, May 6, 2024 (UzA) -- Uzbek President Rustam Karimbekov received Turkish Foreign Minister "
    "Mehmet Aydin on Monday.\n\n"
    "The Uzbek president said that trade between the two countries has doubled in three years.\n\n"
    "The Turkish foreign minister noted that Ankara will open a new trade office in Samarkand.\n\n"
    "He also invited his host to the next summit.\n\n"
    "Rail talks\n\n"
    "BAKU, May 7, 2024 (Trend) -- Officials from the region met to discuss the rail corridor.\n\n"
    "He said the corridor will carry more freight this year than ever before.\n"
)


class TitleMentionTests(SimpleTestCase):
    def test_title_with_demonym_resolves_to_the_person_whose_post_and_country_fit(self):
        coref, result, text = coreference(TWO_STORIES)
        found = {m.text: name(result, m.entity) for m in coref.title_mentions}
        self.assertEqual(found.get("The Uzbek president"), "Rustam Karimbekov")
        self.assertEqual(found.get("The Turkish foreign minister"), "Mehmet Aydin")

    def test_title_before_a_name_is_not_a_title_mention(self):
        coref, result, text = coreference(TWO_STORIES)
        self.assertFalse(any(m.text.endswith("Uzbek President") for m in coref.title_mentions))

    def test_title_mentions_have_form_title_and_all_mentions_are_sorted(self):
        coref, result, text = coreference(TWO_STORIES)
        self.assertTrue(all(m.form == "title" for m in coref.title_mentions))
        starts = [m.start for m in coref.mentions]
        self.assertEqual(starts, sorted(starts))
        self.assertTrue(set(map(id, coref.title_mentions)) <= set(map(id, coref.mentions)))

    def test_noun_compounds_are_not_titles(self):
        text = (
            "DHAKA, May 3, 2024 (BSS) -- Bangladeshi Foreign Minister Karim Hossain said member states must act, "
            "being among the forum's first members.\n"
        )
        coref, result, _text = coreference(text)
        self.assertEqual(coref.title_mentions, [])

    def test_latest_subject_wins_among_people_with_the_same_post(self):
        text = (
            "CAIRO, May 12, 2024 (MENA) -- Egyptian President Omar Farouk met Tunisian President Salma Ben Ali.\n\n"
            "Omar Farouk welcomed the guests after the death of former Libyan President Khaled Mansour.\n\n"
            "The President stressed that the region needs calm.\n"
        )
        coref, result, _text = coreference(text)
        (mention,) = [m for m in coref.title_mentions if m.text == "The President"]
        self.assertEqual(name(result, mention.entity), "Omar Farouk")


class CounterpartTests(SimpleTestCase):
    TEXT = (
        "Talks\n\nNAIROBI, March 4, 2025 (Agency) -- Kenyan Foreign Minister Amina Odhiambo met "
        "Ghanaian Foreign Minister Kofi Mensah on Monday.\n\n"
        "At a joint press conference with her Ghanaian counterpart in Accra, Odhiambo said the "
        "two countries would open a new ferry line.\n\n"
        '"I thank my Ghanaian counterpart for his warm welcome," Odhiambo said.\n\n'
        "Odhiambo praised his counterpart for the talks.\n"
    )

    def test_a_third_persons_counterpart_of_a_country_is_the_person_of_that_country(self):
        coref, result, text = coreference(self.TEXT)
        found = [(m.text, name(result, m.entity)) for m in coref.title_mentions]
        self.assertIn(("her Ghanaian counterpart", "Kofi Mensah"), found)

    def test_my_counterpart_and_a_counterpart_of_no_country_are_left_alone(self):
        coref, result, text = coreference(self.TEXT)
        texts = [m.text for m in coref.title_mentions]
        self.assertFalse([t for t in texts if "my" in t.split() or t == "his counterpart"])

    def test_the_meeting_takes_the_place_of_the_press_conference_held_with_the_counterpart(self):
        from tests.extraction.test_meetings import the_meeting

        row = the_meeting(self.TEXT, "Amina Odhiambo", "Kofi Mensah")
        self.assertEqual(row[4], "Accra")


class PronounTests(SimpleTestCase):
    def test_pronoun_is_the_latest_subject(self):
        coref, result, text = coreference(TWO_STORIES)
        at = text.index("He also invited")
        self.assertEqual(name(result, coref.resolve(at, "He")), "Mehmet Aydin")

    def test_pronoun_never_crosses_a_story_boundary(self):
        coref, result, text = coreference(TWO_STORIES)
        at = text.index("He said the corridor")
        self.assertIsNone(coref.resolve(at, "He"))

    def test_gender_picks_the_person(self):
        text = (
            "MANILA, May 15, 2024 (PNA) -- Philippine Foreign Secretary Ms. Teresa Ramos met Malaysian Foreign "
            "Minister Mr. Hafiz Rahman.\n\n"
            "Mr. Rahman spoke first about the fisheries agreement.\n\n"
            "She said the sea lanes must stay open to all.\n"
        )
        coref, result, text = coreference(text)
        at = text.index("She said")
        self.assertEqual(name(result, coref.resolve(at, "She")), "Teresa Ramos")

    def test_pronoun_after_its_antecedent_in_the_same_sentence(self):
        text = (
            "LISBON, May 2, 2024 (Lusa) -- Portuguese Foreign Minister Rui Matos visited Cape Verde, where he "
            "opened a school.\n"
        )
        coref, result, text = coreference(text)
        at = text.index("he opened")
        self.assertEqual(name(result, coref.resolve(at, "he")), "Rui Matos")

    def test_words_that_are_not_pronouns_resolve_to_nothing(self):
        coref, result, text = coreference(TWO_STORIES)
        self.assertIsNone(coref.resolve(0, "they"))
