"""From the Markdown an author writes to HTML that is safe to show anyone.

Markdown lets authors write raw HTML, so the HTML it produces is never trusted:
nh3 keeps only the tags and attributes below, only http(s) and mailto links, and
drops scripts and styles with their content. Headings start at level 3, under
the page's own h1 and section h2s. Links to other sites get
`rel="nofollow noopener noreferrer"`.
"""

import html
import re

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"scope"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
EXTERNAL_REL = "nofollow noopener noreferrer"

# Characters the search marks matched words with (see good_practices.search); never stored in the text searched.
MARK_START, MARK_STOP = "\ue000", "\ue001"


class DemoteHeadings(Treeprocessor):
    """# becomes h3, ## h4 ...: the page already has its h1 and the section headings are h2."""

    def run(self, root):
        for element in root.iter():
            if element.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                element.tag = f"h{min(int(element.tag[1]) + 2, 6)}"


class DemoteHeadingsExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(DemoteHeadings(md), "demote_headings", 5)


# nh3 writes every attribute double-quoted with any quote inside escaped, so an opening tag is matched whole.
LINK_TAG = re.compile(r'<a((?:\s+[a-z-]+="[^"]*")*)\s*>')
EXTERNAL_HREF = re.compile(r'\shref="(?:https?:)?//')


def mark_external(match):
    attributes = match.group(1)
    if EXTERNAL_HREF.search(attributes):
        return f'<a{attributes} rel="{EXTERNAL_REL}">'
    return match.group(0)


def render_markdown(source):
    """Sanitised HTML for a Markdown text (an empty string for an empty text)."""
    if not source or not source.strip():
        return ""
    converted = markdown.markdown(
        source, extensions=["sane_lists", "tables", DemoteHeadingsExtension()], output_format="html"
    )
    cleaned = nh3.clean(
        converted,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
    )
    return LINK_TAG.sub(mark_external, cleaned)


def without_marks(text):
    return text.replace(MARK_START, "").replace(MARK_STOP, "") if text else text


TAG = re.compile(r"<[^>]*>")


def plain_text(*fragments):
    """The words of sanitised HTML fragments, for searching and for search snippets."""
    words = " ".join(html.unescape(TAG.sub(" ", fragment)) for fragment in fragments if fragment)
    return " ".join(without_marks(words).split())
