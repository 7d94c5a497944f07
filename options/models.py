import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .fields import LinesField

# A line of content that is only "[werkwijze: <key>]" stands for that practice (Practice).
PRACTICE_MARKER = re.compile(r"^\[werkwijze: *([^\]]*)\]$")


class PublishedContentError(ValidationError):
    """A published version was about to change: whatever a patient printed must keep
    showing exactly the content she saw, so an edit always makes a new version."""


class DecisionAidQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=DecisionAid.Status.PUBLISHED)

    def current(self, slug, language):
        """The newest published version in this language, or None."""
        return self.published().filter(slug=slug, language=language).order_by("-version").first()

    def with_everything(self):
        """Every part of each version, so that pages read them with `.all()` and no query
        of their own (see options.published)."""
        choices = SituationChoice.objects.select_related("outcome__source").prefetch_related(
            models.Prefetch("flags", queryset=Flag.objects.select_related("source"))
        )
        cells = ComparisonCell.objects.select_related("option", "outcome__source", "outcome__other_source")
        return self.prefetch_related(
            "sources",
            models.Prefetch("alarm_sign_items", queryset=AlarmSign.objects.select_related("source")),
            models.Prefetch(
                "options",
                queryset=Option.objects.prefetch_related(
                    "sources",
                    models.Prefetch("outcomes", queryset=Outcome.objects.select_related("source", "other_source")),
                ),
            ),
            models.Prefetch(
                "comparison_rows",
                queryset=ComparisonRow.objects.prefetch_related(models.Prefetch("cells", queryset=cells)),
            ),
            models.Prefetch("sections", queryset=InfoSection.objects.prefetch_related("sources")),
            models.Prefetch(
                "situation_questions",
                queryset=SituationQuestion.objects.prefetch_related(models.Prefetch("choices", queryset=choices)),
            ),
            models.Prefetch(
                "value_statements",
                queryset=ValueStatement.objects.prefetch_related(
                    models.Prefetch("fits", queryset=ValueStatementFit.objects.select_related("option", "source"))
                ),
            ),
            models.Prefetch(
                "knowledge_questions",
                queryset=KnowledgeQuestion.objects.select_related("source").prefetch_related("choices"),
            ),
            models.Prefetch(
                "practices",
                queryset=Practice.objects.prefetch_related(
                    models.Prefetch("variants", queryset=PracticeVariant.objects.select_related("source"))
                ),
            ),
        )


class DecisionAid(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("concept")
        PUBLISHED = "published", _("gepubliceerd")

    slug = models.SlugField(verbose_name=_("adres (slug)"))
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, verbose_name=_("taal"))
    version = models.PositiveIntegerField(verbose_name=_("versie"))
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT, verbose_name=_("status"))
    published_at = models.DateTimeField(null=True, blank=True, verbose_name=_("gepubliceerd op"))
    content_hash = models.CharField(
        max_length=64, blank=True, editable=False, verbose_name=_("controlegetal van de inhoud")
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False, verbose_name=_("gemaakt op"))
    # The trace of a version: from which version a draft was made, by whom, and who
    # published it (staff accounts, never a patient).
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("gemaakt van versie"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("gemaakt door"),
    )
    edited_by = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("bewerkt door")
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("gepubliceerd door"),
    )
    # The approval as patients read it, copied from the reviewer's account when she
    # publishes: a published version never changes, so a later rename or new role of
    # that account must not rewrite who approved it. Empty for versions imported from
    # the reviewed content files (decision 0011). The date is `published_at`.
    approved_by_name = models.CharField(
        max_length=200, blank=True, default="", editable=False, verbose_name=_("goedgekeurd door")
    )
    approved_by_role = models.CharField(
        max_length=200, blank=True, default="", editable=False, verbose_name=_("functie en bevoegdheid")
    )

    title = models.CharField(max_length=200, verbose_name=_("titel"))
    intro = LinesField(help_text=_("Eén alinea per regel."), verbose_name=_("inleiding"))
    choice_is_yours = LinesField(help_text=_("Eén alinea per regel."), verbose_name=_("jouw keuze"))
    production_date = models.DateField(verbose_name=_("datum van maken"))
    next_review_date = models.DateField(verbose_name=_("volgende herziening"))
    update_policy = models.TextField(verbose_name=_("beleid voor herziening"))
    authors = LinesField(help_text=_("Eén maker per regel, met naam en rol."), verbose_name=_("makers"))
    reviewers = LinesField(
        blank=True,
        default=list,
        help_text=_("Eén klinisch beoordelaar per regel, met naam en rol."),
        verbose_name=_("klinisch beoordelaars"),
    )
    evidence = models.TextField(
        blank=True, default="", help_text=_("Waar de getallen vandaan komen."), verbose_name=_("onderbouwing")
    )
    funding = models.TextField(help_text=_("Financiering en belangenverstrengeling."), verbose_name=_("financiering"))

    objects = DecisionAidQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["slug", "language", "version"], name="unique_aid_version"),
        ]
        ordering = ["slug", "language", "-version"]
        verbose_name = _("keuzehulp")
        verbose_name_plural = _("keuzehulpen")
        # Publishing puts a version in front of every patient: a right of its own, apart
        # from editing a draft.
        permissions = [("publish_decisionaid", _("Mag een versie van de keuzehulp publiceren"))]

    def __str__(self):
        return f"{self.title} ({self.language}, versie {self.version}, {self.get_status_display()})"

    # Which aid a version belongs to: fixed when it is made. A Dutch draft saved as
    # English would replace the English aid on /en/ when published.
    IDENTITY = ("slug", "language", "version")

    def save(self, *args, **kwargs):
        self.check_editable()
        self.check_identity()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.check_editable()
        return super().delete(*args, **kwargs)

    def check_identity(self):
        """Refuse a change of slug, language or version of a stored version."""
        if self.pk is None:
            return
        stored = DecisionAid.objects.filter(pk=self.pk).values(*self.IDENTITY).first()
        if stored is None:
            return
        changed = [name for name in self.IDENTITY if stored[name] != getattr(self, name)]
        if changed:
            raise ValidationError(
                _("De %(fields)s van een versie liggen vast zodra de versie gemaakt is; ze kunnen niet veranderen."),
                params={"fields": ", ".join(str(self._meta.get_field(name).verbose_name) for name in changed)},
            )

    @property
    def decision_aid(self):
        return self

    @property
    def is_approved_in_app(self):
        """Approved by a reviewer in the admin (not imported from a reviewed file)."""
        return self.is_published and bool(self.approved_by_name)

    @property
    def approver(self):
        """Who approved this version, as patients read it: "name, role"."""
        return ", ".join(part for part in (self.approved_by_name, self.approved_by_role) if part)

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    def situation_questions_in(self, group):
        return [question for question in self.situation_questions.all() if question.group == group]

    def alarm_signs_of(self, urgency):
        return [sign for sign in self.alarm_sign_items.all() if sign.urgency == urgency]

    @property
    def alarm_signs(self):
        """The signs to call the hospital at once for (each prints as its text)."""
        return self.alarm_signs_of(AlarmSign.Urgency.AT_ONCE)

    @property
    def alarm_signs_office_hours(self):
        """Reasons to call that can wait for office hours, shown apart from the alarm signs."""
        return self.alarm_signs_of(AlarmSign.Urgency.OFFICE_HOURS)

    @property
    def alarm_banner(self):
        """The short alarm text of every page's footer, or None (older versions)."""
        return next(iter(self.alarm_signs_of(AlarmSign.Urgency.BANNER)), None)

    def lines_at(self, lines, hospital):
        """Content lines as her pages show them: a line that stands for a practice
        ("[werkwijze: <key>]") becomes her hospital's variant, or without a hospital the
        text that says hospitals differ."""
        practices = {practice.key: practice for practice in self.practices.all()}
        shown = []
        for line in lines:
            match = PRACTICE_MARKER.match(line)
            practice = practices.get(match.group(1)) if match else None
            if practice is not None:
                shown.extend(practice.lines_at(hospital))
            elif match is None:
                shown.append(line)
        return shown

    def practices_at(self, hospital, option=None):
        """(practice, her hospital's variant or None, the lines she reads) of every practice;
        with an option (the one she leans to), only its practices and those of no option."""
        return [
            (practice, practice.variant_at(hospital), practice.lines_at(hospital))
            for practice in self.practices.all()
            if option is None or practice.option_id in (None, option.pk)
        ]

    def check_editable(self):
        """Refuse a change to a version that is published in the database (also when the
        object in memory was set back to draft)."""
        stored_published = (
            self.pk is not None and DecisionAid.objects.filter(pk=self.pk, status=self.Status.PUBLISHED).exists()
        )
        if stored_published:
            raise PublishedContentError(
                _("Versie %(version)s is gepubliceerd en kan niet meer veranderen. Maak een nieuwe versie."),
                params={"version": self.version},
            )


class StaffProfile(models.Model):
    """What a staff member's approval shows beside her name: her role and credentials
    (IPDAS asks for the reviewers' credentials). Kept apart from the account, which
    Django owns."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile", verbose_name=_("account")
    )
    role = models.CharField(
        max_length=200,
        blank=True,
        default="",
        help_text=_(
            "Bijvoorbeeld: gynaecoloog, Ziekenhuis Noord. Staat bij je goedkeuring van de inhoud op de pagina "
            "'Over deze keuzehulp' en in de pdf."
        ),
        verbose_name=_("functie en bevoegdheid"),
    )

    class Meta:
        verbose_name = _("functie van een medewerker")
        verbose_name_plural = _("functies van medewerkers")

    def __str__(self):
        return self.role

    @classmethod
    def role_of(cls, user):
        return cls.objects.filter(user=user).values_list("role", flat=True).first() or ""

    @classmethod
    def approval_of(cls, user):
        """(name, role) as her approval shows them."""
        return user.get_full_name().strip(), cls.role_of(user).strip()

    @classmethod
    def missing_for_approval(cls, user):
        """What a reviewer must fill in before her approval can be shown to patients:
        the Dutch labels of the empty fields (first name, last name, role)."""
        fields = {
            user._meta.get_field("first_name").verbose_name: user.first_name.strip(),
            user._meta.get_field("last_name").verbose_name: user.last_name.strip(),
            cls._meta.get_field("role").verbose_name: cls.role_of(user).strip(),
        }
        return [str(label) for label, value in fields.items() if not value]


class VersionedContent(models.Model):
    """Part of one version of a decision aid: frozen once that version is published.

    Bulk queryset updates bypass this guard; the content is only ever written by
    options.content.database, which builds drafts.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.check_editable()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.check_editable()
        return super().delete(*args, **kwargs)

    def check_editable(self):
        aid = self.decision_aid
        if aid.is_published:
            raise PublishedContentError(
                _("Versie %(version)s is gepubliceerd en kan niet meer veranderen. Maak een nieuwe versie."),
                params={"version": aid.version},
            )


class AidPart(VersionedContent):
    """An ordered item with a key that is unique within its version (subclasses add `aid`)."""

    key = models.SlugField(max_length=60, verbose_name=_("sleutel"))
    position = models.PositiveSmallIntegerField(default=0, verbose_name=_("volgorde"))

    class Meta:
        abstract = True
        ordering = ["position"]

    def __str__(self):
        return self.key

    @property
    def decision_aid(self):
        return self.aid


def unique_key(name):
    return [models.UniqueConstraint(fields=["aid", "key"], name=f"unique_{name}_key")]


class Source(AidPart):
    aid = models.ForeignKey(DecisionAid, on_delete=models.CASCADE, related_name="sources", verbose_name=_("keuzehulp"))
    label = models.CharField(
        max_length=200, help_text=_("Korte naam in bronvermeldingen."), verbose_name=_("korte naam")
    )
    title = models.CharField(max_length=300, verbose_name=_("titel"))
    publisher = models.CharField(max_length=300, verbose_name=_("uitgever"))
    year = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("jaar"))

    class Meta(AidPart.Meta):
        constraints = unique_key("source")
        verbose_name = _("bron")
        verbose_name_plural = _("bronnen")

    def __str__(self):
        return self.label


class Option(AidPart):
    aid = models.ForeignKey(DecisionAid, on_delete=models.CASCADE, related_name="options", verbose_name=_("keuzehulp"))
    name = models.CharField(max_length=100, verbose_name=_("naam"))
    summary = models.CharField(max_length=300, verbose_name=_("samenvatting"))
    steps = LinesField(help_text=_("Eén stap per regel."), verbose_name=_("stappen"))
    where = models.TextField(verbose_name=_("waar"))
    duration = models.TextField(verbose_name=_("hoe lang"))
    pain_and_bleeding = models.TextField(verbose_name=_("pijn en bloedverlies"))
    recovery = models.TextField(verbose_name=_("herstel"))
    pros = LinesField(help_text=_("Eén voordeel per regel."), verbose_name=_("voordelen"))
    cons = LinesField(help_text=_("Eén nadeel per regel."), verbose_name=_("nadelen"))
    prepare = LinesField(help_text=_("Eén punt per regel."), verbose_name=_("voorbereiden"))
    contact = LinesField(help_text=_("Eén reden per regel."), verbose_name=_("contact opnemen"))
    contact_office_hours = LinesField(
        blank=True,
        default=list,
        help_text=_("Redenen om te bellen die tot kantooruren kunnen wachten; één per regel."),
        verbose_name=_("contact tijdens kantooruren"),
    )
    sources = models.ManyToManyField(Source, related_name="+", verbose_name=_("bronnen"))

    class Meta(AidPart.Meta):
        constraints = unique_key("option")
        verbose_name = _("optie")
        verbose_name_plural = _("opties")

    def __str__(self):
        return self.name


class AlarmSign(AidPart):
    """When to call the hospital: at once, or preferably during office hours; and the
    short banner text of every page. Each with its source."""

    class Urgency(models.TextChoices):
        BANNER = "banner", _("korte tekst onder elke pagina")
        AT_ONCE = "at_once", _("bel meteen")
        OFFICE_HOURS = "office_hours", _("bel, liefst tijdens kantooruren")

    aid = models.ForeignKey(
        DecisionAid, on_delete=models.CASCADE, related_name="alarm_sign_items", verbose_name=_("keuzehulp")
    )
    urgency = models.CharField(max_length=16, choices=Urgency.choices, verbose_name=_("urgentie"))
    text = models.TextField(verbose_name=_("tekst"))
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("bron"))

    class Meta(AidPart.Meta):
        constraints = unique_key("alarm_sign")
        verbose_name = _("alarmsignaal")
        verbose_name_plural = _("alarmsignalen")

    def __str__(self):
        return self.text


class Outcome(AidPart):
    """A chance as a natural frequency: `low` (to `high`) out of `denominator` women."""

    aid = models.ForeignKey(DecisionAid, on_delete=models.CASCADE, related_name="outcomes", verbose_name=_("keuzehulp"))
    option = models.ForeignKey(
        Option, on_delete=models.CASCADE, null=True, blank=True, related_name="outcomes", verbose_name=_("optie")
    )
    label = models.CharField(max_length=200, verbose_name=_("naam"))
    reference_group = models.CharField(max_length=200, verbose_name=_("groep vrouwen"))
    time_frame = models.CharField(max_length=200, verbose_name=_("tijdsduur"))
    low = models.PositiveSmallIntegerField(verbose_name=_("laagste getal"))
    high = models.PositiveSmallIntegerField(verbose_name=_("hoogste getal"))
    denominator = models.PositiveSmallIntegerField(default=100, verbose_name=_("noemer"))
    positive = models.TextField(help_text=_("De kans positief verwoord, met het getal."), verbose_name=_("positief"))
    negative = models.TextField(help_text=_("De kans negatief verwoord, met het getal."), verbose_name=_("negatief"))
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("bron"))
    other_source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("andere bron")
    )
    uncertainty = models.TextField(blank=True, verbose_name=_("onzekerheid"))

    class Meta(AidPart.Meta):
        constraints = unique_key("outcome")
        verbose_name = _("uitkomst")
        verbose_name_plural = _("uitkomsten")

    @property
    def is_range(self):
        return self.high != self.low


class ComparisonRow(AidPart):
    aid = models.ForeignKey(
        DecisionAid, on_delete=models.CASCADE, related_name="comparison_rows", verbose_name=_("keuzehulp")
    )
    question = models.CharField(max_length=200, verbose_name=_("vraag"))

    class Meta(AidPart.Meta):
        constraints = unique_key("comparison_row")
        verbose_name = _("vergelijkingsvraag")
        verbose_name_plural = _("vergelijkingsvragen")

    def __str__(self):
        return self.question


class ComparisonCell(VersionedContent):
    row = models.ForeignKey(
        ComparisonRow, on_delete=models.CASCADE, related_name="cells", verbose_name=_("vergelijkingsvraag")
    )
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="+", verbose_name=_("optie"))
    text = models.TextField(verbose_name=_("tekst"))
    outcome = models.ForeignKey(
        Outcome, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("uitkomst")
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["row", "option"], name="unique_cell_per_option")]
        ordering = ["option__position"]
        verbose_name = _("cel")
        verbose_name_plural = _("cellen")

    def __str__(self):
        return f"{self.row.key} / {self.option.key}"

    @property
    def decision_aid(self):
        return self.row.aid


class ValueStatement(AidPart):
    aid = models.ForeignKey(
        DecisionAid, on_delete=models.CASCADE, related_name="value_statements", verbose_name=_("keuzehulp")
    )
    text = models.CharField(max_length=300, verbose_name=_("tekst"))

    class Meta(AidPart.Meta):
        constraints = unique_key("value_statement")
        verbose_name = _("waarde-uitspraak")
        verbose_name_plural = _("waarde-uitspraken")

    def __str__(self):
        return self.text


class ValueStatementFit(VersionedContent):
    class Match(models.TextChoices):
        FITS = "fits", _("past")
        PARTLY = "partly", _("past deels")
        DOES_NOT_FIT = "does_not_fit", _("past niet")

    statement = models.ForeignKey(
        ValueStatement, on_delete=models.CASCADE, related_name="fits", verbose_name=_("waarde-uitspraak")
    )
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="+", verbose_name=_("optie"))
    match = models.CharField(max_length=16, choices=Match.choices, verbose_name=_("past"))
    reason = models.TextField(verbose_name=_("reden"))
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("bron"))
    # The outcome whose figure the reason states: the loader checks that it states it.
    outcome = models.ForeignKey(
        Outcome,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("noemt uitkomst"),
        help_text=_("De uitkomst waarvan de reden het getal noemt; het getal moet dan kloppen."),
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["statement", "option"], name="unique_fit_per_option")]
        ordering = ["option__position"]
        verbose_name = _("past bij optie")
        verbose_name_plural = _("past bij opties")

    def __str__(self):
        return f"{self.statement.key} / {self.option.key}"

    @property
    def decision_aid(self):
        return self.statement.aid


class KnowledgeQuestion(AidPart):
    aid = models.ForeignKey(
        DecisionAid, on_delete=models.CASCADE, related_name="knowledge_questions", verbose_name=_("keuzehulp")
    )
    question = models.CharField(max_length=300, verbose_name=_("vraag"))
    explanation = models.TextField(verbose_name=_("uitleg"))
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("bron"))
    # The outcome whose figure the question asks for: the loader checks the explanation
    # and the right answer state it.
    outcome = models.ForeignKey(
        Outcome,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vraagt naar uitkomst"),
        help_text=_("De uitkomst waarnaar de vraag vraagt; uitleg en goed antwoord moeten dat getal noemen."),
    )

    class Meta(AidPart.Meta):
        constraints = unique_key("knowledge_question")
        verbose_name = _("kennisvraag")
        verbose_name_plural = _("kennisvragen")

    def __str__(self):
        return self.question


class KnowledgeChoice(VersionedContent):
    question = models.ForeignKey(
        KnowledgeQuestion, on_delete=models.CASCADE, related_name="choices", verbose_name=_("kennisvraag")
    )
    key = models.SlugField(max_length=60, verbose_name=_("sleutel"))
    position = models.PositiveSmallIntegerField(default=0, verbose_name=_("volgorde"))
    text = models.CharField(max_length=300, verbose_name=_("tekst"))
    is_correct = models.BooleanField(default=False, verbose_name=_("goed antwoord"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "key"], name="unique_knowledge_choice")]
        ordering = ["position"]
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")

    def __str__(self):
        return self.text

    @property
    def decision_aid(self):
        return self.question.aid


class Flag(AidPart):
    """What an answer about her situation raises: information, a point to discuss, or
    a call to the hospital now."""

    class Kind(models.TextChoices):
        CALL_NOW = "call_now", _("bel nu")
        DISCUSS_CURETTAGE = "discuss_curettage", _("curettage bespreken")
        ANTI_D = "anti_d", _("anti-D")
        RECURRENCE = "recurrence", _("herhaalde miskraam")
        NSAID_CAUTION = "nsaid_caution", _("voorzichtig met NSAID")
        INFORMATION = "information", _("informatie")

    aid = models.ForeignKey(DecisionAid, on_delete=models.CASCADE, related_name="flags", verbose_name=_("keuzehulp"))
    kind = models.CharField(max_length=32, choices=Kind.choices, verbose_name=_("soort"))
    title = models.CharField(max_length=200, verbose_name=_("titel"))
    # What the flag means for the doctor, in clinical words ("In het kort, voor de arts").
    clinical = models.CharField(_("voor de arts"), max_length=200)
    text = models.TextField(verbose_name=_("tekst"))
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("bron"))
    # Conditions on her other situation answers: {question key: [choice keys]}.
    only_if = models.JSONField(
        default=dict,
        blank=True,
        help_text=_("Alleen als elk van deze vragen een van deze antwoorden heeft."),
        verbose_name=_("alleen als"),
    )
    unless = models.JSONField(
        default=dict,
        blank=True,
        help_text=_("Niet als een van deze vragen een van deze antwoorden heeft."),
        verbose_name=_("niet als"),
    )

    class Meta(AidPart.Meta):
        constraints = unique_key("flag")
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")

    def __str__(self):
        return self.title

    def applies_to(self, situation):
        """Whether the flag applies to her situation answers, {question key: choice key}
        (a question she skipped is absent, and so in no list). Without conditions: always."""
        only_if, unless = self.only_if or {}, self.unless or {}
        return all(situation.get(question) in choices for question, choices in only_if.items()) and not any(
            situation.get(question) in choices for question, choices in unless.items()
        )


class SituationQuestion(AidPart):
    class Group(models.TextChoices):
        SAFETY = "safety", _("veiligheid")
        SITUATION = "situation", _("situatie")

    aid = models.ForeignKey(
        DecisionAid, on_delete=models.CASCADE, related_name="situation_questions", verbose_name=_("keuzehulp")
    )
    group = models.CharField(max_length=16, choices=Group.choices, verbose_name=_("groep"))
    question = models.CharField(max_length=300, verbose_name=_("vraag"))
    hint = models.TextField(verbose_name=_("uitleg"))
    # The question as a doctor writes it in a patient record, e.g. "Rhesus".
    clinical_label = models.CharField(_("voor de arts"), max_length=100)

    class Meta(AidPart.Meta):
        constraints = unique_key("situation_question")
        verbose_name = _("situatievraag")
        verbose_name_plural = _("situatievragen")

    def __str__(self):
        return self.question


class SituationChoice(VersionedContent):
    question = models.ForeignKey(
        SituationQuestion, on_delete=models.CASCADE, related_name="choices", verbose_name=_("situatievraag")
    )
    key = models.SlugField(max_length=60, verbose_name=_("sleutel"))
    position = models.PositiveSmallIntegerField(default=0, verbose_name=_("volgorde"))
    text = models.CharField(max_length=200, verbose_name=_("tekst"))
    # Her answer as a doctor writes it, e.g. "negatief" for "Ja" to "Ben je rhesus negatief?".
    clinical = models.CharField(_("voor de arts"), max_length=100)
    flags = models.ManyToManyField(Flag, blank=True, related_name="raised_by", verbose_name=_("signalen"))
    # A figure that applies to women who give this answer, e.g. the chance by age group.
    outcome = models.ForeignKey(
        Outcome, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("uitkomst")
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "key"], name="unique_situation_choice")]
        ordering = ["position"]
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")

    def __str__(self):
        return self.text

    @property
    def decision_aid(self):
        return self.question.aid


class InfoSection(AidPart):
    aid = models.ForeignKey(DecisionAid, on_delete=models.CASCADE, related_name="sections", verbose_name=_("keuzehulp"))
    title = models.CharField(max_length=200, verbose_name=_("titel"))
    body = LinesField(help_text=_("Eén alinea per regel."), verbose_name=_("tekst"))
    sources = models.ManyToManyField(Source, related_name="+", verbose_name=_("bronnen"))

    class Meta(AidPart.Meta):
        constraints = unique_key("section")
        verbose_name = _("informatieblok")
        verbose_name_plural = _("informatieblokken")

    def __str__(self):
        return self.title


class Practice(AidPart):
    """Where the sources differ by hospital: what each hospital does, as variants with
    their source. A hospital picks one (hospitals.PracticePick); without a pick she reads
    the default, without a hospital the text that says hospitals differ."""

    aid = models.ForeignKey(
        DecisionAid, on_delete=models.CASCADE, related_name="practices", verbose_name=_("keuzehulp")
    )
    title = models.CharField(
        max_length=200,
        help_text=_("Als vraag, bijvoorbeeld „Wanneer doe je de misoprostol in?”"),
        verbose_name=_("titel"),
    )
    option = models.ForeignKey(
        Option, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("optie")
    )
    without_hospital = LinesField(
        help_text=_("Wat zij leest zonder ziekenhuis: dat ziekenhuizen het verschillend doen. Eén alinea per regel."),
        verbose_name=_("zonder ziekenhuis"),
    )

    class Meta(AidPart.Meta):
        constraints = unique_key("practice")
        verbose_name = _("werkwijze")
        verbose_name_plural = _("werkwijzen")

    def __str__(self):
        return self.title

    @property
    def default_variant(self):
        return next((variant for variant in self.variants.all() if variant.is_default), None)

    def variant(self, key):
        """The variant with this key, or the default (a pick this version does not know)."""
        return next((variant for variant in self.variants.all() if variant.key == key), self.default_variant)

    def variant_at(self, hospital):
        """Her hospital's variant (the default until it picks one), or None without a hospital."""
        if hospital is None:
            return None
        return self.variant(hospital.chosen_variants.get(self.key))

    def lines_at(self, hospital):
        variant = self.variant_at(hospital)
        return variant.text if variant is not None else self.without_hospital


class PracticeVariant(VersionedContent):
    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="variants", verbose_name=_("werkwijze")
    )
    key = models.SlugField(max_length=60, verbose_name=_("sleutel"))
    position = models.PositiveSmallIntegerField(default=0, verbose_name=_("volgorde"))
    label = models.CharField(max_length=200, help_text=_("Zoals het ziekenhuis kiest."), verbose_name=_("naam"))
    text = LinesField(help_text=_("Wat zij leest. Eén alinea per regel."), verbose_name=_("tekst"))
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("bron"))
    is_default = models.BooleanField(default=False, verbose_name=_("standaard"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["practice", "key"], name="unique_practice_variant")]
        ordering = ["position"]
        verbose_name = _("variant")
        verbose_name_plural = _("varianten")

    def __str__(self):
        return self.label

    @property
    def decision_aid(self):
        return self.practice.aid
