from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Hospital


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
