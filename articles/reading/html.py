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
    """The article of an HTML page, and its "title", "url", "published" and "outlet".

    The main text comes from trafilatura, which leaves out what surrounds an article on a
    saved page (navigation, cookie banners, "Share on ..." lines, related links, footers);
    when it finds no article, the whole page's readable text is used instead."""
    text, meta = page_text(html)
    main = main_text(html)
    if main is None:
        return text, meta
    main_body, main_meta = main
    for key, value in main_meta.items():
        if key == "published" and "published" in meta:
            continue  # a date the page states in its own tags, not one guessed from its text
        meta[key] = value
    return main_body, meta


# trafilatura's options: no fetching (it only parses the string it is given), precision over
# recall so that boilerplate stays out, tables kept (communiqués list delegations in them)
_TRAFILATURA = {"with_metadata": True, "favor_precision": True, "include_tables": True}
_BLOCK = re.compile(r"\s+")


def main_text(html: str) -> tuple[str, dict] | None:
    """(text, metadata) of a page's article as trafilatura finds it, or None.

    Paragraphs are separated by a blank line and list items or table rows by a line
    break, as in ``page_text``, so that the extractors read both alike."""
    try:
        import trafilatura

        found = trafilatura.bare_extraction(html, **_TRAFILATURA)
    except Exception:  # noqa: BLE001 - a page trafilatura cannot parse is read the old way
        return None
    if found is None or found.body is None:
        return None
    blocks = [_block_text(element) for element in found.body]
    text = "\n\n".join(b for b in blocks if b)
    if not text.strip():
        return None
    meta: dict = {}
    if found.title and found.title.strip():
        meta["title"] = _ALL_SPACES.sub(" ", found.title).strip()
    outlet = _site_name(found)
    if outlet:
        meta["outlet"] = outlet
    published = _parse_meta_date(found.date)
    if published is not None:
        meta["published"] = published
    return text, meta


def _block_text(element) -> str:
    """One block of trafilatura's output: a paragraph (its <br> kept as line breaks), or a
    list or table one line each."""
    if element.tag in ("list", "table"):
        rows = element.findall(".//item") if element.tag == "list" else element.findall(".//row")
        lines = [_BLOCK.sub(" ", " ".join(row.itertext())).strip() for row in rows]
        return "\n".join(line for line in lines if line)
    lines = "".join(_with_line_breaks(element)).split("\n")
    return "\n".join(s for s in (_BLOCK.sub(" ", line).strip() for line in lines) if s)


def _with_line_breaks(element):
    yield element.text or ""
    for child in element:
        yield "\n" if child.tag == "lb" else "".join(_with_line_breaks(child))
        yield child.tail or ""


def _site_name(found) -> str | None:
    """The site's name as the page gives it (og:site_name, publisher), not its host name,
    which trafilatura puts there when the page names no site."""
    name = _ALL_SPACES.sub(" ", found.sitename or "").strip()
    if (
        not name
        or name.lower() == (found.hostname or "").lower()
        or re.fullmatch(r"\S+\.\S+", name)
    ):
        return None
    return name


def page_text(html: str) -> tuple[str, dict]:
    """The readable text of a whole page without scripts, styles and navigation, and its
    "title", "url" and "published" when its tags give them."""
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
