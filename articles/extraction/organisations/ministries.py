"""Ministries in one canonical form, "Ministry of <domain> of <country>", and the
lower-case and abbreviated forms ("the Kazakh MFA", "the Turkmen parliament").
"""

from __future__ import annotations

from ..lexicons import DOMAIN_WORDS
from .vocabulary import MINISTRY_WORDS


def ministry_name(domain, country_name):
    """The canonical name: ["foreign"], "Kazakhstan" -> "Ministry of Foreign Affairs of Kazakhstan"."""
    domain_text = " ".join(word[:1].upper() + word[1:] for word in domain)
    if domain_text.lower() == "foreign":
        domain_text = "Foreign Affairs"
    return f"Ministry of {domain_text} of {country_name}"


class MinistriesMixin:
    """Part of ``OrganisationFinder``: ministries, the MFA and parliaments."""

    def _ministry(self, a, b):
        """(canonical name, iso2) for a ministry phrase, else None."""
        toks = self.tokens
        words = [t for t in toks[a:b] if t.is_word or t.text == "'s"]
        lows = [t.lower for t in words]
        if not any(w in MINISTRY_WORDS for w in lows):
            return None
        country = None
        domain = []
        for t in words:
            kind = self._match_kind(t.i)
            if kind in ("country", "demonym") and country is None:
                country = self.ctx.in_match[t.i].value
            elif t.lower in DOMAIN_WORDS:
                domain.append(t.text)
        if not country or not domain:
            return None
        if len(domain) > 4 or len(words) > 9:
            return None  # a department inside a ministry, or something longer
        return ministry_name(domain, self.lexicon.countries[country].name), country

    # -- 4. lower-case and abbreviated forms --------------------------------------
    def abbreviations(self):
        """'the Kazakh MFA', 'MFA of Kazakhstan', 'the Turkmen parliament'."""
        toks = self.tokens
        n = len(toks)
        for k, t in enumerate(toks):
            if k in self.taken:
                continue
            if t.text == "MFA":
                country = None
                a, b = k, k + 1
                if k > 0 and self._match_kind(k - 1) in ("demonym", "country"):
                    country = self.ctx.in_match[k - 1].value
                    a = k - 1
                elif (
                    k + 2 < n
                    and toks[k + 1].lower == "of"
                    and self._match_kind(k + 2) in ("country",)
                ):
                    country = self.ctx.in_match[k + 2].value
                    b = self.ctx.in_match[k + 2].end
                if country:
                    name = ministry_name(["Foreign"], self.lexicon.countries[country].name)
                    self._add(a, b, name, kind="ministry", country=country)
            elif t.lower == "parliament" and not t.is_cap and k > 0:
                if self._match_kind(k - 1) == "demonym":
                    country = self.ctx.in_match[k - 1].value
                    name = f"Parliament of {self.lexicon.countries[country].name}"
                    self._add(k - 1, k + 1, name, kind="parliament", country=country)
