from django.urls import path, re_path

from portal import views

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("measures/", views.measure_list, name="measure_list"),
    path("measures/<int:number>/", views.measure_detail, name="measure_detail"),
    path("contact/", views.contact, name="contact"),
    path("privacy/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("countries/", views.country_list, name="country_list"),
    path("countries/<iso3:iso3>/", views.country_detail, name="country_detail"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("data/", views.open_data, name="open_data"),
    path("data/about/", views.about_the_data, name="about_the_data"),
    path("data/datapackage.json", views.open_data_package, name="open_data_package"),
    path("data/spot-open-data.zip", views.open_data_zip, name="open_data_zip"),
    re_path(
        r"^data/(?P<name>measure-statuses|coverage)\.(?P<extension>csv|json)$",
        views.open_data_file,
        name="open_data_file",
    ),
    path("my/", views.workspace, name="workspace"),
    path("my/account/", views.account_settings, name="account_settings"),
    path("review/", views.review, name="review"),
    # The sign-in email is the work address an invitation was sent to; staff change it in the admin.
    path("accounts/email/", views.email_change_refused, name="account_email"),
]
