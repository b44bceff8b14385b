"""Who may open what: another country's focal point and the public never see a draft, its files or its pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from progress_reports import services
from progress_reports.models import ReportState
from tests.progress_reports.conftest import IP, overview_data, pdf_bytes, reload, section_data, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def attachment(draft, focal_point):
    upload = SimpleUploadedFile("annex.pdf", pdf_bytes(), content_type="application/pdf")
    return services.add_attachment(draft, actor=focal_point, ip=IP, upload=upload, kind="pdf")


def draft_urls(report, attachment):
    return [
        f"/my/reports/{report.pk}/",
        f"/my/reports/{report.pk}/edit/",
        f"/my/reports/{report.pk}/summary/",
        f"/my/reports/{report.pk}/sections/1/",
        f"/my/reports/{report.pk}/sections/7/",
        f"/my/reports/{report.pk}/preview/",
        f"/my/reports/{report.pk}/submit/",
        f"/reports/attachments/{attachment.pk}/",
    ]


def test_another_countrys_focal_point_gets_404_on_every_url_of_a_draft(other_client, draft, attachment):
    for url in draft_urls(draft, attachment):
        assert other_client.get(url).status_code == 404, url


def test_another_countrys_focal_point_cannot_edit_submit_or_attach_at_any_time(
    other_client, focal_point, staff, draft, attachment
):
    for state in ["draft", "submitted", "returned", "published"]:
        if state == "submitted":
            submitted(draft, focal_point)
        if state == "returned":
            services.return_report(draft, actor=staff, ip=IP, comment="Revise.")
        if state == "published":
            services.publish(submitted(draft, focal_point), actor=staff, ip=IP)
        posts = {
            f"/my/reports/{draft.pk}/summary/": overview_data(draft, summary="Hijacked"),
            f"/my/reports/{draft.pk}/sections/1/": section_data(draft, 1, actions_taken="Hijacked"),
            f"/my/reports/{draft.pk}/submit/": {},
            f"/my/reports/{draft.pk}/attachments/": {"file": SimpleUploadedFile("x.pdf", pdf_bytes())},
            f"/my/reports/{draft.pk}/attachments/{attachment.pk}/remove/": {},
        }
        for url, data in posts.items():
            assert other_client.post(url, data).status_code == 404, (state, url)
    draft = reload(draft)
    assert "Hijacked" not in draft.summary
    assert draft.attachments.count() == 1


def test_the_public_never_sees_a_draft_a_submitted_or_a_returned_report(client, focal_point, staff, draft, attachment):
    for state in ["draft", "submitted", "returned"]:
        if state == "submitted":
            submitted(draft, focal_point)
        if state == "returned":
            services.return_report(draft, actor=staff, ip=IP, comment="Revise.")
        assert reload(draft).state == state
        for url in ["/reports/tha/2026/", "/reports/tha/2026/versions/1/", "/reports/tha/2026/report.pdf"]:
            assert client.get(url).status_code == 404, (state, url)
        assert client.get(f"/reports/attachments/{attachment.pk}/").status_code == 404
        assert "/reports/tha/" not in client.get("/reports/").content.decode()
        workspace = client.get(f"/my/reports/{draft.pk}/")
        assert workspace.status_code == 302 and workspace["Location"].startswith("/accounts/login/")


def test_a_published_reports_files_are_public(client, focal_point, staff, draft, attachment):
    services.publish(submitted(draft, focal_point), actor=staff, ip=IP)
    response = client.get(f"/reports/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_focal_point_without_a_country_opens_no_report(draft):
    from tests.conftest import make_user, signed_in

    stranger = signed_in(make_user("nobody@example.org", "No Body"))
    assert stranger.get(f"/my/reports/{draft.pk}/").status_code == 404
    assert stranger.get("/review/").status_code == 403


def test_focal_points_cannot_reach_the_review_pages(focal_point, focal_point_client, draft):
    submitted(draft, focal_point)
    assert focal_point_client.get("/review/").status_code == 403
    assert focal_point_client.get(f"/review/reports/{draft.pk}/").status_code == 403
    assert focal_point_client.post(f"/review/reports/{draft.pk}/publish/", {}).status_code == 403
    assert focal_point_client.get("/review/cycles/").status_code == 403
    assert reload(draft).state == ReportState.SUBMITTED


def test_review_pages_send_anonymous_visitors_to_sign_in(client, draft):
    for url in ["/review/", f"/review/reports/{draft.pk}/", "/review/cycles/"]:
        assert client.get(url)["Location"].startswith("/accounts/login/"), url
