from django.apps import AppConfig


class FocalPointsConfig(AppConfig):
    name = "focal_points"
    verbose_name = "Focal-point network"
