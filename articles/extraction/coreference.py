"""Who "he", "the President" and "the Chinese foreign minister" are, within one story.

Built once per document from the person mentions ``people.py`` found. One left-to-right
pass over the sentences keeps, per story, the people mentioned so far and the subject of
each sentence (the first person mentioned outside a prepositional phrase). A pronoun is
the latest subject of its gender; a title without a name ("the Kazakh President") is the
latest person whose posts and country fit it. Nothing crosses a story boundary: a
compilation's stories each introduce their people again.
"""

from __future__ import annotations

import bisect
import re

from .context import Context
from .lexicons import (
    DOMAIN_WORDS,
    MEETING_VERBS,
    PRONOUNS,
    SPEECH_VERBS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from .patterns import mapping, words
from .types import Extraction, PersonMention

GENERIC_HEADS = words("coreference_generic_heads")
# Abbreviated posts, spelt out for comparison with the posts the text gave in full ("FM" is
# "foreign minister"): see patterns/persons.toml
ABBREVIATIONS = {
    short: tuple(words) for short, words in mapping("persons", "abbreviated_posts").items()
}
DETERMINERS = words("coreference_determiners")
PREPOSITIONS = words("coreference_prepositions")
CHAIN_CONNECTORS = words("coreference_chain_connectors")
TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
NOT_ALONE = words("coreference_not_alone")
PRESENT_VERBS = words("coreference_present_verbs")
FOLLOWERS = words("coreference_followers")
NOT_MODIFIERS = words("coreference_not_modifiers")
POST_VERBS = words("coreference_post_verbs")
CLAUSE_OPENERS = words("coreference_clause_openers")
WORD = re.compile(r"[a-z]+")
SUBJECT_PRONOUNS = words("coreference_subject_pronouns")
LOWER_RANKS = words("coreference_lower_ranks")
LEADERS = words("coreference_leaders")
HEADS_OF = {
    "state": words("coreference_heads_of_state"),
    "government": words("coreference_heads_of_government"),
}
SEARCH_BACK = 300  # mentions looked at when resolving one title phrase
COUNTERPART_HEADS = words("coreference_counterpart_heads")
COUNTERPART_OWNERS = {"his", "her", "their"}  # a third person's: not "my", "our" (quoted)


def _singular_head(low: str) -> bool:
    if low in COUNTERPART_HEADS:
        return True
    if low not in TITLE_HEADS or low in NOT_ALONE:
        return False
    return not (low.endswith("s") and low[:-1] in TITLE_HEADS)


# the words that can start a title phrase, decided once: the pass over a document's tokens
# asks this of each word
SINGULAR_HEADS = frozenset(w for w in COUNTERPART_HEADS | TITLE_HEADS if _singular_head(w))
HEAD_OF_STARTS = LEADERS | {"head"}  # "the leader", "Head of State"


def title_words(title: str) -> tuple[set[str], set[str]]:
    """(words before any "of", all words) of a post, lower-case: the head is in the first."""
    low = title.lower()
    words = set(WORD.findall(low))
    heads = set(WORD.findall(low.split(" of ", 1)[0]))
    for abbreviation, spelt in ABBREVIATIONS.items():
        if abbreviation in words:
            words |= set(spelt)
            heads |= set(spelt)
    return heads, words


class Coreference:
    """Person references of one document: names, titles without names, pronouns."""

    def __init__(self, ctx: Context, result: Extraction):
        self.ctx = ctx
        self.result = result
        self.persons = result.persons
        self.tokens = ctx.tokens
        self._post_words = [[title_words(p.title) for p in e.positions] for e in self.persons]
        # countries a person's posts name when the person has none ("Chinese Ministry of ...")
        self._post_countries = [
            {
                ctx.lexicon.country_for_word(w)
                for p in e.positions
                for w in WORD.findall(p.title.lower())
                if len(w) > 3
            }
            - {None}
            for e in self.persons
        ]
        start_token = {t.start: t.i for t in self.tokens}
        end_token = {t.end: t.i for t in self.tokens}
        # token index -> the name mention covering it
        self.mention_at: dict[int, PersonMention] = {}
        self.mention_tokens: dict[int, tuple[int, int]] = {}  # id(mention) -> token range
        for m in result.person_mentions:
            a, b = start_token.get(m.start), end_token.get(m.end)
            if a is None or b is None:
                continue
            self._index(m, a, b + 1)
        self.title_mentions: list[PersonMention] = []
        self.in_organisation: set[int] = set()
        for o in result.organisations:
            if o.implied:
                continue
            a, b = start_token.get(o.start), end_token.get(o.end)
            if a is not None and b is not None:
                self.in_organisation.update(range(a, b + 1))
        self._pronouns: dict[int, int | None] = {}  # char offset -> entity
        self._inferred_gender: dict[int, str] = {}  # entity -> gender its pronouns showed
        # (char, entity) of sentence subjects; entity None for a name no person was found for
        self._subjects: list[tuple[int, int | None]] = []
        self._subject_chars: list[int] = []
        self._story_starts = [s.start for s in ctx.document.stories]
        self._run()
        self._mentions = sorted(
            result.person_mentions + self.title_mentions, key=lambda m: (m.start, m.end)
        )

    def _index(self, m: PersonMention, a: int, b: int):
        self.mention_tokens[id(m)] = (a, b)
        for k in range(a, b):
            self.mention_at.setdefault(k, m)

    # -- public ----------------------------------------------------------------------
    @property
    def mentions(self) -> list[PersonMention]:
        """Every person mention (names and titles without a name), in text order."""
        return self._mentions

    def tokens_of(self, mention: PersonMention) -> tuple[int, int] | None:
        return self.mention_tokens.get(id(mention))

    def resolve(self, char: int, word: str) -> int | None:
        """The person a pronoun at ``char`` refers to, or None when unsure."""
        gender = PRONOUNS.get(word.lower())
        if gender is None:
            return None
        if char in self._pronouns:
            return self._pronouns[char]
        return self._latest_subject(char, gender, self._story_index(char))

    # -- the pass ----------------------------------------------------------------------
    def _story_index(self, char: int) -> int:
        if not self._story_starts:
            return 0
        return max(bisect.bisect_right(self._story_starts, char) - 1, 0)

    def _run(self):
        toks = self.tokens
        names = self._proper_names()
        history: list[tuple[int, int, bool]] = []  # (char, entity, is_subject) in this story
        story = None
        for s_start, s_end in self.ctx.sentences:
            here = self._story_index(toks[s_start].start)
            if here != story:
                story, history = here, []
            first = None  # (token, entity or None, is_pronoun) of the first subject-like mention
            speaker = None  # the same for a mention that a speech or meeting verb attaches to
            pronouns = []
            sentence_history = len(history)  # what this sentence adds to the history
            clauses = []  # (token, entity) of subjects of clauses after "while", "but", ";"
            k = s_start
            while k < s_end:
                m = self.mention_at.get(k)
                if (
                    m is None
                    and k not in self.in_organisation
                    and (
                        toks[k].lower in SINGULAR_HEADS
                        or (toks[k].lower in HEAD_OF_STARTS and self._head_of(k, s_end))
                    )
                ):
                    k, m = self._title_mention_at(k, s_start, s_end, history)
                    if m is None:
                        continue
                if m is not None:
                    a, b = self.mention_tokens[id(m)]
                    if speaker is None and self._attributed(a, b, s_start, s_end):
                        speaker = (a, m.entity, False)
                    if first is None and not self._after_preposition(a, s_start):
                        first = (a, m.entity, False)
                    elif first is not None and self._opens_clause(a, s_start):
                        clauses.append((a, m.entity))
                    history.append((m.start, m.entity, False))
                    k = b
                    continue
                low = toks[k].lower
                if low in PRONOUNS and low != "him" and low != "hers":
                    pronouns.append(k)
                    if low in SUBJECT_PRONOUNS:
                        if speaker is None and self._attributed(k, k + 1, s_start, s_end):
                            speaker = (k, None, True)
                        if first is None and not self._after_preposition(k, s_start):
                            first = (k, None, True)
                k += 1
            subject = speaker or first
            named_here = {e for _, e, _ in history[sentence_history:]}
            if speaker is not None and speaker[2] and first is not None and first[0] < speaker[0]:
                subject = first  # "X visited Y, where he met ...": he is X
            for k in pronouns:
                char = toks[k].start
                gender = PRONOUNS[toks[k].lower]
                nearer = [e for a, e in clauses if a < k and self._gender_fits(e, gender)]
                if nearer and subject is not None and subject[0] < k:
                    entity = nearer[-1]  # "X blamed ..., while Y hit out at what he called"
                elif (
                    subject is not None
                    and not subject[2]
                    and subject[0] < k
                    and self._gender_fits(subject[1], gender)
                ):
                    entity = subject[1]
                else:
                    entity = self._latest_subject(char, gender, story)
                self._pronouns[char] = entity
                if entity is not None and (
                    toks[k].lower in SUBJECT_PRONOUNS or named_here == {entity}
                ):
                    # "he said", or "X thanked ... for his visit" with no one else named:
                    # the gender of someone the text had not shown it for
                    self._inferred_gender.setdefault(entity, gender)
            if subject is None and self._unknown_subject(s_start, s_end, names):
                # "Roe tweeted ..." about someone not found as a person: "he" in what
                # follows is Roe, unknown, rather than the person named before
                self._subjects.append((toks[s_start].start, None))
                self._subject_chars.append(toks[s_start].start)
            if subject is not None:
                entity = self._pronouns.get(toks[subject[0]].start) if subject[2] else subject[1]
                if entity is not None:
                    char = toks[subject[0]].start
                    self._subjects.append((char, entity))
                    self._subject_chars.append(char)
                    history.append((char, entity, True))

    def _proper_names(self) -> set[str]:
        """Capitalised words the text also writes capitalised inside a sentence: names."""
        starts = {a for a, _ in self.ctx.sentences}
        return {
            t.text
            for t in self.tokens
            if t.is_cap and t.is_word and t.i not in starts and t.i not in self.ctx.in_match
        }

    def _unknown_subject(self, s_start: int, s_end: int, names: set[str]) -> bool:
        """Whether a name that is no known person speaks or meets in the sentence: "Roe
        tweeted a picture", '"...," Mr Roe said.'"""
        toks = self.tokens
        for a in range(s_start, s_end):
            if a > s_start and toks[a - 1].text not in ('"', ","):
                continue
            k = a
            while k < s_end and k - a < 4 and (toks[k].lower in TITLE_WORDS or toks[k].is_cap):
                if k in self.mention_at or k in self.ctx.in_match or k in self.in_organisation:
                    break
                k += 1
            else:
                if k > a and k < s_end and toks[k - 1].text in names:
                    low = toks[k].lower
                    if low in SPEECH_VERBS or low in POST_VERBS or low in MEETING_VERBS:
                        return True
        return False

    def _attributed(self, a: int, b: int, s_start: int, s_end: int) -> bool:
        """Whether a speech or meeting verb attaches to the mention [a, b): "X said", "said X"."""
        toks = self.tokens
        k = b
        while k < s_end and toks[k].lower in ("also", "further", "then", "later", "once", "again"):
            k += 1
        if k < s_end and (toks[k].lower in SPEECH_VERBS or toks[k].lower in MEETING_VERBS):
            return True
        if not (
            a - 2 >= s_start
            and toks[a - 1].lower in SPEECH_VERBS
            and toks[a - 2].text in (",", '"')
        ):
            return False
        # "..., said Jane Roe." but not "..., conveyed Roe's greetings"
        if b >= s_end:
            return True
        return toks[b].lower in FOLLOWERS or (not toks[b].is_word and toks[b].text != "'s")

    def _after_preposition(self, a: int, s_start: int) -> bool:
        """Whether the mention starting at token ``a`` sits in a prepositional phrase."""
        return self._word_before_phrase(a, s_start) in PREPOSITIONS

    def _opens_clause(self, a: int, s_start: int) -> bool:
        """Whether the mention starting at token ``a`` is the subject of a second clause:
        "X blamed ..., while Y hit out at ...", "...; Y said ..."."""
        return self._word_before_phrase(a, s_start) in CLAUSE_OPENERS

    def _word_before_phrase(self, a: int, s_start: int) -> str:
        """The word before the name phrase (title, determiners) that starts at token ``a``."""
        toks = self.tokens
        k = a - 1
        while k >= s_start:
            t = toks[k]
            m = self.ctx.in_match.get(k)
            if (
                t.lower in TITLE_WORDS
                or t.lower in DETERMINERS
                or t.lower in DOMAIN_WORDS
                or m is not None
            ):
                k -= 1
                continue
            if t.is_cap and t.is_word and k > s_start:
                k -= 1
                continue
            if t.text in "()" or (
                t.lower in CHAIN_CONNECTORS and k > s_start and toks[k - 1].is_cap
            ):
                k -= 1  # inside a title: "Secretary General of the Forum on ..."
                continue
            return t.lower
        return ""

    def _gender(self, entity: int) -> str | None:
        return self.persons[entity].gender or self._inferred_gender.get(entity)

    def _gender_fits(self, entity: int | None, gender: str) -> bool:
        if entity is None:
            return False
        known = self._gender(entity)
        return known is None or known == gender

    def _latest_subject(self, char: int, gender: str, story: int) -> int | None:
        story_start = self._story_starts[story] if self._story_starts else 0
        k = bisect.bisect_left(self._subject_chars, char) - 1
        while k >= 0:
            pos, entity = self._subjects[k]
            if pos < story_start or entity is None:
                return None
            known = self._gender(entity)
            if known is None or known == gender:
                return entity
            k -= 1
        return None

    # -- titles without a name ---------------------------------------------------------------
    def _title_mention_at(self, k: int, s_start: int, s_end: int, history):
        """(next token, mention) for a title head at token ``k`` that names no one."""
        toks = self.tokens
        head_end = k + 1
        while head_end < s_end and head_end not in self.mention_at:
            if toks[head_end].lower in TITLE_WORDS:
                head_end += 1
            elif (  # "Secretary-General", "Vice-President"
                toks[head_end].is_hyphen
                and not toks[head_end - 1].space_after
                and not toks[head_end].space_after
                and head_end + 1 < s_end
                and toks[head_end + 1].lower in TITLE_WORDS
            ):
                head_end += 2
            else:
                break
        names, chain_end = self._chain(head_end, s_end)
        if toks[k].lower in COUNTERPART_HEADS:
            # named only right after it ("her counterpart Jane Roe", "her counterpart, Jane
            # Roe,"): "with her counterpart in Lima, Roe said" names Roe as the subject
            after = head_end + (head_end < s_end and toks[head_end].text == ",")
            names, chain_end = after in self.mention_at, head_end
        a = self._phrase_start(k, s_start)
        # "according to the Kazakh minister the talks ...": the comma after it may be missing
        according = a >= 2 and [t.lower for t in toks[a - 2 : a]] == ["according", "to"]
        if names or not (according or self._ends_phrase(chain_end, s_end)):
            return chain_end, None
        if self._unknown_name(head_end):
            return chain_end, None  # "Minister Roe" where Roe was not found as a person
        b = head_end
        country = None
        # "the representative of China", "the Minister of Foreign Affairs of Ruritania"
        if head_end < s_end and toks[head_end].lower == "of":
            while chain_end > head_end and toks[chain_end - 1].lower in CHAIN_CONNECTORS:
                chain_end -= 1
            b = max(chain_end, head_end)
            country = self._phrase_country(head_end, b)
        country = self._phrase_country(a, k) or country
        if toks[k].lower in COUNTERPART_HEADS and (
            country is None or toks[a].lower not in COUNTERPART_OWNERS
        ):
            return b, None  # "his counterpart", "my Japanese counterpart": not resolved here
        held = self._head_of(k, s_end)
        if held is not None and toks[k].lower in LEADERS and not self._only_a_country(a, k):
            held = None  # "the opposition leader" is no head of state
        if held is not None:
            # "the Head of State": whoever holds a post of a head of state; with no country
            # told, first the one of the story's home country ("A call was held between
            # President A and President B. The Head of State ..." of A's capital)
            entity = None
            if country is None and toks[k].lower == "head":
                story = self.ctx.story_at(toks[a].start)
                home = story.dateline_country if story is not None else None
                if home is not None:
                    entity = self._latest_fitting_any(held, home, toks[a].start, history)
            if entity is None:
                entity = self._latest_fitting_any(held, country, toks[a].start, history)
        else:
            entity = self._resolve_title(a, head_end, country, toks[a].start, history)
        if entity is None:
            return b, None
        text = self.ctx.document.text[toks[a].start : toks[b - 1].end]
        mention = PersonMention(toks[a].start, toks[b - 1].end, text, entity, form="title")
        self.title_mentions.append(mention)
        self._index(mention, a, b)
        return b, mention

    def _head_of(self, k: int, s_end: int) -> frozenset[str] | None:
        """The posts "Head of State", "Head of Government" or "leader" at token ``k``
        stands for."""
        toks = self.tokens
        if toks[k].lower in LEADERS:
            return HEADS_OF["state"] | HEADS_OF["government"] | LEADERS
        if toks[k].lower != "head" or k + 2 >= s_end or toks[k + 1].lower != "of":
            return None
        return HEADS_OF.get(toks[k + 2].lower)

    def _only_a_country(self, a: int, b: int) -> bool:
        """Whether tokens [a, b) are a determiner or a country's name or demonym, nothing
        else ("the Ghanaian leader", not "opposition leader")."""
        if a >= b:
            return False
        for k in range(a, b):
            m = self.ctx.in_match.get(k)
            if m is None or m.kind not in ("country", "demonym"):
                if self.tokens[k].lower not in DETERMINERS and self.tokens[k].text not in (
                    "'s",
                    "’s",
                ):
                    return False
        return True

    def _latest_fitting_any(self, posts, country, char, history) -> int | None:
        """The latest subject before ``char`` holding one of ``posts``, else the latest
        person holding one."""
        return _latest(
            history,
            char,
            lambda entity: any(self._fits(entity, {post}, set(), False, country) for post in posts),
        )

    def _unknown_name(self, k: int) -> bool:
        """Whether token ``k``, right after a title head, is a name: a handle, or a
        capitalised word that is no title word, domain word, place or organisation."""
        t = self.tokens[k] if k < len(self.tokens) else None
        if t is not None and t.text.startswith("@") and len(t.text) > 1:
            return True  # a handle: "High Representative @janeroe"
        return (
            t is not None
            and t.is_cap
            and t.is_word
            and t.lower not in TITLE_WORDS
            and t.lower not in DOMAIN_WORDS
            and k not in self.ctx.in_match
            and k not in self.in_organisation
        )

    def _ends_phrase(self, k: int, s_end: int) -> bool:
        """Whether a title can end before token ``k``: not "member countries", "minister level"."""
        if k >= s_end:
            return True
        t = self.tokens[k]
        if not (t.is_word and t.text.islower()):
            return True
        low = t.lower
        return low in FOLLOWERS or low in PRESENT_VERBS or low.endswith("ed")

    def _chain(self, k: int, s_end: int) -> tuple[bool, int]:
        """(runs into a name, end) of the title words from token ``k`` on: "of Foreign Affairs"."""
        toks = self.tokens
        steps = 0
        while k < s_end and steps < 16:
            if k in self.mention_at:
                return True, k
            t = toks[k]
            if t.text == "," and k + 1 < s_end and k + 1 in self.mention_at:
                return True, k  # an apposition: "the Minister of Foreign Affairs, Jane Roe,"
            if t.lower in CHAIN_CONNECTORS or t.lower in TITLE_WORDS or (t.is_cap and t.is_word):
                k += 1
                steps += 1
                continue
            if t.text.isupper() and t.text.isalpha():  # an acronym: "(SIIS)"
                k += 1
                steps += 1
                continue
            break
        return False, k

    def _phrase_start(self, head: int, s_start: int) -> int:
        toks = self.tokens
        k = head
        while k - 1 >= s_start:
            t = toks[k - 1]
            m = self.ctx.in_match.get(k - 1)
            if k - 1 in self.mention_at:
                break
            if t.lower in TITLE_WORDS or t.lower in DOMAIN_WORDS or m is not None or t.text == "'s":
                k -= 1
                continue
            if t.is_hyphen and not t.space_after:
                k -= 1
                continue
            if "-" in t.text and t.text.islower():  # "high-ranking"
                k -= 1
                continue
            if t.lower in DETERMINERS:
                k -= 1
            break
        return k

    def _phrase_country(self, a: int, b: int) -> str | None:
        for k in range(a, b):
            m = self.ctx.in_match.get(k)
            if m is not None and m.kind in ("country", "demonym"):
                return m.value
        return None

    def _phrase_words(self, a: int, b: int) -> tuple[set[str], set[str], bool]:
        """(head words, modifier words, generic) of the title phrase [a, b)."""
        heads, modifiers, generic = set(), set(), False
        for k in range(a, b):
            low = self.tokens[k].lower
            if self.ctx.in_match.get(k) is not None:
                continue
            if low in ABBREVIATIONS:
                heads |= set(ABBREVIATIONS[low])
            elif low in GENERIC_HEADS or low in COUNTERPART_HEADS:
                generic = True
            elif low in TITLE_HEADS:
                heads |= set(WORD.findall(low))
            elif (low in TITLE_MODIFIERS or low in DOMAIN_WORDS) and low not in NOT_MODIFIERS:
                modifiers.add(low)
        if heads:
            generic = False
        return heads, modifiers, generic

    def _fits(self, entity: int, heads, modifiers, generic, country) -> bool:
        person = self.persons[entity]
        if country is not None and person.country != country:
            if person.country is not None or country not in self._post_countries[entity]:
                return False
        if generic:
            return True
        said = heads | modifiers
        return any(
            heads <= pre_of and modifiers <= words and not (LOWER_RANKS & pre_of) - said
            for pre_of, words in self._post_words[entity]
        )

    def _resolve_title(self, a, b, country, char, history) -> int | None:
        heads, modifiers, generic = self._phrase_words(a, b)
        if not heads and not generic:
            return None
        if generic and modifiers:
            # "the High Representative": first whoever holds a post of those words
            spelt = {self.tokens[k].lower for k in range(a, b)} & GENERIC_HEADS
            found = self._latest_fitting(spelt, modifiers, False, country, char, history)
            if found is not None:
                return found
        found = self._latest_fitting(heads, modifiers, generic, country, char, history)
        if found is None and not generic:
            found = self._named_later(heads, modifiers, country, char)
        return found

    def _named_later(self, heads, modifiers, country, char) -> int | None:
        """A readout that opens with "The Prime Minister spoke with ..." and names him
        later ("Prime Minister X said ..."): the one person of the story named after
        ``char`` whose post fits, when no one before it fits."""
        stories = self.ctx.document.stories
        end = stories[self._story_index(char)].end if stories else len(self.ctx.text)
        fitting = {
            m.entity
            for m in self.result.person_mentions
            if char < m.start < end
            and m.form == "full"
            and self._fits(m.entity, heads, modifiers, False, country)
        }
        return fitting.pop() if len(fitting) == 1 else None

    def _latest_fitting(self, heads, modifiers, generic, country, char, history) -> int | None:
        """The latest subject before ``char`` whose post fits, else the latest person."""
        return _latest(
            history, char, lambda entity: self._fits(entity, heads, modifiers, generic, country)
        )


def _latest(history, char: int, fits) -> int | None:
    """The latest subject mentioned before ``char`` that ``fits``, else the latest such
    person mentioned at all (each person tested once)."""
    fallback = None
    checked: dict[int, bool] = {}
    for pos, entity, is_subject in reversed(history[-SEARCH_BACK:]):
        if pos >= char:
            continue
        if entity not in checked:
            checked[entity] = fits(entity)
        if not checked[entity]:
            continue
        if is_subject:
            return entity
        if fallback is None:
            fallback = entity
    return fallback
