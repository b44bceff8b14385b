"""How long the PDF of a full progress report takes: rendered, and served once kept.

    make bench-pdf
    .venv/bin/python bench/pdf.py [--rounds 5]

Builds Thailand's report with every part written at length and every coverage cell filled (the
benchmark's volumes, bench/seed.py) in the configured database, inside a transaction that is rolled
back afterwards, renders its PDF several times (after one warm-up, as in a running server) and
reports the median wall-clock and CPU time; then downloads it through the view a few times, now
that it is kept, and reports that median too.
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spot.settings")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="renders measured (default 5)")
    options = parser.parse_args()

    import django

    django.setup()
    from django.db import transaction
    from django.test import Client
    from pypdf import PdfReader

    from bench.seed import seed_reports
    from progress_reports.models import ProgressReport
    from progress_reports.pdf import render_pdf
    from progress_reports.presentation import public_report_context

    with transaction.atomic():
        seed_reports(1)
        report = ProgressReport.objects.select_related("country", "cycle").get(
            country__iso3="THA", cycle__slug="bench-1"
        )
        context = public_report_context(report)
        render_pdf(None, context)
        walls, cpus = [], []
        for _ in range(options.rounds):
            wall, cpu = time.perf_counter(), time.process_time()
            document = render_pdf(None, context)
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        pages = len(PdfReader(io.BytesIO(document)).pages)
        client, path = Client(), "/reports/tha/bench-1/report.pdf"
        b"".join(client.get(path, HTTP_HOST="127.0.0.1").streaming_content)
        served = []
        for _ in range(options.rounds):
            started = time.perf_counter()
            b"".join(client.get(path, HTTP_HOST="127.0.0.1").streaming_content)
            served.append((time.perf_counter() - started) * 1000)
        transaction.set_rollback(True)
    print(
        f"PDF of a full report ({pages} pages, {len(document) // 1024} KB): rendered in "
        f"{statistics.median(walls):.0f} ms ({statistics.median(cpus):.0f} ms CPU), medians of {options.rounds}; "
        f"served once kept in {statistics.median(served):.1f} ms"
    )


if __name__ == "__main__":
    main()
