"""The intermediate page of the merge actions: the editor picks the record that survives.

Each candidate is shown with what tells two namesakes apart (country, posts with dates,
other names, what hangs on it), and the page warns when the candidates look like two
different people: different countries, or posts that do not overlap.
"""

from dataclasses import dataclass, field
from itertools import combinations

from django.contrib import messages
from django.contrib.admin import helpers
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from diplomacy.names import post_key

# more than this at once is almost certainly a mis-click on "select all"
MAX_MERGED = 20


@dataclass
class Candidate:
    """One record offered for a merge, and what the page shows of it."""

    record: object
    country: object = None
    posts: list = field(default_factory=list)  # Position rows, with dates
    other_names: list = field(default_factory=list)
    counts: list = field(default_factory=list)  # [(label, number)]

    @property
    def label(self):
        """The record's name and number: two candidates often share a name."""
        return f"{self.record} (#{self.record.pk})"


def post_period(post):
    """(first, last) day a post is attested, None where unknown."""
    return post.start, post.end


def periods_overlap(a, b):
    """Whether two (start, end) periods can share a day; an open end overlaps anything."""
    (a_start, a_end), (b_start, b_end) = a, b
    if a_end and b_start and a_end < b_start:
        return False
    if b_end and a_start and b_end < a_start:
        return False
    return True


def country_warning(candidates):
    """A warning when the candidates belong to different countries, else None."""
    countries = {c.country for c in candidates if c.country is not None}
    if len(countries) < 2:
        return None
    names = ", ".join(sorted(str(country) for country in countries))
    return f"The candidates belong to different countries ({names}): are they one {{}}?"


def post_warnings(candidates):
    """Warnings about two candidates whose posts never meet: no post in common, or the
    same post at different times (a predecessor and a successor are two people)."""
    warnings = []
    with_posts = sorted((c for c in candidates if c.posts), key=lambda c: c.record.pk)
    for a, b in combinations(with_posts, 2):
        shared = [
            (pa, pb) for pa in a.posts for pb in b.posts if post_key(pa.title) == post_key(pb.title)
        ]
        if not shared:
            warnings.append(f"{a.label} and {b.label} hold no post in common.")
        elif not any(periods_overlap(post_period(pa), post_period(pb)) for pa, pb in shared):
            pa, pb = shared[0]
            warnings.append(
                f"{a.label} and {b.label} held the post “{pa.title}” at different times "
                f"({period_text(pa)}; {period_text(pb)}): a predecessor and a successor?"
            )
    return warnings


def period_text(post):
    start, end = post_period(post)
    if not (start or end):
        return "no dates"
    return f"{start or '?'} – {end or '?'}"


def merge_action(modeladmin, request, queryset, merge, describe):
    """Confirm, then run ``merge(survivor, others, user=...)`` on the selected records.

    ``describe(obj)`` gives the ``Candidate`` the page shows for a record.
    """
    opts = modeladmin.model._meta
    objects = list(queryset[: MAX_MERGED + 1])
    if len(objects) < 2 or len(objects) > MAX_MERGED:
        modeladmin.message_user(
            request,
            f"Select between 2 and {MAX_MERGED} {opts.verbose_name_plural} to merge.",
            messages.WARNING,
        )
        return None

    if request.POST.get("post") == "yes":
        survivor = next((o for o in objects if str(o.pk) == request.POST.get("survivor")), None)
        if survivor is None:
            modeladmin.message_user(request, "Pick the record to keep.", messages.ERROR)
        else:
            others = [o for o in objects if o.pk != survivor.pk]
            merge(survivor, others, user=request.user)
            modeladmin.message_user(
                request,
                "Merged {} into {}.".format(", ".join(str(o) for o in others), survivor),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[survivor.pk])
            )

    candidates = [describe(obj) for obj in objects]
    warnings = post_warnings(candidates)
    countries = country_warning(candidates)
    if countries:
        warnings.insert(0, countries.format(opts.verbose_name))
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": f"Merge {opts.verbose_name_plural}",
        "subtitle": None,
        "opts": opts,
        "app_label": opts.app_label,
        "candidates": candidates,
        "warnings": warnings,
        "action": request.POST.get("action", ""),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "media": modeladmin.media,
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, "admin/diplomacy/merge_confirmation.html", context)
