from django import forms
from django.utils.translation import gettext_lazy as _

from answers.forms import PatientForm

from .models import Hospital

NOT_LISTED = "staat-er-niet-bij"
QUESTION = _("Van welk ziekenhuis kreeg je deze keuzehulp?")
EMPTY = _("Kies je ziekenhuis, of kies „Mijn ziekenhuis staat er niet bij”.")


class HospitalChoiceForm(PatientForm):
    """A plain list (a select, no search, no JavaScript) of the live hospitals, and
    "not in the list" for the neutral text."""

    # Not "required" for Django (no asterisk beside the one question); an empty answer
    # is refused in clean_hospital with the same words.
    hospital = forms.ChoiceField(
        label=QUESTION,
        required=False,
        error_messages={
            "invalid_choice": _("Kies je ziekenhuis uit de lijst, of kies „Mijn ziekenhuis staat er niet bij”."),
        },
    )

    def __init__(self, *args, hospitals=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.hospitals = {h.slug: h for h in (Hospital.live_list() if hospitals is None else hospitals)}
        self.fields["hospital"].choices = [
            ("", _("Kies je ziekenhuis")),
            *[(slug, h.name) for slug, h in self.hospitals.items()],
            (NOT_LISTED, _("Mijn ziekenhuis staat er niet bij")),
        ]

    def clean_hospital(self):
        value = self.cleaned_data["hospital"]
        if not value:
            raise forms.ValidationError(EMPTY, code="required")
        return value

    def chosen(self):
        """The hospital she chose, or None for "not in the list"."""
        return self.hospitals.get(self.cleaned_data["hospital"])


PICK_PREFIX = "werkwijze_"


class HospitalAdminForm(forms.ModelForm):
    """The hospital with one select per practice of the current version (`practices`,
    set by practice_form): its pick, or the default until it picks one."""

    practices = ()
    # A website typed without a scheme is read as https (Django 6's default, already).
    website = Hospital._meta.get_field("website").formfield(assume_scheme="https")

    class Meta:
        model = Hospital
        fields = ["name", "slug", "website", "phone_24h", "phone_office_hours", "is_live", "is_example"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = self.instance.chosen_variants if self.instance.pk else {}
        for practice in self.practices:
            picked = practice.variant(chosen.get(practice.key))
            self.fields[PICK_PREFIX + practice.key].initial = picked.key if picked else None

    def picks(self):
        """{practice key: variant key} as chosen in the form."""
        return {practice.key: self.cleaned_data[PICK_PREFIX + practice.key] for practice in self.practices}


def practice_form(practices):
    """A HospitalAdminForm with a select for each practice (declared, so that the admin's
    fieldsets may name them)."""
    fields = {
        PICK_PREFIX + practice.key: forms.ChoiceField(
            label=practice.title,
            choices=[
                (
                    variant.key,
                    f"{variant.label} ({variant.source.label})"
                    + (f" – {_('standaard')}" if variant.is_default else ""),
                )
                for variant in practice.variants.all()
            ],
        )
        for practice in practices
    }
    return type("HospitalAdminForm", (HospitalAdminForm,), {"practices": tuple(practices), **fields})
