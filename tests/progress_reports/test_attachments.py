"""Attachments: checked by content, stored under server-generated names, downloaded safely."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.asserts import assertContains

from progress_reports.models import Attachment
from tests.progress_reports.conftest import DOCX_MAIN, XLSX_MAIN, office_bytes, pdf_bytes

pytestmark = pytest.mark.django_db


def upload(client, report, name, content):
    return client.post(f"/my/reports/{report.pk}/attachments/", {"file": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize(
    "name, content, kind",
    [
        ("Annex 1.pdf", pdf_bytes(), "pdf"),
        ("Strategy.DOCX", office_bytes(DOCX_MAIN), "docx"),
        ("coverage data.xlsx", office_bytes(XLSX_MAIN), "xlsx"),
    ],
)
def test_it_accepts_pdf_docx_and_xlsx_by_their_content(focal_point_client, draft, name, content, kind):
    response = upload(focal_point_client, draft, name, content)
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.kind, attachment.original_name, attachment.size) == (kind, name, len(content))
    # Stored under a name the server made up, not the person's.
    assert attachment.file.name.startswith("report-attachments/") and name not in attachment.file.name
    assert default_storage.exists(attachment.file.name)


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("report.pdf", b"MZ\x90\x00 this is a program", "is named as a PDF file, but its content is not a PDF file"),
        ("report.docx", office_bytes(XLSX_MAIN), "is named as a Word (DOCX) file, but its content is not"),
        ("data.xlsx", b"PK\x03\x04 not really a zip", "is named as a Excel (XLSX) file, but its content is not"),
        ("data.xlsx", office_bytes(DOCX_MAIN), "but its content is not a Excel (XLSX) file"),
        ("script.html", b"<script>alert(1)</script>", "Choose a PDF, Word (DOCX) or Excel (XLSX) file"),
        ("noextension", pdf_bytes(), "Choose a PDF, Word (DOCX) or Excel (XLSX) file"),
        ("empty.pdf", b"", "The file you chose is empty"),
    ],
)
def test_it_refuses_a_file_whose_content_is_not_what_its_name_claims(focal_point_client, draft, name, content, message):
    response = upload(focal_point_client, draft, name, content)
    assert response.status_code == 400
    assertContains(response, message, status_code=400)
    assertContains(response, 'id="id_file_error"', status_code=400)
    assert not Attachment.objects.exists()


def test_it_refuses_a_file_over_10_mb(focal_point_client, draft, settings):
    settings.ATTACHMENT_MAX_BYTES = 1000
    response = upload(focal_point_client, draft, "big.pdf", pdf_bytes() + b" " * 1000)
    assertContains(response, "choose a file of 1000", status_code=400)


def test_the_download_is_an_attachment_with_a_safe_name_and_no_sniffing(focal_point_client, draft):
    upload(focal_point_client, draft, 'Rapport d’étape; "final".pdf', pdf_bytes())
    attachment = Attachment.objects.get()
    response = focal_point_client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "\r" not in disposition and "\n" not in disposition
    # Quotes and non-ASCII letters are encoded (RFC 5987), never able to end the header's value early.
    assert "filename*=utf-8''" in disposition and '"final"' not in disposition
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_removing_an_attachment_deletes_its_file(focal_point_client, draft):
    upload(focal_point_client, draft, "annex.pdf", pdf_bytes())
    attachment = Attachment.objects.get()
    name = attachment.file.name
    from tests.conftest import emails_sent

    with emails_sent():
        response = focal_point_client.post(f"/my/reports/{draft.pk}/attachments/{attachment.pk}/remove/")
    assert response.status_code == 302
    assert not Attachment.objects.exists()
    assert not default_storage.exists(name)


def test_the_workspace_lists_files_and_says_who_can_open_them(focal_point_client, draft):
    upload(focal_point_client, draft, "annex.pdf", pdf_bytes())
    response = focal_point_client.get(f"/my/reports/{draft.pk}/")
    assertContains(response, "annex.pdf")
    assertContains(response, "Files become public with the report when ESCAP publishes it")
