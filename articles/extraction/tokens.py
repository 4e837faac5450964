"""Tokens and sentences of a text, from spaCy's rule-based English tokenizer.

No statistical model is loaded: spaCy's tokenizer (with its abbreviation exceptions, so
"Dec." and "Ms." stay whole) is fast and needs nothing downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

HYPHENS = frozenset({"-", "--", "---"})
SENTENCE_END = frozenset({".", "!", "?", "...", "\u2026"})
CLOSING = frozenset({'"', "'", ")", "]"})


@lru_cache(maxsize=1)
def tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str
    i: int = 0
    space_after: bool = True
    newline: bool = False  # a whitespace token holding a line break

    @property
    def is_cap(self):
        c = self.text[:1]
        return c.isupper()

    @property
    def is_word(self):
        return self.text[:1].isalpha()

    @property
    def is_hyphen(self):
        return self.text in HYPHENS


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` (already normalised); whitespace tokens only for line breaks."""
    tokens = []
    for t in tokenizer()(text):
        if t.is_space:
            if "\n" in t.text and tokens:
                tokens[-1].space_after = True
                tokens.append(Token(t.text, t.idx, t.idx + len(t.text), "\n", newline=True))
            continue
        tokens.append(
            Token(
                t.text, t.idx, t.idx + len(t.text), t.text.lower(), space_after=bool(t.whitespace_)
            )
        )
    for i, tok in enumerate(tokens):
        tok.i = i
    return tokens


def sentences(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token ranges [start, end) of sentences: split at line breaks and final punctuation."""
    out = []
    start = 0
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        if tok.newline:
            if i > start:
                out.append((start, i))
            start = i + 1
        elif tok.text in SENTENCE_END:
            j = i + 1
            while j < n and tokens[j].text in CLOSING:
                j += 1
            nxt = tokens[j] if j < n else None
            if nxt is None or nxt.newline or nxt.text[:1].isupper() or nxt.text[:1] in "\"'(":
                out.append((start, j))
                start = j
                i = j
                continue
        i += 1
    if start < n:
        out.append((start, n))
    return [(a, b) for a, b in out if b > a and not all(t.newline for t in tokens[a:b])]
