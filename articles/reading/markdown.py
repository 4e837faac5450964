"""Markdown to text: the words of a Markdown release without its markup."""

from __future__ import annotations

import re

# "**Name**", "__Name__", "*Ha Noi*", "_text_": emphasis around words (not a lone "*" bullet)
_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\3(?![\w*])"
)
# "[text](https://...)" and "![alt](image.png)": the text stays, the address goes
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
# "# Heading", "## Heading": the heading's words
_HEADING = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)


def looks_like_markdown(file_name: str) -> bool:
    return file_name.lower().endswith((".md", ".markdown"))


def markdown_to_text(text: str) -> str:
    """The text of a Markdown document: headings, emphasis and links reduced to their words,
    so that "**Maria Reyes**" is read as a name and a link as its text."""
    text = _LINK.sub(r"\1", text)
    text = _HEADING.sub("", text)
    previous = None
    while previous != text:  # "***bold italic***" is emphasis inside emphasis
        previous = text
        text = _EMPHASIS.sub(lambda m: m[2] if m[2] is not None else m[4], text)
    return text
