"""What the passes pass around: speakers, attributions, quotations, drafts of statements."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Speaker:
    entity: int | None
    start: int  # token range of the subject
    end: int
    group: bool = False


@dataclass
class Attribution:
    verb: int  # token index of the speech verb
    speaker: Speaker
    start: int  # token range of subject + verb (+ particle, "that")
    end: int
    inverted: bool = False


@dataclass
class Quote:
    a: int  # content tokens [a, b), without the marks
    b: int
    open_mark: int | None
    close_mark: int | None
    paragraph: int
    attribution: Attribution | None = None
    words: int = 0


@dataclass
class Draft:
    parts: list[tuple[int, int]]  # token ranges of the content
    speaker: Speaker
    direct: bool = False
    spans: list[tuple[int, int]] = field(default_factory=list)
