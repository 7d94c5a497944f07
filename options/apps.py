from django.apps import AppConfig


class OptionsConfig(AppConfig):
    name = "options"
    verbose_name = "Inhoud van de keuzehulp"

    def ready(self):
        from . import signals  # noqa: F401
