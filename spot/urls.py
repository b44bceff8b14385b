from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, register_converter

from spot.converters import ISO3Converter

register_converter(ISO3Converter, "iso3")

# The admin signs in through the portal's sign-in, with its rate limits and two-factor step.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "SPOT portal administration"
admin.site.site_title = "SPOT admin"

# Every page in each language: English without a prefix, the others under /fr/, /ru/, /zh-hans/.
urlpatterns = i18n_patterns(
    path("", include("portal.urls")),
    path("", include("focal_points.urls")),
    path("", include("progress_reports.urls")),
    path("", include("good_practices.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
