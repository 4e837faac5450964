"""Saved HTML pages: the article without what surrounds it, and the page's metadata."""

import datetime as dt
import socket
from unittest import mock

from django.test import SimpleTestCase

from articles.reading import html_to_text, read_document
from articles.reading.html import main_text

ARTICLE = """
<article>
<h1>Harbour talks in Marlow</h1>
<p>MARLOW, 3 June 2024 - Fijian Foreign Minister Lisiate Vuna received Tongan Foreign
Minister Sione Hala at the harbour office on Monday to discuss the ferry line.</p>
<p>"The ferry will run again before the cyclone season," Vuna told reporters after the
talks, adding that both governments would share the cost of the new pier.</p>
<p>Hala said that Tonga would send two engineers to Marlow in July to inspect the works.</p>
<div class="share">Share on X Share on Facebook Share on LinkedIn Send by e-mail Print</div>
</article>
"""
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour talks in Marlow | Ministry of Sea Affairs</title>
<meta property="og:title" content="Harbour talks in Marlow">
<meta property="og:site_name" content="Ministry of Sea Affairs">
<meta property="article:published_time" content="2024-06-03T15:00:00+12:00">
<link rel="canonical" href="https://example.org/news/harbour-talks">
<script>var tracker = 1;</script>
</head><body>
<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience
on our website and to measure how it is used. Accept all cookies or manage your
preferences.</p><button>Accept all</button><button>Reject</button></div>
<header><a href="/">Ministry of Sea Affairs</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/about">About the ministry</a></li>
<li><a href="/contact">Contact</a></li></ul></nav></header>
<main>{ARTICLE}
<aside class="related"><h2>Related news</h2><ul>
<li><a href="/news/1">Ferry timetable for the winter season published</a></li>
<li><a href="/news/2">Minister visits the northern islands</a></li></ul></aside>
</main>
<footer><p>Copyright 2024 Ministry of Sea Affairs. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/imprint">Imprint</a></li></ul>
<p>Follow us on social media</p></footer>
</body></html>
"""
FURNITURE = (
    "cookies",
    "Accept all",
    "Share on",
    "Print",
    "About the ministry",
    "Related news",
    "Ferry timetable",
    "northern islands",
    "Copyright",
    "Privacy",
    "Follow us",
)


class MainTextTests(SimpleTestCase):
    def test_the_article_stays_and_the_page_around_it_goes(self):
        text, _ = html_to_text(PAGE)
        self.assertTrue(text.startswith("Harbour talks in Marlow\n\nMARLOW, 3 June 2024 - "), text)
        self.assertIn("Hala said that Tonga would send two engineers", text)
        for words in FURNITURE:
            with self.subTest(words):
                self.assertNotIn(words, text)

    def test_paragraphs_are_separated_by_a_blank_line(self):
        text, _ = html_to_text(PAGE)
        self.assertIn('the ferry line.\n\n"The ferry will run again', text)

    def test_title_date_address_and_site_name(self):
        _, meta = html_to_text(PAGE)
        self.assertEqual(
            meta,
            {
                "title": "Harbour talks in Marlow",
                "published": dt.date(2024, 6, 3),
                "url": "https://example.org/news/harbour-talks",
                "outlet": "Ministry of Sea Affairs",
            },
        )

    def test_a_page_naming_no_site_has_no_outlet_from_its_host_name(self):
        page = PAGE.replace('<meta property="og:site_name" content="Ministry of Sea Affairs">', "")
        page = page.replace(" | Ministry of Sea Affairs", "")
        _, meta = html_to_text(page)
        self.assertNotIn("outlet", meta)

    def test_the_document_takes_the_site_as_its_outlet(self):
        document = read_document(PAGE.encode(), "harbour.html")
        self.assertEqual(document.outlet, "Ministry of Sea Affairs")
        self.assertEqual(document.published, dt.date(2024, 6, 3))
        self.assertNotIn("Share on", document.text)

    def test_a_page_where_trafilatura_finds_no_article_is_read_whole(self):
        page = '<html><body><div class="footer">Ministers met in Marlow.</div></body></html>'
        self.assertIsNone(main_text(page))
        text, _ = html_to_text(page)
        self.assertEqual(text, "Ministers met in Marlow.")

    def test_reading_a_page_opens_no_connection(self):
        with mock.patch.object(socket.socket, "connect", side_effect=AssertionError("network")):
            text, meta = html_to_text(PAGE)
        self.assertIn("Harbour talks", text)
        self.assertEqual(meta["outlet"], "Ministry of Sea Affairs")

    def test_a_list_of_delegations_keeps_one_line_each(self):
        page = PAGE.replace(
            "<p>Hala said",
            "<p>The meeting was attended by the heads of delegation:</p><ul>"
            "<li>Fiji: Foreign Minister Lisiate Vuna</li><li>Tonga: Foreign Minister Sione "
            "Hala</li></ul><p>Hala said",
        )
        text, _ = html_to_text(page)
        self.assertIn(
            "heads of delegation:\n\nFiji: Foreign Minister Lisiate Vuna\nTonga: Foreign "
            "Minister Sione Hala\n\n",
            text,
        )


class TranscriptLabelTests(SimpleTestCase):
    def test_a_questioner_s_outlet_is_not_the_document_s(self):
        document = read_document(
            b"Transcript of the press conference\n\nMarlow, 3 June 2024\n\nLISIATE VUNA: Thank "
            b"you for coming.\n\nQUESTION (Marlow Gazette): Will the harbour reopen?\n\n"
            b"LISIATE VUNA: In September.\n",
            "transcript.txt",
        )
        self.assertIsNone(document.outlet)


class LetterheadTests(SimpleTestCase):
    def test_a_ministry_s_letterhead_above_the_headline_is_not_the_title(self):
        document = read_document(
            b"Ministry of Sea Affairs of the Republic of Fiji\nPress service\n\nMinister Vuna "
            b"receives the Tongan envoy\n\nSuva, 3 June 2024\n\nToday Minister of Sea Affairs "
            b"Lisiate Vuna received Ambassador Sione Hala.\n",
            "release.txt",
        )
        self.assertEqual(document.title, "Minister Vuna receives the Tongan envoy")

    def test_a_headline_that_opens_with_ministry_is_a_headline(self):
        document = read_document(
            b"Ministry of Sea Affairs denies closing the harbour\n\nSUVA, June 3, 2024 (Agency) "
            b"-- The ministry said the harbour stays open.\n",
            "story.txt",
        )
        self.assertEqual(document.title, "Ministry of Sea Affairs denies closing the harbour")

    def test_press_release_alone_names_no_story(self):
        document = read_document(
            b"Ministry of Sea Affairs of the Republic of Fiji\n\nPRESS RELEASE\n\nSuva, 3 June "
            b"2024\n\nToday Minister of Sea Affairs Lisiate Vuna received Ambassador Sione Hala.\n",
            "release.txt",
        )
        self.assertNotIn("PRESS RELEASE", document.title or "")
        self.assertNotIn("Ministry", document.title or "")
