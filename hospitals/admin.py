from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from options import published

from .actions import pick_practices
from .forms import PICK_PREFIX, practice_form
from .models import Hospital


def current_practices():
    """The practices of the current version in the default language: those a hospital
    picks among (the languages hold the same ones, options.content.translations)."""
    aid = published.current(published.SLUG, settings.LANGUAGE_CODE)
    return list(aid.practices.all()) if aid else []


@admin.register(Hospital)
class HospitalAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "phone_24h", "phone_office_hours", "is_live", "is_example"]
    list_filter = ["is_live", "is_example"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["address_and_qr"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "website"]}),
        (_("Telefoonnummers"), {"fields": ["phone_24h", "phone_office_hours"]}),
        (_("Status"), {"fields": ["is_live", "is_example"]}),
        (_("Adres en QR-code voor folders"), {"fields": ["address_and_qr"]}),
    ]

    @admin.display(description=_("adres en QR-code"))
    def address_and_qr(self, hospital):
        if not hospital.pk:
            return _("Na het bewaren staan hier het adres en de QR-code.")
        path = reverse("hospitals:arrive", args=[hospital.slug])
        return format_html(
            '<p>{}: <code>{}</code></p><p><img src="{}" alt="{}" width="200" height="200"></p>'
            '<p><a href="{}" download>{}</a></p>',
            _("Adres voor folders en afsprakenkaarten"),
            path,
            reverse("hospitals:qr", args=[hospital.slug]),
            _("QR-code van het adres van %(name)s") % {"name": hospital.name},
            reverse("hospitals:qr", args=[hospital.slug]),
            _("QR-code downloaden (SVG)"),
        )

    def get_form(self, request, obj=None, **kwargs):
        kwargs["form"] = practice_form(current_practices())
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        practices = current_practices()
        if not practices:
            return self.fieldsets
        return [
            *self.fieldsets,
            (
                _("Werkwijze van dit ziekenhuis"),
                {
                    "description": _(
                        "Waar de bronnen per ziekenhuis verschillen, leest zij de werkwijze die u hier kiest. "
                        "Zonder keuze leest zij de standaard."
                    ),
                    "fields": [PICK_PREFIX + practice.key for practice in practices],
                },
            ),
        ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        pick_practices(form.instance, form.picks())
