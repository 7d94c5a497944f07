"""Her plan: the moments after her decision, each dated from the day she wrote down.

Every timing below is a figure from the leaflets, named by its source key (content
sources in content/miskraam/*.yaml). It is kept here, as a table, rather than in the
content: the figures are few, and each one belongs to a rule the content states in words
(docs/decisions/0013-after-the-consultation.md, "Her plan").

She writes down a day, not an hour. A moment "24 to 48 hours after" a step of that day
therefore falls on one of the days its hours can reach from any hour of that day: the
plan shows that span of dates, never a made-up hour.
"""

import datetime
from dataclasses import dataclass

import icalendar
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

HOURS_PER_DAY = 24
MISOPROSTOL_PRACTICE = "misoprostol-schema"
FOLLOW_UP_PRACTICE = "nagesprek"


@dataclass(frozen=True)
class Timing:
    """Hours after the start of her day (the day she wrote down), as the source says them."""

    first_hour: int
    last_hour: int = None  # None: from the first hour on, no end

    def later(self, hours):
        last = None if self.last_hour is None else self.last_hour + hours
        return Timing(self.first_hour + hours, last)

    def dates(self, day):
        """The first and last date the moment can fall on, from any hour of her day."""
        first = day + datetime.timedelta(days=self.first_hour // HOURS_PER_DAY)
        if self.last_hour is None:
            return first, None
        # Her step may be at any hour of the day: up to 24 hours later than its start.
        return first, day + datetime.timedelta(days=(self.last_hour + HOURS_PER_DAY - 1) // HOURS_PER_DAY)


# "De eerste 2 weken na de miskraam" and "4 tot 6 weken na de miskraam" are dated only
# where the plan knows the day of the miscarriage. A curettage ends the pregnancy on its
# day; with medication it may come after the mifepristone, after the misoprostol or later,
# and waiting has no day at all: there the plan says how the weeks count, without an end.
DAY_OF_THE_MISCARRIAGE_KNOWN = {"curettage"}

# The misoprostol window after the mifepristone, per variant of the practice; without a
# hospital, the default variant's window (her page says hospitals differ).
MISOPROSTOL_WINDOW = {
    "tussen-24-en-48-uur": (Timing(24, 48), None),  # nvog-ommelander: "minimaal 24 uur en maximaal 48 uur later"
    # jijwij-elkerliek: "ongeveer 36 uur later ... zo nodig 24 uur later nog eens 4 tabletten"
    "na-36-uur-zo-nodig-tweede-keer": (Timing(36, 36), 24),
}
DEFAULT_MISOPROSTOL = "tussen-24-en-48-uur"


@dataclass(frozen=True)
class Moment:
    key: str  # stable: the calendar's UID is made from it
    summary: str  # short: the calendar's title
    lines: list
    sources: tuple  # content source keys
    first: datetime.date
    last: datetime.date = None  # None: one day
    open_ended: bool = False  # "from this day on": the source gives no end
    office_hours: bool = False  # the source says to call, preferably in office hours

    def is_past(self, today):
        """Over by `today`: she reads her plan days later and sees where she is."""
        return not self.open_ended and (self.last or self.first) < today


def moment(key, summary, lines, sources, timing, day, office_hours=False):
    """`sources`: one content source key, or a tuple of them where a moment's lines come
    from more than one leaflet."""
    first, last = timing.dates(day)
    last = last if last != first else None
    sources = (sources,) if isinstance(sources, str) else tuple(sources)
    return Moment(key, summary, list(lines), sources, first, last, timing.last_hour is None, office_hours)


def practice_lines(aid, key, hospital):
    """(her hospital's lines of the practice, its source key, her hospital's variant), or
    without a hospital the text that says hospitals differ, the default's source and None."""
    practice = aid.practices.filter(key=key).first()
    if practice is None:
        return [], None, None
    variant = practice.variant_at(hospital)
    sourced = variant or practice.default_variant
    return practice.lines_at(hospital), sourced.source.key if sourced else None, variant


def medication_moments(aid, day, hospital):
    lines, source, variant = practice_lines(aid, MISOPROSTOL_PRACTICE, hospital)
    window, second_dose_after = MISOPROSTOL_WINDOW.get(
        variant.key if variant else DEFAULT_MISOPROSTOL, MISOPROSTOL_WINDOW[DEFAULT_MISOPROSTOL]
    )
    moments = [
        moment(
            "mifepriston",
            _("Mifepriston slikken"),
            [_("Je slikt 1 tablet mifepriston met water.")],
            "nvog-ommelander",
            Timing(0, 0),
            day,
        ),
        moment("misoprostol", _("Misoprostol inbrengen"), lines, source or "nvog-ommelander", window, day),
    ]
    if second_dose_after:
        moments.append(
            moment(
                "misoprostol-tweede-keer",
                _("Zo nodig: tweede keer misoprostol"),
                [_("Is het nodig, dan doe je 24 uur na de eerste keer nog eens 4 tabletten misoprostol in je vagina.")],
                source,
                window.later(second_dose_after),
                day,
            )
        )
    moments += [
        moment(
            "tabletresten",
            _("Resten van tabletten mag je weghalen"),
            [
                _(
                    "Vind je resten van de tabletten in je vagina? "
                    "Die mag je 24 uur na de misoprostol zelf weghalen en weggooien."
                )
            ],
            "nvog-ommelander",
            Timing(window.first_hour + 24),
            day,
        ),
        moment(
            "niets-gebeurd",
            _("Niets gebeurd? Bel het ziekenhuis"),
            [
                _(
                    "Is er 48 uur na de misoprostol nog niets gebeurd? "
                    "Bel dan het ziekenhuis, liefst tijdens kantooruren."
                )
            ],
            "nvog-ommelander",
            window.later(48),
            day,
            office_hours=True,
        ),
    ]
    return moments


def waiting_moments(aid, day, hospital):
    return [
        moment(
            "afwachten-begin",
            _("Je begint met afwachten"),
            [_("Je wacht thuis tot de miskraam vanzelf komt.")],
            "nvog-ommelander",
            Timing(0, 0),
            day,
        ),
        moment(
            "afwachten-2-weken",
            _("2 weken afwachten"),
            [
                _(
                    "Als het bloeden is begonnen, komt de miskraam bij 7 van de 10 vrouwen binnen 2 weken. "
                    "Duurt het langer, of komt de miskraam niet vanzelf? Dan kun je alsnog kiezen voor medicijnen "
                    "of een curettage. Bespreek dit met je arts."
                )
            ],
            # nvog-ommelander: "7 van de 10" and "alsnog ... met medicijnen"; jijwij-elkerliek:
            # "een bepaalde tijd afwachten ... en dan alsnog curettage of medicamenteuze behandeling"
            ("nvog-ommelander", "jijwij-elkerliek"),
            Timing(14 * HOURS_PER_DAY, 14 * HOURS_PER_DAY),
            day,
        ),
        moment(
            "afwachten-6-weken",
            _("6 weken afwachten"),
            [_("Een vraag-en-antwoordpagina adviseert om niet langer dan 6 weken af te wachten.")],
            "vragen-miskraam",
            Timing(42 * HOURS_PER_DAY, 42 * HOURS_PER_DAY),
            day,
        ),
    ]


def curettage_moments(aid, day, hospital):
    return [
        moment(
            "curettage",
            _("Je curettage"),
            [
                _("Volg de uitleg over nuchter zijn goed op."),
                _("Regel iemand die je ophaalt uit het ziekenhuis. Je mag zelf niet autorijden of fietsen."),
            ],
            "nvog-ommelander",
            Timing(0, 0),
            day,
        ),
        moment(
            "curettage-herstel",
            _("Na de curettage"),
            [
                _(
                    "Je kunt 1 tot 2 weken wat helderrood bloed verliezen. "
                    "Daarna heb je misschien nog bruine afscheiding."
                )
            ],
            "jijwij-elkerliek",  # "Gedurende 1-2 weken kun je wat helderrood bloedverlies hebben"
            Timing(0, 14 * HOURS_PER_DAY),
            day,
        ),
    ]


OPTION_MOMENTS = {"medicijnen": medication_moments, "afwachten": waiting_moments, "curettage": curettage_moments}


@dataclass(frozen=True)
class FollowUp:
    """The moment her hospital's follow-up practice makes in her plan."""

    summary: str
    after_the_miscarriage: bool  # 4 to 6 weeks after it; else from her day on, whenever she needs it
    office_hours: bool  # its text says to call in office hours


# Per variant of the follow-up practice (content/miskraam/*.yaml, "nagesprek"); None: no
# hospital chosen, whose text says that some hospitals plan a talk. A variant added to the
# content later reads as her hospital's aftercare from her day on, until it is added here.
FOLLOW_UP = {
    "belconsult-na-4-tot-6-weken": FollowUp(_("Gesprek na 4 tot 6 weken"), True, False),
    "bellen-bij-vragen": FollowUp(_("Vragen? Bel het ziekenhuis"), False, True),
    None: FollowUp(_("Misschien een gesprek na 4 tot 6 weken"), True, True),
}
OTHER_FOLLOW_UP = FollowUp(_("Nazorg van je ziekenhuis"), False, False)


def later_moments(aid, option_key, day, hospital):
    """For every option: 4 to 6 weeks after the miscarriage (dated where the plan knows
    its day; else from the earliest day it can be), and her hospital's follow-up."""
    if option_key in DAY_OF_THE_MISCARRIAGE_KNOWN:
        weeks_4_to_6, counted = Timing(28 * HOURS_PER_DAY, 42 * HOURS_PER_DAY), []
    else:
        weeks_4_to_6 = Timing(28 * HOURS_PER_DAY)
        counted = [_("De 4 tot 6 weken tellen vanaf de dag van de miskraam. Die dag weten we niet van tevoren.")]
    moments = [
        moment(
            "ongesteld",
            _("Weer ongesteld"),
            [
                _(
                    "De meeste vrouwen worden 4 tot 6 weken na de miskraam weer ongesteld. "
                    "Bij sommige vrouwen duurt het langer."
                ),
                *counted,
            ],
            "nvog-ommelander",
            weeks_4_to_6,
            day,
        )
    ]
    lines, source, variant = practice_lines(aid, FOLLOW_UP_PRACTICE, hospital)
    if lines:
        follow_up = FOLLOW_UP.get(variant.key if variant else None, OTHER_FOLLOW_UP)
        if follow_up.after_the_miscarriage:
            timing, lines = weeks_4_to_6, [*lines, *counted]
        else:
            timing = Timing(0)
        moments.insert(0, moment("nagesprek", follow_up.summary, lines, source, timing, day, follow_up.office_hours))
    return moments


def plan_for(aid, decision, hospital):
    """The dated moments of her latest decision, in date order; empty for an option the
    plan knows nothing about."""
    option_moments = OPTION_MOMENTS.get(decision.option_key)
    if option_moments is None:
        return []
    day = decision.on_date
    moments = option_moments(aid, day, hospital) + later_moments(aid, decision.option_key, day, hospital)
    return sorted(moments, key=lambda m: m.first)


# Background blocks of the content that belong on her plan, shown whole as the content has
# them (in her language, with her hospital's practices): picking single lines out of a
# block would need a marker in the content format; a guess from the text would break
# silently when an editor rewrites it.
FIRST_TWO_WEEKS_SECTION = "eerste-twee-weken"
SUPPORT_SECTION = "gevoelens"
FIRST_TWO_WEEKS_DAYS = 14


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    lines: list
    sources: list  # Source
    first: datetime.date = None  # the dates the rules hold (at least), when the plan knows them
    last: datetime.date = None


def section(aid, key, hospital):
    found = next((item for item in aid.sections.all() if item.key == key), None)
    if found is None:
        return None
    return Section(found.key, found.title, aid.lines_at(found.body, hospital), list(found.sources.all()))


def first_two_weeks(aid, decision, hospital):
    """The content's rules for the first 2 weeks, dated from her day only where that day
    is the day of the miscarriage (a curettage); else None dates."""
    rules = section(aid, FIRST_TWO_WEEKS_SECTION, hospital)
    if rules is None or decision.option_key not in DAY_OF_THE_MISCARRIAGE_KNOWN:
        return rules
    last = decision.on_date + datetime.timedelta(days=FIRST_TWO_WEEKS_DAYS)
    return Section(rules.key, rules.title, rules.lines, rules.sources, decision.on_date, last)


def support(aid, hospital):
    """Her feelings afterwards: when to ask for help, and the organisations that support."""
    return section(aid, SUPPORT_SECTION, hospital)


def source_labels(aid):
    return {source.key: source.label for source in aid.sources.all()}


def source_names(item, labels):
    """A moment's sources as she reads them: "Folder A; Folder B"."""
    return "; ".join(labels.get(key, key) for key in item.sources)


def as_calendar(moments, aid, hospital, record):
    """Her plan as an iCalendar file: one all-day event per moment (she wrote down a day,
    not an hour), with nothing about her in it but her decision and its dates.

    An event's UID is its moment's key and an opaque token of her record, so that a new
    decision (another date) updates the events already in her calendar rather than adding
    a second set, where her calendar honours that; SEQUENCE counts her decisions."""

    labels = source_labels(aid)
    token = salted_hmac("answers.plan.calendar", str(record.pk)).hexdigest()[:16]
    sequence = record.decisions.count()
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Keuzehulp Miskraam//plan//NL")
    calendar.add("version", "2.0")
    for item in moments:
        event = icalendar.Event()
        event.add("uid", f"{item.key}-{token}@keuzehulp-miskraam")
        event.add("sequence", sequence)
        event.add("dtstamp", datetime.datetime.now(datetime.UTC))
        event.add("summary", str(item.summary))
        event.add("dtstart", item.first)
        event.add("dtend", (item.last or item.first) + datetime.timedelta(days=1))  # an all-day end is exclusive
        source = _("Bron: %(source)s") % {"source": source_names(item, labels)}
        # An all-day event of one day: "from this day on" is said in words.
        since = [_("Vanaf deze dag.")] if item.open_ended else []
        lines = [*since, *item.lines, source, *numbers_to_call(hospital, item)]
        event.add("description", "\n".join(map(str, lines)))
        calendar.add_component(event)
    return calendar.to_ical()


def numbers_to_call(hospital, item):
    """Her hospital's numbers for an event: the office-hours number first where the source
    says to call then, the 24-hour number always; never a made-up number (an example
    hospital's, or none chosen), but where to find her own."""
    if hospital is None or not hospital.dialable or not hospital.phone_24h:
        return [_("Bel je eigen ziekenhuis of je huisarts. Het nummer staat op je afsprakenkaart.")]
    numbers = [_("Dag en nacht bereikbaar: %(phone)s") % {"phone": hospital.phone_24h}]
    if item.office_hours:
        numbers.insert(0, _("Tijdens kantooruren: %(phone)s") % {"phone": hospital.phone_office_hours})
    return numbers
