"""Boilerplate: footers, share/comment/subscribe lines, photo credits, section labels."""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- boilerplate

_SOCIAL = (
    r"instagram|twitter|facebook|telegram|youtube|tiktok|linkedin|whatsapp|vkontakte|vk"
    r"|threads|x\.com|social\s+(?:media|networks?)|channels?|pages?|accounts?|us"
)
_BOILERPLATE_LINE = re.compile(
    rf"""(?imx)^[ \t]*+(?:
        follow\b[^\n]{{0,120}}?\b(?:{_SOCIAL})\b[^\n]{{0,160}}
      | (?:join|find)\s+(?:us|our)\b[^\n]{{0,80}}?\b(?:{_SOCIAL})\b[^\n]{{0,120}}
      | (?:stay|keep)\s+(?:up[- ]to[- ]date|tuned|informed|updated|connected)\b[^\n]{{0,200}}
      | subscribe\b[^\n]{{0,160}}
      | sign\s+up\s+(?:for|to)\b[^\n]{{0,120}}
      | comments?(?:\s*\(\d+\)|\s*:\s*\d+|\s+\d+)?
      | (?:leave|add|post|write)\s+(?:a\s+)?comments?\b[^\n]{{0,80}}
      | share(?:\s+(?:this|on|via)\b[^\n]{{0,80}}|\s*:[^\n]{{0,120}})?
      | (?:read|see)\s+(?:more|also)\b\s*:?[^\n]{{0,300}}
      | related(?:\s+(?:news|articles?|stories|content))?\s*:[^\n]{{0,300}}
      | (?:photos?|images?|pictures?|video|(?:photo\s+)?credits?)\s*(?:by\b|:|©)[^\n]{{0,200}}
      | (?:©|\(c\)|copyright\b)[^\n]{{0,300}}
      | advertisement|sponsored(?:\s+content)?
      | tags?\s*:[^\n]{{0,300}}
      | print(?:\s+(?:this|version))?|e-?mail(?:\s+this)?
    )[ \t]*$"""
)
_ALL_RIGHTS = re.compile(r"(?i:all[ \t]+rights[ \t]+reserved)")
_PHOTO_CREDIT = re.compile(
    r"""\((?:
        [A-Z][\w&.'-]*(?:\s[A-Z][\w&.'-]*){0,2}\s*/\s*[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*){0,3}
      | (?i:photos?|file\s+photo|image|picture|credit|photograph)\s*(?:by\b|:|/)[^()\n]{1,100}
    )\)""",
    re.VERBOSE,
)
_TOP_LABEL = re.compile(
    r"""(?ix)(?:press\s+(?:releases?|service|center|centre|room)|news(?:room|\s+feed)?
        |latest\s+news|top\s+(?:news|stories)|politics|diplomacy|world|home|statements?
        |events?|briefings?|analytics|opinion|interviews?|foreign\s+policy|articles?
        |publications?|media|headlines|breaking(?:\s+news)?|region|economy|society
        |home\s*[>"/|][^\n]{0,120}|[^\n]{1,40}(?:\s[>"]\s[^\n]{1,40}){1,5})"""  # "»" is '"' once normalised
)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
