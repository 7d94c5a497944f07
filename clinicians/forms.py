"""The clinician's two forms: the login and the share code. Both follow the pattern of her
path (GOV.UK's): an error summary on top linking to the fields, each field marked invalid
and described by its hint and its error, what was typed kept (never the password)."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from answers import codes
from answers.forms import PatientForm

# The id of the list in the error summary (answers/_partials/error_summary.html).
ERROR_SUMMARY_LIST = "error-summary-list"


class ClinicianForm(forms.Form):
    """Text fields in Bootstrap's look, a field with an error drawn as one. Django itself
    adds aria-invalid and ties hint and error to the field (aria-describedby)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-control"

    def add_error(self, field, error):
        # Also for an error the view adds after validation (a code that opens nothing).
        super().add_error(field, error)
        self.mark_invalid()

    def mark_invalid(self):
        for name, field in self.fields.items():
            invalid = name in self.invalid_fields()
            field.widget.attrs["class"] = "form-control is-invalid" if invalid else "form-control"

    def invalid_fields(self):
        return [name for name in self._errors or {} if name in self.fields]


class LoginForm(ClinicianForm, AuthenticationForm):
    """Django's login form with one message for one failed login, not a message per field
    plus one for the form: which fields are empty, or else that the two do not match (not
    which of the two is wrong). It stands once, in the error summary; the fields it is
    about are marked invalid and described by it."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("De gebruikersnaam of het wachtwoord is onjuist."),
    }

    message_fields = ()

    def _post_clean(self):
        super()._post_clean()
        if not self._errors:
            return
        empty = [name for name in ("username", "password") if self.has_error(name, "required")]
        if len(empty) == 2:
            message = _("Vul uw gebruikersnaam en wachtwoord in.")
        elif empty == ["username"]:
            message = _("Vul uw gebruikersnaam in.")
        elif empty == ["password"]:
            message = _("Vul uw wachtwoord in.")
        else:
            # A wrong password, an unknown name, or a name too long for any account.
            message, empty = self.error_messages["invalid_login"], ["username", "password"]
        self._errors = ErrorDict({NON_FIELD_ERRORS: self.error_class([message], error_class="nonfield")})
        self.message_fields = empty
        self.mark_invalid()
        for name in empty:
            self.fields[name].widget.attrs.update({"aria-invalid": "true", "aria-describedby": ERROR_SUMMARY_LIST})

    def invalid_fields(self):
        return self.message_fields

    def error_links(self):
        """The one message, linked to the first field it is about."""
        if not self.errors:
            return []
        return [(self[self.message_fields[0]].auto_id, message) for message in self.non_field_errors()]


WRONG_LENGTH = _("Een deelcode heeft 12 tekens, bijvoorbeeld ABCD-EFGH-JKMN.")


class ShareCodeForm(ClinicianForm, PatientForm):
    code = forms.CharField(
        label=_("Deelcode van de patiënt"),
        help_text=_("De 12 tekens op haar PDF of haar scherm, bijvoorbeeld ABCD-EFGH-JKMN."),
        max_length=40,
        error_messages={"required": _("Vul de deelcode in."), "max_length": WRONG_LENGTH},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_code(self):
        code = self.cleaned_data["code"]
        if not codes.is_well_formed(code):
            raise forms.ValidationError(WRONG_LENGTH)
        if not codes.has_only_code_characters(code):
            # Never 0, 1, I, L or O: a code is read from paper and typed over.
            raise forms.ValidationError(_("Een deelcode heeft alleen letters en cijfers, zonder 0, 1, I, L en O."))
        return codes.normalise(code)


UNKNOWN_CODE = _("Deze code is onbekend. Controleer of alle tekens goed zijn overgenomen.")
# One message for the three, so that nobody learns that she erased her answers.
GONE_CODE = _("Deze code is verlopen, ingetrokken of gewist. Vraag de patiënt zo nodig om een nieuwe code.")
# Her hospital decides who may read her summary. Neither message says which hospital she
# chose or anything else about her; both say what she can do.
OTHER_HOSPITAL = _(
    "Deze code hoort bij een patiënt van een ander ziekenhuis. U kunt alleen samenvattingen openen van "
    "patiënten die de keuzehulp via uw ziekenhuis gebruiken. Is zij bij u in behandeling? Dan kan zij in de "
    "keuzehulp uw ziekenhuis kiezen; daarna werkt dezelfde code. Of bekijk samen haar afgedrukte samenvatting."
)
NO_HOSPITAL = _(
    "De patiënt heeft in de keuzehulp geen ziekenhuis gekozen. Zij kan daar uw ziekenhuis kiezen; daarna werkt "
    "dezelfde code. Of bekijk samen haar afgedrukte samenvatting."
)
