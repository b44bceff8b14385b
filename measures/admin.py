from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from measures.models import CoverageCategory, Measure, MeasureTarget
from spot.admin import ReadOnlyAdmin
from spot.public_cache import content_changed

TRANSLATIONS = ["title_fr", "text_fr", "title_ru", "text_ru", "title_zh_hans", "text_zh_hans"]


class MeasureTargetInline(admin.StackedInline):
    model = MeasureTarget
    extra = 0
    can_delete = False
    fields = ["number", "year", "text", "text_fr", "text_ru", "text_zh_hans"]
    readonly_fields = ["number", "year", "text"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    """The measures are the Action Plan's text; staff enter only its official translations."""

    list_display = ["number", "title", "has_french", "has_russian", "has_chinese"]
    search_fields = ["title", "text"]
    fields = ["number", "title", "text", *TRANSLATIONS]
    readonly_fields = ["number", "title", "text"]
    inlines = [MeasureTargetInline]

    @admin.display(boolean=True, description=_("French"))
    def has_french(self, measure):
        return bool(measure.text_fr)

    @admin.display(boolean=True, description=_("Russian"))
    def has_russian(self, measure):
        return bool(measure.text_ru)

    @admin.display(boolean=True, description=_("Chinese"))
    def has_chinese(self, measure):
        return bool(measure.text_zh_hans)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        content_changed()  # the measure's text shows on public pages


@admin.register(CoverageCategory)
class CoverageCategoryAdmin(ReadOnlyAdmin):
    list_display = ["position", "code", "name", "age_group", "get_sexes_display", "ilo_series_code"]
    list_filter = ["age_group"]
    search_fields = ["code", "name", "ilo_series_code"]
