from django.urls import path

from good_practices import feeds, views
from spot.page_cache import public_page

urlpatterns = [
    path("good-practices/", views.practice_list, name="practice_list"),
    path("good-practices/<slug:slug>/", views.practice_detail, name="practice_detail"),
    path("feeds/good-practices/", public_page(feeds.LatestPractices()), name="practice_feed"),
    path(
        "feeds/good-practices/measures/<int:number>/",
        public_page(feeds.MeasurePractices()),
        name="practice_feed_measure",
    ),
    path(
        "feeds/good-practices/countries/<iso3:iso3>/",
        public_page(feeds.CountryPractices()),
        name="practice_feed_country",
    ),
    path("my/practices/", views.my_practices, name="my_practices"),
    path("my/practices/new/", views.practice_create, name="practice_create"),
    path("my/practices/<int:pk>/", views.my_practice, name="my_practice"),
    path("my/practices/<int:pk>/edit/", views.practice_edit, name="my_practice_edit"),
    path("my/practices/<int:pk>/preview/", views.my_practice_preview, name="my_practice_preview"),
    path("my/practices/<int:pk>/submit/", views.practice_submit, name="my_practice_submit"),
    path("my/practices/<int:pk>/withdraw/", views.practice_withdraw, name="my_practice_withdraw"),
    path("my/practices/<int:pk>/delete/", views.practice_delete, name="my_practice_delete"),
    path("my/practices/<int:pk>/update/", views.practice_revise, name="my_practice_revise"),
    path("review/practices/", views.review_list, name="review_practices"),
    path("review/practices/<int:pk>/", views.review_practice, name="review_practice"),
    path(
        "review/practices/<int:pk>/<slug:action>/",
        views.moderate,
        name="moderate_practice",
    ),
]
