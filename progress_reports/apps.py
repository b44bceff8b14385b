from django.apps import AppConfig


class ProgressReportsConfig(AppConfig):
    name = "progress_reports"
    verbose_name = "Progress reports"
