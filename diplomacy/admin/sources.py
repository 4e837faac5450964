"""Read-only admin for source articles and evidence, with the evidence spans marked."""

from django.contrib import admin
from django.contrib.admin.utils import flatten
from django.urls import reverse
from django.utils.html import format_html

from diplomacy.highlighting import highlight
from diplomacy.models import Article, Evidence
from diplomacy.pagination import EstimatedCountPaginator


def evidence_anchor(evidence):
    # the id highlight() gives the span's anchor
    return f"ev-{evidence.pk}"


def snippet_html(evidence):
    """The sentence around one piece of evidence, escaped, with the span in <mark>."""
    before, span, after = evidence.snippet
    return format_html("{}<mark>{}</mark>{}", before, span, after)


def article_evidence_url(evidence):
    """The article's admin page, scrolled to this evidence."""
    url = reverse("admin:diplomacy_article_change", args=[evidence.article_id])
    return f"{url}#{evidence_anchor(evidence)}"


class ReadOnlyAdmin(admin.ModelAdmin):
    """Imported rows: browsed by editors, written only by the importer."""

    class Media:
        css = {"all": ["diplomacy/admin.css"]}

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "outlet", "published", "file_name", "imported_at"]
    list_filter = ["outlet"]
    date_hierarchy = "published"
    search_fields = ["title", "^file_name"]
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    fields = [
        "title",
        ("outlet", "published"),
        "url",
        ("file_name", "path"),
        ("imported_at", "extractor_version"),
        "marked_text",
    ]
    readonly_fields = flatten(fields)

    @admin.display(description="Text (evidence marked)")
    def marked_text(self, obj):
        spans = obj.evidence.order_by("start").values("id", "start", "end")
        marked = highlight(obj.text, list(spans))
        return format_html('<div class="article-text">{}</div>', marked)


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyAdmin):
    list_display = ["article", "kind", "start", "end", "text"]
    list_filter = ["kind"]
    list_select_related = ["article"]
    search_fields = ["=article__file_name"]
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    raw_id_fields = ["article", *Evidence.TARGETS]
    fields = ["article", "kind", ("start", "end"), "text", "in_context", *Evidence.TARGETS]
    readonly_fields = flatten(fields)

    def get_queryset(self, request):
        # the list never shows the article text; the change page loads it once
        return super().get_queryset(request).select_related("article").defer("article__text")

    @admin.display(description="In context")
    def in_context(self, obj):
        return format_html(
            '{} <a href="{}">(full article)</a>', snippet_html(obj), article_evidence_url(obj)
        )
