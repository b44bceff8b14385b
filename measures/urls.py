from django.urls import path

from measures import views

urlpatterns = [
    path("", views.measure_list, name="measure_list"),
    path("<int:number>/", views.measure_detail, name="measure_detail"),
]
