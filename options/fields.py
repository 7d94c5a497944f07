from django import forms
from django.db import models


def split_lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class LinesFormField(forms.CharField):
    widget = forms.Textarea

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        return split_lines(super().to_python(value))


class LinesField(models.TextField):
    """A list of short texts (paragraphs, steps, pros, cons), stored one per line.

    One line per item keeps the content editable as plain text in the admin, where a
    clinician reviews it, while the templates get a list.
    """

    def from_db_value(self, value, expression, connection):
        return split_lines(value)

    def to_python(self, value):
        if isinstance(value, list):
            return value
        return split_lines(value)

    def get_prep_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": LinesFormField, **kwargs})
