"""Posts told only by how a person is addressed: in a transcript of two speakers, "Mr
President" in one speaker's turn is the other's post. Presidential transcripts name their
host bare ("Anton Petrov held talks with ...", "Anton Petrov: Mr President, ...")."""

from __future__ import annotations

from ..patterns import table
from ..types import Position
from .entities import add_position

PATTERNS = table("persons")
SPEAKER_LABEL = PATTERNS["speaker_label"]
ADDRESSED_POST = PATTERNS["addressed_post"]


class AddressedMixin:
    """Part of ``PeopleFinder``: posts of the two speakers of a transcript."""

    def addressed_posts(self) -> None:
        text = self.ctx.text
        if ":" not in text:
            return
        speakers: list[int | None] = []
        addressed: list[tuple[int, str]] = []  # (speaker, post they address the other by)
        for m in SPEAKER_LABEL.finditer(text):
            idx = self._entity_for(m.group("name"))
            if idx not in speakers:
                speakers.append(idx)  # None: a label naming no one known counts too
            if idx is None:
                continue
            post = ADDRESSED_POST.match(text, m.end())
            if post:
                addressed.append((idx, " ".join(post.group("post").split())))
        if len(speakers) != 2 or None in speakers:
            return  # with more speakers, who is addressed is not told
        for speaker, post in addressed:
            other = speakers[1] if speaker == speakers[0] else speakers[0]
            if not self.entities[other].positions:
                add_position(self.entities[other], Position(title=post))
                self._host_country(other, speaker)

    def _host_country(self, host: int, guest: int) -> None:
        """The addressed speaker with no country, in a story datelined in a city of another
        country than the guest's, is the host: "The Kremlin, Moscow" under a visit."""
        if self.title_countries[host] or self.fallback_countries[host]:
            return
        guest_country = self.title_countries[guest].most_common(1)
        story = self.ctx.document.stories[0] if self.ctx.document.stories else None
        if story is None or not guest_country:
            return
        lexicon = self.ctx.lexicon
        city = lexicon.city(story.dateline_place or "") or lexicon.city(
            story.dateline_country_name or ""
        )
        if city is not None and city[1] != guest_country[0][0]:
            self.dateline_countries[host][city[1]] += 1
