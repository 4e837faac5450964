"""Pictures drawn on the server as inline SVG: a meetings timeline and a who-met-whom network.

No JavaScript, no external assets. Every label passes through ``format_html`` so names taken
out of articles stay text. Each picture comes with a text equivalent (a data table or the
list next to it) for screen readers and keyboards.
"""

import datetime
import math

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
# beyond this many months the timeline draws one bar per year
MAX_MONTH_BARS = 72


def _month_label(day):
    return f"{MONTHS[day.month - 1]} {day.year}"


def _add_month(day):
    return (
        day.replace(year=day.year + 1, month=1)
        if day.month == 12
        else day.replace(month=day.month + 1)
    )


def _month_end(day):
    return _add_month(day) - datetime.timedelta(days=1)


def timeline_buckets(month_counts):
    """(start, end, label, count) per month, or per year over long spans; gaps count 0.

    ``month_counts`` is an iterable of (first day of month, count) in any order.
    """
    counts = {}
    for month, count in month_counts:
        if month is None:
            continue
        if isinstance(month, datetime.datetime):
            month = month.date()
        month = month.replace(day=1)
        counts[month] = counts.get(month, 0) + count
    if not counts:
        return []
    first, last = min(counts), max(counts)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    buckets = []
    if months > MAX_MONTH_BARS:
        by_year = {}
        for month, count in counts.items():
            by_year[month.year] = by_year.get(month.year, 0) + count
        for year in range(first.year, last.year + 1):
            buckets.append(
                (
                    datetime.date(year, 1, 1),
                    datetime.date(year, 12, 31),
                    str(year),
                    by_year.get(year, 0),
                )
            )
        return buckets
    month = first
    while month <= last:
        buckets.append((month, _month_end(month), _month_label(month), counts.get(month, 0)))
        month = _add_month(month)
    return buckets


def timeline(month_counts, link=None, caption="Meetings", chart_id="timeline"):
    """A bar chart of meetings per month (per year over long spans) as a <figure>, with a
    data table in <details>; the caption says which it draws.

    ``link(start, end)`` gives the URL of the meetings of one bar, or None.
    """
    buckets = timeline_buckets(month_counts)
    if not buckets:
        return format_html('<p class="empty">No dated meetings to draw.</p>')
    per_year = (buckets[0][1] - buckets[0][0]).days > 31
    caption = f"{caption}, per {'year' if per_year else 'month'}"
    width, height, top, bottom, side = 720, 180, 10, 36, 24
    plot = height - top - bottom
    # side margins keep the first and last tick labels inside the picture
    step = (width - 2 * side) / len(buckets)
    bar = max(1.0, step * 0.8)
    peak = max(count for *_, count in buckets) or 1
    total = sum(count for *_, count in buckets)
    bars = []
    ticks = []
    label_every = max(1, math.ceil(len(buckets) / 12))
    for index, (start, end, label, count) in enumerate(buckets):
        x = side + index * step + (step - bar) / 2
        bar_height = plot * count / peak
        y = top + plot - bar_height
        text = f"{label}: {intcomma(count)} meeting{'s' if count != 1 else ''}"
        rect = format_html(
            '<rect x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>',
            f"{x:.1f}",
            f"{y:.1f}",
            f"{bar:.1f}",
            f"{max(bar_height, 0):.1f}",
            text,
        )
        url = link(start, end) if (link and count) else None
        if url:
            # keyboards and screen readers use the table's links instead
            rect = format_html('<a href="{}" tabindex="-1">{}</a>', url, rect)
        bars.append(rect)
        if index % label_every == 0:
            # the first label starts at the edge, so that no size of it is cut off
            ticks.append(
                format_html(
                    '<text x="{}" y="{}" class="{}" text-anchor="{}">{}</text>',
                    f"{side + index * step + step / 2:.1f}" if index else side,
                    height - 6,
                    _tick_class(index // label_every),
                    "middle" if index else "start",
                    label,
                )
            )
    summary = (
        f"{intcomma(total)} meeting{'s' if total != 1 else ''} from {buckets[0][2]} to {buckets[-1][2]}; "
        f"busiest: {max(buckets, key=lambda b: b[3])[2]} ({intcomma(peak)})."
    )
    rows = format_html_join(
        "",
        '<tr><th scope="row">{}</th><td>{}</td></tr>',
        (
            (
                format_html('<a href="{}">{}</a>', link(start, end), label)
                if (link and count)
                else label,
                intcomma(count),
            )
            for start, end, label, count in buckets
        ),
    )
    return format_html(
        '<figure class="chart timeline" aria-labelledby="{id}-caption">'
        '<figcaption id="{id}-caption">{caption}. {summary}</figcaption>'
        '<svg viewBox="0 0 {w} {h}" aria-hidden="true" focusable="false">'
        '<line x1="{side}" y1="{base}" x2="{right}" y2="{base}" class="axis"></line>{bars}{ticks}</svg>'
        "<details><summary>{caption}: data table</summary>"
        '<table><thead><tr><th scope="col">Period</th><th scope="col">Meetings</th></tr></thead>'
        "<tbody>{rows}</tbody></table></details></figure>",
        id=chart_id,
        caption=caption,
        summary=summary,
        w=width,
        h=height,
        base=top + plot,
        side=side,
        right=width - side,
        bars=mark_safe("".join(bars)),
        ticks=mark_safe("".join(ticks)),
        rows=rows,
    )


def _tick_class(ordinal):
    """'tick' plus 'every-2nd' / 'every-3rd': narrow charts show only those, larger, so
    that the labels stay readable and apart (site.css)."""
    classes = ["tick"]
    if ordinal % 2 == 0:
        classes.append("every-2nd")
    if ordinal % 3 == 0:
        classes.append("every-3rd")
    return " ".join(classes)


def _short(label, length=22):
    label = str(label)
    return label if len(label) <= length else label[: length - 1] + "\u2026"


def network(centre, nodes, edges=(), caption="Who met whom", chart_id="network"):
    """A star of the most frequent counterparts around ``centre``, as inline SVG.

    ``centre`` is a dict with ``label`` (and optional ``url``); ``nodes`` a list of dicts
    with ``key``, ``label``, ``url`` and ``weight`` (meetings with the centre); ``edges``
    (key_a, key_b, weight) between counterparts who also met each other.
    """
    if not nodes:
        return format_html('<p class="empty">No meetings with others recorded yet.</p>')
    width, height = 800, 440
    cx, cy, radius = width / 2, height / 2, 160
    peak = max(node["weight"] for node in nodes) or 1
    positions = {}
    for index, node in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * index / len(nodes)
        positions[node["key"]] = (
            cx + radius * math.cos(angle),
            cy + radius * math.sin(angle),
            angle,
        )
    lines = []
    edge_peak = max([weight for *_, weight in edges] + [1])
    for key_a, key_b, weight in edges:
        if key_a in positions and key_b in positions:
            (x1, y1, _), (x2, y2, _) = positions[key_a], positions[key_b]
            lines.append(
                format_html(
                    '<line x1="{}" y1="{}" x2="{}" y2="{}" class="edge side" stroke-width="{}"></line>',
                    f"{x1:.1f}",
                    f"{y1:.1f}",
                    f"{x2:.1f}",
                    f"{y2:.1f}",
                    f"{1 + 3 * weight / edge_peak:.1f}",
                )
            )
    circles = []
    for node in nodes:
        x, y, angle = positions[node["key"]]
        weight = node["weight"]
        lines.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" class="edge" stroke-width="{}"></line>',
                f"{cx:.1f}",
                f"{cy:.1f}",
                f"{x:.1f}",
                f"{y:.1f}",
                f"{1 + 6 * weight / peak:.1f}",
            )
        )
        node_radius = 7 + 11 * weight / peak
        cos = math.cos(angle)
        anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
        label_x = x + (node_radius + 4) * (1 if anchor == "start" else -1 if anchor == "end" else 0)
        label_y = y + (
            node_radius + 14
            if anchor == "middle" and math.sin(angle) > 0
            else -node_radius - 6
            if anchor == "middle"
            else 4
        )
        text = f"{node['label']}: {intcomma(weight)} meeting{'s' if weight != 1 else ''} together"
        body = format_html(
            '<circle cx="{}" cy="{}" r="{}"></circle><text x="{}" y="{}" text-anchor="{}">{}</text>'
            "<title>{}</title>",
            f"{x:.1f}",
            f"{y:.1f}",
            f"{node_radius:.1f}",
            f"{label_x:.1f}",
            f"{label_y:.1f}",
            anchor,
            _short(node["label"]),
            text,
        )
        if node.get("url"):
            body = format_html(
                '<a href="{}" aria-label="{}" class="node">{}</a>', node["url"], text, body
            )
        else:
            body = format_html('<g class="node">{}</g>', body)
        circles.append(body)
    centre_body = format_html(
        '<circle cx="{}" cy="{}" r="22" class="centre"></circle>'
        '<text x="{}" y="{}" text-anchor="middle" class="centre-label">{}</text>',
        f"{cx:.1f}",
        f"{cy:.1f}",
        f"{cx:.1f}",
        f"{cy + 40:.1f}",
        _short(centre["label"], 30),
    )
    return format_html(
        '<figure class="chart network" aria-labelledby="{id}-caption">'
        '<figcaption id="{id}-caption">{caption}</figcaption>'
        '<div class="chart-frame"><svg viewBox="0 0 {w} {h}" role="group" '
        'aria-labelledby="{id}-caption">{lines}<g>{centre}</g>{circles}</svg></div></figure>',
        id=chart_id,
        caption=caption,
        w=width,
        h=height,
        lines=mark_safe("".join(lines)),
        centre=centre_body,
        circles=mark_safe("".join(circles)),
    )
