from django.contrib import admin

from measures.models import CoverageCategory, Measure, MeasureTarget
from spot.admin import ReadOnlyAdmin


class MeasureTargetInline(admin.TabularInline):
    model = MeasureTarget
    extra = 0
    can_delete = False
    readonly_fields = ["number", "year", "text"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Measure)
class MeasureAdmin(ReadOnlyAdmin):
    list_display = ["number", "title", "text"]
    search_fields = ["title", "text"]
    inlines = [MeasureTargetInline]


@admin.register(CoverageCategory)
class CoverageCategoryAdmin(ReadOnlyAdmin):
    list_display = ["position", "code", "name", "age_group", "get_sexes_display", "ilo_series_code"]
    list_filter = ["age_group"]
    search_fields = ["code", "name", "ilo_series_code"]
