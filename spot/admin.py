from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from spot.audit import ACTIONS, AccountAction, client_ip, record
from spot.models import AuditEvent, Country, User
from spot.public_cache import content_changed


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
        (_("Person"), {"fields": ["name"]}),
        (_("Roles"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "name", "password1", "password2"]})]

    ROLE_FIELDS = ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if "name" in form.changed_data:
            content_changed()  # a focal point listed by name shows on their country's page
        changed = [field for field in self.ROLE_FIELDS if field in form.changed_data]
        if changed:
            user = form.instance
            groups = ", ".join(group.name for group in user.groups.all()) or "none"
            record(
                AccountAction.ROLE_CHANGED,
                actor=request.user,
                ip=client_ip(request),
                target=user,
                email=user.email,
                detail=f"Changed {', '.join(changed)}: active={user.is_active}, staff={user.is_staff}, "
                f"superuser={user.is_superuser}, groups={groups}",
            )


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    """Countries are reference data; staff enter only the UN's official names in the other languages."""

    list_display = ["name", "iso3", "subregion", "membership", "name_fr", "name_ru", "name_zh_hans"]
    list_filter = ["subregion", "membership"]
    search_fields = ["name", "iso3", "name_fr", "name_ru", "name_zh_hans"]
    fields = ["name", "iso3", "subregion", "membership", "name_fr", "name_ru", "name_zh_hans"]
    readonly_fields = ["name", "iso3", "subregion", "membership"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        content_changed()  # the country's name shows on many public pages


class ActionFilter(admin.SimpleListFilter):
    """The registered actions of every app, by their labels."""

    title = "action"
    parameter_name = "action"

    def lookups(self, request, model_admin):
        return sorted(((name, member.label) for name, member in ACTIONS.items()), key=lambda item: str(item[1]))

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "action_label", "email", "actor", "country", "target_type", "ip_address", "detail"]
    list_filter = [ActionFilter, "country__subregion", "created_at"]
    search_fields = ["email", "actor__email", "detail", "ip_address"]
    list_select_related = ["actor", "country", "target_type"]
    date_hierarchy = "created_at"
