from django.contrib import admin

from progress_reports import services
from progress_reports.models import (
    Attachment,
    CoverageEntry,
    DeadlineReminder,
    ProgressReport,
    ReportingCycle,
    ReportSection,
    ReportTransition,
)
from spot.admin import ReadOnlyAdmin
from spot.audit import client_ip
from spot.public_cache import content_changed


@admin.register(ReportingCycle)
class ReportingCycleAdmin(admin.ModelAdmin):
    """Cycles are usually managed at /review/cycles/; here too, for the record."""

    list_display = ["title", "slug", "session", "opens_on", "deadline", "closed_at"]
    search_fields = ["title", "session", "slug"]
    prepopulated_fields = {"slug": ["title"]}

    def save_model(self, request, obj, form, change):
        services.save_cycle(obj, actor=request.user, ip=client_ip(request), changed=form.changed_data)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        content_changed()  # cycles show on the home page and the reports' filter

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        content_changed()


class SectionInline(admin.StackedInline):
    model = ReportSection
    extra = 0
    can_delete = False
    fields = [
        "measure",
        "status",
        "actions_taken",
        "challenges",
        "support_needed",
        "wants_support",
        "experience_to_share",
        "offers_experience",
        "revision",
    ]
    readonly_fields = fields


class CoverageInline(admin.TabularInline):
    model = CoverageEntry
    extra = 0
    can_delete = False
    fields = ["category", "sex", "baseline_2021", "target_2025", "target_2030", "latest_value", "latest_year", "source"]
    readonly_fields = fields


class TransitionInline(admin.TabularInline):
    model = ReportTransition
    extra = 0
    can_delete = False
    fields = ["at", "actor", "from_state", "to_state", "comment"]
    readonly_fields = fields


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    can_delete = False
    fields = ["original_name", "kind", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields


@admin.register(ProgressReport)
class ProgressReportAdmin(ReadOnlyAdmin):
    """Reports are written, submitted, returned and published in the portal, where every move is recorded."""

    list_display = ["country", "cycle", "version", "state", "submitted_at", "published_at", "is_sample"]
    list_filter = ["state", "cycle", "is_sample", "country__subregion"]
    search_fields = ["country__name", "country__iso3"]
    list_select_related = ["country", "cycle"]
    inlines = [TransitionInline, SectionInline, CoverageInline, AttachmentInline]


@admin.register(DeadlineReminder)
class DeadlineReminderAdmin(ReadOnlyAdmin):
    list_display = ["cycle", "country", "days_before", "sent_at"]
    list_filter = ["cycle", "days_before"]
