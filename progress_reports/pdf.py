"""The PDF of a published report, rendered by WeasyPrint from the same content as the report's page.

The document is self-contained: its stylesheet is read from the static files and its chart is inline
SVG, so WeasyPrint never fetches anything (the URL fetcher refuses every address).
"""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

STYLESHEET = "css/report-print.css"


def refuse_fetch(url, *args, **kwargs):
    raise ValueError(f"The report PDF does not load external resources ({url}).")


def stylesheet():
    with open(finders.find(STYLESHEET), encoding="utf-8") as css:
        return css.read()


def render_pdf(request, context):
    from weasyprint import CSS, HTML

    html = render_to_string(
        "progress_reports/report_pdf.html", {**context, "site_url": settings.SITE_URL}, request=request
    )
    document = HTML(string=html, base_url=settings.SITE_URL + "/", url_fetcher=refuse_fetch)
    return document.write_pdf(stylesheets=[CSS(string=stylesheet())])
