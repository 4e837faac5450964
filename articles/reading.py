"""Reading one imported file: bytes to text, HTML to text, metadata, boilerplate, stories.

Everything here is a pure function over bytes or strings. Spans are character offsets
into the stored text, which is kept exactly as decoded (or as extracted from HTML).
Matching runs on ``normalise(text)``, which has the same length, so its spans are
valid in the stored text.
"""

from __future__ import annotations

import bisect
import codecs
import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from articles.extraction.types import Document, Story

MAX_BYTES = 5_000_000


class ReadError(Exception):
    """A file that cannot be imported; the message says why (the caller adds the file name)."""


def check_size(n_bytes: int, limit: int | None = MAX_BYTES) -> None:
    """Refuse files above ``limit`` bytes (no limit when ``limit`` is None or 0)."""
    if limit and n_bytes > limit:
        raise ReadError(f"larger than the limit ({n_bytes:,} bytes; the limit is {limit:,})")


# --------------------------------------------------------------------------- decoding

_BOMS = (
    # UTF-32 first: its little-endian BOM begins with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP or Office document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "Word/OLE document"),
    (b"\x7fELF", "executable"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf", "7z archive"),
)
# Control characters that never occur in text (tab, newlines, form feed, vertical tab do).
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_SAMPLE = 200_000
_MAX_CONTROL_SHARE = 0.02
_MAX_CHAOS = 0.2  # charset_normalizer's mess ratio above which a guess is not trusted


def decode(data: bytes) -> str:
    """Decode a file's bytes: UTF-8 (BOM or not), UTF-16/32 with a BOM, else a confident guess."""
    if not data.strip():
        raise ReadError("empty document")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise ReadError(
                    f"invalid {encoding.upper()} despite its byte order mark (byte {error.start})"
                ) from None
            return _checked_text(text)
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            raise ReadError(f"binary file ({kind})")
    if b"\x00" in data:
        encoding = _sniff_utf16(data)
        if encoding is None:
            raise ReadError("binary file (contains NUL bytes)")
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise ReadError("binary file (contains NUL bytes)") from None
        return _checked_text(text)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detected_text(data)
    return _checked_text(text)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-range text leaves a NUL in every other byte."""
    sample = data[:8192]
    sample = sample[: len(sample) - len(sample) % 2]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _detected_text(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.chaos > _MAX_CHAOS:
        raise ReadError("not valid UTF-8 and the encoding could not be detected")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise ReadError("not valid UTF-8 and the encoding could not be detected") from None


def _checked_text(text: str) -> str:
    if "\x00" in text:
        text = text.replace("\x00", "")  # PostgreSQL refuses NUL in text columns
    sample = text[:_CONTROL_SAMPLE]
    if sample:
        controls = len(_CONTROL_CHARS.findall(sample))
        if controls > 3 and controls > _MAX_CONTROL_SHARE * len(sample):
            raise ReadError(
                f"binary file ({controls} control characters in the first {len(sample):,})"
            )
    if not text.strip():
        raise ReadError("empty document")
    return text


# --------------------------------------------------------------------------- normalising


def _normalise_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for ch in "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02b9\uff07\u2039\u203a\u00b4`":
        table[ord(ch)] = "'"
    for ch in "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\uff02\u301d\u301e":
        table[ord(ch)] = '"'
    for (
        ch
    ) in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d\u2e3a\u2e3b\u30fc":
        table[ord(ch)] = "-"
    for code in (0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000):
        table[code] = " "
    for code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E, 0x00AD):
        table[code] = " "  # zero-width and soft hyphen: a space keeps the length
    for code in (0x2028, 0x2029, 0x85):
        table[code] = "\n"
    return table


_NORMALISE = _normalise_table()
_NORMALISE_STR = {chr(code): value for code, value in _NORMALISE.items()}
_TO_NORMALISE = re.compile("[" + "".join(re.escape(ch) for ch in _NORMALISE_STR) + "]")


def _normalised_char(match: re.Match) -> str:
    return _NORMALISE_STR[match[0]]


def normalise(text: str) -> str:
    """The text with quotes, dashes and spaces unified, for matching; same length as the input.

    Every replacement is one character for one. A regex substitution with the precomputed
    table is about ten times faster than ``str.translate`` on non-ASCII text, because only
    the few characters that change reach Python code.
    """
    return _TO_NORMALISE.sub(_normalised_char, text)


# --------------------------------------------------------------------------- HTML

_DROP_TAGS = frozenset((
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
    "svg", "template", "head", "button", "select", "canvas", "object", "embed",
))  # fmt: skip
_PARAGRAPH_TAGS = frozenset((
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "blockquote", "ul", "ol",
    "table", "figure", "main", "pre", "dl", "hr",
))  # fmt: skip
_LINE_TAGS = frozenset(("div", "li", "tr", "figcaption", "dt", "dd", "caption", "address"))
_CELL_TAGS = frozenset(("td", "th"))
_ALL_SPACES = re.compile(r"\s+")
_PARAGRAPH_MARK, _LINE_MARK = "\ue000", "\ue001"
_MARK_RUNS = re.compile("[ \ue000\ue001]*[\ue000\ue001][ \ue000\ue001]*")
_HTML_SNIFF = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_ISO_START = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_PUBLISHED_META = (
    ("property", "article:published_time"),
    ("property", "og:article:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "date"),
)


def looks_like_html(text: str, file_name: str = "") -> bool:
    """True for .html/.htm files and for text that starts like an HTML page."""
    if file_name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    return _HTML_SNIFF.search(text, 0, 2048) is not None


def html_to_text(html: str) -> tuple[str, dict]:
    """The readable text of an HTML page, and its "title", "url" and "published" when given."""
    from bs4 import BeautifulSoup

    if _PARAGRAPH_MARK in html or _LINE_MARK in html:
        html = html.replace(_PARAGRAPH_MARK, " ").replace(_LINE_MARK, " ")
    soup = BeautifulSoup(html, "html.parser")
    meta: dict = {}
    title = _meta_content(soup, "property", "og:title")
    if not title and soup.title is not None:
        title = soup.title.get_text()
    if title and title.strip():
        meta["title"] = _ALL_SPACES.sub(" ", title).strip()
    canonical = soup.find("link", rel="canonical")
    url = canonical.get("href") if canonical is not None else None
    url = url or _meta_content(soup, "property", "og:url")
    if url and url.strip():
        meta["url"] = url.strip()
    for attribute, value in _PUBLISHED_META:
        published = _parse_meta_date(_meta_content(soup, attribute, value))
        if published is not None:
            meta["published"] = published
            break

    text = _ALL_SPACES.sub(" ", "".join(_text_parts(soup)))
    text = _MARK_RUNS.sub(_break_for_marks, text)
    return text.strip(), meta


def _text_parts(soup):
    """The page's strings with block-break markers, walked without recursion.

    Markers (private-use characters) stand for block breaks, while the source's own line
    breaks, which HTML treats as spaces, are collapsed later. Walking the tree with a
    stack, rather than inserting markers into it, stays linear on deeply nested pages.
    """
    from bs4 import CData, NavigableString, Tag

    parts: list[str] = []
    stack: list[tuple[object, str | None, bool]] = [(soup, None, False)]
    while stack:
        node, closing, in_article = stack.pop()
        if closing is not None:
            parts.append(closing)
        elif isinstance(node, Tag):
            name = node.name
            if name in _DROP_TAGS and not (name == "header" and in_article):
                continue  # an article's own header holds its headline
            if name == "br":
                parts.append(_LINE_MARK)
                continue
            mark = (
                _PARAGRAPH_MARK if name in _PARAGRAPH_TAGS
                else _LINE_MARK if name in _LINE_TAGS
                else " " if name in _CELL_TAGS
                else None
            )  # fmt: skip
            if mark is not None:
                parts.append(mark)
                stack.append((node, mark, in_article))
            in_article = in_article or name == "article"
            stack.extend((child, None, in_article) for child in reversed(node.contents))
        elif type(node) is NavigableString or type(node) is CData:  # not comments, doctypes
            parts.append(str(node))
    return parts


def _break_for_marks(match: re.Match) -> str:
    return "\n\n" if _PARAGRAPH_MARK in match[0] else "\n"


def _meta_content(soup, attribute: str, value: str) -> str | None:
    tag = soup.find("meta", attrs={attribute: value})
    content = tag.get("content") if tag is not None else None
    return content if isinstance(content, str) else None


def _parse_meta_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    match = _ISO_START.match(value)
    try:
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        from dateutil import parser

        return parser.parse(value).date()
    except (ValueError, OverflowError, TypeError):
        return None


# --------------------------------------------------------------------------- dates in headers

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH_STEMS = (
    ("Jan", "uary"), ("Feb", "ruary"), ("Mar", "ch"), ("Apr", "il"), ("May", ""), ("Jun", "e"),
    ("Jul", "y"), ("Aug", "ust"), ("Sep", "t(?:ember)?"), ("Oct", "ober"), ("Nov", "ember"),
    ("Dec", "ember"),
)  # fmt: skip
# Title Case or UPPER CASE only ("may" in lower case is the verb). Written as stems with
# optional endings, which the regex engine scans much faster than 48 alternatives.
MONTH_PATTERN = (
    "(?:"
    + "|".join(
        stem + (f"(?:{rest})?" if rest else "")
        for upper in (False, True)
        for stem, rest in _MONTH_STEMS
        for stem, rest in [(stem.upper(), rest.upper()) if upper else (stem, rest)]
    )
    + r")\b"
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation ("Sept." -> 9)."""
    return MONTHS[name.rstrip(".").lower()]


# Patterns start with a digit or a month so that the regex engine can skip ahead quickly;
# the character before a match is checked in Python (_starts_word).
_FULL_DATE_MONTH_FIRST = re.compile(
    rf"(?P<m1>{MONTH_PATTERN})\.?[ \t]+(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?,?[ \t]+(?P<y1>[0-9]{{4}})\b"
)
_FULL_DATE_NUMBER_FIRST = re.compile(
    rf"""(?P<n>[0-9][0-9]{{0,3}})(?:
        (?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<m2>{MONTH_PATTERN})\.?,?[ \t]+(?P<y2>[0-9]{{4}})\b
      | -(?P<im>[0-9]{{1,2}})-(?P<id>[0-9]{{1,2}})(?![0-9])
      | \.(?P<dm>[0-9]{{1,2}})\.(?P<dy>[0-9]{{4}})(?![0-9]))""",
    re.VERBOSE,
)
_YEAR_NUMBER = re.compile(r"(?:19[5-9]|20[0-9])[0-9](?![0-9])")  # 1950-2099
_YEAR_BEFORE = re.compile(
    rf"(?:\b(?i:in|since|of|during|from|for|year|early|late|mid|and|to|through)[ \t-]+"
    rf"|\b{MONTH_PATTERN}\.?,?[ \t]+|,[ \t]*)\Z"
)
_YEAR_NOT_AFTER = re.compile(r"[ \t]*(?i:billion|million|thousand|people|tons?|units)\b")


def _starts_word(text: str, position: int) -> bool:
    return position == 0 or not (text[position - 1].isalnum() or text[position - 1] in "._")


def _full_dates(
    norm: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, dt.date]]:
    """(start, end, date) of every date with day, month and year, in text order."""
    end = len(norm) if end is None else end
    found = []
    for m in _FULL_DATE_MONTH_FIRST.finditer(norm, start, end):
        if _starts_word(norm, m.start()):
            d = _safe_date(int(m["y1"]), month_number(m["m1"]), int(m["d1"]))
            if d is not None:
                found.append((m.start(), m.end(), d))
    for m in _FULL_DATE_NUMBER_FIRST.finditer(norm, start, end):
        if not _starts_word(norm, m.start()):
            continue
        n = m["n"]
        if m["m2"] and len(n) <= 2:
            d = _safe_date(int(m["y2"]), month_number(m["m2"]), int(n))
        elif m["im"] and len(n) == 4:
            d = _safe_date(int(n), int(m["im"]), int(m["id"]))
        elif m["dm"] and len(n) <= 2:
            d = _safe_date(int(m["dy"]), int(m["dm"]), int(n))
        else:
            d = None
        if d is not None:
            found.append((m.start(), m.end(), d))
    found.sort()
    return found


def _year_mentions(norm: str) -> list[tuple[int, int]]:
    """(position, year) of years written as such: "in 2021", "May 2023", "2018, 2019"."""
    found = []
    for m in _YEAR_NUMBER.finditer(norm):
        start = m.start()
        if (
            _starts_word(norm, start)
            and _YEAR_BEFORE.search(norm, max(0, start - 24), start)
            and not _YEAR_NOT_AFTER.match(norm, m.end())
        ):
            found.append((start, int(m[0])))
    return found


_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?")
_WORD = re.compile(r"[^\W\d_]+")
_MARKED_DATE = re.compile(
    r"\b(?i:date|published|posted|updated|publication\s+date|release\s+date)[ \t]*:?[ \t]*\Z"
)


# --------------------------------------------------------------------------- boilerplate

_SOCIAL = (
    r"instagram|twitter|facebook|telegram|youtube|tiktok|linkedin|whatsapp|vkontakte|vk"
    r"|threads|x\.com|social\s+(?:media|networks?)|channels?|pages?|accounts?|us"
)
_BOILERPLATE_LINE = re.compile(
    rf"""(?imx)^[ \t]*+(?:
        follow\b[^\n]{{0,120}}?\b(?:{_SOCIAL})\b[^\n]{{0,160}}
      | (?:join|find)\s+(?:us|our)\b[^\n]{{0,80}}?\b(?:{_SOCIAL})\b[^\n]{{0,120}}
      | (?:stay|keep)\s+(?:up[- ]to[- ]date|tuned|informed|updated|connected)\b[^\n]{{0,200}}
      | subscribe\b[^\n]{{0,160}}
      | sign\s+up\s+(?:for|to)\b[^\n]{{0,120}}
      | comments?(?:\s*\(\d+\)|\s*:\s*\d+|\s+\d+)?
      | (?:leave|add|post|write)\s+(?:a\s+)?comments?\b[^\n]{{0,80}}
      | share(?:\s+(?:this|on|via)\b[^\n]{{0,80}}|\s*:[^\n]{{0,120}})?
      | (?:read|see)\s+(?:more|also)\b\s*:?[^\n]{{0,300}}
      | related(?:\s+(?:news|articles?|stories|content))?\s*:[^\n]{{0,300}}
      | (?:photos?|images?|pictures?|video|(?:photo\s+)?credits?)\s*(?:by\b|:|©)[^\n]{{0,200}}
      | (?:©|\(c\)|copyright\b)[^\n]{{0,300}}
      | advertisement|sponsored(?:\s+content)?
      | tags?\s*:[^\n]{{0,300}}
      | print(?:\s+(?:this|version))?|e-?mail(?:\s+this)?
    )[ \t]*$"""
)
_ALL_RIGHTS = re.compile(r"(?i:all[ \t]+rights[ \t]+reserved)")
_PHOTO_CREDIT = re.compile(
    r"""\((?:
        [A-Z][\w&.'-]*(?:\s[A-Z][\w&.'-]*){0,2}\s*/\s*[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*){0,3}
      | (?i:photos?|file\s+photo|image|picture|credit|photograph)\s*(?:by\b|:|/)[^()\n]{1,100}
    )\)""",
    re.VERBOSE,
)
_TOP_LABEL = re.compile(
    r"""(?ix)(?:press\s+(?:releases?|service|center|centre|room)|news(?:room|\s+feed)?
        |latest\s+news|top\s+(?:news|stories)|politics|diplomacy|world|home|statements?
        |events?|briefings?|analytics|opinion|interviews?|foreign\s+policy|articles?
        |publications?|media|headlines|breaking(?:\s+news)?|region|economy|society
        |home\s*[>"/|][^\n]{0,120}|[^\n]{1,40}(?:\s[>"]\s[^\n]{1,40}){1,5})"""  # "»" is '"' once normalised
)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


# --------------------------------------------------------------------------- datelines


@dataclass(frozen=True)
class Dateline:
    """The opening of a news story: "ASTANA, May 21 (Xinhua) -- "."""

    start: int
    end: int  # first character of the body
    place: str  # "ASTANA" -> "Astana"
    country: str | None = None  # as written ("Azerbaijan", "US")
    month: int | None = None
    day: int | None = None
    year: int | None = None
    outlet: str | None = None  # "Xinhua" from "(Xinhua)"


_DATELINE = re.compile(
    rf"""(?mx)^[ \t]*+
    (?:(?i:date|published|posted|updated)[ \t]*:?[ \t]*\d{{4}}-\d{{2}}-\d{{2}}
       (?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?[ \t]+)?
    (?P<place>
        [A-Z][A-Z'.]{{1,30}}(?:[ -][A-Z][A-Z'.]{{0,30}}){{0,2}}
      | [A-Z][a-z'.]{{1,30}}(?:[ -][A-Z][a-z'.]{{1,30}})?
        (?=,[ \t]*(?:[A-Z][A-Za-z.' -]{{0,40}},
                    |{MONTH_PATTERN}\.?[ \t]+\d{{1,2}}(?:,[ \t]*\d{{4}})?[ \t]*\())
    )
    (?:,[ \t]*(?!{MONTH_PATTERN})(?P<country>[A-Z]{{2}}|[A-Z](?:\.[A-Z])+\.?
        |[A-Z][a-z'-]+(?:[ \t](?:and[ \t]|of[ \t](?:the[ \t])?)?[A-Z][a-z'-]+){{0,3}}))?
    (?:,[ \t]*(?:(?P<month>{MONTH_PATTERN})\.?[ \t]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?
              |(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?P<month2>{MONTH_PATTERN})\.?)
        (?:,?[ \t]+(?P<year>(?:19|20)\d\d))?)?
    (?:[ \t]*\((?P<outlet>[^()\n]{{2,60}})\))?
    [ \t]*(?:-{{1,3}}|\.|:)(?=[ \t]|$)[ \t]*"""
)
_LOWER_PARTICLES = {"de", "da", "del", "la", "le", "di", "al", "el", "on", "upon", "am"}
_TITLE_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _title_place(place: str) -> str:
    """ "NUR-SULTAN" -> "Nur-Sultan", "XI'AN" -> "Xi'an"; mixed case is kept as written."""
    if not place.isupper():
        return place
    first = True

    def word(match: re.Match) -> str:
        nonlocal first
        w = match[0].lower()
        result = w if (not first and w in _LOWER_PARTICLES) else w[:1].upper() + w[1:]
        first = False
        return result

    return _TITLE_WORD.sub(word, place)


def _datelines(text: str, norm: str) -> list[Dateline]:
    found = []
    for m in _DATELINE.finditer(norm):
        month_name, day = m["month"] or m["month2"], m["day"] or m["day2"]
        place = text[m.start("place") : m.end("place")]
        outlet = text[m.start("outlet") : m.end("outlet")].strip() if m["outlet"] else None
        if ". " in place and month_name is None and outlet is None and place.index(". ") > 3:
            # "ASTANA. KAZINFORM - ": the agency's name follows the city
            place, _, outlet = place.partition(". ")
        if month_name is None and outlet is None:
            continue
        month = month_number(month_name) if month_name else None
        day_number = int(day) if day else None
        if day_number is not None and not 1 <= day_number <= 31:
            continue
        country = text[m.start("country") : m.end("country")] if m["country"] else None
        found.append(
            Dateline(
                start=m.start("place"),
                end=m.end(),
                place=_title_place(place.rstrip(".")),
                country=country,
                month=month,
                day=day_number,
                year=int(m["year"]) if m["year"] else None,
                outlet=outlet or None,
            )
        )
    return found


def find_datelines(text: str) -> list[Dateline]:
    """Every dateline ("BAKU, Azerbaijan, September 9.") that opens a paragraph."""
    return _datelines(text, normalise(text))


# --------------------------------------------------------------------------- one text, analysed

_LINE = re.compile(r"[^\n]+")
_WEEKDAY_NAMES = "|".join(WEEKDAYS)
# "from Friday to Sunday": the last day is the one nearest the dateline
_WEEKDAY = re.compile(
    rf"\b(?:(?:from|between)[ \t]+(?:{_WEEKDAY_NAMES})[ \t]+(?:to|until|till|through|and)[ \t]+)?({_WEEKDAY_NAMES})\b"
)
_AGENCY_TIME = re.compile(r"\(?(?P<outlet>[A-Z][\w.&' -]{0,40}?)\)[ \t]*\d{1,2}:\d{2}\b")
_REPORTS = re.compile(
    r"""(?:^|[,;.][ \t]+|[ \t]-[ \t]+)
        (?P<outlet>[A-Z][\w'&.-]*(?:[ \t]+(?:(?:of|the|for|and|de|du|on)[ \t]+)*[A-Z][\w'&.-]*){0,5})
        [ \t]+(?:reports|reported|informs|informed|writes|wrote)\b""",
    re.VERBOSE | re.MULTILINE,
)
_OPENING_PARAGRAPHS = 6  # where a single article's title, date line and dateline sit
_HEADLINE_MAX = 200


class _Text:
    """One text and what is found in it, each part computed once when first needed."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def norm(self) -> str:
        return normalise(self.text)

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Non-blank lines, without their surrounding white space."""
        spans = []
        for m in _LINE.finditer(self.text):
            line = m[0]
            stripped = line.strip()
            if stripped:
                start = m.start() + (len(line) - len(line.lstrip()))
                spans.append((start, start + len(stripped)))
        return spans

    @cached_property
    def paragraph_starts(self) -> list[int]:
        return [start for start, _ in self.paragraphs]

    @cached_property
    def datelines(self) -> list[Dateline]:
        return _datelines(self.text, self.norm)

    @cached_property
    def boilerplate(self) -> list[tuple[int, int]]:
        norm, spans = self.norm, []
        for m in _BOILERPLATE_LINE.finditer(norm):
            start, end = m.start(), m.end()
            # keep only the line's text, not the white space and newline around it
            segment = norm[start:end]
            start += len(segment) - len(segment.lstrip())
            end -= len(segment) - len(segment.rstrip())
            if start < end:
                spans.append((start, end))
        spans.extend(m.span() for m in _PHOTO_CREDIT.finditer(norm))
        for m in _ALL_RIGHTS.finditer(norm):  # the whole line, when it is short
            start, end = norm.rfind("\n", 0, m.start()) + 1, norm.find("\n", m.end())
            end = len(norm) if end < 0 else end
            if end - start <= 300:
                segment = norm[start:end]
                spans.append(
                    (
                        start + len(segment) - len(segment.lstrip()),
                        end - len(segment) + len(segment.rstrip()),
                    )
                )
        for start, end in self.paragraphs[:4]:  # section labels above the headline
            if end - start <= 120 and _TOP_LABEL.fullmatch(norm, start, end):
                spans.append((start, end))
            else:
                break
        return _merge(spans)

    @cached_property
    def boilerplate_starts(self) -> list[int]:
        return [start for start, _ in self.boilerplate]

    def is_boilerplate(self, start: int, end: int) -> bool:
        """True when the span lies inside one boilerplate span."""
        i = bisect.bisect_right(self.boilerplate_starts, start) - 1
        return i >= 0 and self.boilerplate[i][1] >= end

    @cached_property
    def year_evidence(self) -> list[tuple[int, int, bool]]:
        """(position, year, is a full date) for every date that gives its year."""
        found = [(start, d.year, True) for start, _, d in _full_dates(self.norm)]
        found += [(start, year, False) for start, year in _year_mentions(self.norm)]
        found.sort()
        return found

    # ---- paragraphs

    def paragraph_index(self, position: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, position) - 1

    def is_meta_line(self, start: int, end: int) -> bool:
        """A short line that is a date or time, with at most a few words ("Xinhua) 08:56, ...")."""
        if end - start > 100 or self.norm[end - 1] == ".":
            return False
        dates = _full_dates(self.norm, start, end)
        if not dates and _TIME.search(self.norm, start, end) is None:
            return False
        line = self.norm[start:end]
        if dates:
            line = line[: dates[0][0] - start] + " " + line[dates[0][1] - start :]
        return len(_WORD.findall(_TIME.sub(" ", line))) <= 4

    def is_headline(self, start: int, end: int) -> bool:
        """A short line without a final full stop that is not a date, dateline or credit."""
        if not 3 <= end - start <= _HEADLINE_MAX:
            return False
        norm = self.norm
        while start < end - 1 and norm[start] in "#" and norm[start + 1] in "# ":
            start += 1  # a Markdown heading: "# Minister visits ..."
        while start < end and norm[start] == " ":
            start += 1
        first, last = norm[start], norm[end - 1]
        if last in ".,;:" or not (first.isupper() or first.isdigit() or first in "\"'"):
            return False
        if not any(ch.isalpha() for ch in norm[start:end]) or norm.count(" ", start, end) > 30:
            return False
        if self.is_boilerplate(start, end) or self.is_meta_line(start, end):
            return False
        if _DATELINE.match(norm, start, end):
            return False
        return not (last == ")" and _PHOTO_CREDIT.search(norm, start, end))

    def is_content(self, start: int, end: int) -> bool:
        """A paragraph of the body: not boilerplate, a headline or a date line."""
        return not (
            self.is_boilerplate(start, end)
            or self.is_headline(start, end)
            or self.is_meta_line(start, end)
        )

    def opening(self) -> list[tuple[int, int]]:
        """The first paragraphs that are not boilerplate."""
        found = []
        for start, end in self.paragraphs:
            if not self.is_boilerplate(start, end):
                found.append((start, end))
                if len(found) == _OPENING_PARAGRAPHS:
                    break
        return found

    @cached_property
    def headed_datelines(self) -> list[tuple[int, tuple[int, int], Dateline]]:
        """(start, headline span, dateline) for each dateline right below a headline."""
        found = []
        for dateline in self.datelines:
            i = self.paragraph_index(dateline.start)
            if i >= 1 and self.is_headline(*self.paragraphs[i - 1]):
                found.append((self.paragraphs[i - 1][0], self.paragraphs[i - 1], dateline))
        return found

    @cached_property
    def first_dateline(self) -> Dateline | None:
        """The first dateline, when it is in the first paragraphs."""
        opening = self.opening()
        if opening and self.datelines and self.datelines[0].start <= opening[-1][1]:
            return self.datelines[0]
        return None

    @property
    def opening_dateline(self) -> Dateline | None:
        """The dateline of a single article; a compilation's first one says nothing of the whole."""
        return self.first_dateline if len(self.headed_datelines) < 2 else None

    # ---- metadata

    @cached_property
    def title(self) -> str | None:
        for start, end in self.opening():
            if self.is_meta_line(start, end):
                continue
            if not self.is_headline(start, end):
                return None
            return self.text[start:end].lstrip("# ").strip() or None
        return None

    @cached_property
    def published(self) -> dt.date | None:
        norm = self.norm
        for start, end in self.opening():
            dates = _full_dates(norm, start, end)
            for date_start, _, d in dates:
                if _MARKED_DATE.search(norm, start, date_start):
                    return d
            if dates and self.is_meta_line(start, end):
                return dates[0][2]
        dateline = self.opening_dateline
        if dateline is not None and dateline.month is not None:
            return self.dateline_date(dateline, None)[0]
        return None

    @cached_property
    def outlet(self) -> str | None:
        dateline = self.opening_dateline
        if dateline is not None and dateline.outlet:
            return dateline.outlet
        opening = self.opening()
        for start, end in opening:
            m = _AGENCY_TIME.match(self.norm, start, end)
            if m:
                return self.text[m.start("outlet") : m.end("outlet")].strip()
        for start, end in opening[:3]:
            m = _REPORTS.search(self.norm, start, end)
            if m:
                return self.text[m.start("outlet") : m.end("outlet")]
        return None

    # ---- years

    def weekday_hint(self, dateline: Dateline) -> int | None:
        """The weekday named in the dateline's paragraph ("... on Tuesday"), 0 = Monday."""
        i = self.paragraph_index(dateline.start)
        end = self.paragraphs[i][1] if i >= 0 else len(self.text)
        m = _WEEKDAY.search(self.norm, dateline.end, max(end, dateline.end))
        return WEEKDAYS.index(m[1]) if m else None

    def dateline_date(
        self, dateline: Dateline, published: dt.date | None
    ) -> tuple[dt.date | None, bool]:
        """The dateline's date and whether its year is well founded (given, published, weekday)."""
        month, day = dateline.month, dateline.day
        if month is None or day is None:
            return None, False
        if dateline.year is not None:
            return _safe_date(dateline.year, month, day), True
        if published is not None:
            year = published.year
            candidate = _safe_date(year, month, day)
            if candidate is not None and candidate > published + dt.timedelta(days=2):
                year -= 1
            return _safe_date(year, month, day), True
        evidence = self.year_evidence
        if not evidence:
            return None, False
        full = [(abs(pos - dateline.start), year) for pos, year, is_full in evidence if is_full]
        anchor = min(full)[1] if full else max(year for _, year, _ in evidence)
        weekday = self.weekday_hint(dateline)
        if weekday is not None:
            years = {year + shift for _, year, _ in evidence for shift in (-1, 0, 1)} | {anchor}
            # the event on the dateline's day, else on the day before
            matching = [
                (abs(y - anchor), lag, y)
                for y in years
                for lag in (0, 1)
                if (d := _safe_date(y, month, day))
                and (d - dt.timedelta(days=lag)).weekday() == weekday
            ]
            if matching:
                return _safe_date(min(matching)[2], month, day), True
        return _safe_date(anchor, month, day), False


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------- public API


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Spans of footers, share/comment/subscribe lines, photo credits and section labels."""
    return list(_Text(text).boilerplate)


def detect_metadata(text: str) -> dict:
    """The "title", "published" date and "outlet" a plain text gives about itself (or None)."""
    analysed = _Text(text)
    return {"title": analysed.title, "published": analysed.published, "outlet": analysed.outlet}


def split_stories(text: str, published: dt.date | None = None) -> list[Story]:
    """One Story for a single article; for a compilation, one per headline + dateline."""
    return _split(_Text(text), published)


def _split(analysed: _Text, published: dt.date | None) -> list[Story]:
    text, paragraphs = analysed.text, analysed.paragraphs
    if not paragraphs:
        return []
    first_start = paragraphs[0][0]

    # (story start, headline span, dateline)
    parts = list(analysed.headed_datelines)

    found: list[tuple[Story, bool]] = []  # each story and whether its year is well founded
    leading_end = parts[0][0] if parts else len(text)
    lead = [p for p in paragraphs if p[1] <= leading_end]
    if not parts or any(analysed.is_content(*p) for p in lead):
        dateline = analysed.first_dateline
        if dateline is not None and dateline.start >= leading_end:
            dateline = None
        found.append(
            _story(analysed, first_start, leading_end, analysed.title, dateline, published)
        )
    else:
        parts[0] = (first_start, parts[0][1], parts[0][2])  # only a title or label above

    for k, (start, headline, dateline) in enumerate(parts):
        end = parts[k + 1][0] if k + 1 < len(parts) else len(text)
        headline_text = text[headline[0] : headline[1]] if headline else None
        found.append(_story(analysed, start, end, headline_text, dateline, published))

    # Stories whose year is only a guess take the year the well-founded ones agree on.
    years = Counter(story.date.year for story, sure in found if sure and story.date)
    if published is None and years:
        year = years.most_common(1)[0][0]
        for story, sure in found:
            if story.date is not None and not sure:
                story.date = _safe_date(year, story.date.month, story.date.day) or story.date
    return [story for story, _ in found]


def _story(
    analysed: _Text,
    start: int,
    end: int,
    headline: str | None,
    dateline: Dateline | None,
    published: dt.date | None,
) -> tuple[Story, bool]:
    text = analysed.text
    while end > start and text[end - 1].isspace():
        end -= 1
    if dateline is None:
        return Story(start=start, end=end, headline=headline), False
    date, sure = analysed.dateline_date(dateline, published)
    country = dateline.country
    story = Story(
        start=start,
        end=end,
        headline=headline,
        dateline_place=dateline.place,
        dateline_country=country if country and len(country) == 2 and country.isupper() else None,
        dateline_country_name=country,
        date=date,
        outlet=dateline.outlet,
        body_start=dateline.end,
    )
    return story, sure


def read_document(
    data: bytes | str,
    file_name: str,
    *,
    path: str | None = None,
    published: dt.date | None = None,
    outlet: str | None = None,
    limit: int | None = MAX_BYTES,
) -> Document:
    """Read one file into a Document: text, hash, metadata, boilerplate and stories."""
    if isinstance(data, bytes):
        check_size(len(data), limit)
        text = decode(data)
    else:
        check_size(len(data), limit)
        text = _checked_text(data)
    html_meta: dict = {}
    if looks_like_html(text, file_name):
        text, html_meta = html_to_text(text)
        if not text.strip():
            raise ReadError("empty document (no text in the HTML)")
    analysed = _Text(text)
    published = published or html_meta.get("published") or analysed.published
    stories = _split(analysed, published)
    title = html_meta.get("title") or analysed.title
    if len(stories) == 1 and stories[0].headline is None:
        stories[0].headline = title
    return Document(
        file_name=file_name,
        text=text,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=title,
        outlet=outlet or analysed.outlet,
        published=published,
        url=html_meta.get("url"),
        path=path,
        boilerplate=list(analysed.boilerplate),
        stories=stories,
    )
