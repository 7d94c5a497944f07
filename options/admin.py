from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from . import actions, views
from .content.changes import changes
from .content.database import export, name_of, place_of
from .content.normal_form import normalise
from .content.schema import ContentError
from .models import (
    AlarmSign,
    ComparisonCell,
    ComparisonRow,
    DecisionAid,
    Flag,
    InfoSection,
    KnowledgeChoice,
    KnowledgeQuestion,
    Option,
    Outcome,
    Practice,
    PracticeVariant,
    SituationChoice,
    SituationQuestion,
    Source,
    ValueStatement,
    ValueStatementFit,
)

# Lists edited inline on a version's own page (the inline's prefix is the related name),
# and lists with a page per item.
INLINE_PREFIXES = {
    "sources": "sources",
    "alarm_signs": "alarm_sign_items",
    "options": "options",
    "outcomes": "outcomes",
    "flags": "flags",
    "sections": "sections",
}
OWN_PAGES = {
    "comparison": ComparisonRow,
    "value_statements": ValueStatement,
    "knowledge_questions": KnowledgeQuestion,
    "situation_questions": SituationQuestion,
    "practices": Practice,
}


def problem_url(problem, aid):
    """Where a problem of a draft can be mended in the admin, or None."""
    if problem.collection in INLINE_PREFIXES and problem.index is not None:
        page = reverse("admin:options_decisionaid_change", args=[aid.pk])
        return f"{page}#{INLINE_PREFIXES[problem.collection]}-{problem.index}"
    if problem.collection in OWN_PAGES and problem.key:
        model = OWN_PAGES[problem.collection]
        pk = model.objects.filter(aid=aid, key=problem.key).values_list("pk", flat=True).first()
        if pk is not None:
            return reverse(f"admin:options_{model._meta.model_name}_change", args=[pk])
    return None


def problem_link(problem, drafts):
    """A problem as HTML: its message, linked to the field when it can be found."""
    aid = next((d for d in drafts if problem.prefix == place_of(d)), None)
    message = problem.message
    if aid is not None and len(drafts) > 1:
        message = f"{name_of(aid)}: {message}"
    url = problem_url(problem, aid) if aid is not None else None
    if url is None:
        return format_html("{}", message)
    return format_html('<a href="{}">{}</a>', url, message)


class DraftOnly:
    """Published versions are read-only; choices are limited to the same version, so a
    draft can never point at another version's sources or options."""

    def is_frozen(self, obj):
        return obj is not None and obj.decision_aid.is_published

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self.is_frozen(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self.is_frozen(obj)

    def has_add_permission(self, request, obj=None):
        allowed = super().has_add_permission(request, obj) if obj is not None else super().has_add_permission(request)
        return allowed and not self.is_frozen(obj)

    def limit_to_version(self, fields, obj):
        for field in fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is None:
                continue
            if queryset.model is DecisionAid:
                field.queryset = queryset.filter(status=DecisionAid.Status.DRAFT)
            elif obj is not None and hasattr(queryset.model, "aid"):
                field.queryset = queryset.filter(aid=obj.decision_aid)


class DraftOnlyInline(DraftOnly):
    """In the admin a clinician edits texts and figures; the structure (which items there
    are, their keys, order and option) comes with the version: a key is what her answers
    and the translations refer to, so a change breaks them. New items come through the
    content files, in every language at once."""

    extra = 0
    fixed = ("key", "option", "row", "statement", "question")
    exclude = ["position"]

    def get_readonly_fields(self, request, obj=None):
        names = {field.name for field in self.model._meta.fields}
        return [*super().get_readonly_fields(request, obj), *(name for name in self.fixed if name in names)]

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        names = {field.name for field in self.model._meta.fields if field.is_relation}
        return super().get_queryset(request).select_related(*(name for name in self.fixed if name in names))

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        self.limit_to_version(formset.form.base_fields, obj)
        return formset


class DraftOnlyAdmin(DraftOnly, admin.ModelAdmin):
    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        self.limit_to_version(form.base_fields, obj)
        return form

    def save_related(self, request, form, formsets, change):
        """Whoever saves a draft has edited it, and may not approve it (actions.publish)."""
        super().save_related(request, form, formsets, change)
        form.instance.decision_aid.edited_by.add(request.user)


class SourceInline(DraftOnlyInline, admin.TabularInline):
    model = Source


class AlarmSignInline(DraftOnlyInline, admin.TabularInline):
    model = AlarmSign


class OptionInline(DraftOnlyInline, admin.StackedInline):
    classes = ["collapse"]
    model = Option


class OutcomeInline(DraftOnlyInline, admin.StackedInline):
    classes = ["collapse"]
    model = Outcome


class FlagInline(DraftOnlyInline, admin.StackedInline):
    classes = ["collapse"]
    model = Flag


class InfoSectionInline(DraftOnlyInline, admin.StackedInline):
    classes = ["collapse"]
    model = InfoSection


@admin.register(DecisionAid)
class DecisionAidAdmin(DraftOnlyAdmin):
    list_display = [
        "title",
        "language",
        "version",
        "status",
        "based_on_version",
        "created_by",
        "published_by",
        "published_at",
        "next_review_date",
    ]
    list_select_related = ["based_on", "created_by", "published_by"]
    list_filter = ["slug", "language", "status"]
    readonly_fields = [
        "status",
        "based_on_version",
        "created_by",
        "created_at",
        "published_by",
        "published_at",
        "content_hash",
    ]

    @admin.display(description=_("gemaakt van versie"))
    def based_on_version(self, aid):
        return aid.based_on.version if aid.based_on else "–"

    def get_readonly_fields(self, request, obj=None):
        """Which aid a version belongs to is fixed once it exists (DecisionAid.IDENTITY)."""
        fields = super().get_readonly_fields(request, obj)
        if obj is None:
            return fields
        return ["preview_links", "changes_against_published", *DecisionAid.IDENTITY, *fields, "edited_by"]

    @admin.display(description=_("wijzigingen ten opzichte van de gepubliceerde versie"))
    def changes_against_published(self, aid):
        """For the reviewer: a link to what this draft changes, field by field."""
        if aid.is_published:
            return "–"
        url = reverse("admin:options_decisionaid_changes", args=[aid.pk])
        return format_html('<a href="{}">{}</a>', url, _("Bekijk de wijzigingen, veld voor veld"))

    def changes_view(self, request, pk):
        """What a draft changes against the current published version, field by field:
        what the reviewer reads before approving it."""
        aid = DecisionAid.objects.filter(pk=pk).first()
        if aid is None:
            raise Http404
        if not self.has_view_permission(request, aid):
            raise PermissionDenied
        current = DecisionAid.objects.current(aid.slug, aid.language)
        found = changes(normalise(export(aid)), normalise(export(current))) if current else []
        context = {
            **self.admin_site.each_context(request),
            "title": _("Wijzigingen in %(aid)s") % {"aid": aid},
            "aid": aid,
            "current": current,
            "changes": found,
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/options/changes.html", context)

    inlines = [SourceInline, AlarmSignInline, OptionInline, OutcomeInline, FlagInline, InfoSectionInline]
    actions = ["publish", "make_new_draft", "make_draft_of_older_version"]

    # Without allowed_permissions an action is offered to, and run for, anyone who may
    # view the list. Django leaves out an action the user may not run, and refuses its POST.
    @admin.action(description=_("Publiceren (na controle van de inhoud)"), permissions=["publish"])
    def publish(self, request, queryset):
        """The selected drafts are published together (one per language, compared with
        each other), or none of them."""
        drafts = []
        for aid in queryset.order_by("language"):
            if aid.is_published:
                self.message_user(request, _("%(aid)s is al gepubliceerd.") % {"aid": aid}, messages.WARNING)
            else:
                drafts.append(aid)
        if not drafts:
            return
        try:
            actions.publish(*drafts, user=request.user)
        except ContentError as error:
            names = ", ".join(str(aid) for aid in drafts)
            self.message_user(
                request,
                format_html(
                    "{} <ul>{}</ul>",
                    _("Niet gepubliceerd: %(aids)s. Los dit eerst op:") % {"aids": names},
                    format_html_join("", "<li>{}</li>", ((problem_link(p, drafts),) for p in error.readable)),
                ),
                messages.ERROR,
            )
        else:
            for aid in drafts:
                self.message_user(request, _("%(aid)s is gepubliceerd.") % {"aid": aid}, messages.SUCCESS)

    @admin.action(description=_("Nieuwe conceptversie maken om te bewerken"), permissions=["add"])
    def make_new_draft(self, request, queryset, undo_newer=False):
        for aid in queryset:
            try:
                draft = actions.new_draft(aid, user=request.user, undo_newer=undo_newer)
            except ContentError as error:
                self.message_user(request, error.readable[0].message, messages.ERROR)
                continue
            self.message_user(request, _("Concept gemaakt: %(draft)s") % {"draft": draft}, messages.SUCCESS)
            if undo_newer and (newer := actions.newer_than(aid)):
                self.message_user(
                    request,
                    _(
                        "Let op: dit concept is gemaakt van versie %(version)s. Publiceren maakt de wijzigingen "
                        "van de nieuwere versies (nu versie %(current)s) ongedaan."
                    )
                    % {"version": aid.version, "current": newer.version},
                    messages.WARNING,
                )

    @admin.action(
        description=_("Concept maken van een oudere versie (maakt nieuwere wijzigingen ongedaan)"), permissions=["add"]
    )
    def make_draft_of_older_version(self, request, queryset):
        self.make_new_draft(request, queryset, undo_newer=True)

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview)
        return [
            path("<int:pk>/voorbeeld/", preview, name="options_decisionaid_preview"),
            path(
                "<int:pk>/wijzigingen/",
                self.admin_site.admin_view(self.changes_view),
                name="options_decisionaid_changes",
            ),
            path("<int:pk>/voorbeeld/<slug:key>/", preview, name="options_decisionaid_preview_option"),
            *super().get_urls(),
        ]

    def preview(self, request, pk, key=None):
        """A version's comparison page or option page as she would see it: to read a draft
        before publishing it. Staff with the right to view versions only."""
        aid = DecisionAid.objects.with_everything().filter(pk=pk).first()
        if aid is None:
            raise Http404
        if not self.has_view_permission(request, aid):
            raise PermissionDenied
        with translation.override(aid.language):
            if key is None:
                return render(request, "options/comparison.html", {**views.comparison_context(aid), "preview": True})
            return render(request, "options/option.html", {**views.option_context(aid, key), "preview": True})

    @admin.display(description=_("voorbeeld voor de patiënt"))
    def preview_links(self, aid):
        links = [(reverse("admin:options_decisionaid_preview", args=[aid.pk]), _("Vergelijken"))]
        links += [
            (reverse("admin:options_decisionaid_preview_option", args=[aid.pk, option.key]), option.name)
            for option in aid.options.all()
        ]
        return format_html_join(" · ", '<a href="{}" target="_blank">{}</a>', links)

    def has_publish_permission(self, request):
        return request.user.has_perm(f"{self.opts.app_label}.publish_{self.opts.model_name}")


class ComparisonCellInline(DraftOnlyInline, admin.TabularInline):
    model = ComparisonCell


class ValueStatementFitInline(DraftOnlyInline, admin.TabularInline):
    model = ValueStatementFit


class KnowledgeChoiceInline(DraftOnlyInline, admin.TabularInline):
    model = KnowledgeChoice


class SituationChoiceInline(DraftOnlyInline, admin.TabularInline):
    model = SituationChoice


class PracticeVariantInline(DraftOnlyInline, admin.StackedInline):
    model = PracticeVariant


class VersionPartAdmin(DraftOnlyAdmin):
    list_filter = ["aid__language", "aid__version"]
    list_select_related = ["aid"]
    exclude = ["position"]

    def get_readonly_fields(self, request, obj=None):
        """An item's key and version are fixed once it exists (see DraftOnlyInline)."""
        fields = super().get_readonly_fields(request, obj)
        return ["aid", "key", *fields] if obj is not None else fields


@admin.register(ComparisonRow)
class ComparisonRowAdmin(VersionPartAdmin):
    list_display = ["question", "aid"]
    inlines = [ComparisonCellInline]


@admin.register(ValueStatement)
class ValueStatementAdmin(VersionPartAdmin):
    list_display = ["text", "aid"]
    inlines = [ValueStatementFitInline]


@admin.register(KnowledgeQuestion)
class KnowledgeQuestionAdmin(VersionPartAdmin):
    list_display = ["question", "aid"]
    inlines = [KnowledgeChoiceInline]


@admin.register(SituationQuestion)
class SituationQuestionAdmin(VersionPartAdmin):
    list_display = ["question", "group", "aid"]
    inlines = [SituationChoiceInline]


@admin.register(Practice)
class PracticeAdmin(VersionPartAdmin):
    list_display = ["title", "aid"]
    inlines = [PracticeVariantInline]
