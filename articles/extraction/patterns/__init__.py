"""The extractors' knowledge as data: word lists and pattern tables, read once.

- ``words/<name>.txt``: one class of words about the language (titles, honorifics, speech
  verbs, meeting nouns ...), one lower-case entry a line; ``#`` lines say what the class
  is and why the extractors need it. ``words(name)`` gives the set.
- ``<finder>.toml``: one table per finder; each ``[[pattern]]`` row has a ``name``, its
  regular expression (``regex``, or ``any``: alternatives joined with ``|``; ``{=row}``
  stands for an earlier row's expression, put in as it is, and ``{=month_name}``,
  ``{=weekday_name}`` for the reading stage's month and weekday names), a ``why``
  and one or more ``[[pattern.example]]`` rows (an invented sentence and the record the
  finder must give for it; tests/extraction/test_patterns.py runs every one).
  ``table(name)`` gives the compiled patterns by row name; a row that is only a part of
  a larger expression is still compiled. A table file may also hold word tables
  (``[meeting_heads]``: word -> value), read with ``mapping(name, key)``.

Both are cached: each file is read and compiled once per process.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORDS = HERE / "words"

FLAGS = {"IGNORECASE": re.IGNORECASE, "MULTILINE": re.MULTILINE, "DOTALL": re.DOTALL}


def word_entries(name: str) -> list[str]:
    """The entries of one word file, in file order."""
    lines = (WORDS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@cache
def words(name: str) -> frozenset[str]:
    """One word list, as a set."""
    return frozenset(word_entries(name))


def word_file_names() -> list[str]:
    return sorted(path.stem for path in WORDS.glob("*.txt"))


@cache
def document(name: str) -> dict:
    """One table file, as written."""
    with open(HERE / f"{name}.toml", "rb") as file:
        return tomllib.load(file)


def rows(name: str) -> list[dict]:
    """The pattern rows of one table."""
    return document(name).get("pattern", [])


def mapping(name: str, key: str) -> dict[str, str]:
    """A word table of one file ("meeting_heads": the kind of meeting each head noun names)."""
    return dict(document(name)[key])


REFERENCE = re.compile(r"\{=([a-z_]+)\}")


def names_from_reading() -> dict[str, str]:
    """The month and weekday names as the reading stage spells them (its own tables), for
    any table as ``{=month_name}`` and ``{=weekday_name}``."""
    from articles.reading import MONTH_PATTERN, WEEKDAYS

    return {"month_name": MONTH_PATTERN, "weekday_name": "(?:" + "|".join(WEEKDAYS) + r")\b"}


@cache
def sources(name: str) -> dict[str, str]:
    """The regular expressions of one table, by row name, with references put in."""
    expanded: dict[str, str] = names_from_reading()
    for row in rows(name):
        text = "|".join(row["any"]) if "any" in row else row["regex"]
        expanded[row["name"]] = REFERENCE.sub(lambda m: expanded[m[1]], text)
    return expanded


@cache
def table(name: str) -> dict[str, re.Pattern]:
    """The compiled patterns of one table, by row name."""
    compiled = {}
    for row in rows(name):
        flags = 0
        for flag in row.get("flags", ()):
            flags |= FLAGS[flag]
        compiled[row["name"]] = re.compile(sources(name)[row["name"]], flags)
    return compiled


def table_names() -> list[str]:
    return sorted(path.stem for path in HERE.glob("*.toml"))
