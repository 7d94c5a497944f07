from django.apps import AppConfig


class HospitalsConfig(AppConfig):
    name = "hospitals"
    verbose_name = "Ziekenhuizen"

    def ready(self):
        from . import checks, signals  # noqa: F401
