"""An article's title and outlet come from its text, never from its file name."""

from django.test import SimpleTestCase

from articles.reading.stories import read_document


class TitleFromTextTests(SimpleTestCase):
    rows = [
        # (text, title)
        (
            "Arcadia and Borduria sign a ferry accord\n\nPORT EXAMPLE, May 3 (Example Wire) -- "
            "The two ministers signed it. More.",
            "Arcadia and Borduria sign a ferry accord",
        ),
        (
            "PORT EXAMPLE, May 3 (Example Wire) -- The foreign minister of Arcadia met her "
            "Bordurian counterpart on Tuesday. They agreed on a ferry.",
            "The foreign minister of Arcadia met her Bordurian counterpart on Tuesday",
        ),
        (
            "The council of Cascadia gathered on Monday to review the harvest and the "
            "prices of grain in the northern provinces of the country, officials said.",
            "The council of Cascadia gathered on Monday to review the harvest and the prices "
            "of grain in the\u2026",
        ),
    ]

    def test_a_headline_or_else_the_first_sentence(self):
        for text, title in self.rows:
            with self.subTest(title):
                document = read_document(text, "004_0123abcd.txt")
                self.assertEqual(document.title, title)
                self.assertNotIn("0123abcd", document.title)

    def test_a_title_made_from_the_lead_is_not_a_headline_for_extraction(self):
        document = read_document(self.rows[1][0], "004_0123abcd.txt")
        self.assertIsNone(document.stories[0].headline)

    def test_a_compilation_takes_its_first_headline_and_the_outlet_its_stories_share(self):
        text = (
            "Arcadia opens a consulate\n"
            "PORT EXAMPLE, May 3 (Example Wire) -- Arcadia opened a consulate on Friday.\n\n"
            "Borduria hosts ferry talks\n"
            "NORTHTOWN, May 4 (Example Wire) -- Borduria hosted talks on Saturday.\n"
        )
        document = read_document(text, "digest.txt")
        self.assertGreater(len(document.stories), 1)
        self.assertEqual(document.title, "Arcadia opens a consulate")
        self.assertEqual(document.outlet, "Example Wire")
