"""Name candidates: capitalised runs of name-like tokens, and the evidence around them
(a title before, an apposition after, an honorific, a speech or meeting verb).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..context import PLACE_PREPOSITIONS
from ..lexicons import (
    BEFORE_A_MONTH,
    DOMAIN_WORDS,
    HONORIFIC_CAPITALS,
    HONORIFICS,
    HONORIFICS_AFTER_HONORIFIC,
    MEETING_VERBS,
    MONTHS_AS_GIVEN_NAMES,
    MONTHS_AS_SURNAMES,
    NAME_PARTICLES,
    ORG_HEADS,
    PERSON_DESCRIPTORS,
    PLACE_WORDS,
    REGION_WORDS,
    SPEECH_VERBS,
    TITLE_HEADS,
)
from ..patterns import table, words
from .vocabulary import (
    BEFORE_POST,
    CONNECTORS,
    COUNTRY_LONG_FORM,
    LED_BY,
    LED_GROUPS,
    NOT_IN_NAME,
    TITLE_WORDS,
)


def is_initial(text: str) -> bool:
    """ "R." of "R. Talvekar", "J." of "Corin J. Halloway"."""
    return len(text) == 2 and text[0].isupper() and text[0].isalpha() and text[1] == "."


def name_like(text: str) -> bool:
    if is_initial(text):
        return True
    if len(text) < 2 or not text[0].isupper():
        return False
    core = text.replace("'", "").replace(".", "")
    if not core.isalpha():
        return False
    if text.isupper():
        return False  # acronyms
    return True


# words that make a title phrase name a post (not modifiers alone: "Special", "Interim")
POST_WORDS = TITLE_HEADS | HONORIFICS | PERSON_DESCRIPTORS

DETERMINERS = words("person_determiners")
PATRONYMIC_PARTICLES = words("person_patronymic_particles")
TITLES_USED_AS_GIVEN_NAMES = words("person_titles_used_as_given_names")
POSTS_ALSO_GIVEN_NAMES = words("person_posts_also_given_names")
RECEIVE_VERBS = words("meeting_receive_forms") | words("meeting_meet_forms")
HONORIFICS_ROYAL = words("honorifics_royal")

REGNAL_NUMBERS = words("person_regnal_numbers")
# "had a telephone conversation with": the meetings finder's own encounter expression
ENCOUNTER = table("meetings")["encounter"]
SOVEREIGN_TITLES = words("person_sovereign_titles")

# "Vice President X Meets with ...", "Minister Y Holds Talks": a Title Case headline's
# verb is not the last part of the name before it
HEADLINE_VERBS = frozenset(
    w for w in MEETING_VERBS | SPEECH_VERBS if w.endswith("s") and not w.endswith("ss")
) | words("person_headline_verbs")


@dataclass
class Candidate:
    a: int  # token range of the name
    b: int
    title: tuple[int, int] | None = None  # token range of the title phrase before it
    appositions: list[tuple[int, int]] = field(default_factory=list)
    verb_after: bool = False
    honorific: str | None = None
    country_after: str | None = None
    country_closing: str | None = None  # "X, Minister of Water, Republic of Kenya;"
    its_org: object = None  # "the NORVA and its Chairman X": the body "its" refers to
    country_before: str | None = None  # "Latvia – X" inside a list of names
    in_list: bool = False  # a member of a list of names that is a list of persons
    list_first: bool = False  # the first member of that list
    shared_title: tuple[int, int] | None = None  # "the foreign ministers of" before a list
    # "her Turkish and Georgian counterparts, A and B": (first token of the phrase, this
    # member's country); the member holds the post of the person named before the phrase
    counterpart: tuple[int, str] | None = None


class CandidatesMixin:
    """Part of ``PeopleFinder``: token classes, name candidates and their evidence."""

    # -- token classes -------------------------------------------------------------
    def _entity_token(self, k):
        m = self.ctx.in_match.get(k)
        if m is not None and k not in self.org_at:
            if self.ctx.city_in_a_name(k) or self._city_ending_a_name(k, m):
                return False
        return bool(m) or k in self.org_at

    def _city_ending_a_name(self, k, m):
        """A one-word city right after a given name: "Marta Sofia" (Sofia is a capital)."""
        if m.kind != "city" or m.end - m.start != 1 or k == 0:
            return False
        prev = self.tokens[k - 1]
        return (
            prev.space_after
            and name_like(prev.text)
            and not is_initial(prev.text)
            and prev.lower not in NOT_IN_NAME
            and (k - 1) not in self.ctx.in_match
            and (k - 1) not in self.org_at
        )

    def _org_before(self, k, s_start):
        """The nearest organisation named before token ``k`` in the sentence."""
        for j in range(k - 1, s_start - 1, -1):
            if j in self.org_at:
                return self.org_at[j]
        return None

    def _present(self, k, s_end) -> bool:
        """ "was present", "were also present"."""
        toks = self.tokens
        if k >= s_end or toks[k].lower not in ("was", "were"):
            return False
        k += 1 + (k + 1 < s_end and toks[k + 1].lower == "also")
        return k < s_end and toks[k].lower == "present"

    def _capitals_in_name(self, k) -> bool:
        """ "Mr. KUROSAWA Hiroshi", "H.E. Mr. Jean DUPONT": a family name in capitals, next to
        a given name, right after an honorific (an acronym never stands there)."""
        toks = self.tokens
        t = toks[k]
        if not (t.text.isupper() and t.text.isalpha() and len(t.text) > 1):
            return False
        if k > 0 and toks[k - 1].lower in HONORIFICS:
            return k + 1 < len(toks) and name_like(toks[k + 1].text)
        return k > 1 and toks[k - 2].lower in HONORIFICS and name_like(toks[k - 1].text)

    def _can_start_name(self, k):
        t = self.tokens[k]
        return (
            (name_like(t.text) or self._capitals_in_name(k))
            and (
                t.lower not in NOT_IN_NAME
                or self._month_as_given_name(k)
                or self._post_as_given_name(k)
            )
            and t.lower not in HEADLINE_VERBS
            and (not self._entity_token(k) or self._surname_as_city(k))
            and not self._honorific_after_honorific(k)
        )

    def _surname_as_city(self, k) -> bool:
        """ "Lima said ..." after "Marcos Tavares Lima": a city's name that ends a name the
        document gives, alone before a speech or meeting verb, is that person's surname."""
        toks = self.tokens
        m = self.ctx.in_match.get(k)
        if m is None or m.kind != "city" or m.end - m.start != 1 or k in self.org_at:
            return False
        if getattr(self, "_surname_cities", None) is None:
            self._surname_cities = {
                toks[j].lower
                for j, found in self.ctx.in_match.items()
                if found.kind == "city"
                and found.end - found.start == 1
                and self._city_ending_a_name(j, found)
            }
        if toks[k].lower not in self._surname_cities:
            return False
        if k > 0 and toks[k - 1].lower in PLACE_PREPOSITIONS:
            return False
        nxt = k + 1
        if nxt < len(toks) and toks[nxt].text == ",":
            # "Lima, meanwhile, said", "Lima, for his part, noted"
            close = next(
                (j for j in range(nxt + 1, min(nxt + 5, len(toks))) if toks[j].text == ","), None
            )
            nxt = close + 1 if close is not None else nxt
        return nxt < len(toks) and (
            toks[nxt].lower in SPEECH_VERBS or toks[nxt].lower in MEETING_VERBS
        )

    def _post_as_given_name(self, k) -> bool:
        """ "Amir Tahiri", "Hossein Amir-Tahiri": a post that is also a given name, read as
        the name unless it stands as the post: after "the", a possessive, a royal style or
        a country ("Kuwaiti Amir X"), or before "of", a comma, an honorific ("Amir Sheikh
        X") or no name at all ("the Amir said")."""
        toks = self.tokens
        t = toks[k]
        if t.lower not in POSTS_ALSO_GIVEN_NAMES or not t.text[:1].isupper():
            return False
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and nxt.is_hyphen and not t.space_after:
            return True  # "Amir-Tahiri"
        if nxt is None or not t.space_after or not name_like(nxt.text):
            return False
        if nxt.lower in NOT_IN_NAME or nxt.lower in HONORIFICS:
            return False
        if k > 0:
            before = toks[k - 1]
            if (
                before.lower in DETERMINERS
                or before.lower in HONORIFICS_ROYAL
                or before.lower in HONORIFICS
                or self._entity_token(k - 1)
            ):
                return False
        return True

    def _month_as_given_name(self, k) -> bool:
        """ "Jan Nowak", "May Tan": a month that is also a given name, before a surname and
        not after a word that makes it a date ("in May Orlov ...")."""
        toks = self.tokens
        return (
            toks[k].lower in MONTHS_AS_GIVEN_NAMES
            and toks[k].text[:1].isupper()
            and k + 1 < len(toks)
            and toks[k].space_after
            and (
                (name_like(toks[k + 1].text) and toks[k + 1].lower not in NOT_IN_NAME)
                or toks[k + 1].lower in NAME_PARTICLES  # "Jan van Aken"
            )
            and (k == 0 or toks[k - 1].lower not in BEFORE_A_MONTH)
        )

    def _month_ending_a_name(self, j) -> bool:
        """ "Gao Jun met", "Helen May said": a month that is also a surname, right after a
        name word and before no number ("Jun 5" is a date) nor a capitalised word (a title-case
        headline's "Orlov May Visit" is the modal)."""
        toks = self.tokens
        t = toks[j]
        nxt = toks[j + 1].text if j + 1 < len(toks) else ""
        return (
            t.lower in MONTHS_AS_SURNAMES
            and t.text[:1].isupper()
            and t.text[1:].islower()
            and toks[j - 1].space_after
            and not nxt[:1].isdigit()
            and not nxt[:1].isupper()
        )

    def _klass(self, k):
        t = self.tokens[k]
        low = t.lower
        if t.newline:
            return "X"
        if self._post_as_given_name(k):
            return "U"
        if low in TITLE_WORDS or self._honorific_after_honorific(k) or t.text in HONORIFIC_CAPITALS:
            return "T"
        if t.text in ("'", "’") and k > 0 and self.tokens[k - 1].lower in HONORIFICS:
            return "T"  # the apostrophe of "Dato' Sri"
        if self._entity_token(k) or low in ORG_HEADS or low in PLACE_WORDS or low in REGION_WORDS:
            return "G"
        if low in DOMAIN_WORDS and t.is_cap:
            return "D"
        if low in CONNECTORS:
            return "C"
        if t.text[:1].isupper() and t.is_word:
            return "U"
        if t.text[:1].isupper() and t.text.isupper():
            return "G"
        return "X"

    # -- finding names -------------------------------------------------------------
    def candidates(self) -> list[Candidate]:
        toks = self.tokens
        out = []
        for s_start, s_end in self.ctx.sentences:
            k = s_start
            while k < s_end:
                if (
                    not toks[k].text[:1].isupper()
                    and toks[k].lower not in TITLES_USED_AS_GIVEN_NAMES
                ):
                    k += 1  # most words: no name, initial or title-as-name starts lower-case
                    continue
                if not (
                    self._can_start_name(k)
                    or self._given_name_after_honorific(k)
                    or self._bare_initial_after_title(k, s_end)
                ) or self._platform_before_a_name(k):
                    k += 1
                    continue
                j = k + 1
                while j < s_end:
                    t = toks[j]
                    if (
                        t.is_hyphen
                        and not toks[j - 1].space_after
                        and not t.space_after
                        and j + 1 < s_end
                        and toks[j + 1].text.isalpha()
                        and (name_like(toks[j + 1].text) or toks[j + 1].text.islower())
                    ):
                        j += 2  # "Marie-Claire", "Ji-ho": a hyphen inside one name
                        continue
                    if t.lower in NAME_PARTICLES and not t.is_cap:
                        p = j
                        while p < s_end and toks[p].lower in NAME_PARTICLES and not toks[p].is_cap:
                            p += 1
                        if p + 1 < s_end and toks[p].is_hyphen and not toks[p - 1].space_after:
                            p += 1  # "al-Qadiri", "el-Sayed"
                        if p < s_end and (self._can_start_name(p) or self._name_after_particle(p)):
                            j = p + 1
                            continue
                        break
                    if (
                        self._can_start_name(j)
                        and (t.lower not in NOT_IN_NAME or self._post_as_given_name(j))
                    ) or self._month_ending_a_name(j):
                        j += 1
                        continue
                    if self._descriptor_in_name(k, j, s_end):
                        j += 1
                        continue
                    if self._syllable_before_hyphen(j, s_end):
                        j += 3  # "Kim Son-ok": a given name joined by a hyphen
                        continue
                    if t.text in REGNAL_NUMBERS:
                        j += 1  # "Edric II", "Osmund III": the number ends the name
                    break
                end = j
                while end > k and is_initial(toks[end - 1].text):
                    end -= 1  # a name does not end with an initial
                if k < end and self._name_words(k, end) <= 5 and not is_initial(toks[end - 1].text):
                    out.append(self._evidence(Candidate(k, end), s_start, s_end))
                k = j
        return out

    def _bare_initial_after_title(self, k, s_end) -> bool:
        """ "Interior Minister R Talvekar": a capital letter with no period, between
        a post and a name, is an initial."""
        toks = self.tokens
        t = toks[k]
        return (
            len(t.text) == 1
            and t.text.isupper()
            and t.text not in ("A", "I")
            and k > 0
            and toks[k - 1].lower in TITLE_HEADS
            and k + 1 < s_end
            and self._can_start_name(k + 1)
        )

    def _platform_before_a_name(self, k) -> bool:
        """ "shared photos on X. Talvekar later toured ...": "X." ends a sentence there."""
        toks = self.tokens
        return is_initial(toks[k].text) and k > 0 and toks[k - 1].lower in ("on", "via", "at")

    def _name_words(self, a, b) -> int:
        """Capitalised words of a name: particles and hyphens do not count."""
        return sum(1 for t in self.tokens[a:b] if t.is_cap and t.lower not in NAME_PARTICLES)

    def _name_after_particle(self, p) -> bool:
        """ "bin Sultan", "ibn Khalifa": after "bin", a word that is elsewhere a title is a
        father's name."""
        t = self.tokens[p]
        return (
            self.tokens[p - 1].lower in PATRONYMIC_PARTICLES
            and name_like(t.text)
            and t.lower in TITLE_WORDS
            and not self._entity_token(p)
        )

    def _honorific_after_honorific(self, k) -> bool:
        toks = self.tokens
        return (
            toks[k].lower in HONORIFICS_AFTER_HONORIFIC
            and k > 0
            and (toks[k - 1].lower in HONORIFICS or self._honorific_after_honorific(k - 1))
        )

    def _given_name_after_honorific(self, k) -> bool:
        """ "Dr. Sultan Al Varesi": a title used as a given name, after an honorific."""
        toks = self.tokens
        return (
            toks[k].lower in TITLES_USED_AS_GIVEN_NAMES
            and k > 0
            and toks[k - 1].lower in HONORIFICS
            and toks[k - 1].lower not in HONORIFICS_ROYAL
            and k + 1 < len(toks)
            and self._can_start_name(k + 1)
        )

    def _syllable_before_hyphen(self, j, s_end) -> bool:
        """ "Son-ok", "Chief-hee": a capitalised word that is elsewhere a title or descriptor,
        joined with no space by a hyphen to a lower-case syllable, inside a name."""
        toks = self.tokens
        t = toks[j]
        return (
            j + 2 < s_end
            and t.text[:1].isupper()
            and t.text.isalpha()
            and not t.space_after
            and toks[j + 1].is_hyphen
            and not toks[j + 1].space_after
            and toks[j + 2].text.isalpha()
            and toks[j + 2].text.islower()
            and toks[j + 2].lower not in NOT_IN_NAME
        )

    def _descriptor_in_name(self, k, j, s_end) -> bool:
        """A capitalised word that is otherwise a descriptor ("son", "host") as the last
        part of a name of at least two parts: "Bui Thanh Son said". Not in Title Case
        runs ("Ministers Meet Host"), where the next word is capitalised too."""
        t = self.tokens[j]
        return (
            j - k >= 2
            and t.lower in PERSON_DESCRIPTORS
            and t.text[:1].isupper()
            and not t.text.isupper()
            and not self._entity_token(j)
            and (j + 1 >= s_end or not self.tokens[j + 1].text[:1].isupper())
        )

    def _evidence(self, c: Candidate, s_start, s_end) -> Candidate:
        toks = self.tokens
        c.title = self._title_before(c.a, s_start)
        if c.title is not None and not any(
            toks[k].lower in POST_WORDS for k in range(c.title[0], c.title[1])
        ):
            c.title = None  # "Special", "Senior Administration": modifiers without a post
        post_first = False  # "the President of Ghana, X": the post, a comma, the name
        # "the President of Ghana, H.E. Mr. X": honorifics between the comma and the name
        comma = c.a - 1 if c.title is None or not self._honorifics_only(c.title) else c.title[0] - 1
        if (c.title is None or comma < c.a - 1) and comma > s_start and toks[comma].text == ",":
            # "his Canadian counterpart, X", "the UN Special Envoy for Y, X"
            title = self._title_before(comma, s_start)
            if title is not None and not self._determined(title[0], s_start):
                title = self._determined_part(title)
            if title is not None and self._determined(title[0], s_start):
                c.title = (title[0], comma)
                post_first = True
            elif title is None and c.title is None:
                head = self._lower_case_post_of(comma, s_start)
                if head is not None:
                    c.title = (head, comma)  # "the spokesman for the presidency, X,"
                    post_first = True
        c.country_after = self._country_after(c.b, s_end)
        if (
            c.title is not None
            and c.title[0] - 1 >= s_start
            and toks[c.title[0] - 1].lower == "its"
        ):
            c.its_org = self._org_before(c.title[0] - 1, s_start)
        h = c.a - 1
        if h > s_start and toks[h].text in ("‘", "'", "’"):
            h -= 1  # "Pengiran Muda ‘Idris Kamaludin"
        if h >= s_start and (toks[h].lower in HONORIFICS or self._honorific_after_honorific(h)):
            c.honorific = toks[h].lower
        c.appositions = self._appositions(c.b, s_end)
        if post_first and c.appositions and self._name_after_comma(c.appositions[-1][1], s_end):
            # "the President of Ghana, X, the President of Togo, Y": each post is the next name's
            c.appositions.pop()
        if c.appositions:
            c.country_closing = self._country_closing(c.appositions[-1][1], s_end)
        nxt = c.b
        while nxt < s_end and toks[nxt].lower in (
            "also",
            "on",
            "has",
            "had",
            "have",
            "then",
            "later",
            "once",
            "again",
            "here",
        ):
            nxt += 1
            if nxt < s_end and toks[nxt - 1].lower == "on":
                nxt += 1  # "on Monday"
        if nxt < s_end and (toks[nxt].lower in SPEECH_VERBS or toks[nxt].lower in MEETING_VERBS):
            c.verb_after = True
        elif self._had_an_encounter(c.b, nxt, s_end):
            c.verb_after = True  # "X had a telephone conversation with Y"
        elif self._present(nxt, s_end):
            c.verb_after = True  # "A and B were present at the talks": they attended
        elif (
            c.a - 2 >= s_start
            and toks[c.a - 1].lower == "by"
            and toks[c.a - 2].lower in LED_BY
            and self._led_group_before(c.a - 2, s_start) is not None
        ):
            c.verb_after = True  # "a delegation of lawmakers led by X": X leads it
        return c

    def _led_group_before(self, led: int, s_start: int) -> int | None:
        """The last group noun ("delegation", "team") of the eight words before "led by"
        (token ``led``), in the sentence: the group the person after "by" leads."""
        toks = self.tokens
        heads = [j for j in range(max(s_start, led - 8), led) if toks[j].lower in LED_GROUPS]
        return heads[-1] if heads else None

    def _had_an_encounter(self, b, nxt, s_end) -> bool:
        """ "X had a telephone conversation with Y", "X has had talks with Y": "had" then
        the encounter the meetings finder reads, the verb of a name told with no post."""
        toks = self.tokens
        if nxt == b or nxt >= s_end or toks[nxt - 1].lower not in ("had", "has", "have"):
            return False
        start = toks[nxt - 1].start
        return ENCOUNTER.match(self.ctx.text, start, toks[s_end - 1].end) is not None

    def _name_after_comma(self, k, s_end) -> bool:
        """ ", H.E. Mr. Y", ", Y": a comma, honorifics and the start of a name."""
        toks = self.tokens
        if k >= s_end or toks[k].text != ",":
            return False
        k += 1
        while k < s_end and (toks[k].lower in HONORIFICS or self._honorific_after_honorific(k)):
            k += 1
        return k + 1 < s_end and self._can_start_name(k) and self._can_start_name(k + 1)

    def _honorifics_only(self, span) -> bool:
        """ "H.E. Mr.", "Dato' Sri": a title phrase of honorifics alone names no post."""
        toks = self.tokens
        return all(
            toks[k].lower in HONORIFICS
            or self._honorific_after_honorific(k)
            or toks[k].text in ("'", "’")
            for k in range(*span)
        )

    def _determined_part(self, title):
        """ "(played) host to the UK Secretary of State, X": the post after a determiner
        inside the phrase."""
        a, b = title
        for k in range(b - 2, a, -1):
            if self.tokens[k].lower in DETERMINERS:
                if any(self.tokens[j].lower in TITLE_HEADS for j in range(k + 1, b)):
                    return k + 1, b
                return None
        return None

    def _capitalised_post(self, k) -> bool:
        """Whether the words from token ``k`` to the next comma are a post in capitals
        ("Ambassador of the People's Republic of China"), its connectors aside."""
        toks = self.tokens
        for j in range(k, min(k + 16, len(toks))):
            t = toks[j]
            if t.text == ",":
                return j > k
            if t.is_word and not t.text[:1].isupper() and t.lower not in CONNECTORS:
                return False
        return False

    def _determined(self, k, s_start):
        """True if the phrase starting at ``k`` follows a determiner: "the", "his", "a"."""
        # "the", "his", or a possessive: "O'Dowd's counterpart, X"; "the visiting Minister",
        # "the newly appointed Ambassador", "the newly-appointed Ambassador"
        for _ in range(3):
            if k - 2 >= s_start and self.tokens[k - 1].lower in BEFORE_POST:
                k -= 1
            elif k - 3 >= s_start and self.tokens[k - 1].is_hyphen:
                if self.tokens[k - 2].lower not in BEFORE_POST:
                    break
                k -= 2
            else:
                break
        if k - 1 >= s_start and self.tokens[k - 1].lower in RECEIVE_VERBS:
            # "received Ambassador of China, X,": the verb's object, no "the", a post in
            # capitals up to the comma (not "met Kenya's newly elected president, X")
            return self._capitalised_post(k)
        if (
            k - 2 >= s_start
            and self.tokens[k - 1].lower == "and"
            and self.tokens[k - 2].text == ","
        ):
            return True  # "met the Minister of Ghana, X, and Minister of Togo, Y,"
        if self._opens_sentence(k, s_start):
            # "Minister of Trade, X and Defence Minister Y met ...": the subject's post
            return self._capitalised_post(k)
        return k - 1 >= s_start and self.tokens[k - 1].lower in DETERMINERS | {"'s", "’s"}

    def _lower_case_post_of(self, comma, s_start) -> int | None:
        """The head of "the spokesman for the presidency" (a post in lower case, of or for a
        body in lower case) ending right before ``comma``; None if the words are not such."""
        toks = self.tokens
        k = comma - 1
        while k >= s_start and comma - k <= 3 and toks[k].is_word and toks[k].text.islower():
            if toks[k].lower in ("for", "of", "to"):
                break
            k -= 1
        if k == comma - 1 or k - 2 < s_start or toks[k].lower not in ("for", "of", "to"):
            return None
        head = k - 1
        if toks[head].lower not in TITLE_HEADS or not toks[head].text.islower():
            return None
        return head if toks[head - 1].lower in DETERMINERS else None

    def _opens_sentence(self, k, s_start) -> bool:
        """Token ``k`` is the first of its sentence or of a story's body (after the date line)."""
        if k <= s_start:
            return True
        start = self.tokens[k].start
        return any(s.body_start == start for s in self.ctx.document.stories)

    def _country_closing(self, k, s_end):
        """ "X, Minister of Water, Republic of Kenya;": a country alone after the post's
        apposition, as a communiqué lists its heads of delegation, is the person's."""
        toks, in_match = self.tokens, self.ctx.in_match
        if k >= s_end or toks[k].text != ",":
            return None
        j = k + 1
        while j < s_end and j not in in_match and toks[j].lower in COUNTRY_LONG_FORM | {"the"}:
            j += 1  # "the Republic of": a long form the reference data may not hold
        m = in_match.get(j)
        if m is None or m.kind != "country" or m.start != j:
            return None
        if m.end < s_end and not (toks[m.end].text in (";", ",", ".", ")") or toks[m.end].newline):
            return None  # "..., Ghana said": the country is a subject, not a label
        return m.value

    def _country_after(self, b, s_end):
        """'X of Ethiopia', 'X (Ethiopia)': a country named right after the name."""
        toks = self.tokens
        if b + 2 < s_end and toks[b].text == "(":
            m = self.ctx.in_match.get(b + 1)
            if m and m.kind == "country" and m.start == b + 1 and m.end < s_end:
                return m.value if toks[m.end].text == ")" else None
        if b + 1 < s_end and toks[b].lower == "of":
            for k in (b + 1, b + 2):  # "of Ghana", "of the Gambia", "of The Gambia"
                m = self.ctx.in_match.get(k)
                if m and m.kind == "country" and m.start == k:
                    return m.value
                if toks[k].lower != "the" or k + 1 >= s_end:
                    break
        return None
