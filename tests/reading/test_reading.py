"""Reading files: decoding, HTML, normalising, boilerplate, metadata, datelines, stories.

Every sample text here is invented for the test.
"""

import codecs
import datetime as dt
import unittest

from django.test import SimpleTestCase
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.reading import (
    MAX_BYTES,
    ReadError,
    boilerplate_spans,
    check_size,
    decode,
    detect_metadata,
    find_datelines,
    html_to_text,
    normalise,
    read_document,
    split_stories,
)


def covered(text, spans, part):
    """True when the first occurrence of ``part`` lies inside one of the spans."""
    start = text.index(part)
    return any(s <= start and start + len(part) <= e for s, e in spans)


class DecodeTests(unittest.TestCase):
    def test_utf8_without_bom(self):
        self.assertEqual(decode("Café talks in Lomé".encode()), "Café talks in Lomé")

    def test_utf8_bom_is_dropped(self):
        self.assertEqual(decode(codecs.BOM_UTF8 + "Summit – day one".encode()), "Summit – day one")

    def test_utf16_with_bom(self):
        self.assertEqual(decode("Envoys meet in Niamey".encode("utf-16")), "Envoys meet in Niamey")
        self.assertEqual(
            decode(codecs.BOM_UTF16_BE + "Talks «resume»".encode("utf-16-be")), "Talks «resume»"
        )

    def test_utf32_with_bom(self):
        self.assertEqual(decode("Forum closes".encode("utf-32")), "Forum closes")

    def test_utf16_without_bom_is_sniffed(self):
        self.assertEqual(
            decode("The council met on Monday.".encode("utf-16-le")), "The council met on Monday."
        )

    def test_cp1252_is_detected(self):
        text = "The minister\u2019s visit to the caf\u00e9 \u2014 a \u201cnew\u201d chapter for the r\u00e9gion, said the G7 note."
        self.assertEqual(decode(text.encode("cp1252")), text)

    def test_cp1251_is_detected(self):
        text = "Министр иностранных дел прибыл в столицу для переговоров с коллегами из региона."
        self.assertEqual(decode(text.encode("cp1251")), text)

    def test_undetectable_bytes_are_refused(self):
        with self.assertRaisesRegex(
            ReadError, "not valid UTF-8 and the encoding could not be detected"
        ):
            decode(bytes(range(128, 256)) * 3)

    def test_binary_files_are_refused(self):
        with self.assertRaisesRegex(ReadError, "binary file"):
            decode(b"\x89PNG\r\n\x1a\n" + bytes(200))
        with self.assertRaisesRegex(ReadError, "binary file"):
            decode(b"abc\x00\x01\x02\x00\x00\xff\xfe\x10" * 50)
        with self.assertRaisesRegex(ReadError, "binary file"):
            decode(bytes([1, 2, 3, 4, 5, 6, 7, 8, 65, 66]) * 40)

    def test_empty_documents_are_refused(self):
        for data in (
            b"",
            b"   \n\t ",
            codecs.BOM_UTF8,
            codecs.BOM_UTF8 + b"\n\n",
            "  ".encode("utf-16"),
        ):
            with self.subTest(data=data), self.assertRaisesRegex(ReadError, "empty document"):
                decode(data)

    def test_nul_characters_are_stripped(self):
        self.assertEqual(decode("Talks\x00 resume".encode("utf-16")), "Talks resume")

    def test_size_limit(self):
        check_size(10, 10)
        check_size(10**9, None)
        check_size(10**9, 0)  # no limit
        with self.assertRaisesRegex(ReadError, "larger than the limit"):
            check_size(MAX_BYTES + 1, MAX_BYTES)
        with self.assertRaisesRegex(ReadError, "larger than the limit"):
            read_document(b"x" * 20, "big.txt", limit=10)


SAMPLE_HTML = """<!DOCTYPE html>
<html><head>
<title>Summit opens | Example Wire</title>
<meta property="og:title" content="Summit opens">
<link rel="canonical" href="https://example.org/news/1">
<meta property="article:published_time" content="2024-05-20T08:00:00+05:00">
<style>p { color: red }</style>
<script>var hidden = "script text";</script>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<header><div>Site banner</div></header>
<article>
<h1>Summit opens</h1>
<p>Leaders of the    <b>G7</b>
   met in the old town.</p>
<p>Second&nbsp;paragraph<br>with a break.</p>
<ul><li>First point</li><li>Second point</li></ul>
<!-- an editor's comment -->
</article>
<aside>Most read</aside>
<form><input name="q"> Search</form>
<footer>Footer text</footer>
<script>alert("again")</script>
</body></html>"""


class HtmlTests(unittest.TestCase):
    def test_text_keeps_blocks_and_drops_page_furniture(self):
        text, _ = html_to_text(SAMPLE_HTML)
        self.assertIn("Leaders of the G7 met in the old town.", text)
        self.assertIn("Second paragraph\nwith a break.", text)
        self.assertIn("First point\nSecond point", text)
        for hidden in ("script text", "alert", "color: red", "Home", "Site banner", "Most read",
                       "Search", "Footer text", "editor's comment", "Example Wire"):  # fmt: skip
            self.assertNotIn(hidden, text)
        self.assertNotIn("\n\n\n", text)
        self.assertNotIn("  ", text)

    def test_metadata(self):
        _, meta = html_to_text(SAMPLE_HTML)
        self.assertEqual(meta, {"title": "Summit opens", "url": "https://example.org/news/1",
                                "published": dt.date(2024, 5, 20)})  # fmt: skip

    def test_title_falls_back_to_the_title_element(self):
        _, meta = html_to_text(
            "<html><head><title> Forum  closes </title></head><body><p>Text.</p></body></html>"
        )
        self.assertEqual(meta, {"title": "Forum closes"})

    def test_read_document_converts_html_by_extension_or_content(self):
        by_name = read_document(SAMPLE_HTML.encode(), "page.html")
        by_content = read_document(SAMPLE_HTML.encode(), "page.txt")
        for doc in (by_name, by_content):
            self.assertEqual(doc.title, "Summit opens")
            self.assertEqual(doc.url, "https://example.org/news/1")
            self.assertEqual(doc.published, dt.date(2024, 5, 20))
            self.assertTrue(doc.text.startswith("Summit opens\n"))
        self.assertEqual(by_name.content_hash, by_content.content_hash)

    def test_html_without_text_is_empty(self):
        with self.assertRaisesRegex(ReadError, "empty document"):
            read_document(b"<html><body><script>x()</script></body></html>", "blank.html")


class NormaliseTests(unittest.TestCase):
    def test_replacements(self):
        self.assertEqual(
            normalise(
                "\u2018a\u2019 \u201cb\u201d \u00abc\u00bb x\u2013y\u2014z\u2212w n\u00a0b\u200bc\u2009d"
            ),
            '\'a\' "b" "c" x-y-z-w n b c d',
        )

    def test_length_is_kept(self):
        text = "The envoy\u2019s \u201cplan\u201d \u2014 \u00abgood\u00bb\u200d\ufeff \U0001f600 \u2028 end"
        self.assertEqual(len(normalise(text)), len(text))

    @settings(max_examples=300, deadline=None)
    @given(st.text())
    def test_length_is_kept_for_any_text(self, text):
        self.assertEqual(len(normalise(text)), len(text))


class BoilerplateTests(unittest.TestCase):
    TEXT = (
        "Press Releases\n"
        "Ministers agree on river treaty\n"
        "The ministers signed the treaty in the capital. (Ridgepress/Staff Photographer)\n"
        "Photo: Harbour Wire\n"
        "Follow the Harbour Wire desk on Instagram and Twitter for each new dispatch.\n"
        "Follow us on Telegram\n"
        "Stay up-to-date: the Ridge Times posts every bulletin on its WhatsApp channel\n"
        "Comments (0)\n"
        "Share this article\n"
        "Read more: Ministers to meet again in spring\n"
        "Subscribe to our newsletter\n"
        "© 2024 Harbour Wire. All rights reserved.\n"
        "Following the talks, the sides agreed to meet again.\n"
    )

    def test_footers_credits_and_labels_are_found(self):
        spans = boilerplate_spans(self.TEXT)
        for part in ("Press Releases", "(Ridgepress/Staff Photographer)", "Photo: Harbour Wire",
                     "Follow the Harbour Wire desk on Instagram", "Follow us on Telegram",
                     "Stay up-to-date: the Ridge Times", "Comments (0)", "Share this article",
                     "Read more: Ministers", "Subscribe to our newsletter", "© 2024 Harbour Wire"):  # fmt: skip
            self.assertTrue(covered(self.TEXT, spans, part), part)

    def test_content_is_not_boilerplate(self):
        spans = boilerplate_spans(self.TEXT)
        for part in ("Ministers agree on river treaty", "The ministers signed the treaty",
                     "Following the talks, the sides agreed"):  # fmt: skip
            start = self.TEXT.index(part)
            self.assertFalse(any(s <= start < e for s, e in spans), part)

    def test_spans_do_not_include_newlines(self):
        for s, e in boilerplate_spans(self.TEXT):
            self.assertNotIn("\n", self.TEXT[s:e])

    def test_section_label_only_counts_at_the_top(self):
        text = "Ministers meet\nThe ministers met.\nPress Releases\n"
        self.assertEqual(boilerplate_spans(text), [])


class MetadataTests(unittest.TestCase):
    def test_headline_and_agency_time_line(self):
        text = (
            "G7 envoys meet in Rome\n\n"
            "Harbour Wire) 08:56, December 18, 2024\n\n"
            "ROME, Dec. 17 (Harbour Wire) -- Envoys of the G7 met on Tuesday.\n"
        )
        self.assertEqual(
            detect_metadata(text),
            {
                "title": "G7 envoys meet in Rome",
                "published": dt.date(2024, 12, 18),
                "outlet": "Harbour Wire",
            },
        )

    def test_leading_date_marker(self):
        text = " date 2025-09-09 HAVANA, Cuba, September 9. The forum opened in the capital, Ridge Times reports.\n"
        meta = detect_metadata(text)
        self.assertEqual(meta["published"], dt.date(2025, 9, 9))
        self.assertEqual(meta["outlet"], "Ridge Times")
        self.assertIsNone(meta["title"])

    def test_date_only_lines(self):
        for line, expected in (
            ("December 18, 2024", dt.date(2024, 12, 18)),
            ("18 December 2024", dt.date(2024, 12, 18)),
            ("18.12.2024", dt.date(2024, 12, 18)),
            ("2024-12-18", dt.date(2024, 12, 18)),
            ("Published: 18.12.2024 14:05", dt.date(2024, 12, 18)),
        ):
            with self.subTest(line=line):
                text = f"Council closes session\n{line}\nThe council closed its session after two days.\n"
                meta = detect_metadata(text)
                self.assertEqual(meta["published"], expected)
                self.assertEqual(meta["title"], "Council closes session")

    def test_reports_outlet(self):
        text = "Delegations met in the port city on March 30, 2024, MFA of Chile reports. The talks went well.\n"
        meta = detect_metadata(text)
        self.assertEqual(meta["outlet"], "MFA of Chile")
        self.assertIsNone(meta["published"])  # a date inside a sentence is not the publication date
        self.assertIsNone(meta["title"])

    def test_dateline_outlet(self):
        self.assertEqual(
            detect_metadata("MINSK, 21 May (BelTA) – The ministers met.\n")["outlet"], "BelTA"
        )
        self.assertEqual(
            detect_metadata("ALMATY, May 21 (Steppe Times) — The forum met.\n")["outlet"],
            "Steppe Times",
        )

    def test_published_from_dateline_with_year_from_the_text(self):
        text = "LIMA, March 4 (Andes Wire) -- Talks ended on Monday.\nThe treaty was signed on June 1, 2019.\n"
        self.assertEqual(detect_metadata(text)["published"], dt.date(2019, 3, 4))

    def test_published_from_the_sign_off_at_the_end(self):
        body = "".join(
            f"{n}. The ministers discussed item {n} of the agenda.\n\n" for n in range(8)
        )
        for sign_off, expected in (
            ("Port Lindavia\nJune 12, 2025\n", dt.date(2025, 6, 12)),
            ("Port Lindavia, 24 September 2025\n", dt.date(2025, 9, 24)),
            ("The talks will resume on June 12, 2025 in the capital.\n", None),
        ):
            with self.subTest(sign_off=sign_off):
                meta = detect_metadata("Ministers meet\n\n" + body + sign_off)
                self.assertEqual(meta["published"], expected)

    def test_a_marked_date_before_the_headline_on_its_line(self):
        text = " date 2025-02-20 Lindavia-Ostrava Ministers' Meeting\n\nThe ministers met today.\n"
        meta = detect_metadata(text)
        self.assertEqual(meta["title"], "Lindavia-Ostrava Ministers' Meeting")
        self.assertEqual(meta["published"], dt.date(2025, 2, 20))
        document = read_document(text.encode(), "x.txt")
        [(start, end)] = document.boilerplate  # the marker is no text to extract from
        self.assertEqual(text[start:end].strip(), "date 2025-02-20")

    def test_label_above_title_is_skipped(self):
        text = "Press Releases\n\nChile backs the river commission\n\nThe ministry said so in a statement.\n"
        self.assertEqual(detect_metadata(text)["title"], "Chile backs the river commission")

    def test_nothing_found(self):
        meta = detect_metadata(
            "The forum discussed water, trade and transport for several hours in the hall.\n"
        )
        self.assertEqual(meta, {"title": None, "published": None, "outlet": None})


class DatelineTests(unittest.TestCase):
    def one(self, text):
        found = find_datelines(text)
        self.assertEqual(len(found), 1, found)
        return found[0]

    def test_upper_case_city_with_outlet_and_dash(self):
        text = "ASTANA, May 21 (Harbour Wire) — The council met.\n"
        d = self.one(text)
        self.assertEqual(
            (d.place, d.country, d.month, d.day, d.outlet), ("Astana", None, 5, 21, "Harbour Wire")
        )
        self.assertEqual((d.start, text[d.end :]), (0, "The council met.\n"))

    def test_title_case_city_with_country_and_period(self):
        d = self.one("BAKU, Azerbaijan, September 9. The forum opened.")
        self.assertEqual(
            (d.place, d.country, d.month, d.day, d.outlet), ("Baku", "Azerbaijan", 9, 9, None)
        )
        d = self.one("Suva, Fiji, October 11 - The forum closed.")
        self.assertEqual((d.place, d.country, d.month, d.day), ("Suva", "Fiji", 10, 11))

    def test_forms_of_date_and_separator(self):
        cases = [
            ("NUR-SULTAN, Dec. 17 (Ridge Times) -- Text.", ("Nur-Sultan", 12, 17, "Ridge Times")),
            ("MINSK, 21 May (BelTA) – Text.", ("Minsk", 5, 21, "BelTA")),
            ("NEW YORK, Sept. 9 - Text.", ("New York", 9, 9, None)),
            ("XI'AN, March 30 -– Text.", ("Xi'an", 3, 30, None)),
            ("ST. PETERSBURG, June 5 (Wire) — Text.", ("St. Petersburg", 6, 5, "Wire")),
        ]
        for text, expected in cases:
            with self.subTest(text=text):
                d = self.one(text)
                self.assertEqual((d.place, d.month, d.day, d.outlet), expected)
                self.assertEqual(text[d.end :], "Text.")

    def test_year_in_dateline(self):
        d = self.one("LONDON, Sept. 9, 2024 (Wire) -- Text.")
        self.assertEqual((d.month, d.day, d.year), (9, 9, 2024))

    def test_leading_date_marker_and_second_paragraph(self):
        text = "Headline here\n\n date 2025-09-09 HAVANA, Cuba, September 9. Text."
        d = self.one(text)
        self.assertEqual(text[d.start : d.start + 6], "HAVANA")

    def test_mixed_case_place_with_a_full_date_and_no_outlet(self):
        cases = [
            ("Lindavia, July 3, 2025. Text.", ("Lindavia", 7, 3, 2025)),
            ("Addis Ababa, 14 May 2025: Text.", ("Addis Ababa", 5, 14, 2025)),
            ("New Harbor, March 4th, 2024 - Text.", ("New Harbor", 3, 4, 2024)),
        ]
        for text, expected in cases:
            with self.subTest(text=text):
                d = self.one(text)
                self.assertEqual((d.place, d.month, d.day, d.year), expected)
                self.assertEqual(text[d.end :], "Text.")

    def test_a_place_and_full_date_on_a_line_of_their_own(self):
        cases = [
            ("Lindavia, 18 July 2025\n\nText.", ("Lindavia", 7, 18, 2025)),
            ("LINDAVIA, July 18, 2025\nText.", ("Lindavia", 7, 18, 2025)),
        ]
        for text, expected in cases:
            with self.subTest(text=text):
                d = self.one(text)
                self.assertEqual((d.place, d.month, d.day, d.year), expected)
                self.assertEqual(text[d.end :].strip(), "Text.")
        for text in (
            "Lindavia, 18 July 2025\n",  # a sign-off: nothing follows
            "Lindavia, July 18\n\nText.",  # no year
        ):
            with self.subTest(text=text):
                self.assertEqual(find_datelines(text), [])

    def test_outlets_without_brackets_or_separator_and_a_hijri_date(self):
        cases = [
            ("Lindavia, Mar 3 (Harbour Wire) Text.", ("Lindavia", 3, 3, None, "Harbour Wire")),
            ("New Harbor, January 22, 2025 HWA -- Text.", ("New Harbor", 1, 22, 2025, "HWA")),
            (
                "Lindavia, Safar 10, 1447, August 4, 2025, HWA -- Text.",
                ("Lindavia", 8, 4, 2025, "HWA"),
            ),
            ("LINDAVIA, Rabi Al-Awwal 2, 1447, August 25 - Text.", ("Lindavia", 8, 25, None, None)),
        ]
        for text, expected in cases:
            with self.subTest(text=text):
                d = self.one(text)
                self.assertEqual((d.place, d.month, d.day, d.year, d.outlet), expected)
                self.assertEqual(text[d.end :], "Text.")

    def test_not_datelines(self):
        for text in (
            "The meeting, May 5 - was long.",
            "However, May 5 — the talks ended.",
            "They met in ROME, May 5 (Wire) -- inside a sentence.",
            "ROME, May 5-6 talks.",
            "China may 5 - no.",
            # a mixed-case opening needs the year, and is no weekday or adverb
            "Lindavia, July 3. The talks ended.",
            "Tuesday, July 3, 2025: the talks ended.",
            "However, May 5, 2025 - the talks ended.",
            "The meeting, May 5, 2025 - was long.",
            # a bracket inside a sentence, and capitals after a date that end no dateline
            "Lindavia, Mar 3 (the day before) was calm.",
            "Lindavia, May 5, 2025 UN talks - no.",
            "The minister (Lindavia) Spoke.",
        ):
            with self.subTest(text=text):
                self.assertEqual(find_datelines(text), [])


COMPILATION = """Regional roundup

Several regional bodies met this week, as they did in 2023, and the following reports describe the meetings.
Leaders open ASEAN talks in the capital
VIENTIANE, Oct. 8 (Harbour Wire) — Leaders of the member states opened talks on Tuesday.
They discussed trade and transport.
G7 envoys gather in Rome
ROME, 10 October (Ridge Times) – Envoys of the G7 met on Thursday to prepare a summit.
Pacific forum closes
SUVA, Fiji, October 11. The forum closed on Friday with a joint statement.
Follow us on Telegram
"""


class SplitStoriesTests(unittest.TestCase):
    def test_compilation_gives_a_leading_story_and_one_per_headline(self):
        stories = split_stories(COMPILATION, None)
        self.assertEqual(len(stories), 4)
        lead, asean, g7, pacific = stories
        self.assertIsNone(lead.dateline_place)
        self.assertEqual(lead.headline, "Regional roundup")
        self.assertEqual(
            [(s.headline, s.dateline_place, s.date, s.outlet) for s in (asean, g7, pacific)],
            [
                (
                    "Leaders open ASEAN talks in the capital",
                    "Vientiane",
                    dt.date(2024, 10, 8),
                    "Harbour Wire",
                ),
                ("G7 envoys gather in Rome", "Rome", dt.date(2024, 10, 10), "Ridge Times"),
                ("Pacific forum closes", "Suva", dt.date(2024, 10, 11), None),
            ],
        )
        self.assertEqual(COMPILATION[asean.start : asean.start + 7], "Leaders")
        self.assertTrue(COMPILATION[asean.body_start :].startswith("Leaders of the member states"))
        self.assertTrue(COMPILATION[g7.body_start :].startswith("Envoys of the G7"))
        self.assertTrue(COMPILATION[pacific.body_start :].startswith("The forum closed"))
        self.assertEqual(asean.end, COMPILATION.index("\nG7 envoys"))
        self.assertEqual(lead.end, COMPILATION.index("\nLeaders open"))
        self.assertIsNone(pacific.dateline_country)  # only a two-letter code is kept

    def test_published_date_gives_the_year(self):
        stories = split_stories(COMPILATION, dt.date(2019, 10, 12))
        self.assertEqual([s.date for s in stories[1:]], [dt.date(2019, 10, d) for d in (8, 10, 11)])

    def test_year_across_new_year(self):
        text = "Talks end\nHELSINKI, Dec. 30 (Wire) -- The talks ended.\n"
        self.assertEqual(split_stories(text, dt.date(2025, 1, 3))[0].date, dt.date(2024, 12, 30))
        self.assertEqual(split_stories(text, dt.date(2024, 12, 31))[0].date, dt.date(2024, 12, 30))

    def test_single_article_with_dateline_in_first_paragraph(self):
        text = "date 2025-09-09 HAVANA, Cuba, September 9. The forum opened.\n\nIt will close on Friday.\n"
        stories = split_stories(text, dt.date(2025, 9, 9))
        self.assertEqual(len(stories), 1)
        story = stories[0]
        self.assertEqual(
            (story.dateline_place, story.date, story.start, story.end),
            ("Havana", dt.date(2025, 9, 9), 0, len(text) - 1),
        )
        self.assertTrue(text[story.body_start :].startswith("The forum opened."))

    def test_single_article_with_title_date_line_and_caption(self):
        text = (
            "Council opens session\n\nHarbour Wire) 10:30, June 4, 2024\n\n"
            "Delegates arrive at the hall in Geneva, June 3, 2024. (Harbour Wire/Staff)\n\n"
            "GENEVA, June 3 (Harbour Wire) -- The council opened its session on Monday.\n\n"
            "It closes next week.\n"
        )
        doc = read_document(text.encode(), "council.txt")
        self.assertEqual(len(doc.stories), 1)
        story = doc.stories[0]
        self.assertEqual(
            (story.headline, story.dateline_place, story.date),
            ("Council opens session", "Geneva", dt.date(2024, 6, 3)),
        )
        self.assertEqual((doc.published, doc.outlet), (dt.date(2024, 6, 4), "Harbour Wire"))

    def test_weekday_fixes_the_year_when_nothing_else_does(self):
        # October 8 was a Tuesday in 2024, not in 2023 or 2025.
        text = "ASEAN talks open\nVIENTIANE, Oct. 8 (Wire) -- Talks opened on Tuesday.\nA first round was held in 2023.\n"
        self.assertEqual(split_stories(text, None)[0].date, dt.date(2024, 10, 8))

    def test_text_without_datelines_is_one_story(self):
        text = "A plain note about the forum.\nIt has two lines.\n"
        stories = split_stories(text, None)
        self.assertEqual(len(stories), 1)
        self.assertEqual(
            (stories[0].start, stories[0].end, stories[0].date), (0, len(text) - 1, None)
        )

    def test_blank_text_has_no_stories(self):
        self.assertEqual(split_stories("  \n\n", None), [])


class ReadDocumentTests(unittest.TestCase):
    def test_text_is_stored_as_given(self):
        text = "\ufeffSummit  opens\r\n\r\nROME, May 5 (Wire) -- Leaders met.\r\n"
        doc = read_document(text.encode("utf-8"), "a.txt", path="in/a.txt")
        self.assertEqual(doc.text, text[1:])  # only the BOM goes
        self.assertEqual(doc.path, "in/a.txt")
        self.assertEqual(len(doc.content_hash), 64)

    def test_arguments_override_detection(self):
        text = "Talks end\nHELSINKI, Dec. 30 (Wire) -- The talks ended in 2024.\n"
        doc = read_document(text, "b.txt", published=dt.date(2025, 1, 2), outlet="Other Wire")
        self.assertEqual((doc.published, doc.outlet), (dt.date(2025, 1, 2), "Other Wire"))
        self.assertEqual(doc.stories[0].date, dt.date(2024, 12, 30))

    def test_same_text_same_hash(self):
        a = read_document("Forum\n\nText.".encode("utf-16"), "a.txt")
        b = read_document(b"Forum\n\nText.", "b.txt")
        self.assertEqual(a.content_hash, b.content_hash)

    def test_boilerplate_and_stories_are_filled(self):
        doc = read_document(COMPILATION.encode(), "roundup.txt")
        self.assertEqual(len(doc.stories), 4)
        # the first story's dateline says nothing of the whole compilation
        self.assertEqual((doc.outlet, doc.published, doc.title), (None, None, "Regional roundup"))
        self.assertTrue(covered(doc.text, doc.boilerplate, "Follow us on Telegram"))


FRAGMENTS = st.sampled_from([
    "\n", "\n\n", " ", "ROME, May 5 (Wire) -- ", "BAKU, Azerbaijan, September 9. ", "Headline of a story\n",
    "Comments (0)\n", "(Wire/Staff Photographer)", "Follow us on Telegram\n", " date 2025-09-09 ", "on Monday",
    "Dec. 31", "18.12.2024", "2024-02-30", "in 2021", "Press Releases\n", "\u2014", "\u00a0", "\u200b",
    "from 10 to 14 April 2023", "Harbour Wire) 08:56, December 18, 2024\n", "Feb. 29",
])  # fmt: skip
TEXTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=20)), max_size=30).map("".join)


class PropertyTests(unittest.TestCase):
    @settings(max_examples=300, deadline=None)
    @given(TEXTS)
    def test_never_raise_and_spans_stay_inside(self, text):
        self.assertEqual(len(normalise(text)), len(text))
        for s, e in boilerplate_spans(text):
            self.assertTrue(0 <= s < e <= len(text))
        for story in split_stories(text, None):
            self.assertTrue(0 <= story.start <= story.end <= len(text))
            if story.body_start is not None:
                self.assertTrue(story.start <= story.body_start <= len(text))
        for d in find_datelines(text):
            self.assertTrue(0 <= d.start < d.end <= len(text))
        detect_metadata(text)


if __name__ == "__main__":
    unittest.main()


class MoreDatelineFormsTests(unittest.TestCase):
    def test_city_then_agency_after_a_full_stop(self):
        (d,) = find_datelines("ULAANBAATAR. MONTSAME - The minister met the envoy.")
        self.assertEqual((d.place, d.outlet), ("Ulaanbaatar", "MONTSAME"))

    def test_title_case_city_with_date_and_agency(self):
        (d,) = find_datelines("Hanoi, June 3 (VNA) -- Talks were held.")
        self.assertEqual((d.place, d.month, d.day, d.outlet), ("Hanoi", 6, 3, "VNA"))


class MarkdownTitleTests(unittest.TestCase):
    def test_markdown_heading_is_the_title(self):
        document = read_document(b"# Envoy visits the capital\n\nThe envoy arrived.\n", "a.md")
        self.assertEqual(document.title, "Envoy visits the capital")


class StrayBytesTests(unittest.TestCase):
    def test_a_stray_nul_in_a_utf8_file_is_dropped(self):
        text = decode(("Talks were held in the capital. " * 20).encode() + b"\x00" + b"End.")
        self.assertNotIn("\x00", text)
        self.assertTrue(text.endswith("End."))

    def test_western_european_text_in_windows_1252(self):
        data = (
            "Foreign Minister Søren Kjærsgaard met his Danish colleagues in Århus. " * 5
        ).encode("cp1252")
        self.assertIn("Søren Kjærsgaard", decode(data))


class RoundupTests(SimpleTestCase):
    def test_datelines_opening_later_paragraphs_split_a_roundup_into_stories(self):
        document = read_document(
            (
                b"Roundup: ministers travel\n\n"
                b"LIMA, March 3, 2025 (Agency) -- The Peruvian foreign minister met a visitor.\n\n"
                b"The two sides discussed trade.\n\n"
                b"QUITO, March 4 (Agency) -- The Ecuadorian president received an envoy.\n\n"
                b"BOGOTA, March 5 (Agency) -- The Colombian minister spoke by phone.\n"
            ),
            "roundup.txt",
        )
        self.assertEqual(
            [(s.dateline_place, s.date.day) for s in document.stories],
            [("Lima", 3), ("Quito", 4), ("Bogota", 5)],
        )

    def test_a_single_article_stays_one_story(self):
        document = read_document(
            b"Talks\n\nLIMA, March 3 (Agency) -- The minister met a visitor.\n\n"
            b"He said the talks went well.\n",
            "single.txt",
        )
        self.assertEqual(len(document.stories), 1)
