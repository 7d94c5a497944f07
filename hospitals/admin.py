from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from figures.models import MonthlyCount
from options import published

from . import roles
from .actions import pick_practices
from .forms import PICK_PREFIX, practice_form
from .models import Hospital, Membership

# Going live, the address printed on leaflets and the example mark are the platform's: a
# hospital's own editor changes its numbers, website and parts.
PLATFORM_FIELDS = ["slug", "is_live", "is_example"]


def editable(request, hospital):
    """Whether this account may edit this hospital; without one (the list, a new hospital)
    the rights on the model decide alone."""
    return hospital is None or roles.may_edit(request.user, hospital)


class HospitalPart:
    """For the inline of a part of a hospital edited on its page (its staff, its picks),
    tabular or stacked: besides the right on the part's model, only on a hospital the
    account may edit (hospitals/roles.py)."""

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and editable(request, obj)


class MembershipInline(HospitalPart, admin.TabularInline):
    """Who works for this hospital: given by the platform only (a hospital's editor does
    not get the rights on memberships, so she does not see them)."""

    model = Membership
    extra = 0
    verbose_name = _("medewerker (arts of redacteur, volgens de groepen van het account)")


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
    inlines = [MembershipInline]

    # A hospital's editor sees her own hospitals only: another hospital's page is, to
    # her, one that does not exist (the admin's "perhaps it was deleted").

    def get_queryset(self, request):
        hospitals = super().get_queryset(request)
        if roles.manages_every_hospital(request.user):
            return hospitals
        return hospitals.of_staff(request.user)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        """A hospital with figures is taken off line, never deleted: its months stay, and
        the admin's page "these would go too" would list its counts, this month's too."""
        if obj is not None and MonthlyCount.objects.filter(hospital=obj).exists():
            return False
        return super().has_delete_permission(request, obj) and editable(request, obj)

    def get_actions(self, request):
        # Deleting a list at once would list the figures of any hospital in it.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_readonly_fields(self, request, obj=None):
        if roles.manages_every_hospital(request.user):
            return self.readonly_fields
        return [*self.readonly_fields, *PLATFORM_FIELDS]

    def get_prepopulated_fields(self, request, obj=None):
        if roles.manages_every_hospital(request.user):
            return self.prepopulated_fields
        return {}

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
