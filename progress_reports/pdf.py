"""The PDF of a published report, rendered by WeasyPrint from the same content as the report's page.

The document is self-contained: its stylesheet is read from the static files and its chart is inline
SVG, so WeasyPrint never fetches anything (the URL fetcher refuses every address).

Rendering takes a second or two (WeasyPrint lays out every line in Python), but a published version
never changes: its PDF is rendered at the first download and kept through Django's storage API under
a name that changes with whatever the PDF shows that could change (the cycle's title or session, the
layout), so every later download is served as a file. Its headings and labels are in the language of
the page it is downloaded from, so each language has its own PDF (the report's text is the same in
all of them); the portal's default language's is rendered as the report is published.
"""

import hashlib
import logging
import re

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation

from progress_reports import charts

logger = logging.getLogger(__name__)

BETWEEN_TAGS = re.compile(r">\s+<")

STYLESHEET = "css/report-print.css"
# Raise when the PDF's template or stylesheet changes, so that kept PDFs are rendered anew.
LAYOUT_VERSION = 7


def refuse_fetch(url, *args, **kwargs):
    raise ValueError(f"The report PDF does not load external resources ({url}).")


def stylesheet():
    with open(finders.find(STYLESHEET), encoding="utf-8") as css:
        return css.read()


def render_pdf(request, context):
    """The PDF's bytes, rendered now (`request` may be None: the PDF depends on no visitor)."""
    from weasyprint import CSS, HTML

    context = {**context, "coverage_chart": charts.coverage_chart_for_print(context["coverage"])}
    html = render_to_string(
        "progress_reports/report_pdf.html", {**context, "site_url": settings.SITE_URL}, request=request
    )
    # The templates' line breaks and indentation between tags are text WeasyPrint parses and lays out
    # (a quarter of the time of a report); one space keeps the words apart where the space is meant.
    html = BETWEEN_TAGS.sub("> <", html)
    document = HTML(string=html, base_url=settings.SITE_URL + "/", url_fetcher=refuse_fetch)
    return document.write_pdf(stylesheets=[CSS(string=stylesheet())])


def stored_name(report, language=None):
    """Where the report's PDF in `language` (the active one by default) is kept: a new name whenever something
    it shows may have changed."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    cycle = report.cycle
    fingerprint = "|".join(
        str(part)
        for part in [
            report.pk,
            report.published_at.isoformat(),
            cycle.slug,
            cycle.title,
            cycle.session,
            language,
            LAYOUT_VERSION,
        ]
    )
    digest = hashlib.sha256(fingerprint.encode()).hexdigest()[:20]
    return f"report-pdfs/{report.country.iso3.lower()}-{cycle.slug}-v{report.version}-{language}-{digest}.pdf"


def keep_published_pdf(report, context_for):
    """Render and keep a just-published report's PDF in the portal's default language, so that no visitor waits
    for it. A failure is logged, never raised: the publication stands, and the PDF is rendered at its first
    download instead."""
    try:
        with translation.override(settings.LANGUAGE_CODE):
            name = stored_name(report)
            if not default_storage.exists(name):
                default_storage.save(name, ContentFile(render_pdf(None, context_for(report))))
    except Exception:
        logger.exception("The PDF of report %s could not be rendered at publication.", report.pk)


def published_pdf(request, report, context_for):
    """An open file of the published report's PDF in the page's language, rendered and kept on first use.
    `context_for(report)` builds the page's context (called only when the PDF must be rendered)."""
    name = stored_name(report)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(render_pdf(request, context_for(report))))
    return default_storage.open(name, "rb")
