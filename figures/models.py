from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class MonthlyCount(models.Model):
    """How often something happened at a hospital in a month: one number, counted up at
    the moment it happened (figures/counting.py), never worked out from her answers. It
    holds nothing that leads back to her: no link to a record, no time finer than the
    month, no text of hers. Deleting or purging her answers leaves it as it is."""

    # None: she chose no hospital (or hers is not in the list); only the platform sees it.
    # PROTECT: a hospital that has figures is taken off line, not deleted, so that its
    # months are not lost by one click in the admin.
    hospital = models.ForeignKey(
        "hospitals.Hospital", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    month = models.DateField()  # the first day of the month
    name = models.CharField(max_length=100)  # figures/names.py
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("aantal in een maand")
        verbose_name_plural = _("aantallen per maand")
        permissions = [("view_figures", _("Mag de cijfers per maand van zijn ziekenhuizen zien"))]
        # One row per (hospital, month, name). NULL is never equal to NULL in a unique
        # index, so "no hospital" gets its own partial index (works on SQLite and PG).
        constraints = [
            models.UniqueConstraint(
                fields=["hospital", "month", "name"],
                condition=Q(hospital__isnull=False),
                name="one_count_per_hospital_month_name",
            ),
            models.UniqueConstraint(
                fields=["month", "name"],
                condition=Q(hospital__isnull=True),
                name="one_count_per_month_name_without_hospital",
            ),
        ]

    def __str__(self):
        # Never its name or count: whatever lists it (a log, an admin page) shows no figure.
        return f"{self.month:%Y-%m}"
