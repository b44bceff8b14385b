from django.apps import AppConfig


class SpotConfig(AppConfig):
    name = "spot"
    verbose_name = "SPOT portal"

    def ready(self):
        from spot import receivers  # noqa: F401  (connects the sign-in signal receivers)
