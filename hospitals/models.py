"""The organisations that offer the aid: her hospital's name and the numbers she calls.

A hospital is a separate thing from the content (`options/`): the content is the same
for everyone, a hospital is whom she calls and how it works where the sources differ:
its picks among the content's practices (`PracticePick`, one row per hospital and
practice). Its staff (`Membership`: clinicians who open its patients' share codes,
editors of its profile and picks) hang off this model too. What each role may do:
hospitals/roles.py.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .phone import tel_href, validate_dutch_phone

CACHE_SECONDS = 3600
SHIPPED_EXAMPLE_SLUG = "voorbeeld"
MISSING = "missing"  # cached for a pk that does not exist, so a stale session costs no query


class HospitalQuerySet(models.QuerySet):
    def live(self):
        return self.filter(is_live=True, is_example=False)

    def reachable(self):
        """Those whose own address works: live ones, and examples for demonstrations."""
        return self.filter(models.Q(is_live=True) | models.Q(is_example=True))

    def of_staff(self, user):
        """The hospitals this account works for."""
        return self.filter(memberships__user=user)


class Hospital(models.Model):
    name = models.CharField(
        _("naam"),
        max_length=200,
        help_text=_("Zoals zij het ziekenhuis kent, bijvoorbeeld „Ziekenhuis Noord, Groningen”."),
    )
    slug = models.SlugField(
        _("adres"),
        max_length=60,
        unique=True,
        help_text=_(
            "Het laatste deel van het adres van dit ziekenhuis, na /ziekenhuis/: kleine letters, cijfers en "
            "streepjes. Staat op folders en in de QR-code: verander het niet meer als die gedrukt zijn."
        ),
    )
    phone_office_hours = models.CharField(
        _("telefoon tijdens kantooruren"),
        max_length=40,
        validators=[validate_dutch_phone],
        help_text=_("Bijvoorbeeld de polikliniek gynaecologie."),
    )
    phone_24h = models.CharField(
        _("telefoon dag en nacht"),
        max_length=40,
        blank=True,
        validators=[validate_dutch_phone],
        help_text=_(
            "Een nummer dat 24 uur per dag, 7 dagen per week wordt opgenomen (bijvoorbeeld de spoedeisende hulp "
            "of de afdeling verloskunde). Verplicht voordat het ziekenhuis live gaat."
        ),
    )
    website = models.URLField(_("website"), blank=True)
    is_example = models.BooleanField(
        _("voorbeeld"),
        default=False,
        help_text=_(
            "Een voorbeeldziekenhuis voor demonstraties en tests: de nummers zijn verzonnen, worden nooit als "
            "link getoond en zijn gemarkeerd als voorbeeld. Kan niet live gaan."
        ),
    )
    is_live = models.BooleanField(
        _("live"),
        default=False,
        help_text=_(
            "Staat in de lijst op de startpagina en toont zijn nummers als link om te bellen. "
            "Alleen met een nummer dat dag en nacht bereikbaar is."
        ),
    )

    objects = HospitalQuerySet.as_manager()

    class Meta:
        verbose_name = _("ziekenhuis")
        verbose_name_plural = _("ziekenhuizen")
        ordering = ["name"]
        permissions = [
            ("open_share_codes", "Mag deelcodes openen van patiënten van de eigen ziekenhuizen"),
            ("manage_every_hospital", "Mag alle ziekenhuizen beheren, live zetten en medewerkers toewijzen"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.is_live and self.is_example:
            errors["is_live"] = _("Een voorbeeldziekenhuis kan niet live gaan: de nummers zijn verzonnen.")
        elif self.is_live and not self.phone_24h:
            errors["phone_24h"] = _(
                "Vul een nummer in dat dag en nacht bereikbaar is voordat het ziekenhuis live gaat."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def dialable(self):
        """Her numbers are links only for a live, real hospital: never a made-up number."""
        return self.is_live and not self.is_example

    @property
    def is_shipped_example(self):
        """The example that ships with the app stands for "your hospital": its name is
        shown in her language (templates/hospitals/_components/name.html)."""
        return self.is_example and self.slug == SHIPPED_EXAMPLE_SLUG

    @property
    def shown_to_her(self):
        return self.is_live or self.is_example

    @cached_property
    def chosen_variants(self):
        """{practice key: variant key} of its picks; kept with the cached hospital."""
        return dict(self.practice_picks.values_list("practice", "variant"))

    @property
    def office_hours_tel(self):
        return tel_href(self.phone_office_hours)

    @property
    def phone_24h_tel(self):
        return tel_href(self.phone_24h)

    # The cache: read on every page, so kept in the shared cache; any change to a
    # hospital clears it (hospitals.signals).

    @staticmethod
    def cache_key(pk):
        return f"hospital:{pk}"

    LIVE_CACHE_KEY = "hospitals:live"

    @classmethod
    def cached(cls, pk):
        """The hospital with this pk as pages show it, or None (unknown, or no longer
        shown: a hospital taken off line leaves her with the neutral text)."""
        if not pk:
            return None
        hospital = cache.get_or_set(cls.cache_key(pk), lambda: cls.with_picks(pk), CACHE_SECONDS)
        if hospital == MISSING or not hospital.shown_to_her:
            return None
        return hospital

    @classmethod
    def with_picks(cls, pk):
        """The hospital as the cache keeps it: with its picks read, so that a page reads
        neither (or MISSING)."""
        hospital = cls.objects.filter(pk=pk).first()
        if hospital is None:
            return MISSING
        hospital.chosen_variants  # noqa: B018 (read now, to be cached with the hospital)
        return hospital

    @classmethod
    def live_list(cls):
        """The live hospitals for her list on the start page, by name."""
        return cache.get_or_set(cls.LIVE_CACHE_KEY, lambda: list(cls.objects.live()), CACHE_SECONDS)

    @classmethod
    def forget(cls, pk):
        cache.delete_many([cls.cache_key(pk), cls.LIVE_CACHE_KEY])


class PracticePickQuerySet(models.QuerySet):
    def lost_in(self, practices):
        """The picks whose variant a version no longer has, each with the practice's
        title; `practices` is (key, title, variant keys) of each of the version's
        practices. A pick of a practice the version no longer has is not lost: nothing
        shows it any more."""
        variants = {key: (title, keys) for key, title, keys in practices}
        return [
            (pick, variants[pick.practice][0])
            for pick in self.select_related("hospital").filter(practice__in=variants).order_by("hospital__name")
            if pick.variant not in variants[pick.practice][1]
        ]


class PracticePick(models.Model):
    """Which variant of a practice of the content a hospital follows. Keys, not foreign
    keys: every content version has its own rows, the pick holds across versions (and
    publishing a version that lacks a picked variant is refused, options.actions)."""

    hospital = models.ForeignKey(
        Hospital, on_delete=models.CASCADE, related_name="practice_picks", verbose_name=_("ziekenhuis")
    )
    practice = models.SlugField(_("werkwijze"), max_length=60)
    variant = models.SlugField(_("variant"), max_length=60)

    objects = PracticePickQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["hospital", "practice"], name="one_pick_per_practice")]
        verbose_name = _("keuze van werkwijze")
        verbose_name_plural = _("keuzes van werkwijzen")

    def __str__(self):
        return f"{self.hospital}: {self.practice} = {self.variant}"


class Membership(models.Model):
    """An account that works for a hospital. What it may do there comes from its groups
    (hospitals/roles.py); the membership says where."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="hospital_memberships",
        verbose_name=_("account"),
    )
    hospital = models.ForeignKey(
        Hospital, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("ziekenhuis")
    )

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        constraints = [models.UniqueConstraint(fields=["user", "hospital"], name="one_membership_per_hospital")]

    def __str__(self):
        return f"{self.user} – {self.hospital}"
