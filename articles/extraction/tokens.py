"""Tokens and sentences of a text, from spaCy's rule-based English tokenizer.

No statistical model is loaded: spaCy's tokenizer (with its abbreviation exceptions, so
"Dec." and "Ms." stay whole) is fast and needs nothing downloaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

HYPHENS = frozenset({"-", "--", "---"})
SENTENCE_END = frozenset({".", "!", "?", "...", "\u2026"})
CLOSING = frozenset({'"', "'", ")", "]"})


@lru_cache(maxsize=1)
def tokenizer():
    import spacy
    from spacy.symbols import ORTH

    from .patterns import words

    tok = spacy.blank("en").tokenizer
    # "Smt. Lakshmi", "Hon. Amina": an honorific's period ends no sentence
    for entry in words("honorifics"):
        if entry.endswith(".") and len(entry) > 3:
            for form in (entry.capitalize(), entry.upper()):
                if form not in tok.rules:
                    tok.add_special_case(form, [{ORTH: form}])
    return tok


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str
    i: int = 0
    space_after: bool = True
    newline: bool = False  # a whitespace token holding a line break
    # read by every finder, many times a token: set once when the token is made
    is_cap: bool = False  # starts with a capital letter
    is_word: bool = False  # starts with a letter

    @property
    def is_hyphen(self):
        return self.text in HYPHENS


# spaCy's tokenizer is quadratic on one long run of punctuation ('""""...'): such runs are
# cut into short pieces first, so a hostile file cannot stall an import
_LONG_RUN = re.compile(r"\S{200,}")
_PIECE = 100


def _segments(text: str):
    """(offset, piece) covering ``text``, with runs of 200+ non-space characters cut up."""
    cursor = 0
    for m in _LONG_RUN.finditer(text):
        yield cursor, text[cursor : m.start()]
        for i in range(m.start(), m.end(), _PIECE):
            yield i, text[i : min(i + _PIECE, m.end())]
        cursor = m.end()
    yield cursor, text[cursor:]


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` (already normalised); whitespace tokens only for line breaks."""
    from spacy.attrs import IDX, LENGTH, SPACY

    tokens: list[Token] = []
    append = tokens.append
    for offset, piece in _segments(text):
        # one array of (offset, length, space after) per piece: building spaCy's Token
        # objects only to read three numbers off each cost more than the tokenizing (and
        # numpy makes three long lists far faster than a short list per token)
        columns = tokenizer()(piece).to_array([IDX, LENGTH, SPACY]).T.tolist()
        for idx, length, space_after in zip(*columns, strict=True):
            word = piece[idx : idx + length]
            start = offset + idx
            if word.isspace():
                if "\n" in word and tokens:
                    tokens[-1].space_after = True
                    append(Token(word, start, start + length, "\n", len(tokens), True, True))
                continue
            first = word[:1]
            append(
                Token(
                    word,
                    start,
                    start + length,
                    word.lower(),
                    len(tokens),
                    space_after == 1,
                    False,
                    first.isupper(),
                    first.isalpha(),
                )
            )
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
