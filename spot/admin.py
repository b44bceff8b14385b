from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from spot.audit import record
from spot.models import AuditEvent, Country, User


class ReadOnlyAdmin(admin.ModelAdmin):
    """Reference data and records: visible to staff, changed only by migrations or the code that writes them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_staff", "is_active", "last_login", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "name"]
    readonly_fields = ["last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["name"]}),
        ("Roles", {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "name", "password1", "password2"]})]

    ROLE_FIELDS = ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        changed = [field for field in self.ROLE_FIELDS if field in form.changed_data]
        if changed:
            user = form.instance
            groups = ", ".join(group.name for group in user.groups.all()) or "none"
            record(
                request,
                AuditEvent.Action.ROLE_CHANGED,
                email=user.email,
                detail=f"Changed {', '.join(changed)}: active={user.is_active}, staff={user.is_staff}, "
                f"superuser={user.is_superuser}, groups={groups}",
            )


@admin.register(Country)
class CountryAdmin(ReadOnlyAdmin):
    list_display = ["name", "iso3", "subregion", "membership"]
    list_filter = ["subregion", "membership"]
    search_fields = ["name", "iso3"]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "action", "email", "actor", "country", "ip_address", "detail"]
    list_filter = ["action", "country__subregion", "created_at"]
    search_fields = ["email", "actor__email", "detail", "ip_address"]
    list_select_related = ["actor", "country"]
    date_hierarchy = "created_at"
