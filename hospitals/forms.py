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
