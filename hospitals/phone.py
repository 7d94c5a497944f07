"""Dutch phone numbers: a strict pattern, so that "bel maar" or a number one digit short
never reaches the page where she must call at night."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# What may separate the digits as people write them: spaces, dashes, dots, brackets.
SEPARATORS = re.compile(r"[\s\-.()]")
# 0 and nine digits (landline, mobile, 088/085 company numbers), the same with +31 or
# 0031 instead of the 0, or a 0800/0900 service number.
DUTCH = re.compile(r"^(0[1-9]\d{8}|\+31[1-9]\d{8}|0031[1-9]\d{8}|0[89]00\d{4,7})$")

INVALID = _("Vul een Nederlands telefoonnummer in, bijvoorbeeld 088 123 45 67 of +31 88 123 45 67.")


def compact(number):
    return SEPARATORS.sub("", number or "")


def validate_dutch_phone(number):
    if not DUTCH.match(compact(number)):
        raise ValidationError(INVALID, code="invalid_phone")


def tel_href(number):
    """The number as a tel: link dials it: digits, and a leading +."""
    return f"tel:{compact(number)}"
