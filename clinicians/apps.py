from django.apps import AppConfig


class CliniciansConfig(AppConfig):
    name = "clinicians"
    verbose_name = "Zorgverleners"

    def ready(self):
        from . import sessions  # noqa: F401 (connects the end of staff sessions to every login)
