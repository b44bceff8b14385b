from django.urls import path

from progress_reports import views

urlpatterns = [
    # Public: published reports, each version at its own address.
    path("reports/", views.report_list, name="report_list"),
    path("reports/attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("reports/<iso3:iso3>/<slug:cycle>/", views.report_detail, name="report_detail"),
    path("reports/<iso3:iso3>/<slug:cycle>/report.pdf", views.report_pdf, name="report_pdf"),
    path("reports/<iso3:iso3>/<slug:cycle>/versions/<int:version>/", views.report_version, name="report_version"),
    path(
        "reports/<iso3:iso3>/<slug:cycle>/versions/<int:version>/report.pdf",
        views.report_pdf,
        name="report_version_pdf",
    ),
    path(
        "reports/<iso3:iso3>/<slug:cycle>/versions/<int:version>/changes/",
        views.report_changes,
        name="report_changes",
    ),
    # The country's workspace.
    path("my/reports/start/<slug:cycle>/", views.start_report, name="report_start"),
    path("my/reports/<int:pk>/", views.report_workspace, name="report_workspace"),
    path("my/reports/<int:pk>/edit/", views.edit_report, name="report_edit"),
    path("my/reports/<int:pk>/summary/", views.edit_overview, name="report_overview_edit"),
    path("my/reports/<int:pk>/sections/<int:number>/", views.edit_section, name="report_section_edit"),
    path("my/reports/<int:pk>/preview/", views.draft_preview, name="report_preview"),
    path("my/reports/<int:pk>/submit/", views.submit_report, name="report_submit"),
    path("my/reports/<int:pk>/attachments/", views.add_attachment, name="attachment_add"),
    path("my/reports/<int:pk>/attachments/<int:attachment>/remove/", views.remove_attachment, name="attachment_remove"),
    # ESCAP staff.
    path("review/reports/<int:pk>/", views.review_report, name="report_review"),
    path("review/reports/<int:pk>/return/", views.return_report, name="report_return"),
    path("review/reports/<int:pk>/publish/", views.publish_report, name="report_publish"),
    path("review/cycles/", views.cycle_list, name="cycle_list"),
    path("review/cycles/new/", views.cycle_form, name="cycle_create"),
    path("review/cycles/<slug:slug>/edit/", views.cycle_form, name="cycle_edit"),
    path("review/cycles/<slug:slug>/close/", views.cycle_close, name="cycle_close"),
    path("review/cycles/<slug:slug>/reopen/", views.cycle_reopen, name="cycle_reopen"),
]
