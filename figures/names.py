"""The names of the counts, defined once: what counting.py adds 1 to and what the figures
page reads. A name says what happened and, after a colon, in which group: never anything
of hers but the group."""

from django.utils.translation import gettext_lazy as _

WALK_STARTED = "walk-started"  # her first save made her record
WALK_COMPLETED = "walk-completed"  # the first time she reached her summary after the last step
CHECK_IN = "check-in"
SURE_FULL = "sure-full"  # four times "ja" on the SURE test at the end of the aid
SURE_NOT_FULL = "sure-not-full"  # fewer, or not all four answered

MINUTES = "minutes-to-complete"
KNOWLEDGE = "knowledge"
LEANING_DECISION = "leaning-decision"
SWITCHED = "switched"
REGRET = "regret"

NONE = "none"  # no leaning given; knowledge: no question answered
UNANSWERED = "unanswered"

# Minutes from her first save to her summary, as lower bounds of bins: a time of its own
# would be too near to a fingerprint. The intro promises about 16 minutes of reading.
MINUTE_BINS = [
    (0, _("minder dan 10 min")),
    (10, _("10–15 min")),
    (15, _("15–20 min")),
    (20, _("20–30 min")),
    (30, _("30–60 min")),
    (60, _("1–2 uur")),
    (120, _("2 uur tot 1 dag")),
    (24 * 60, _("1 dag of langer")),
]

# The Decision Regret Scale's score in bands: 0 none, 5–25 mild, 30–100 moderate to
# strong. A convention from the literature (Becerra Pérez et al., Med Decis Making 2016),
# not part of the scale; scores are multiples of 5.
REGRET_BANDS = [
    ("none", _("geen spijt (0)")),
    ("mild", _("lichte spijt (5–25)")),
    ("moderate-to-strong", _("matige tot sterke spijt (30–100)")),
]


def minutes(elapsed_minutes):
    lower = max(bound for bound, _label in MINUTE_BINS if bound <= max(elapsed_minutes, 0))
    return f"{MINUTES}:{lower}"


def sure(score):
    return SURE_FULL if score == 4 else SURE_NOT_FULL


def knowledge(right, total):
    return f"{KNOWLEDGE}:{UNANSWERED}" if right is None else f"{KNOWLEDGE}:{right}-of-{total}"


def leaning_decision(leaning, option_key):
    return f"{LEANING_DECISION}:{leaning or NONE}:{option_key}"


def switched(from_key, to_key):
    return f"{SWITCHED}:{from_key}:{to_key}"


def regret_band(score):
    band = "none" if score == 0 else "mild" if score <= 25 else "moderate-to-strong"
    return f"{REGRET}:{band}"
