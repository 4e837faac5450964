"""Meetings: who met whom, when, where, and in what frame.

One pass over each story's sentences finds the places where the text reports an
encounter ("X met Y", "held talks with", "attended the meeting of ...", "was attended
by ...", "a phone call with"), and keeps a little state as it goes: the city and date the
story is about, the visit under way, the meeting "the meeting" refers to. Each such
place is a report; reports of one real meeting (the same talks told in several stories of
a compilation) are then merged into one ``MeetingCandidate``.

Participants are the people in the clause around the trigger word, minus those merely
mentioned there ("conveyed greetings to X", "the death of X", "X's visit"). Title-only
mentions and pronouns come from ``coreference``.
"""

from .finder import MeetingFinder, find_meetings
from .merging import Report

__all__ = ["find_meetings", "MeetingFinder", "Report"]
