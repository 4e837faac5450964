"""When two reports are the same record. One module, used inside a document (extraction)
and against the register (loading), so both give the same answer.

Statements: the same speaker's two texts are one utterance when they are about as long
and share nearly all their words (a quotation retold with a word changed, or cut).
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

SAME_UTTERANCE_RATIO = 88  # rapidfuzz token_set_ratio
MIN_LENGTH_SHARE = 0.6  # the shorter text is at least this share of the longer
_WORD = re.compile(r"\w+")


def same_utterance(a: str, b: str) -> bool:
    """True when texts ``a`` and ``b`` (of one speaker) tell the same utterance."""
    shorter, longer = sorted((len(a), len(b)))
    if shorter < MIN_LENGTH_SHARE * max(longer, 1):
        return False
    return fuzz.token_set_ratio(a, b) >= SAME_UTTERANCE_RATIO


class Utterances:
    """One speaker's texts seen so far, indexed by their words.

    A new text is compared only with texts that share a word with it, so a transcript of
    thousands of quotations costs near-linear time where comparing every pair was
    quadratic. A word found in more than ``COMMON`` texts selects nothing ("the"); a text
    made only of such words is compared with the first ``COMMON`` texts of its rarest word.
    """

    COMMON = 40

    def __init__(self):
        self._texts: list[str] = []
        self._values: list[object] = []
        self._exact: dict[str, int] = {}
        self._postings: dict[str, list[int]] = defaultdict(list)

    def find(self, text: str):
        """The value stored with the earliest text that is the same utterance, or None."""
        if text in self._exact:
            return self._values[self._exact[text]]
        for i in sorted(self._candidates(text)):
            if same_utterance(text, self._texts[i]):
                return self._values[i]
        return None

    def add(self, text: str, value) -> None:
        i = len(self._texts)
        self._texts.append(text)
        self._values.append(value)
        self._exact.setdefault(text, i)
        for word in _words(text):
            self._postings[word].append(i)

    def _candidates(self, text: str) -> set[int]:
        postings = [self._postings[w] for w in _words(text) if w in self._postings]
        found = {i for p in postings if len(p) <= self.COMMON for i in p}
        if not found and postings:
            found = set(min(postings, key=len)[: self.COMMON])
        return found


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))
