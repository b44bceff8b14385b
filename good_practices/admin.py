from django.contrib import admin

from good_practices.models import GoodPractice, ModerationStep, Theme
from spot.admin import ReadOnlyAdmin


@admin.register(Theme)
class ThemeAdmin(ReadOnlyAdmin):
    list_display = ["name", "slug", "position"]


class ModerationStepInline(admin.TabularInline):
    model = ModerationStep
    fields = ["created_at", "action", "from_state", "to_state", "actor", "comment"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(GoodPractice)
class GoodPracticeAdmin(ReadOnlyAdmin):
    """For looking things up: practices are written in the workspace and moderated at /review/ (every step kept)."""

    list_display = ["title", "country", "state", "revision_of", "published_at", "updated_at", "is_sample"]
    list_filter = ["state", "is_sample", "language", "country__subregion", "country"]
    search_fields = ["title", "programme_name", "slug", "country__name"]
    list_select_related = ["country", "revision_of"]
    inlines = [ModerationStepInline]
    exclude = ["search_vector"]
