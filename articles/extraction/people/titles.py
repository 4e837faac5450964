"""Titles: the title phrase before a name, appositions after it, the positions and country
they give, and the ministry a minister's title implies.
"""

from __future__ import annotations

from diplomacy.names import post_key

from ..lexicons import (
    DOMAIN_WORDS,
    HONORIFIC_CAPITALS,
    HONORIFICS,
    HONORIFICS_AFTER_HONORIFIC,
    PERSON_DESCRIPTORS,
    TITLE_HEADS,
)
from ..organisations.ministries import ministry_name
from ..patterns import words
from ..types import OrganisationMention, Position
from .vocabulary import (
    APPOSITION_OPENERS,
    CONNECTORS,
    COUNTRY_LONG_FORM,
    GENDER_BY_HONORIFIC,
    IGO_KINDS,
    NOT_POSITIONS,
    TITLE_WORDS,
)

# in a title, a word classed as an honorific by its place ("Pengiran Muda") is one
HONORIFIC_WORDS = HONORIFICS | HONORIFICS_AFTER_HONORIFIC
ROYAL_STYLES = words("person_royal_styles")
# "President His Highness Sheikh X": the possessive of a style left once the style is gone
HONORIFIC_POSSESSIVES = words("honorific_possessives")
SECOND_POSTS = words("person_second_posts")


def _repeats_body(acronym: str, before: str) -> bool:
    """ "Director of the Conference on ... in Asia (CICA)": the acronym of a body the post
    has just named in full adds nothing to the post."""
    return acronym.lower() in post_key(before).split()


def _abbreviates(acronym: str, before: str) -> bool:
    """ "Foreign Minister (FM)": the acronym of the post itself."""
    return acronym.lower() == "".join(w[0] for w in before.lower().split() if w[:1].isalpha())


class TitlesMixin:
    """Part of ``PeopleFinder``: title phrases and appositions, turned into positions."""

    # -- title phrases and appositions around a name ----------------------------------
    def _title_before(self, a, s_start):
        """Token range of the title phrase ending right before token ``a``."""
        toks = self.tokens
        k = a - 1
        collected = []
        while k >= s_start:
            t = toks[k]
            if t.text == ")":
                # skip a short parenthetical: "(full minister rank)", "(CICA)"
                p = k - 1
                while p >= s_start and toks[p].text != "(" and k - p < 8:
                    p -= 1
                if p >= s_start and toks[p].text == "(":
                    collected.extend(range(k, p - 1, -1))
                    k = p - 1
                    continue
                break
            klass = self._klass(k)
            if klass == "X" and not self._comma_in_domains(k, collected):
                break
            if t.is_hyphen and (t.space_after or (k > 0 and toks[k - 1].space_after)):
                break  # a dash between clauses or after a dateline, not "then-President"
            if (
                t.lower == "and"
                and k - 1 >= s_start
                and self._klass(k - 1) == "U"
                and not self._last_of_domains(k, collected)
            ):
                break
            if t.lower in ("in", "at") and k + 1 < a and k not in self.org_at:
                break
            collected.append(k)
            k -= 1
        if not collected:
            return None
        collected.reverse()
        # the phrase starts at a title word, entity or domain word, not at a stray name
        start_at = None
        for idx in collected:
            if self._klass(idx) in ("T", "G", "D") and toks[idx].lower not in ("the",):
                start_at = idx
                break
        if start_at is None:
            return None
        phrase = [i for i in collected if i >= start_at]
        if not any(toks[i].lower in TITLE_WORDS for i in phrase):
            return None
        # a name inside the phrase ("President X and Prime Minister") ends it on the left
        for i in range(len(phrase) - 1, 0, -1):
            if self._klass(phrase[i]) == "U" and self._klass(phrase[i - 1]) == "U":
                phrase = phrase[i + 1 :]
                break
        # "received at the AU headquarters the Minister of X": inside a post "the" only
        # follows a connector ("of the Interior"); after another word it opens the post
        for i in range(len(phrase) - 1, 0, -1):
            if toks[phrase[i]].lower == "the" and toks[phrase[i - 1]].lower not in CONNECTORS:
                phrase = phrase[i + 1 :]
                break
        while phrase and self._klass(phrase[0]) == "C":
            phrase = phrase[1:]
        if not phrase or not any(toks[i].lower in TITLE_WORDS for i in phrase):
            return None
        return phrase[0], a

    def _last_of_domains(self, k, collected) -> bool:
        """ "Affairs, Peace and Security": the "and" at ``k`` closes a list of a post's
        domains whose last but one word is no domain word of its own."""
        toks = self.tokens
        return (
            k >= 3
            and bool(collected)
            and self._klass(collected[-1]) == "D"
            and toks[k - 2].text == ","
            and self._klass(k - 3) == "D"
        )

    def _comma_in_domains(self, k, collected) -> bool:
        """ "Minister of Fisheries, Mining and Tourism", "Secretary of State for Energy,
        Climate and Rural Affairs": a comma inside a list of a post's domains."""
        toks = self.tokens
        if toks[k].text != "," or k == 0 or self._klass(k - 1) not in ("D", "T"):
            return False
        after = list(reversed(collected))  # the words after the comma, in text order
        if after and toks[after[0]].lower == "and":
            after = after[1:]  # "Environment, Water, and Agriculture"
        # "Political Affairs, Peace and Security": a word of no list before "and" and a domain
        last_of_list = (
            len(after) >= 3
            and self._klass(after[0]) == "U"
            and toks[after[1]].lower == "and"
            and self._klass(after[2]) == "D"
        )
        return (
            bool(after)
            and (self._klass(after[0]) == "D" or last_of_list)
            and any(toks[i].lower == "and" for i in collected)
        )

    def _appositions(self, b, s_end):
        toks = self.tokens
        out = []
        k = b
        while k < s_end and toks[k].text == ",":
            p = k + 1
            while p < s_end and toks[p].lower in APPOSITION_OPENERS:
                p += 1
            # ", Kazakhstan's ambassador to ...", ", the Chinese envoy": a country first
            q = p
            while q < s_end and (
                (self.ctx.in_match.get(q) and self.ctx.in_match[q].kind in ("country", "demonym"))
                or toks[q].text == "'s"
            ):
                q += 1
            if q > p and q < s_end and toks[q].lower in TITLE_WORDS:
                p_title = q
            else:
                p_title = p
            if p_title >= s_end or toks[p_title].lower not in TITLE_WORDS:
                break
            if toks[p_title].lower.endswith("s") and toks[p_title].lower[:-1] in TITLE_WORDS:
                break  # "ambassadors from ...": a plural is not this person's post
            q = p
            depth = 0
            while q < s_end:
                t = toks[q]
                if t.text == "(":
                    depth += 1
                elif t.text == ")":
                    depth -= 1
                    if depth < 0:
                        break
                elif depth == 0 and t.text in (",", ";", ".", ":"):
                    break
                elif depth == 0 and t.is_word and not t.is_cap and self._klass(q) == "X":
                    break
                q += 1
            if self._ends_with_name(p, q) or self._names_a_titled_person(p, q):
                break  # the next person's title, not an apposition: "A, Minister X B"
            out.append((p, q))
            k = q
        return out

    def _names_a_titled_person(self, p, q) -> bool:
        """ "A, Japanese Foreign Minister B C and ...": a post then a name of two words."""
        toks = self.tokens
        for k in range(p, q - 2):
            if (
                toks[k].lower in TITLE_HEADS
                and self._can_start_name(k + 1)
                and self._can_start_name(k + 2)
            ):
                return True
        return False

    def _ends_with_name(self, p, q):
        toks = self.tokens
        run = 0
        for k in range(q - 1, p - 1, -1):
            if self._can_start_name(k) or (toks[k].is_hyphen and run):
                run += 1 if not toks[k].is_hyphen else 0
                continue
            break
        return run >= 1 and q - run > p

    # -- titles -> positions -----------------------------------------------------------
    def _positions(self, a, b) -> tuple[list[Position], str | None, bool, str | None]:
        """Positions in the title phrase [a, b), its country, whether it is an IGO post,
        and the gender an honorific shows."""
        toks = self.tokens
        words = list(range(a, b))
        gender = None
        # split at "and" between two titles (not inside an organisation's name)
        parts, current = [], []
        for k in words:
            if toks[k].lower == "and" and k not in self.org_at and current:
                rest = [i for i in words if i > k]
                if any(toks[i].lower in TITLE_HEADS for i in current) and any(
                    toks[i].lower in TITLE_HEADS for i in rest
                ):
                    parts.append(current)
                    current = []
                    continue
            current.append(k)
        if current:
            parts.append(current)
        positions = []
        country = None
        igo = False
        for part in parts:
            # honorifics at either end are not part of the post
            while len(part) > 1 and toks[part[0]].text in HONORIFIC_CAPITALS:
                part = part[1:]  # "HRH Prince X": the style after it is read below
            # "Foreign Minister Prince Tarvin": the rank before a royal's name is the post
            while (
                len(part) > 1
                and toks[part[-1]].lower in ROYAL_STYLES
                and toks[part[-2]].lower != "crown"
                # "His Majesty Sultan X": honorifics alone before it leave the style the post
                and any(toks[i].lower in TITLE_HEADS for i in part[:-1])
            ):
                part = part[:-1]
            if (
                len(part) > 1
                and toks[part[-1]].lower in SECOND_POSTS
                and toks[part[-2]].lower in TITLE_HEADS
            ):
                # "Foreign Minister Senator X": a second post of its own
                positions.append(Position(title=toks[part[-1]].text.capitalize()))
                part = part[:-1]
            while part and (
                toks[part[-1]].lower in HONORIFIC_WORDS
                or toks[part[-1]].text in ("'", "’")
                or (toks[part[-1]].lower in HONORIFIC_POSSESSIVES and toks[part[-1]].is_cap)
                or toks[part[-1]].text in HONORIFIC_CAPITALS
            ):
                h = toks[part[-1]].lower  # an apostrophe is part of "Dato'"
                gender = gender or GENDER_BY_HONORIFIC.get(h)
                if h == "ambassador":
                    positions.append(Position(title="Ambassador"))
                part = part[:-1]
            while (
                part
                and toks[part[0]].lower in HONORIFIC_WORDS
                and toks[part[0]].lower != "ambassador"
            ):
                gender = gender or GENDER_BY_HONORIFIC.get(toks[part[0]].lower)
                part = part[1:]
            if not part:
                continue
            part_country, org, region_country = None, None, None
            for k in part:
                m = self.ctx.in_match.get(k)
                if (
                    m
                    and m.kind in ("country", "demonym")
                    and part_country is None
                    and k not in self.org_at
                ):
                    part_country = m.value
                if m and m.kind == "region" and region_country is None:
                    region_country = m.value  # "Secretary of ... Shaanxi Province"
                if k in self.org_at and org is None:
                    org = self.org_at[k]
            part_country = part_country or region_country
            # "Ambassador of Chile to ASEAN": Chile's envoy, not an official of ASEAN
            envoy = org is not None and part_country and self._accredited_to(part, org)
            if org is not None:
                if org.kind in IGO_KINDS and not envoy:
                    igo = True
                elif part_country is None:
                    # the body's country, or that of a body it is an organ of
                    inner = [o for k in part for o in self.orgs_at.get(k, []) if o.country]
                    if inner and inner[0].kind not in IGO_KINDS:
                        part_country = inner[0].country
            title_tokens = self._strip_country(part)
            title = self._title_text(title_tokens)
            if not title or title.lower() in NOT_POSITIONS:
                if title.lower() in PERSON_DESCRIPTORS and part_country:
                    country = country or part_country
                continue
            if not any(toks[i].lower in TITLE_HEADS for i in title_tokens):
                if part_country and not igo:
                    country = country or part_country
                continue
            org_key = org.key if org is not None else None
            if org is None and part_country:
                implied = self._implied_ministry(title_tokens, part_country, part)
                if implied:
                    org_key = implied.key
            positions.append(Position(title=title, organisation_key=org_key, country=part_country))
            if part_country and (envoy or not (org is not None and org.kind in IGO_KINDS)):
                country = country or part_country
        return positions, country, igo, gender

    def _accredited_to(self, part, org) -> bool:
        """ "Permanent Representative of X to the United Nations": the body after "to" is
        where the post is held, not whose it is."""
        toks = self.tokens
        first = next(k for k in part if self.org_at.get(k) is org)
        k = first - 1
        if k >= 0 and toks[k].lower == "the":
            k -= 1
        return k >= 0 and k in part and toks[k].lower == "to"

    def _strip_country(self, part):
        """Drop a leading demonym / "Country's" and a trailing "of (the) Country"."""
        toks = self.tokens
        part = list(part)
        while part:
            m = self.ctx.in_match.get(part[0])
            if m and m.kind in ("country", "demonym") and part[0] not in self.org_at:
                part = [k for k in part if k >= m.end]
                if part and toks[part[0]].text == "'s":
                    part = part[1:]
                continue
            if toks[part[0]].lower in ("the", "then", "-") or self._klass(part[0]) == "C":
                if toks[part[0]].lower == "then" and len(part) > 1:
                    part = part[1:]
                    continue
                part = part[1:]
                continue
            break
        # trailing "of (the) <country>"
        for i in range(1, len(part)):
            if toks[part[i]].lower == "of":
                rest = part[i + 1 :]
                rest_words = [k for k in rest if toks[k].lower != "the"]
                while (
                    len(rest_words) > 1
                    and toks[rest[0]].lower == "the"
                    and toks[rest_words[0]].lower in COUNTRY_LONG_FORM
                ):
                    rest_words = rest_words[1:]  # "of the Republic of Togo", not "of State of"
                if rest_words and all(
                    (
                        self.ctx.in_match.get(k)
                        and self.ctx.in_match[k].kind == "country"
                        and k not in self.org_at
                    )
                    for k in rest_words
                ):
                    part = part[:i]
                    break
        return part

    def _title_text(self, part):
        toks = self.tokens
        while part and toks[part[-1]].lower in ("of", "for", "to", "the", "and", "at", "in"):
            part = part[:-1]  # "Representative of X to the (bloc)": the post ends at a noun
        if not part:
            return ""
        text = self.ctx.document.text[toks[part[0]].start : toks[part[-1]].end]
        # drop a parenthetical aside that is not an acronym: "(full minister rank)"
        if "(" in text:
            open_at = text.find("(")
            close_at = text.find(")", open_at)
            inner = text[open_at + 1 : close_at] if close_at > open_at else text[open_at + 1 :]
            if (
                not inner.isupper()
                or _repeats_body(inner, text[:open_at])
                or _abbreviates(inner, text[:open_at])
            ):
                text = (
                    text[:open_at] + (text[close_at + 1 :] if close_at > open_at else "")
                ).strip()
        text = " ".join(text.split())
        return text[:1].upper() + text[1:]

    def _implied_ministry(self, title_tokens, country, part):
        """'Foreign Minister' of a country implies its Ministry of Foreign Affairs."""
        toks = self.tokens
        lows = [toks[k].lower for k in title_tokens]
        if "minister" not in lows and "fm" not in lows:
            return None
        head = next(i for i, k in enumerate(title_tokens) if toks[k].lower in ("minister", "fm"))
        before = [toks[k].text for k in title_tokens[:head] if toks[k].lower in DOMAIN_WORDS]
        after = [toks[k].text for k in title_tokens[head:] if toks[k].lower in DOMAIN_WORDS]
        # "Foreign Minister for Cultural Diplomacy" works in the Foreign Ministry
        domain = [d for d in (before or after) if d.lower() != "state"]
        if "fm" in lows:
            domain = ["Foreign"]
        if not domain or len(domain) > 3:
            return None
        if "prime" in lows and not any(toks[k].lower == "of" for k in title_tokens):
            return None
        name = ministry_name(domain, self.ctx.lexicon.countries[country].name)
        from diplomacy.names import org_key

        mention = OrganisationMention(
            start=toks[part[0]].start,
            end=toks[part[-1]].end,
            text=self.ctx.document.text[toks[part[0]].start : toks[part[-1]].end],
            key=org_key(name),
            name=name,
            kind="ministry",
            country=country,
            implied=True,
        )
        self.extra_orgs.append(mention)
        return mention
