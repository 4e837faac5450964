"""Statements: quotations and reported speech attributed to a person or to a group.

Two passes over a document. Quotations first: quotation marks are paired within a
paragraph (an unclosed quotation ends with its paragraph; a stray closing mark opens at the
paragraph's start), and a quotation is a statement when an attribution ("..., he said",
"X said: ...") sits next to it; an unattributed quotation right before or after an
attributed one continues it. Then reported speech, one sentence at a time: a speech verb
whose subject is a person ("Ostrova stressed", "..., said Varga", "the Peruvian foreign
minister recalled", "he noted", "according to X"). The content is the sentence without the
attribution; a second verb of the same speaker in the sentence ("..., adding that ...")
stays in the same statement. Subjects that are groups ("the two sides", "they") give
statements without a speaker; when no subject can be found there is no statement, and a
subject that cannot be resolved gives no speaker rather than a guess.
"""

from .drafts import Attribution, Draft, Quote, Speaker
from .finder import StatementFinder, find_statements
from .vocabulary import NOT_SPEECH, SPEECH

__all__ = [
    "find_statements",
    "StatementFinder",
    "NOT_SPEECH",
    "SPEECH",
    "Attribution",
    "Draft",
    "Quote",
    "Speaker",
]
