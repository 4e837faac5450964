"""Transcripts of remarks: paragraphs opened by a speaker label ("SECRETARY ROE:", "Minister
Roe:", "Q:"). Each turn, up to the next label, is one direct statement of the person the
label names; questions and moderators are no one's statement."""

from __future__ import annotations

import unicodedata

from .drafts import Draft, Speaker
from .vocabulary import ASKER_LABELS, LABEL_CONNECTORS, MIN_WORDS

MAX_LABEL_TOKENS = 7  # "SECRETARY OF STATE JANE ROE:"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


class TranscriptsMixin:
    """Part of ``StatementFinder``: speaker turns of a transcript."""

    def find_turns(self):
        turns: list[tuple[int | None, int, list[tuple[int, int]]]] = []  # speaker, label, parts
        for lo, hi in self._paragraphs():
            label = None if lo in self.consumed else self._label(lo, hi)
            if label is not None:
                entity, colon = label
                turns.append((entity, lo, [(colon + 1, hi)] if colon + 1 < hi else []))
            elif turns and self._words(lo, hi) >= MIN_WORDS:
                turns[-1][2].append((lo, hi))  # the turn goes on in the next paragraph
            elif turns:
                turns.append((None, lo, []))  # a short line ends the transcript
        for entity, label_start, parts in turns:
            if entity is None or not parts:
                continue
            if sum(self._words(a, b) for a, b in parts) < MIN_WORDS:
                continue
            speaker = Speaker(entity, label_start, parts[0][0])
            self.drafts.append(Draft(parts, speaker, direct=True))
            self.consumed.update(range(label_start, parts[-1][1]))

    def _words(self, a: int, b: int) -> int:
        return sum(1 for k in range(a, b) if self.tokens[k].is_word)

    def _label(self, lo: int, hi: int) -> tuple[int | None, int] | None:
        """(person or None for a questioner, the colon's token) of a speaker label."""
        toks = self.tokens
        colon = next(
            (
                k
                for k in range(lo, min(hi, lo + MAX_LABEL_TOKENS + 1))
                if toks[k].text in (":", "):")
            ),
            None,
        )
        if colon is None or colon == lo or colon + 1 >= hi:
            return None
        words = [toks[k] for k in range(lo, colon)]
        if (
            len(words) >= 3
            and words[0].is_word
            and _fold(words[0].text) in ASKER_LABELS
            and words[1].text == "("
            and (words[-1].text == ")" or toks[colon].text == "):")
        ):
            return None, colon  # "QUESTION (Daily Planet):" a journalist and their outlet
        if not all(
            t.text == "."
            or t.is_hyphen  # "FOREIGN MINISTER MENSAH-BOATENG:"
            or t.lower in LABEL_CONNECTORS
            or (t.is_word and t.is_cap)
            for t in words
        ):
            return None
        if len(words) == 1 and _fold(words[0].text).strip(".") in ASKER_LABELS:
            return None, colon
        last = _fold(next(t.text for t in reversed(words) if t.is_word))
        people = [
            i
            for i, p in enumerate(self.result.persons)
            if last in {_fold(w) for w in p.name.replace("-", " ").split()}
        ]
        return (people[0], colon) if len(people) == 1 else None
