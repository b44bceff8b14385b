from django.contrib import admin, messages
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from focal_points import services
from focal_points.models import FocalPoint, Invitation, NetworkAction
from spot.audit import client_ip, record
from spot.public_cache import content_changed


@admin.register(FocalPoint)
class FocalPointAdmin(admin.ModelAdmin):
    list_display = ["user", "country", "agency", "position", "is_lead", "listed_publicly", "is_active", "is_sample"]
    list_filter = ["is_active", "is_lead", "listed_publicly", "is_sample", "country__subregion", "country"]
    search_fields = ["user__email", "user__name", "agency", "position", "country__name"]
    list_select_related = ["user", "country"]
    autocomplete_fields = ["user"]
    # Deactivation goes through the actions (or the directory), which date it and record it.
    readonly_fields = ["is_active", "created_at", "deactivated_at", "deactivated_by"]
    actions = ["deactivate", "reactivate"]

    @admin.action(description=_("Deactivate the selected memberships"))
    def deactivate(self, request, queryset):
        done = sum(
            services.deactivate_membership(membership=membership, actor=request.user, ip=client_ip(request))
            for membership in queryset.select_related("user", "country")
        )
        self.message_user(
            request,
            ngettext("%(count)d membership deactivated.", "%(count)d memberships deactivated.", done) % {"count": done},
            messages.SUCCESS,
        )

    @admin.action(description=_("Reactivate the selected memberships"))
    def reactivate(self, request, queryset):
        done = sum(
            services.reactivate_membership(membership=membership, actor=request.user, ip=client_ip(request))
            for membership in queryset.select_related("user", "country")
        )
        skipped = queryset.count() - done
        self.message_user(
            request,
            ngettext("%(count)d membership reactivated.", "%(count)d memberships reactivated.", done) % {"count": done},
            messages.SUCCESS,
        )
        if skipped:
            self.message_user(
                request,
                gettext("%(count)d left as they were: already active, or the person is active for another country.")
                % {"count": skipped},
                messages.WARNING,
            )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if form.changed_data:
            record(
                NetworkAction.MEMBERSHIP_CHANGED,
                actor=request.user,
                ip=client_ip(request),
                target=obj,
                email=obj.user.email,
                detail=("Changed " if change else "Created with ") + ", ".join(form.changed_data),
            )
            content_changed()  # the country page lists agencies and the names listed publicly


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations are sent from the portal's invite page (which emails the link); here they are only read."""

    list_display = ["email", "country", "agency", "is_lead", "invited_by", "created_at", "expires_at", "status_label"]
    list_filter = ["country__subregion", "is_lead", "created_at"]
    search_fields = ["email", "name", "agency", "country__name"]
    list_select_related = ["country", "invited_by"]
    exclude = ["token_hash"]

    @admin.display(description=_("status"))
    def status_label(self, invitation):
        return invitation.get_status_display()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
