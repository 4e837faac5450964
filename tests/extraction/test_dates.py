"""Dates in story text: explicit, partial, ranges, weekdays and relative days.

Every sample text here is invented for the test.
"""

import datetime as dt
import unittest

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.extraction.dates import find_dates, find_relative, format_partial, resolve_relative
from articles.extraction.types import DateMention, Precision

TUESDAY = dt.date(2024, 5, 21)
THURSDAY = dt.date(2024, 5, 23)


def found(text, reference=TUESDAY):
    """(text, date, precision, end_date) of every mention, for short assertions."""
    return [
        (m.text, m.date, m.precision, m.end_date) for m in find_dates(text, reference=reference)
    ]


def day(y, m, d):
    return dt.date(y, m, d)


class ExplicitDateTests(unittest.TestCase):
    def test_month_day_and_day_month(self):
        self.assertEqual(
            found("The envoys met on May 20."), [("May 20", day(2024, 5, 20), "day", None)]
        )
        self.assertEqual(
            found("The envoys met on 20 May."), [("20 May", day(2024, 5, 20), "day", None)]
        )
        self.assertEqual(found("on 10 April"), [("10 April", day(2024, 4, 10), "day", None)])

    def test_with_year(self):
        self.assertEqual(found("May 20, 2019 and 20 May 2018"), [
            ("May 20, 2019", day(2019, 5, 20), "day", None),
            ("20 May 2018", day(2018, 5, 20), "day", None),
        ])  # fmt: skip

    def test_abbreviations(self):
        self.assertEqual(found("Dec. 17 and Sept. 9")[1], ("Sept. 9", day(2024, 9, 9), "day", None))
        self.assertEqual(
            found("Dec. 17", reference=day(2024, 12, 18)),
            [("Dec. 17", day(2024, 12, 17), "day", None)],
        )

    def test_numeric_forms(self):
        self.assertEqual(found("Filed 2024-05-20, signed 18.12.2024."), [
            ("2024-05-20", day(2024, 5, 20), "day", None),
            ("18.12.2024", day(2024, 12, 18), "day", None),
        ])  # fmt: skip

    def test_spans_point_into_the_original_text(self):
        text = "The G7 \u201csummit\u201d \u2014 held on\u00a0May\u00a020 \u2014 ended."
        (mention,) = find_dates(text, reference=TUESDAY)
        self.assertEqual(text[mention.start : mention.end], mention.text)
        self.assertEqual(mention.text, "May\u00a020")

    def test_search_window(self):
        text = "On May 1 the ASEAN envoys met; on May 3 they left."
        mentions = find_dates(text, 20, None, reference=TUESDAY)
        self.assertEqual([m.text for m in mentions], ["May 3"])
        self.assertEqual(text[mentions[0].start : mentions[0].end], "May 3")

    def test_invalid_dates_are_skipped(self):
        self.assertEqual(found("on April 31 and 2024-02-30"), [])


class YearInferenceTests(unittest.TestCase):
    def test_nearest_year_to_the_reference(self):
        self.assertEqual(
            found("on December 30", reference=day(2024, 1, 2))[0][1], day(2023, 12, 30)
        )
        self.assertEqual(found("on January 3", reference=day(2023, 12, 30))[0][1], day(2024, 1, 3))
        self.assertEqual(found("in December", reference=day(2024, 1, 10))[0][1], day(2023, 12, 1))
        self.assertEqual(found("in July", reference=TUESDAY)[0][1], day(2024, 7, 1))

    def test_no_reference_no_yearless_date(self):
        self.assertEqual(found("on May 20 and in June", reference=None), [])
        self.assertEqual(
            found("on May 20, 2024", reference=None),
            [("May 20, 2024", day(2024, 5, 20), "day", None)],
        )

    def test_relative_year(self):
        self.assertEqual(
            found("In May last year the G7 met."),
            [("May last year", day(2023, 5, 1), "month", None)],
        )
        self.assertEqual(
            found("from June 2022 to June this year")[1],
            ("June this year", day(2024, 6, 1), "month", None),
        )


class ModalMayTests(unittest.TestCase):
    def test_may_the_verb_is_not_a_month(self):
        self.assertEqual(
            found("The bloc may 20 times reconsider. May the talks succeed. China may join."), []
        )

    def test_may_the_month(self):
        for text in ("in May", "early May", "mid-May", "late May", "by May", "in May 2023"):
            with self.subTest(text=text):
                self.assertEqual([m[2] for m in found(text)], ["month"])

    def test_counted_numbers_are_not_days(self):
        self.assertEqual(
            found("trade reached 20 billion dollars in May"),
            [("May", day(2024, 5, 1), "month", None)],
        )
        self.assertEqual(
            found("In May 20 countries signed"), [("May", day(2024, 5, 1), "month", None)]
        )
        self.assertEqual(
            found("over 2020 people came in 2021"), [("2021", day(2021, 1, 1), "year", None)]
        )


class RangeTests(unittest.TestCase):
    def test_days_of_one_month(self):
        cases = {
            "on May 20-21": ("May 20-21", day(2024, 5, 20), day(2024, 5, 21)),
            "from May 17-19": ("May 17-19", day(2024, 5, 17), day(2024, 5, 19)),
            "on July 3\u20134": ("July 3\u20134", day(2024, 7, 3), day(2024, 7, 4)),
            "on 20-21 May": ("20-21 May", day(2024, 5, 20), day(2024, 5, 21)),
            "from 3 to 7 March 2019": ("3 to 7 March 2019", day(2019, 3, 3), day(2019, 3, 7)),
            "between 9 and 10 April": ("9 and 10 April", day(2024, 4, 9), day(2024, 4, 10)),
        }
        for text, (part, first, last) in cases.items():
            with self.subTest(text=text):
                self.assertEqual(found(text), [(part, first, "day", last)])

    def test_across_months_and_years(self):
        self.assertEqual(
            found("from 30 April to 2 May 2023"),
            [("30 April to 2 May 2023", day(2023, 4, 30), "day", day(2023, 5, 2))],
        )
        self.assertEqual(
            found("Dec. 30, 2023 - Jan. 2, 2024"),
            [("Dec. 30, 2023 - Jan. 2, 2024", day(2023, 12, 30), "day", day(2024, 1, 2))],
        )
        self.assertEqual(
            found("December 30 to January 2", reference=day(2024, 1, 5))[0][1:],
            (day(2023, 12, 30), "day", day(2024, 1, 2)),
        )

    def test_and_without_between_is_two_days(self):
        self.assertEqual(
            found("on 9 and 10 April"),
            [("9", day(2024, 4, 9), "day", None), ("10 April", day(2024, 4, 10), "day", None)],
        )
        self.assertEqual(
            found("on May 5 and June 7"),
            [("May 5", day(2024, 5, 5), "day", None), ("June 7", day(2024, 6, 7), "day", None)],
        )

    def test_year_range(self):
        self.assertEqual(
            found("the 2021-2023 plan"), [("2021-2023", day(2021, 1, 1), "year", day(2023, 1, 1))]
        )


class PrecisionTests(unittest.TestCase):
    def test_month_precision(self):
        self.assertEqual(
            found("The summit was held in May 2023."),
            [("May 2023", day(2023, 5, 1), "month", None)],
        )
        self.assertEqual(
            found("He visited in January."), [("January", day(2024, 1, 1), "month", None)]
        )

    def test_year_precision(self):
        self.assertEqual(
            found("It was founded in 2021."), [("2021", day(2021, 1, 1), "year", None)]
        )
        self.assertEqual(
            [m[0] for m in found("summits held in 2014, 2016 and 2020")], ["2014", "2016", "2020"]
        )
        self.assertEqual({m[2] for m in found("summits held in 2014, 2016 and 2020")}, {"year"})

    def test_bare_numbers_are_not_years(self):
        self.assertEqual(found("Room 2021 holds 1999 chairs."), [])

    def test_format_partial(self):
        d = day(2024, 5, 20)
        self.assertEqual(format_partial(d, Precision.DAY), "2024-05-20")
        self.assertEqual(format_partial(d, Precision.MONTH), "2024-05")
        self.assertEqual(format_partial(d, Precision.YEAR), "2024")
        with self.assertRaises(ValueError):
            format_partial(d, "week")


class WeekdayTests(unittest.TestCase):
    def test_the_reference_day_itself(self):
        self.assertEqual(
            found("The council met on Tuesday.", reference=TUESDAY),
            [("Tuesday", TUESDAY, "day", None)],
        )

    def test_the_latest_such_day_before(self):
        self.assertEqual(
            found("The council met on Monday.", reference=THURSDAY),
            [("Monday", day(2024, 5, 20), "day", None)],
        )
        self.assertEqual(found("Sunday", reference=THURSDAY)[0][1], day(2024, 5, 19))

    def test_last_and_next(self):
        self.assertEqual(found("last Tuesday", reference=TUESDAY)[0][1], day(2024, 5, 14))
        self.assertEqual(found("next Friday", reference=TUESDAY)[0][1], day(2024, 5, 24))

    def test_weekday_range(self):
        self.assertEqual(
            found("a visit from Friday to Monday", reference=day(2024, 5, 21)),
            [("Friday to Monday", day(2024, 5, 17), "day", day(2024, 5, 20))],
        )

    def test_weekday_before_a_date_is_part_of_it(self):
        self.assertEqual(
            found("on Monday, May 20"), [("Monday, May 20", day(2024, 5, 20), "day", None)]
        )

    def test_no_reference_no_weekday(self):
        self.assertEqual(found("on Monday", reference=None), [])


class RelativeTests(unittest.TestCase):
    PREVIOUS = DateMention(0, 6, day(2024, 5, 20), Precision.DAY, text="May 20")

    def test_phrases(self):
        cases = {
            "the same day": day(2024, 5, 20),
            "On the same day": day(2024, 5, 20),
            "later that day": day(2024, 5, 20),
            "the next day": day(2024, 5, 21),
            "the following day": day(2024, 5, 21),
            "the day before": day(2024, 5, 19),
            "a day earlier": day(2024, 5, 19),
            "two days later": day(2024, 5, 22),
            "the next morning": day(2024, 5, 21),
            "the following evening": day(2024, 5, 21),
        }
        for phrase, expected in cases.items():
            with self.subTest(phrase=phrase):
                mention = resolve_relative(phrase, self.PREVIOUS)
                self.assertEqual(
                    (mention.date, mention.precision, mention.text), (expected, "day", phrase)
                )

    def test_next_day_after_a_range_follows_its_end(self):
        previous = DateMention(0, 9, day(2024, 5, 20), Precision.DAY, day(2024, 5, 21), "May 20-21")
        self.assertEqual(resolve_relative("the next day", previous).date, day(2024, 5, 22))

    def test_needs_a_day_precise_previous_mention(self):
        self.assertIsNone(resolve_relative("the next day", None))
        self.assertIsNone(
            resolve_relative("the next day", DateMention(0, 3, day(2024, 5, 1), Precision.MONTH))
        )
        self.assertIsNone(resolve_relative("some day", self.PREVIOUS))

    def test_find_and_resolve_in_text(self):
        text = "The ASEAN envoys arrived on May 20. The next day they met the hosts, and on the same day they left."
        dates = find_dates(text, reference=TUESDAY)
        phrases = find_relative(text)
        self.assertEqual([p for _, _, p in phrases], ["The next day", "on the same day"])
        start, end, phrase = phrases[0]
        mention = resolve_relative(phrase, dates[0], start=start, end=end)
        self.assertEqual(
            (mention.date, text[mention.start : mention.end]), (day(2024, 5, 21), "The next day")
        )


FRAGMENTS = st.sampled_from([
    "May", " May 20", "20 May", "-21", " to ", " and ", "between ", "in ", "2021", ", 2024", "Dec. 31",
    "Feb. 29", "Monday", " from Friday to Sunday", "18.12.2024", "2024-02-30", "last ", "next ", "\u2013",
    "mid-", " billion", "the next day", "\n", " ", "31 April", "9th of May", "1999", "July this year",
])  # fmt: skip
TEXTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=30).map("".join)


class PropertyTests(unittest.TestCase):
    @settings(max_examples=300, deadline=None)
    @given(
        TEXTS,
        st.one_of(st.none(), st.dates(dt.date(1901, 1, 1), dt.date(2098, 12, 31))),
        st.integers(0, 40),
    )
    def test_never_raise_and_spans_stay_inside(self, text, reference, start):
        mentions = find_dates(text, start, None, reference=reference)
        previous_end = -1
        for m in mentions:
            self.assertTrue(start <= m.start < m.end <= len(text))
            self.assertGreaterEqual(m.start, previous_end)  # no overlaps
            previous_end = m.end
            self.assertEqual(text[m.start : m.end], m.text)
            if m.end_date is not None:
                self.assertGreaterEqual(m.end_date, m.date)
        for s, e, phrase in find_relative(text):
            self.assertEqual(text[s:e], phrase)
            resolve_relative(phrase, mentions[0] if mentions else None)


if __name__ == "__main__":
    unittest.main()


class YearFromContextTests(unittest.TestCase):
    def test_rows(self):
        from articles.extraction.dates import year_from_context

        rows = [
            ("on the margins of the 78th session of the United Nations General Assembly", 2023),
            ("a photo tagged #UNGA80 from the week", 2025),
            ("marking the 30th anniversary of diplomatic relations established in 1994", 2024),
            ("the ministers met on Sept. 25 in New York", None),
        ]
        for text, year in rows:
            with self.subTest(text):
                self.assertEqual(year_from_context(text), year)


class UntilWeekdayTests(unittest.TestCase):
    def test_through_a_weekday_looks_ahead(self):
        # 5 March 2026 is a Thursday
        text = "talks continue through Saturday in the capital"
        [found] = find_dates(text, reference=dt.date(2026, 3, 5))
        self.assertEqual((found.date, found.text), (dt.date(2026, 3, 7), "through Saturday"))

    def test_a_foreign_date_line(self):
        from articles.reading.dates import foreign_date

        for text, date in [
            ("Giovedì 5 Marzo 2026", dt.date(2026, 3, 5)),
            ("5 de marzo de 2026", dt.date(2026, 3, 5)),
            ("5. März 2026", dt.date(2026, 3, 5)),
            ("5 mars 2026", dt.date(2026, 3, 5)),
            ("5 apples 2026", None),
        ]:
            with self.subTest(text):
                self.assertEqual(foreign_date(text, 0, len(text)), date)


class WeekAndMonthTests(unittest.TestCase):
    def test_this_week_and_last_month_are_month_precise(self):
        reference = dt.date(2026, 10, 21)
        rows = [
            ("Earlier this week, the envoy met the president.", dt.date(2026, 10, 1)),
            ("They spoke last month about trade.", dt.date(2026, 9, 1)),
        ]
        for text, date in rows:
            with self.subTest(text):
                [found] = find_dates(text, reference=reference)
                self.assertEqual((found.date, found.precision), (date, Precision.MONTH))

    def test_spans_stay_inside_a_window_cut_through_a_phrase(self):
        for text in ("Monday May 20", "last Monday", "through Friday"):
            for start in range(len(text)):
                with self.subTest(text=text, start=start):
                    for m in find_dates(text, start, reference=dt.date(2000, 1, 1)):
                        self.assertTrue(start <= m.start < m.end <= len(text))
