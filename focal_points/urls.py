from django.urls import path

from focal_points import views

urlpatterns = [
    path("network/", views.directory, name="network"),
    path("network/invite/", views.invite, name="invite"),
    path("network/invitations/<int:pk>/revoke/", views.revoke_invitation, name="invitation_revoke"),
    path("network/members/<int:pk>/deactivate/", views.deactivate_membership, name="membership_deactivate"),
    path("my/membership/", views.membership_settings, name="membership_settings"),
    path("invitations/<str:token>/", views.accept_invitation, name="invitation_accept"),
]
