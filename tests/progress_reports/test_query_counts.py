"""The workspace and review pages of a report use a fixed number of queries, however much the report holds."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from progress_reports import services
from tests.progress_reports.conftest import IP, pdf_bytes, submitted

pytestmark = pytest.mark.django_db


def grow(report, user, staff, *, files):
    """Files, a return with a comment on every section, and a resubmission: a long history."""
    for number in range(files):
        upload = SimpleUploadedFile(f"annex {number}.pdf", pdf_bytes())
        services.add_attachment(report, actor=user, ip=IP, upload=upload, kind="pdf")
    submitted(report, user)
    comments = {section: f"Comment {section.measure.number}" for section in report.sections.all()}
    services.return_report(report, actor=staff, ip=IP, comment="Revise.", section_comments=comments)
    return report


@pytest.mark.parametrize("files", [1, 6])
def test_the_workspace_page_of_a_report(
    focal_point, focal_point_client, staff, draft, files, django_assert_num_queries
):
    grow(draft, focal_point, staff, files=files)
    # session, user, membership; the report; sections, coverage rows, attachments; the latest return (with who
    # returned it) and its comments; the history with its people
    with django_assert_num_queries(10):
        response = focal_point_client.get(f"/my/reports/{draft.pk}/")
    assert response.status_code == 200


@pytest.mark.parametrize("files", [1, 6])
def test_a_section_page(focal_point, focal_point_client, staff, draft, files, django_assert_num_queries):
    grow(draft, focal_point, staff, files=files)
    with django_assert_num_queries(11):
        response = focal_point_client.get(f"/my/reports/{draft.pk}/sections/7/")
    assert response.status_code == 200


@pytest.mark.parametrize("files", [1, 6])
def test_the_review_page(focal_point, staff, staff_client, draft, files, django_assert_num_queries):
    grow(draft, focal_point, staff, files=files)
    services.submit(draft, actor=focal_point, ip=IP)
    with django_assert_num_queries(13):
        response = staff_client.get(f"/review/reports/{draft.pk}/")
    assert response.status_code == 200
