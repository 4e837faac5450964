"""A person's country when no title gives it: what the sentence around a name says.

Strongest first: the person speaks or acts for a country ("X expressed the Kenyan
position", "X led Ghana's delegation", "X said Chile would ..."); the scene of a meeting
("In Peru, the envoy met A and B": A and B are Peru's); last, the nearest country named
before the name that is not a place, not a thing's owner and not another person's own
country ("President of Mali Y" gives Y's country to Y alone).
"""

from __future__ import annotations

import re

from ..context import PLACE_PREPOSITIONS
from ..lexicons import HONORIFICS, MEETING_VERBS, PLACE_WORDS, TITLE_HEADS, TITLE_MODIFIERS
from .candidates import Candidate
from .vocabulary import (
    IGO_KINDS,
    LED_BY,
    SPEAKS_FOR_AFTER_COUNTRY,
    SPEAKS_FOR_NOUNS,
    SPEAKS_FOR_SAID,
    SPEAKS_FOR_VERBS,
)

POST_WORDS = TITLE_HEADS | TITLE_MODIFIERS
# "conveyed the greetings of", "a message from (the)": words before a message's sender;
# "exchanged greetings with" before one whose carrier the sentence may not name
MESSAGE_OF = re.compile(
    r"\b(?:greetings|message|letter|wishes|regards|congratulations)(?: and [a-z ]{1,30})?"
    r" (?P<how>of|from|with)(?: the)? $"
)
QUOTES = frozenset({"'", "’", "‘", '"', "“", "”"})


class CountriesMixin:
    """Part of ``PeopleFinder``: countries from the sentence around a name."""

    def claim_countries(self, candidates: list[Candidate]) -> None:
        """Token -> candidate whose own title, apposition or "of X" names that country."""
        self.claimed: dict[int, Candidate] = {}
        for c in candidates:
            spans = ([c.title] if c.title else []) + c.appositions
            if c.country_after:
                spans.append((c.b, min(c.b + 4, len(self.tokens))))
            led = self._delegation_led(c)
            if led is not None:
                spans.append((led.start, led.end))
            for a, b in spans:
                for k in range(a, b):
                    self.claimed.setdefault(k, c)

    def sentence_country(self, idx: int, c: Candidate) -> None:
        """Votes for a person's country from the sentence of one mention."""
        speaks_for = self._speaks_for(c)
        if speaks_for is None:
            led = self._delegation_led(c)
            speaks_for = led.value if led is not None else None
        if speaks_for is not None:
            self.title_countries[idx][speaks_for] += 1
            return
        s_start, _ = self.ctx.sentence_of(c.a)
        scene = self._scene_country(s_start, c.a)
        if scene is not None:
            # "In Kenya, the envoy met A and B": A and B are Kenya's; the envoy only visits
            if self._after_encounter_verb(s_start, c.a):
                self.title_countries[idx][scene] += 1
            return
        if c.b < len(self.tokens) and self.tokens[c.b].text in ("'s", "’s"):
            return  # "the X team is led by Y's counterpart": the country is the other's
        if c.in_list and not c.list_first:
            return  # "The Turkish ministry said A, B and C met": the country is A's at most
        message = self._message_of(c, s_start)
        sender = self._message_sender(c, s_start) if message in ("of", "from") else None
        if sender is not None:
            self.sender_links.append((idx, self.tokens[sender.a].start))
            return
        if message:
            return  # the greetings of a head of state whose carrier is not named: not the host's
        nearest = self._nearest_country(c, s_start)
        if nearest is not None:
            self.fallback_countries[idx][nearest] += 1
        else:
            self._home_government(idx, c)

    def _message_of(self, c: Candidate, s_start: int) -> str | None:
        """ "of", "from" or "with" when the words right before the person's post say the
        person's message is meant ("greetings of", "exchanged greetings with")."""
        toks = self.tokens
        start = c.title[0] if c.title else c.a
        before = self.ctx.text[toks[max(s_start, start - 8)].start : toks[start].start].lower()
        found = MESSAGE_OF.search(before)
        return found.group("how") if found else None

    def _message_sender(self, c: Candidate, s_start: int) -> Candidate | None:
        """ "A conveyed the greetings of President Y", "A, who delivered a message from King
        Y": Y is whose words A brings, of A's country, not the host's (asked only after
        "of" or "from": "A exchanged greetings with Y" makes A the host, not a carrier)."""
        start = c.title[0] if c.title else c.a
        toks = self.tokens
        people = [p for p in self.all_candidates if s_start <= p.a and p.b <= start]
        if not people:
            return None
        for p in reversed(people):  # "..., B, who conveyed ...": the one before "who"
            if p.b + 1 < start and toks[p.b].text == "," and toks[p.b + 1].lower == "who":
                return p
        return people[0]

    def linked_countries(self) -> None:
        """A message's sender takes the country of the one who brought it, when nothing
        else gives one (run after every mention has voted)."""
        for idx, char in self.sender_links:
            carrier = next((m.entity for m in self.mentions if m.start == char), None)
            if carrier is None or carrier == idx:
                continue
            for counters in (self.title_countries, self.fallback_countries):
                if counters[carrier]:
                    country = counters[carrier].most_common(1)[0][0]
                    self.fallback_countries[idx][country] += 1
                    break

    def voice_country(self) -> str | None:
        """The one country a document speaks for ("expressed U.S. support", "reaffirmed the
        U.S. commitment"), if it speaks for exactly one: a readout's own government."""
        toks, found = self.tokens, set()
        for k, t in enumerate(toks[:-2]):
            if t.lower not in SPEAKS_FOR_VERBS:
                continue
            j = k + 1 + (toks[k + 1].lower == "the")
            m = self.ctx.in_match.get(j)
            if m is None or m.kind not in ("country", "demonym") or m.start != j:
                continue
            after = m.end + (m.end < len(toks) and toks[m.end].text in ("'s", "’s"))
            if after < len(toks) and toks[after].lower in SPEAKS_FOR_NOUNS:
                found.add(m.value)
            elif after < len(toks) and toks[after].lower == "and":
                return None  # "reaffirmed the U.S. and U.A.E. commitment": two voices
        return found.pop() if len(found) == 1 else None

    def _nearest_country(self, c: Candidate, s_start: int) -> str | None:
        for k in range(c.a - 1, max(s_start, c.a - 15) - 1, -1):
            m = self.ctx.in_match.get(k)
            if m is None or m.kind not in ("country", "demonym"):
                continue
            org = self.org_at.get(k)
            if org is not None and org.kind in IGO_KINDS:
                continue
            owner = self.claimed.get(k, c)
            if owner is not c and not self._same_party(owner, c):
                continue
            if self._country_as_place_or_owner(m):
                continue
            if self._country_of_a_nameless_post(m, c):
                continue
            return m.value
        return None

    def _country_of_a_nameless_post(self, m, c: Candidate) -> bool:
        """ "Azerbaijani FM calls on PM X": the country of a post no name follows is that
        post-holder's, not X's."""
        k = m.end
        if k >= len(self.tokens) or self.tokens[k].lower not in POST_WORDS:
            return False
        return c.title is None or not (c.title[0] <= k < c.title[1])

    def _same_party(self, owner: Candidate, c: Candidate) -> bool:
        """ "his Brazilian counterpart A and Federal Deputy B": B joins A's country."""
        start = c.title[0] if c.title else c.a
        return owner.b == start - 1 and self.tokens[owner.b].lower == "and"

    def _speaks_for(self, c: Candidate) -> str | None:
        """ "X reaffirmed Peru's support", "X led Norway's delegation", "X represented
        Chile", "X said Chile would ...": X speaks or acts for that country."""
        toks = self.tokens
        k = c.b
        while k < len(toks) and toks[k].lower in ("also", "has", "had", "then", "later"):
            k += 1
        if k + 1 >= len(toks):
            return None
        verb = toks[k].lower
        if verb in SPEAKS_FOR_VERBS or verb in SPEAKS_FOR_SAID:
            j = k + 1 + (toks[k + 1].lower == "the")
            m = self.ctx.in_match.get(j)
            if m is None or m.kind not in ("country", "demonym") or m.start != j:
                return None
            after = m.end
            if after < len(toks) and toks[after].text in ("'s", "’s"):
                after += 1
            if after >= len(toks):
                return None
            nxt = toks[after].lower
            if verb in SPEAKS_FOR_VERBS and (nxt in SPEAKS_FOR_NOUNS or verb.startswith("repres")):
                return m.value
            if verb in SPEAKS_FOR_SAID and m.kind == "country" and nxt in SPEAKS_FOR_AFTER_COUNTRY:
                return m.value
        return None

    def _delegation_led(self, c: Candidate):
        """ "a Czech delegation led by X", "a delegation from the Czech Republic headed by
        X": the country of the delegation X leads (its gazetteer match), if it names one."""
        toks = self.tokens
        if c.b < len(toks) and toks[c.b].text in ("'s", "’s"):
            return None  # "the Kenyan team is led by X's counterpart, Y": Y's country
        k = c.title[0] if c.title else c.a
        while k > 0 and toks[k - 1].lower in HONORIFICS:
            k -= 1
        if k < 3 or toks[k - 1].lower != "by" or toks[k - 2].lower not in LED_BY:
            return None
        k -= 2
        if toks[k - 1].text == ",":
            k -= 1  # "a Czech delegation, led by X"
        s_start, _ = self.ctx.sentence_of(c.a)
        head = self._led_group_before(k, s_start)
        if head is None:
            return None
        for j in range(max(s_start, head - 3), k):
            m = self.ctx.in_match.get(j)
            if m is not None and m.kind in ("country", "demonym") and m.start == j:
                return m
        return None

    def _scene_country(self, s_start, a) -> str | None:
        """The country of a sentence that opens "In <Country>, ..."."""
        toks = self.tokens
        if a - s_start < 3 or toks[s_start].lower != "in":
            return None
        m = self.ctx.in_match.get(s_start + 1)
        if m is None or m.kind != "country":
            m = self.ctx.in_match.get(s_start + 2)
            if m is None or m.kind != "country" or toks[s_start + 1].lower != "the":
                return None
        if m.end < a and toks[m.end].text == ",":
            return m.value
        return None

    def _after_encounter_verb(self, s_start, a) -> bool:
        return any(self.tokens[k].lower in MEETING_VERBS for k in range(s_start, a))

    def _country_as_place_or_owner(self, m) -> bool:
        """ "landed in X", "a visit to X", "X's territorial integrity": a country named as
        a place or as the owner of a thing says nothing of a person's nationality."""
        toks = self.tokens
        if m.start > 0 and toks[m.start - 1].lower in PLACE_PREPOSITIONS:
            return True
        if (
            m.start > 1
            and toks[m.start - 1].lower == "the"
            and toks[m.start - 2].lower in PLACE_PREPOSITIONS
        ):
            return True
        k = m.end
        if k < len(toks) and toks[k].lower in PLACE_WORDS:
            return True  # "the South China Sea", "the Korean Peninsula"
        if k < len(toks) and toks[k].text in ("'s", "’s"):
            k += 1
            while k < len(toks) and toks[k].text in QUOTES:
                k += 1
            return k < len(toks) and toks[k].text[:1].islower()
        return False
