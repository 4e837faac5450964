"""Statements: each utterance once, however many reports and however reworded."""

from __future__ import annotations

import datetime as dt

from diplomacy.models import Statement
from diplomacy.models.meetings import statement_text_key

from .. import sql
from ..extraction.identity import same_utterance
from ..extraction.types import StatementCandidate

# what loading reads of a statement the register already holds: its words' key and
# speaker (to match), its meeting, review and locked fields (to link it: ``is_locked``)
MATCHED_FIELDS = ("text_key", "speaker", "meeting", "review", "locked_fields")


def _reworded(candidate: StatementCandidate, statements) -> Statement | None:
    """The same utterance worded slightly differently in another report, if any."""
    day = dt.timedelta(days=1)
    for statement in statements:
        if statement.direct != candidate.direct or statement.date is None:
            continue
        if abs(statement.date - candidate.date) > day:
            continue
        if same_utterance(statement.text, candidate.text):
            return statement
    return None


def load_statements(state):
    """Each utterance once: an earlier report of it gains this article as a source.

    At most three queries per document whatever its size: statements with the same words,
    statements of the same speakers around the same dates (for reworded reports), and
    one bulk insert of the new ones."""
    candidates = state.extraction.statements
    if not candidates:
        return
    keys = [statement_text_key(c.text) for c in candidates]
    speakers = [
        state.person_for.get(c.speaker) if c.speaker is not None else None for c in candidates
    ]
    # only the statements of this document's speakers the register held before it (a
    # person it created has none yet): a stock phrase said by hundreds of people must not
    # load hundreds of statements
    earlier_speakers = {s.pk if s else None for s in speakers} - state.new_persons
    # the first statement of each speaker with these words (a group's stock phrase may
    # be in the register a thousand times)
    rows = sql.first_of_each(
        Statement,
        ("text_key", "speaker_id"),
        MATCHED_FIELDS,
        text_key__in=set(keys),
        speaker_id__in=earlier_speakers,
    )
    same_words = {(row.text_key, row.speaker_id): row for row in rows}
    nearby = _nearby_statements(candidates, speakers, keys, same_words, earlier_speakers)
    new, changed, targets = [], {}, []
    for candidate, key, speaker in zip(candidates, keys, speakers, strict=True):
        meeting = (
            state.meeting_for.get(candidate.meeting) if candidate.meeting is not None else None
        )
        statement = same_words.get((key, speaker.pk if speaker else None))
        if statement is None and speaker is not None and candidate.date is not None:
            statement = _reworded(candidate, nearby.get(speaker.pk, ()))
        if statement is None:
            statement = Statement(
                speaker=speaker,
                speaker_text=candidate.speaker_text[:300],
                meeting=meeting,
                date=candidate.date,
                date_precision=candidate.precision,
                text=candidate.text,
                direct=candidate.direct,
                text_key=key,
            )
            new.append(statement)
            same_words[(key, speaker.pk if speaker else None)] = statement
            state.counts[("statement", "created")] += 1
        elif (
            statement.pk
            and statement.meeting_id is None
            and meeting is not None
            and not statement.is_locked("meeting")
        ):
            statement.meeting = meeting
            changed[statement.pk] = statement
            state.counts[("statement", "updated")] += 1
        else:
            state.counts[("statement", "matched")] += 1
        targets.append((candidate, statement))
    sql.create(new)
    if changed:
        sql.update_rows(Statement, ["meeting"], changed.values())
    for candidate, statement in targets:
        for start, end in candidate.spans or [(candidate.start, candidate.end)]:
            state.add_evidence("statement", start, end, statement=statement)


def _nearby_statements(candidates, speakers, keys, same_words, earlier_speakers):
    """Statements of this document's speakers within a day of its statements' dates."""
    wanted = [
        (c, sp)
        for c, sp, k in zip(candidates, speakers, keys, strict=True)
        if sp is not None
        and sp.pk in earlier_speakers
        and c.date is not None
        and (k, sp.pk) not in same_words
    ]
    if not wanted:
        return {}
    day = dt.timedelta(days=1)
    low = min(c.date for c, _ in wanted) - day
    high = max(c.date for c, _ in wanted) + day
    rows = sql.records(
        Statement,
        limit=5000,
        speaker_id__in={sp.pk for _, sp in wanted},
        date__gte=low,
        date__lte=high,
    )
    by_speaker: dict[int, list[Statement]] = {}
    for row in rows:
        by_speaker.setdefault(row.speaker_id, []).append(row)
    return by_speaker
