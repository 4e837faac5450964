"""The one decision 'same statement', used by extraction and by loading."""

from django.test import SimpleTestCase

from articles.extraction.identity import Utterances, same_utterance

# (first text, second text, the same utterance?) -- invented sentences
SAME_UTTERANCE_ROWS = [
    (
        "Our two countries will build the northern railway together by 2030",
        "Our two countries will build the northern railway together by the year 2030",
        True,
    ),
    (
        "We will deepen trade ties and open the border crossing at Velmar",
        "we will deepen trade ties, and open the border crossing at Velmar.",
        True,
    ),
    (
        "We will deepen trade ties and open the border crossing at Velmar",
        "The border crossing at Velmar stays closed until the spring floods are over",
        False,
    ),
    (
        "Water sharing is the key question for the whole valley",
        "Water sharing is the key question for the whole valley, and we have proposed a "
        "joint commission with seasonal quotas, a data exchange and an arbitration panel",
        False,  # the shorter is under 60% of the longer: a summary and the full quote
    ),
]


class SameUtteranceTests(SimpleTestCase):
    def test_rows(self):
        for a, b, same in SAME_UTTERANCE_ROWS:
            with self.subTest(a=a, b=b):
                self.assertEqual(same_utterance(a, b), same)
                self.assertEqual(same_utterance(b, a), same)


class UtterancesTests(SimpleTestCase):
    def test_the_earliest_same_text_is_found(self):
        said = Utterances()
        said.add("Our two countries will build the northern railway together by 2030", "first")
        said.add("The border crossing at Velmar stays closed until the spring", "second")
        said.add("Our two countries will build the northern railway together by 2030", "third")
        self.assertEqual(
            said.find(
                "Our two countries will build the northern railway together by the year 2030"
            ),
            "first",
        )
        self.assertIsNone(said.find("Fishing quotas on the lake were not discussed at all"))

    def test_a_text_of_common_words_is_still_found_among_many(self):
        said = Utterances()
        common = "we will work together for the good of the region"
        for n in range(3 * Utterances.COMMON):
            said.add(f"{common} number{n}", n)
        said.add(common, "plain")
        self.assertEqual(said.find(common), "plain")  # the same words exactly
        self.assertEqual(said.find(f"{common} number7"), 7)

    def test_thousands_of_distinct_quotations_cost_few_comparisons(self):
        # each text shares no word with the others: none is compared with any other
        said = Utterances()
        for n in range(2000):
            said.add(f"alpha{n} beta{n} gamma{n} delta{n}", n)
        self.assertEqual(len(said._candidates("alpha5 beta5 gamma5 delta5")), 1)
        self.assertEqual(said._candidates("entirely new words here"), set())
