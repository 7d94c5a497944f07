"""The codes she is given: a resume code (her answers on another device) and a share code
(her summary for her doctor). One format for both, and only a keyed hash is stored."""

import hashlib
import hmac
import secrets

from django.conf import settings

# No 0/O, 1/I/L: a code she writes down and types on another device must survive that.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 12  # 31**12 is about 2**59: guessing within the retention time is hopeless


def new_code():
    """A code as she reads it: three groups of four."""
    code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(code[i : i + 4] for i in range(0, LENGTH, 4))


def normalise(typed):
    """A code as typed (any case, spaces, dashes) in its plain form."""
    return "".join(typed.upper().split()).replace("-", "")


def is_well_formed(typed):
    return len(normalise(typed)) == LENGTH


def has_only_code_characters(typed):
    return set(normalise(typed)) <= set(ALPHABET)


def digest(code):
    """What is stored instead of a code: a keyed hash, so the database alone cannot be
    used to open anyone's answers."""
    return hmac.new(settings.SECRET_KEY.encode(), normalise(code).encode(), hashlib.sha256).hexdigest()
