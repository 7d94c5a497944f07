import datetime
from dataclasses import asdict, dataclass, field, fields

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from options.models import DecisionAid

UNSURE = "nog-niet-zeker"
RATING_CHOICES = [
    (1, _("niet belangrijk")),
    (2, _("een beetje belangrijk")),
    (3, _("belangrijk")),
    (4, _("erg belangrijk")),
    (5, _("heel erg belangrijk")),
]
IMPORTANT = 4  # from "erg belangrijk" on, a statement counts as important to her


def retention_deadline():
    return timezone.now() + datetime.timedelta(days=settings.ANSWERS_RETENTION_DAYS)


class RecordQuerySet(models.QuerySet):
    def active(self):
        return self.filter(expires_at__gt=timezone.now())

    def expired(self, now=None):
        return self.filter(expires_at__lte=now or timezone.now())


# The SURE test (Légaré et al.): four yes/no questions on decisional conflict, in order.
SURE_ITEMS = ("best_choice", "knows_benefits_and_risks", "clear_what_matters", "enough_support")


@dataclass
class RecordAnswers:
    """Everything she answered, keyed by content key (the same in every language, so she
    can switch language on the way and her doctor reads her summary in Dutch). A question
    she skipped is absent, never a made-up answer."""

    situation: dict = field(default_factory=dict)  # question key: choice key
    ratings: dict = field(default_factory=dict)  # statement key: 1 to 5
    knowledge: dict = field(default_factory=dict)  # question key: choice key
    concerns: list = field(default_factory=list)  # in her order
    questions: list = field(default_factory=list)
    leaning: str = ""  # an option key, UNSURE, or "" when she did not say
    sure: dict = field(default_factory=dict)  # SURE item: True for "ja", False for "nee"

    @classmethod
    def from_json(cls, data):
        known = {f.name for f in fields(cls)}
        return cls(**{name: value for name, value in (data or {}).items() if name in known})

    def to_json(self):
        return asdict(self)

    @property
    def sure_score(self):
        """One point per "ja"; None until all four are answered."""
        if any(item not in self.sure for item in SURE_ITEMS):
            return None
        return sum(self.sure[item] for item in SURE_ITEMS)

    @property
    def sure_doubts(self):
        """The SURE questions she answered "nee", in the test's order."""
        return [item for item in SURE_ITEMS if self.sure.get(item) is False]

    @property
    def has_decisional_conflict(self):
        """One "nee" is enough: the full score (4) can no longer be reached, and what she
        doubts is worth discussing whether or not she answered the other questions."""
        return bool(self.sure_doubts)


class AnswersField(models.JSONField):
    """Her answers as one JSON value, read as a RecordAnswers. A step's save rewrites it
    whole under a row lock, so what a page decides from is what was just saved."""

    def from_db_value(self, value, expression, connection):
        return RecordAnswers.from_json(super().from_db_value(value, expression, connection))

    def to_python(self, value):
        return value if isinstance(value, RecordAnswers) else RecordAnswers.from_json(value)

    def get_prep_value(self, value):
        if isinstance(value, RecordAnswers):
            value = value.to_json()
        return super().get_prep_value(value)

    def value_from_object(self, obj):
        value = super().value_from_object(obj)
        return value.to_json() if isinstance(value, RecordAnswers) else value


class Record(models.Model):
    """Her answers. Anonymous by design: no name, e-mail, account or IP address; only a
    random id in her session cookie and, if she asks for one, the digest of a resume code.
    """

    # The version she last answered in: what she saw.
    aid = models.ForeignKey(DecisionAid, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=retention_deadline, db_index=True)
    resume_code_digest = models.CharField(max_length=64, unique=True, null=True, blank=True)
    # The steps she has reached (answered or skipped): a later step cannot be opened first.
    reached_step = models.PositiveSmallIntegerField(default=0)
    # The first time she reached her summary after the last step: her walk is counted as
    # completed once, for the hospital's figures (answers.actions.complete_walk).
    completed_at = models.DateTimeField(null=True, blank=True)
    answers = AnswersField(default=RecordAnswers)
    # Her hospital, chosen once (its address or the list) and kept with her answers, so
    # that resuming on another device keeps it; None: she did not choose or it is not
    # in the list (she reads the neutral text).
    hospital = models.ForeignKey(
        "hospitals.Hospital", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = RecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("antwoorden van een vrouw")
        verbose_name_plural = _("antwoorden")

    def __str__(self):
        return f"#{self.pk}"

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    def latest_check_in(self):
        """Her newest check-in, whichever decision it looks back on."""
        return CheckIn.objects.filter(decision__record=self).first()

    def saved_now(self, step_number):
        """Keep the record for the full retention time after her last save, and remember
        how far she got."""
        self.updated_at = timezone.now()
        self.expires_at = retention_deadline()
        self.reached_step = max(self.reached_step, step_number)


class ShareCodeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


def share_deadline():
    return timezone.now() + datetime.timedelta(days=settings.SHARE_CODE_DAYS)


class ShareCode(models.Model):
    """Lets a clinician open her summary, read-only. Only a digest of the code is kept."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="share_codes")
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=share_deadline)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ShareCodeQuerySet.as_manager()

    def __str__(self):
        return f"share code #{self.pk}"

    @property
    def is_usable(self):
        return self.revoked_at is None and self.expires_at > timezone.now()


class ErasedShareCode(models.Model):
    """A share code of answers she erased: only its digest, until her answers would have
    been purged anyway. A clinician who types it is told what he is told for an expired
    or a revoked code ("expired, revoked or erased"); without it he would be told the
    code does not exist, which gives away that she erased her answers. Nothing links it
    to anything."""

    digest = models.CharField(max_length=64, unique=True)
    until = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"erased share code #{self.pk}"


# The date she gives with her decision: the start day of the medication, the date of the
# curettage, or the day she starts waiting. Up to 60 days back (she may record it late,
# after the treatment), and up to 21 days ahead: a treatment is planned within days or a
# few weeks, and the check-in (7 days after the date) must open before her answers are
# purged, 30 days after her last save. Anything further off is a typing error.
DECISION_DAYS_BACK = 60
DECISION_DAYS_AHEAD = 21
# The check-in opens a week after her decision's date: the time at which the trial of a
# miscarriage decision aid (Flynn 2023) asked about regret.
CHECK_IN_AFTER_DAYS = 7


class Decision(models.Model):
    """What she and her doctor decided, as she recorded it. Changing her mind is one more
    Decision, never a change to this one: the newest counts, the earlier ones stay."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="decisions")
    option_key = models.CharField(max_length=50)  # an option's content key
    on_date = models.DateField()
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("besluit na het gesprek")
        verbose_name_plural = _("besluiten na het gesprek")

    def __str__(self):
        return f"{self.option_key} {self.on_date}"

    @property
    def check_in_opens_on(self):
        return self.on_date + datetime.timedelta(days=CHECK_IN_AFTER_DAYS)

    def check_in_is_open(self, today=None):
        return (today or timezone.localdate()) >= self.check_in_opens_on


# The Decision Regret Scale (Brehaut et al. 2003; Ottawa Hospital Research Institute,
# user manual): five statements, in this order, answered 1 ("helemaal eens") to 5
# ("helemaal oneens"). Items 2 and 4 are worded as regret, so they are reversed.
REGRET_ITEMS = ("right_decision", "regrets_choice", "same_again", "did_harm", "wise")
REGRET_REVERSED = frozenset({"regrets_choice", "did_harm"})
# The Decision Regret Scale's statements. English: the original wording (Brehaut 2003).
# Dutch: our translation, not validated (no published Dutch wording was found).
REGRET_STATEMENTS = {
    "right_decision": _("Het was de juiste beslissing."),
    "regrets_choice": _("Ik heb spijt van de keuze die is gemaakt."),
    "same_again": _("Als ik opnieuw moest kiezen, zou ik weer hetzelfde kiezen."),
    "did_harm": _("De keuze heeft mij veel kwaad gedaan."),
    "wise": _("Het was een verstandige beslissing."),
}
AGREEMENT_CHOICES = [
    (1, _("helemaal eens")),
    (2, _("eens")),
    (3, _("niet eens, niet oneens")),
    (4, _("oneens")),
    (5, _("helemaal oneens")),
]


def regret_score(answers):
    """0 (no regret) to 100 (much regret), as the manual scores it: each answer made 0 to
    4 (reversed items first turned round), times 25, averaged over the five. None unless
    all five are answered: the manual gives no score for a part."""
    if any(item not in answers for item in REGRET_ITEMS):
        return None
    points = [(5 - answers[item] if item in REGRET_REVERSED else answers[item] - 1) * 25 for item in REGRET_ITEMS]
    return round(sum(points) / len(points))


class CheckIn(models.Model):
    """How it went, a week or more after her decision's date. She may check in again: the
    newest counts, the earlier ones stay with the decision."""

    class WentAsExpected(models.TextChoices):
        YES = "ja", _("Ja")
        NO = "nee", _("Nee")
        PARTLY = "deels", _("Deels")

    class Feeling(models.TextChoices):
        WELL = "goed", _("Het gaat goed")
        UP_AND_DOWN = "wisselend", _("Het gaat wisselend")
        NOT_WELL = "niet-goed", _("Het gaat niet goed")

    NOT_SWITCHED = "nee"  # never an option's key

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="check_ins")
    recorded_at = models.DateTimeField(default=timezone.now)
    went_as_expected = models.CharField(max_length=10, choices=WentAsExpected.choices, blank=True)
    # An option's key; NOT_SWITCHED when she said she did not switch; "" when she skipped it.
    switched_to = models.CharField(max_length=50, blank=True)
    feeling = models.CharField(max_length=10, choices=Feeling.choices, blank=True)
    regret = models.JSONField(default=dict)  # REGRET_ITEMS item: 1 to 5
    note = models.TextField(blank=True)  # her words for her doctor

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("terugblik")
        verbose_name_plural = _("terugblikken")

    def __str__(self):
        return f"check-in #{self.pk}"

    @property
    def regret_score(self):
        return regret_score(self.regret)

    @property
    def switched_option(self):
        """The option she switched to; "" when she did not, or did not say."""
        return "" if self.switched_to == self.NOT_SWITCHED else self.switched_to
