from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The top of the portal: pages that gather several apps. Nothing imports it."""

    name = "portal"
    verbose_name = "Portal pages"
