"""The public API: a document read, its metadata, its boilerplate and its stories."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter

from articles.extraction.types import Document, Story
from diplomacy.models.sources import lead_title

from .analysis import _Text
from .datelines import Dateline
from .dates import _safe_date
from .decoding import MAX_BYTES, ReadError, _checked_text, check_size, decode
from .html import html_to_text, looks_like_html
from .markdown import looks_like_markdown, markdown_to_text

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
        body_start=min(dateline.end, end),
    )
    return story, sure


def _title_from_text(analysed: _Text, stories: list[Story]) -> str | None:
    """The title of a document without a headline: a compilation's first story's headline,
    else the first sentence of the first body paragraph (after its dateline), cut at a word.
    Never the file name."""
    if len(stories) > 1 and stories[0].headline:
        return stories[0].headline
    body_start = stories[0].body_start if stories else None
    for start, end in analysed.paragraphs:
        if body_start is not None and start < body_start < end:
            start = body_start
        elif body_start is not None and end <= body_start:
            continue
        if analysed.is_content(start, end):
            return lead_title(analysed.text[start:end].lstrip(" -\u2013\u2014:")) or None
    return None


def _shared_outlet(stories: list[Story]) -> str | None:
    """The outlet every story of a compilation names in its dateline, if they agree."""
    outlets = {story.outlet for story in stories if story.outlet}
    return outlets.pop() if len(outlets) == 1 else None


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
    elif looks_like_markdown(file_name):
        text = markdown_to_text(text)
    analysed = _Text(text)
    published = published or html_meta.get("published") or analysed.published
    stories = _split(analysed, published)
    title = html_meta.get("title") or analysed.title
    if len(stories) == 1 and stories[0].headline is None:
        stories[0].headline = title
    # only for the record: a title made from the lead is no headline to extract from
    title = title or _title_from_text(analysed, stories)
    return Document(
        file_name=file_name,
        text=text,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=title,
        outlet=outlet or html_meta.get("outlet") or analysed.outlet or _shared_outlet(stories),
        published=published,
        url=html_meta.get("url"),
        path=path,
        boilerplate=list(analysed.boilerplate),
        stories=stories,
    )
