"""The mentor agenda as safe HTML: Markdown without raw HTML, then sanitised."""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

TAGS = {"p", "h1", "h2", "h3", "ul", "ol", "li", "strong", "em", "code", "br"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False})


def agenda_html(markdown: str) -> str:
    # Headings shift down one level: the page already has its own <h1>.
    html = _parser().render(markdown.replace("\n# ", "\n## ").replace("# ", "## ", 1))
    return nh3.clean(html, tags=TAGS, attributes={})
