"""No column could hold who she is: no name, e-mail address, birth date or IP address in
any table of hers (her free texts excepted, which she is told not to fill with them).
Staff accounts (django.contrib.auth) are the hospital's staff, not patients."""

import re

from django.apps import apps
from django.db import models

HER_APPS = ("answers", "sessions")
CONTENT_APPS = ("options", "clinicians")
IDENTIFYING = re.compile(r"name|e_?mail|birth|geboren|dob|ip_?addr|address|adres|phone|bsn", re.IGNORECASE)
IDENTIFYING_TYPES = (models.EmailField, models.GenericIPAddressField)
# The one day her tables keep: when her treatment starts (docs/decisions/0013). Its form
# refuses any day more than 60 days back or 21 ahead, so it can never hold a birth date.
TREATMENT_DAYS = {"answers.Decision.on_date"}


def fields_of(app_labels):
    for model in apps.get_models():
        if model._meta.app_label in app_labels:
            for field in model._meta.concrete_fields:
                yield f"{model._meta.label}.{field.name}", field


def test_her_tables_have_no_column_for_who_she_is():
    suspicious = [
        label
        for label, field in fields_of(HER_APPS)
        if IDENTIFYING.search(field.name)
        or isinstance(field, IDENTIFYING_TYPES)
        # A date could be a birth date; her tables keep moments (DateTimeField) and the
        # day of her treatment.
        or (
            isinstance(field, models.DateField)
            and not isinstance(field, models.DateTimeField)
            and label not in TREATMENT_DAYS
        )
    ]
    assert suspicious == []


def test_no_table_has_a_field_made_for_an_email_or_ip_address():
    assert [label for label, field in fields_of(HER_APPS + CONTENT_APPS) if isinstance(field, IDENTIFYING_TYPES)] == []
