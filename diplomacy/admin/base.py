"""What every curated record's admin shares: review actions, locking, sources, history."""

from django.contrib import admin, messages
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from diplomacy import curation_actions
from diplomacy.models import Curated, Evidence, Review
from diplomacy.pagination import EstimatedCountPaginator

from .sources import article_evidence_url, snippet_html

# the change page shows this many pieces of evidence; the rest are a link away
SOURCES_SHOWN = 50

# form fields that are curation state, not content an import could overwrite
NOT_LOCKABLE = {"review", "locked_fields"}


# a search that matches more rows than this finds them through a subquery instead of a
# list of ids
IDS_LISTED = 10_000


def listed_ids(queryset, field="pk"):
    """The values of ``field`` in ``queryset`` as a list, or None when there are more
    than IDS_LISTED of them."""
    values = list(queryset.order_by().values_list(field, flat=True)[: IDS_LISTED + 1])
    return values if len(values) <= IDS_LISTED else None


def listed_union(*querysets):
    """The ids the ``querysets`` (each ``values_list`` of one id column) select together,
    as a list, or None when there are more than IDS_LISTED of them.

    One ``UNION`` of index scans: PostgreSQL may answer an ``OR`` of the same conditions
    by reading the whole table.
    """
    first, *others = [queryset.order_by() for queryset in querysets]
    ids = [row[0] for row in first.union(*others)[: IDS_LISTED + 1]]
    return ids if len(ids) <= IDS_LISTED else None


def ids_or_subquery(queryset, field="pk"):
    """The values of ``field`` in ``queryset``: a list when it is short, else a subquery.

    A short list of ids lets PostgreSQL combine an index scan per condition of an OR
    (``title LIKE ... OR id IN (1, 2, 3)``); a subquery there would make it read the table.
    """
    values = listed_ids(queryset, field)
    return queryset.order_by().values(field) if values is None else values


def lock_changed_fields(obj, changed_fields):
    """Lock what an editor changed so that later imports leave it alone."""
    if isinstance(obj, Curated):
        obj.lock(*(name for name in changed_fields if name not in NOT_LOCKABLE))


def evidence_rows(obj):
    """The evidence supporting ``obj`` (at most SOURCES_SHOWN rows) and its counts."""
    field = obj._meta.model_name
    evidence = Evidence.objects.filter(**{field: obj})
    counts = evidence.aggregate(mentions=Count("pk"), articles=Count("article", distinct=True))
    rows = list(evidence.select_related("article").order_by("article_id", "start")[:SOURCES_SHOWN])
    return rows, counts


def render_sources(obj, split_url=None):
    """Where ``obj`` came from: each article, the sentence around each mention marked.

    With ``split_url`` every row gets a checkbox and the list ends with a button that
    posts the selected rows there.
    """
    if obj is None or obj.pk is None:
        return "-"
    rows, counts = evidence_rows(obj)
    if not rows:
        return "No evidence: entered by hand."
    items = format_html_join(
        "",
        '<li>{}<a href="{}">{}</a> <small>({})</small><br><q>{}</q></li>',
        (
            (
                format_html(
                    '<input type="checkbox" name="split_evidence" value="{}" '
                    'aria-label="Split off this mention"> ',
                    ev.pk,
                )
                if split_url
                else "",
                article_evidence_url(ev),
                ev.article,
                ev.get_kind_display(),
                snippet_html(ev),
            )
            for ev in rows
        ),
    )
    summary = format_html("{} mention(s) in {} article(s).", counts["mentions"], counts["articles"])
    if counts["mentions"] > len(rows):
        url = reverse("admin:diplomacy_evidence_changelist")
        summary = format_html(
            '{} Showing the first {}: <a href="{}?{}__id__exact={}">all evidence</a>.',
            summary,
            len(rows),
            url,
            obj._meta.model_name,
            obj.pk,
        )
    split = ""
    if split_url:
        split = format_html(
            "<p>Split the ticked mentions off into a new person named "
            '<input type="text" name="split_name" placeholder="the mention as written"> '
            '<button type="submit" formaction="{}" name="_split" class="button">'
            "Split off</button></p>",
            split_url,
        )
    return format_html('<p>{}</p><ul class="evidence-list">{}</ul>{}', summary, items, split)


class EditorInlineMixin:
    """Inline rows an editor adds or edits are marked as the editor's."""

    extra = 0
    show_change_link = True


class CuratedAdmin(SimpleHistoryAdmin):
    """Admin of a record editors review: filters, bulk review, locking, sources, history."""

    actions = ["mark_verified", "mark_rejected"]
    list_filter = ["review"]

    class Media:
        css = {"all": ["diplomacy/admin.css"]}

    readonly_fields = ["locked_fields", "created_at", "updated_at", "sources"]
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    list_per_page = 50
    change_list_template = "admin/diplomacy/curated_change_list.html"

    curation_fieldset = (
        "Curation",
        {"fields": ["review", "locked_fields", ("created_at", "updated_at")]},
    )
    sources_fieldset = ("Sources", {"fields": ["sources"]})

    @admin.display(description="Where it came from")
    def sources(self, obj):
        return render_sources(obj)

    @admin.action(description="Mark verified", permissions=["change"])
    def mark_verified(self, request, queryset):
        changed = curation_actions.verify(queryset, user=request.user)
        self.message_user(request, f"{changed} record(s) marked verified.", messages.SUCCESS)

    @admin.action(description="Mark rejected", permissions=["change"])
    def mark_rejected(self, request, queryset):
        changed = curation_actions.reject(queryset, user=request.user)
        self.message_user(request, f"{changed} record(s) marked rejected.", messages.SUCCESS)

    def save_model(self, request, obj, form, change):
        lock_changed_fields(obj, form.changed_data)
        super().save_model(request, obj, form, change)
        before = form.initial.get("review")
        if change and "review" in form.changed_data and Review.REJECTED in (before, obj.review):
            curation_actions.rejection_changed(type(obj), [obj.pk], user=request.user)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        changed = {id(f.instance): f.changed_data for f in formset.forms}
        for obj in instances:
            if hasattr(obj, "from_editor"):
                obj.from_editor = True
            lock_changed_fields(obj, changed.get(id(obj), []))
            obj._history_user = request.user
            obj.save()
        for obj in formset.deleted_objects:
            obj._history_user = request.user
            obj.delete()
        formset.save_m2m()


class EditorRowAdmin(SimpleHistoryAdmin):
    """Admin of a row that is not reviewed on its own (a position, a participation)."""

    readonly_fields = ["from_editor", "sources"]
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    list_per_page = 50

    @admin.display(description="Where it came from")
    def sources(self, obj):
        return render_sources(obj)

    def save_model(self, request, obj, form, change):
        obj.from_editor = True
        super().save_model(request, obj, form, change)
