"""Who may do what with a hospital. The rights come from Django's permissions (given by
the groups that ship with the app, migrations/0005_hospital_roles.py); a membership says
for which hospitals. Platform staff are not clinicians: a superuser opens no share code
of a hospital she is not a member of."""

OPEN_SHARE_CODES = "hospitals.open_share_codes"
MANAGE_EVERY_HOSPITAL = "hospitals.manage_every_hospital"
VIEW_FIGURES = "figures.view_figures"


def is_clinician(user):
    """May open share codes at all: the right, and a hospital to use it for."""
    return user.has_perm(OPEN_SHARE_CODES) and user.hospital_memberships.exists()


def may_open_record_of(user, hospital_id):
    """A share code opens only for a clinician of her hospital (the pk of the hospital on
    her record). Without one (none chosen, or hers is not in the list) no clinician of the
    platform is hers."""
    if hospital_id is None or not user.has_perm(OPEN_SHARE_CODES):
        return False
    return user.hospital_memberships.filter(hospital_id=hospital_id).exists()


def manages_every_hospital(user):
    return user.has_perm(MANAGE_EVERY_HOSPITAL)


def may_edit(user, hospital):
    """A hospital's own editors edit it (and its parts); the platform edits every one."""
    if manages_every_hospital(user):
        return True
    return user.hospital_memberships.filter(hospital=hospital).exists()


def may_view_figures(user):
    """The monthly figures (figures/): the right, and a hospital to see them for, or the
    platform's view of every hospital."""
    return user.has_perm(VIEW_FIGURES) and (manages_every_hospital(user) or user.hospital_memberships.exists())


def hospitals_with_figures_for(user):
    """The hospitals whose figures the account sees: its own; the platform every one
    (and, beside them, "no hospital"; no sum over them, which would give away a count
    hidden in one of them by subtraction: figures/views.py)."""
    from .models import Hospital

    if manages_every_hospital(user):
        return Hospital.objects.order_by("name")
    return Hospital.objects.filter(memberships__user=user).order_by("name")
