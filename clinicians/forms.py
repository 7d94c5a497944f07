from django import forms
from django.utils.translation import gettext_lazy as _

from answers import codes
from answers.forms import PatientForm


class ShareCodeForm(PatientForm):
    code = forms.CharField(
        label=_("Deelcode van de patiënt"),
        help_text=_("De 12 tekens op haar PDF of haar scherm, bijvoorbeeld ABCD-EFGH-JKMN."),
        max_length=40,
    )

    def clean_code(self):
        if not codes.is_well_formed(self.cleaned_data["code"]):
            raise forms.ValidationError(_("Een deelcode heeft 12 tekens."))
        return codes.normalise(self.cleaned_data["code"])


UNKNOWN_CODE = _("Deze deelcode kennen we niet.")
EXPIRED_CODE = _("Deze deelcode is verlopen of ingetrokken. Vraag de patiënt om een nieuwe.")
