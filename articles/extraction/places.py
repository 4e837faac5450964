"""Countries: names, short and official names, and demonyms ("Kazakh", "Kyrgyz Republic")."""

from .context import Context
from .types import CountryMention


def find_countries(ctx: Context) -> list[CountryMention]:
    out = []
    for m in ctx.matches:
        if m.kind not in ("country", "demonym"):
            continue
        a, b = ctx.tokens[m.start], ctx.tokens[m.end - 1]
        how = "demonym" if m.kind == "demonym" else "name"
        out.append(CountryMention(a.start, b.end, ctx.document.text[a.start : b.end], m.value, how))
    return out
