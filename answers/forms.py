"""One small form per step. Every field is optional: she may skip any question.

Each form converts both ways between its fields and her answers: it is filled from her
saved answers (`initial_from`), and `apply` writes what she sent onto her answers."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import codes
from .models import (
    AGREEMENT_CHOICES,
    DECISION_DAYS_AHEAD,
    DECISION_DAYS_BACK,
    RATING_CHOICES,
    REGRET_ITEMS,
    REGRET_STATEMENTS,
    SURE_ITEMS,
    UNSURE,
    CheckIn,
    RecordAnswers,
)

OWN_TEXT_MAX_LENGTH = 1000
OWN_CONCERNS = 3
OWN_QUESTIONS = 6
YES_NO = [("ja", _("Ja")), ("nee", _("Nee"))]


class PatientForm(forms.Form):
    def error_links(self):
        """(anchor, message) for the error summary at the top of the page: each links to
        its field (for a group of radio buttons, its first button)."""
        links = []
        for name, errors in self.errors.items():
            field = self[name]
            radio = isinstance(field.field.widget, forms.RadioSelect)
            anchor = f"{field.auto_id}_0" if radio else field.auto_id
            links.extend((anchor, label_and_error(field.label, error)) for error in errors)
        return links


def label_and_error(label, error):
    """A question and its error read as one sentence: a statement's full stop is dropped
    before the colon, and a question keeps its question mark instead of one (no
    "…krijgen.:" or "…negatief?:")."""
    label = str(label).rstrip()
    if label.endswith(("?", "!")):
        return f"{label} {error}"
    return f"{label.removesuffix('.')}: {error}"


class StepForm(PatientForm):
    """A step of her path: filled from her saved answers, and applied to them on save."""

    def __init__(self, data=None, *, answers=None):
        super().__init__(data, initial=self.initial_from(answers or RecordAnswers()))

    def initial_from(self, answers):
        raise NotImplementedError

    def apply(self, answers):
        raise NotImplementedError


class RatingScale(forms.RadioSelect):
    """The five answers of a value statement in one row, numbered 1 to 5 with the meaning
    of each number for a screen reader and the two ends shown (`question` tag)."""


def choice_field(label, choices, help_text="", widget=forms.RadioSelect):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        help_text=help_text,
        required=False,
        widget=widget,
        error_messages={"invalid_choice": _("Kies een van de antwoorden die hier staan.")},
    )


# Embeddings, overrides and isolates (U+202A-202E, U+2066-2069): one of these makes her
# words, or the text after them, read reversed in the PDF, on the page and in the note
# the clinician copies into the patient record (plain text, where nothing can isolate
# them). Nobody types them; removed.
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


class OwnTextField(forms.CharField):
    def to_python(self, value):
        return super().to_python(value).translate(BIDI_CONTROLS)

    def widget_attrs(self, widget):
        # No maxlength in the page: the browser would silently cut off a pasted text. Too
        # long a text gets a clear message instead, with everything she typed kept.
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


def own_text_field(label, help_text=""):
    return OwnTextField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=OWN_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _("Je tekst is te lang: gebruik hoogstens %(limit_value)d tekens (nu %(show_value)d).")
        },
    )


def own_texts(texts):
    return [text for text in texts if text.strip()]


class SituationForm(StepForm):
    """The safety check or her situation: one field per question of that group."""

    def __init__(self, data=None, *, questions, answers=None):
        self.questions = list(questions)
        super().__init__(data, answers=answers)
        for question in self.questions:
            field = choice_field(question.question, [(c.key, c.text) for c in question.choices.all()], question.hint)
            field.hint_folded = True
            self.fields[question.key] = field

    def initial_from(self, answers):
        return {q.key: answers.situation[q.key] for q in self.questions if q.key in answers.situation}

    def apply(self, answers):
        # Only this group's questions: an answer left empty removes the one saved before.
        for question, choice in self.cleaned_data.items():
            if choice:
                answers.situation[question] = choice
            else:
                answers.situation.pop(question, None)


class ValuesForm(StepForm):
    def __init__(self, data=None, *, statements, answers=None):
        self.statements = list(statements)
        super().__init__(data, answers=answers)
        for statement in self.statements:
            # No hint per statement: the page asks "Hoe belangrijk is dit voor jou?" once,
            # and each answer's name says what its number means.
            self.fields[statement.key] = choice_field(
                statement.text, [(str(n), label) for n, label in RATING_CHOICES], widget=RatingScale
            )
        for number in range(1, OWN_CONCERNS + 1):
            self.fields[f"concern_{number}"] = own_text_field(
                _("Iets anders dat voor jou belangrijk is (%(number)s)") % {"number": number},
                _("In je eigen woorden. Dit komt in je samenvatting voor de arts."),
            )

    def statement_fields(self):
        return [self[statement.key] for statement in self.statements]

    def concern_fields(self):
        return [self[f"concern_{n}"] for n in range(1, OWN_CONCERNS + 1)]

    def concerns_open(self):
        """Her own points are folded away under one question unless one holds a text or
        an error: the statements fit on a phone, and most women write none."""
        return any(field.value() or field.errors for field in self.concern_fields())

    def initial_from(self, answers):
        initial = {key: str(rating) for key, rating in answers.ratings.items()}
        initial.update({f"concern_{n}": text for n, text in enumerate(answers.concerns, start=1)})
        return initial

    def apply(self, answers):
        data = self.cleaned_data
        answers.ratings = {s.key: int(data[s.key]) for s in self.statements if data[s.key]}
        answers.concerns = own_texts(data[f"concern_{n}"] for n in range(1, OWN_CONCERNS + 1))


class KnowledgeForm(StepForm):
    def __init__(self, data=None, *, questions, answers=None):
        super().__init__(data, answers=answers)
        for question in questions:
            self.fields[question.key] = choice_field(
                question.question, [(c.key, c.text) for c in question.choices.all()]
            )

    def initial_from(self, answers):
        return dict(answers.knowledge)

    def apply(self, answers):
        answers.knowledge = {question: choice for question, choice in self.cleaned_data.items() if choice}


class LeaningForm(StepForm):
    # The SURE test (Légaré et al.): four yes/no questions on decisional conflict.
    sure_best_choice = choice_field(_("Weet je zeker wat voor jou de beste keuze is?"), YES_NO)
    sure_knows_benefits_and_risks = choice_field(_("Ken je de voordelen en nadelen van elke mogelijkheid?"), YES_NO)
    sure_clear_what_matters = choice_field(
        _("Is het voor jou duidelijk welke voordelen en nadelen voor jou het belangrijkst zijn?"), YES_NO
    )
    sure_enough_support = choice_field(_("Heb je genoeg steun en advies om een keuze te maken?"), YES_NO)

    def __init__(self, data=None, *, options, answers=None):
        super().__init__(data, answers=answers)
        choices = [(o.key, o.name) for o in options] + [(UNSURE, _("Ik weet het nog niet"))]
        self.fields = {
            "leaning": choice_field(
                _("Naar welke mogelijkheid neig je nu?"),
                choices,
                _("Je legt je hiermee niet vast. Je kunt altijd nog van gedachten veranderen."),
            ),
            **self.fields,
        }

    def sure_fields(self):
        return [self[f"sure_{item}"] for item in SURE_ITEMS]

    def initial_from(self, answers):
        initial = {"leaning": answers.leaning}
        initial.update({f"sure_{item}": "ja" if yes else "nee" for item, yes in answers.sure.items()})
        return initial

    def apply(self, answers):
        data = self.cleaned_data
        answers.leaning = data["leaning"]
        answers.sure = {item: data[f"sure_{item}"] == "ja" for item in SURE_ITEMS if data[f"sure_{item}"]}


class QuestionsForm(StepForm):
    def __init__(self, data=None, *, answers=None):
        super().__init__(data, answers=answers)
        for number in range(1, OWN_QUESTIONS + 1):
            self.fields[f"question_{number}"] = own_text_field(_("Vraag of opmerking %(number)s") % {"number": number})

    def initial_from(self, answers):
        return {f"question_{n}": text for n, text in enumerate(answers.questions, start=1)}

    def apply(self, answers):
        answers.questions = own_texts(self.cleaned_data[f"question_{n}"] for n in range(1, OWN_QUESTIONS + 1))


class ResumeForm(PatientForm):
    code = forms.CharField(
        label=_("Jouw code"),
        help_text=_("De code van 12 tekens die je hebt opgeschreven, bijvoorbeeld ABCD-EFGH-JKMN."),
        max_length=40,
    )

    def clean_code(self):
        if not codes.is_well_formed(self.cleaned_data["code"]):
            raise forms.ValidationError(_("Een code heeft 12 tekens. Kijk nog eens wat je hebt opgeschreven."))
        return codes.normalise(self.cleaned_data["code"])


UNKNOWN_CODE = _("Deze code kennen we niet. Kijk of je hem goed hebt overgenomen.")
EXPIRED_CODE = _("Deze code is verlopen: je antwoorden zijn na de bewaartermijn gewist. Je kunt opnieuw beginnen.")


class DecisionForm(PatientForm):
    """The option she and her doctor chose, and its date. Both are needed: a decision
    without a date cannot open the check-in."""

    on_date = forms.DateField(
        label=_("Op welke datum begint het?"),
        help_text=_(
            "Medicijnen: de dag dat je de eerste tablet neemt. Curettage: de dag van de behandeling. "
            "Afwachten: de dag dat je begint met afwachten."
        ),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        error_messages={
            "required": _("Vul de datum in."),
            "invalid": _("Vul een bestaande datum in, bijvoorbeeld 14-03-2026."),
        },
    )

    def __init__(self, data=None, *, options, today=None):
        super().__init__(data)
        self.today = today or timezone.localdate()
        self.fields = {
            "option": forms.ChoiceField(
                label=_("Wat hebben jij en je arts besloten?"),
                choices=[(o.key, o.name) for o in options],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Kies wat jullie hebben besloten."),
                    "invalid_choice": _("Kies een van de antwoorden die hier staan."),
                },
            ),
            **self.fields,
        }

    def clean_on_date(self):
        on_date = self.cleaned_data["on_date"]
        if on_date < self.today - datetime.timedelta(days=DECISION_DAYS_BACK):
            raise forms.ValidationError(
                _("Deze datum ligt meer dan %(days)d dagen terug. Kijk of je de datum goed hebt ingevuld."),
                params={"days": DECISION_DAYS_BACK},
            )
        if on_date > self.today + datetime.timedelta(days=DECISION_DAYS_AHEAD):
            raise forms.ValidationError(
                _("Deze datum ligt meer dan %(days)d dagen vooruit. Kijk of je de datum goed hebt ingevuld."),
                params={"days": DECISION_DAYS_AHEAD},
            )
        return on_date


class CheckInForm(PatientForm):
    """Every question may be skipped, as on her path; but a check-in with no answer at
    all is not saved."""

    went_as_expected = choice_field(_("Ging het zoals je had verwacht?"), CheckIn.WentAsExpected.choices)
    feeling = choice_field(_("Hoe gaat het nu met je?"), CheckIn.Feeling.choices)
    note = own_text_field(
        _("Wil je iets aan je arts laten weten?"),
        _("In je eigen woorden. Je arts leest dit alleen als je je deelcode geeft."),
    )

    def __init__(self, data=None, *, options, decided):
        super().__init__(data)
        others = [(o.key, o.name) for o in options if o.key != decided]
        fields = {
            "went_as_expected": self.fields.pop("went_as_expected"),
            "switched_to": choice_field(
                _("Ben je overgestapt naar een andere mogelijkheid?"), [(CheckIn.NOT_SWITCHED, _("Nee")), *others]
            ),
        }
        for item in REGRET_ITEMS:
            fields[f"regret_{item}"] = choice_field(
                REGRET_STATEMENTS[item], [(str(n), label) for n, label in AGREEMENT_CHOICES], widget=RatingScale
            )
        self.fields = {**fields, **self.fields}

    def regret_fields(self):
        return [self[f"regret_{item}"] for item in REGRET_ITEMS]

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in self.fields) and "note" not in self.errors:
            self.add_error("went_as_expected", _("Beantwoord minstens één vraag, of ga terug zonder op te slaan."))
        return data

    def answers(self):
        data = self.cleaned_data
        return {
            "went_as_expected": data["went_as_expected"],
            "switched_to": data["switched_to"],
            "feeling": data["feeling"],
            "regret": {item: int(data[f"regret_{item}"]) for item in REGRET_ITEMS if data[f"regret_{item}"]},
            "note": data["note"].strip(),
        }
