import datetime
import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from options.models import DecisionAid

# No 0/O, 1/I/L: a code she writes down and types on another device must survive that.
RESUME_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RESUME_CODE_LENGTH = 12  # 31**12 is about 2**59: guessing within the retention time is hopeless

UNSURE = "nog-niet-zeker"
RATING_CHOICES = [
    (1, _("niet belangrijk")),
    (2, _("een beetje belangrijk")),
    (3, _("belangrijk")),
    (4, _("erg belangrijk")),
    (5, _("heel erg belangrijk")),
]
IMPORTANT = 4  # from "erg belangrijk" on, a statement counts as important to her


def code_digest(code):
    """What is stored instead of a code (resume or share): a keyed hash, so the database
    alone cannot be used to open anyone's answers."""
    normalised = "".join(code.upper().split()).replace("-", "")
    return hmac.new(settings.SECRET_KEY.encode(), normalised.encode(), hashlib.sha256).hexdigest()


def new_code():
    code = "".join(secrets.choice(RESUME_CODE_ALPHABET) for _ in range(RESUME_CODE_LENGTH))
    return "-".join(code[i : i + 4] for i in range(0, RESUME_CODE_LENGTH, 4))


def retention_deadline():
    return timezone.now() + datetime.timedelta(days=settings.ANSWERS_RETENTION_DAYS)


class RecordQuerySet(models.QuerySet):
    def active(self):
        return self.filter(expires_at__gt=timezone.now())

    def expired(self, now=None):
        return self.filter(expires_at__lte=now or timezone.now())


class Record(models.Model):
    """Her answers. Anonymous by design: no name, e-mail, account or IP address; only a
    random id in her session cookie and, if she asks for one, the digest of a resume code.

    Answers refer to the content by key, which is the same in every language, so that she
    can switch language on the way and the doctor can read her summary in Dutch.
    """

    # The version she last answered in: what she saw.
    aid = models.ForeignKey(DecisionAid, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=retention_deadline, db_index=True)
    resume_code_digest = models.CharField(max_length=64, unique=True, null=True, blank=True)
    # The steps she has reached (answered or skipped): a later step cannot be opened first.
    reached_step = models.PositiveSmallIntegerField(default=0)
    leaning = models.CharField(max_length=60, blank=True)
    sure_best_choice = models.BooleanField(null=True)
    sure_knows_benefits_and_risks = models.BooleanField(null=True)
    sure_clear_what_matters = models.BooleanField(null=True)
    sure_enough_support = models.BooleanField(null=True)

    objects = RecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("antwoorden van een vrouw")
        verbose_name_plural = _("antwoorden")

    def __str__(self):
        return f"#{self.pk}"

    SURE_FIELDS = (
        "sure_best_choice",
        "sure_knows_benefits_and_risks",
        "sure_clear_what_matters",
        "sure_enough_support",
    )

    @property
    def sure_score(self):
        """The SURE test: one point per "yes"; None until all four are answered."""
        answers = [getattr(self, name) for name in self.SURE_FIELDS]
        if None in answers:
            return None
        return sum(answers)

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @cached_property
    def answers(self):
        """All her answers, read in one query: every page that shows them stays within
        a few queries, however many questions the content has."""
        with connection.cursor() as cursor:
            cursor.execute(answers_sql(), [self.pk] * 4)
            rows = cursor.fetchall()
        answers = RecordAnswers()
        for kind, key, value, _position in sorted(rows, key=lambda row: row[3]):
            answers.add(kind, key, value)
        return answers


@cache
def answers_sql():
    """One UNION ALL over her four kinds of answers, written out once: the ORM took about
    a millisecond per page to compile the same union (see docs/benchmarks.md)."""
    parts = [
        (SituationAnswer, "'situation'", "question", "choice", "0"),
        (ValueRating, "'rating'", "statement", "CAST(rating AS TEXT)", "0"),
        (KnowledgeAnswer, "'knowledge'", "question", "choice", "0"),
        (OwnText, "'text'", "kind", "text", "position"),
    ]
    return " UNION ALL ".join(
        f"SELECT {kind}, {key}, {value}, {position} FROM {model._meta.db_table} WHERE record_id = %s"
        for model, kind, key, value, position in parts
    )


@dataclass
class RecordAnswers:
    situation: dict = field(default_factory=dict)  # question key: choice key
    ratings: dict = field(default_factory=dict)  # statement key: 1 to 5
    knowledge: dict = field(default_factory=dict)  # question key: choice key
    concerns: list = field(default_factory=list)  # in her order
    questions: list = field(default_factory=list)

    def add(self, kind, key, value):
        if kind == "situation":
            self.situation[key] = value
        elif kind == "rating":
            self.ratings[key] = int(value)
        elif kind == "knowledge":
            self.knowledge[key] = value
        elif key == OwnText.Kind.CONCERN:
            self.concerns.append(value)
        else:
            self.questions.append(value)


class SituationAnswer(models.Model):
    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="situation_answers")
    question = models.SlugField(max_length=60)
    choice = models.SlugField(max_length=60)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["record", "question"], name="one_answer_per_situation_question")]

    def __str__(self):
        return self.question


class ValueRating(models.Model):
    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="value_ratings")
    statement = models.SlugField(max_length=60)
    rating = models.PositiveSmallIntegerField(choices=RATING_CHOICES)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record", "statement"], name="one_rating_per_statement"),
            models.CheckConstraint(condition=models.Q(rating__gte=1, rating__lte=5), name="rating_from_1_to_5"),
        ]

    def __str__(self):
        return self.statement

    @property
    def is_important(self):
        return self.rating >= IMPORTANT


class OwnText(models.Model):
    """Something in her own words: a concern of her own, or a question for the doctor."""

    class Kind(models.TextChoices):
        CONCERN = "concern", _("eigen punt")
        QUESTION = "question", _("vraag")

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="own_texts")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    position = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["record", "kind", "position"], name="one_text_per_place")]
        ordering = ["kind", "position"]

    def __str__(self):
        # Never her words: a __str__ can end up in a log line.
        return f"{self.kind} {self.position + 1}"


class KnowledgeAnswer(models.Model):
    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="knowledge_answers")
    question = models.SlugField(max_length=60)
    choice = models.SlugField(max_length=60)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["record", "question"], name="one_answer_per_knowledge_question")]

    def __str__(self):
        return self.question


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
