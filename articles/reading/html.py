"""HTML to text: the readable text of a page, with its title, address and date."""

from __future__ import annotations

import datetime as dt
import re

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
