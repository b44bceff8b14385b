from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from spot import views

# The admin signs in through the portal's sign-in, with its rate limits and two-factor step.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "SPOT portal administration"
admin.site.site_title = "SPOT admin"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("countries/", views.country_list, name="country_list"),
    path("countries/<str:iso3>/", views.country_detail, name="country_detail"),
    path("my/", views.workspace, name="workspace"),
    path("measures/", include("measures.urls")),
    path("", include("focal_points.urls")),
    # The sign-in email is the work address an invitation was sent to; staff change it in the admin.
    path("accounts/email/", views.email_change_refused, name="account_email"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]
