"""A compilation's stories keep their own headline, outlet and date, shown on its page."""

import datetime

from django.urls import reverse

from diplomacy.models import Article, ArticleStory
from tests.builders import ImportTestCase, run_import

COMPILATION = (
    "Arcadia opens a consulate\n"
    "PORT EXAMPLE, May 3, 2024 (Example Wire) -- Arcadia opened a consulate on Friday.\n\n"
    "Borduria hosts ferry talks\n"
    "NORTHTOWN, May 4, 2024 (Other Wire) -- Borduria hosted talks on Saturday.\n"
)


class ArticleStoryTests(ImportTestCase):
    def test_import_keeps_each_story_and_the_page_shows_it(self):
        path = self.write("digest_0042.txt", COMPILATION)
        _, _, code = run_import(path)
        self.assertEqual(code, 0)
        article = Article.objects.get()
        stories = list(article.stories.values_list("headline", "outlet", "date"))
        self.assertEqual(
            stories,
            [
                ("Arcadia opens a consulate", "Example Wire", datetime.date(2024, 5, 3)),
                ("Borduria hosts ferry talks", "Other Wire", datetime.date(2024, 5, 4)),
            ],
        )
        html = self.client.get(reverse("site:article-detail", args=[article.pk])).content.decode()
        self.assertIn("Stories in this compilation", html)
        self.assertIn('Borduria hosts ferry talks <span class="muted">(Other Wire, ', html)
        self.assertNotIn("digest_0042.txt</h1>", html)

    def test_a_changed_file_replaces_its_stories_and_a_single_article_has_none(self):
        path = self.write("digest_0042.txt", COMPILATION)
        run_import(path)
        path.write_text(
            "PORT EXAMPLE, May 3, 2024 (Example Wire) -- Arcadia opened a consulate.\n",
            encoding="utf-8",
        )
        run_import(path)
        self.assertEqual(ArticleStory.objects.count(), 0)
        self.assertEqual(Article.objects.get().outlet, "Example Wire")
