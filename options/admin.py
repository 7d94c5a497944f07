from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminTextareaWidget, RelatedFieldWidgetWrapper
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import models
from django.forms import ModelChoiceField
from django.http import Http404, HttpResponseRedirect
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
    StaffProfile,
    ValueStatement,
    ValueStatementFit,
)

# The lists of a version, each edited on pages of its own (a page per item): the
# version's own page only links to them, so that it stays short and quick.
PART_MODELS = {
    "options": Option,
    "outcomes": Outcome,
    "comparison": ComparisonRow,
    "value_statements": ValueStatement,
    "knowledge_questions": KnowledgeQuestion,
    "situation_questions": SituationQuestion,
    "alarm_signs": AlarmSign,
    "flags": Flag,
    "sources": Source,
    "sections": InfoSection,
    "practices": Practice,
}
# Lists inside an item, edited inline on the item's page: the inline's prefix, and whether
# the file names an entry by the option's key (a mapping) instead of by its place (a list).
NESTED_INLINES = {"choices": ("choices", False), "cells": ("cells", True), "fit": ("fits", True)}


def part_url(model, aid):
    """The list of one kind of part of a version, in the admin."""
    return f"{reverse(f'admin:options_{model._meta.model_name}_changelist')}?aid__id__exact={aid.pk}"


def problem_item(problem, aid):
    """The item of a draft that a problem is about, found by its key (or else its place)."""
    model = PART_MODELS.get(problem.collection)
    if model is None:
        return None
    items = model.objects.filter(aid=aid)
    if problem.key:
        return items.filter(key=problem.key).first()
    if problem.index is not None:
        return items.order_by("position")[problem.index : problem.index + 1].first()
    return None


def problem_anchor(problem, aid):
    """The id of the form field a problem names, as the item's admin page renders it."""
    if problem.nested is None:
        return f"id_{problem.field}" if problem.field else ""
    prefix, per_option = NESTED_INLINES[problem.nested]
    index = problem.nested_index
    if per_option:
        keys = list(aid.options.order_by("position").values_list("key", flat=True))
        index = keys.index(problem.nested_index) if problem.nested_index in keys else None
    if index is None or not problem.field:
        return ""
    return f"id_{prefix}-{index}-{problem.field}"


def problem_url(problem, aid):
    """Where a problem of a draft can be mended in the admin (the field's own form field
    when it can be told), or None."""
    if problem.collection is None:
        # A field of the version itself, on its own page.
        return (
            f"{reverse('admin:options_decisionaid_change', args=[aid.pk])}#id_{problem.field}"
            if problem.field
            else None
        )
    item = problem_item(problem, aid)
    if item is None:
        return None
    page = reverse(f"admin:options_{item._meta.model_name}_change", args=[item.pk])
    anchor = problem_anchor(problem, aid)
    return f"{page}#{anchor}" if anchor else page


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

    # Most texts are a few lines: at Django's 10 rows an option's page was 7,000 px tall.
    formfield_overrides = {models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 4})}}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """No buttons beside a choice to add, change or delete a source or an outcome
        there: those come with the version (see DraftOnlyInline) and have pages of their own."""
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(field, "widget", None)
        if isinstance(widget, RelatedFieldWidgetWrapper):
            widget.can_add_related = widget.can_change_related = widget.can_delete_related = False
        return field

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
        return type(formset.__name__, (SharedChoicesFormSet, formset), {})


class SharedChoicesFormSet:
    """Every form of an inline lists the same choices (the version's sources, its
    outcomes): read them once for the formset instead of once per form and field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        shared = {}
        for form in self.forms:
            for name, field in form.fields.items():
                # Not the hidden primary key: its choices would be every row of the table.
                if isinstance(field, ModelChoiceField) and not field.widget.is_hidden:
                    if name not in shared:
                        shared[name] = list(field.choices)
                    field.choices = shared[name]


class DraftOnlyAdmin(DraftOnly, admin.ModelAdmin):
    class Media:
        css = {"all": ["css/admin.css"]}

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        self.limit_to_version(form.base_fields, obj)
        return form

    def save_related(self, request, form, formsets, change):
        """Whoever saves a draft has edited it, and may not approve it (actions.publish)."""
        super().save_related(request, form, formsets, change)
        form.instance.decision_aid.edited_by.add(request.user)


# An outcome's fields, the short ones side by side.
OUTCOME_FIELDS = [
    "label",
    ("reference_group", "time_frame"),
    ("low", "high", "denominator"),
    "positive",
    "negative",
    ("source", "other_source"),
    "uncertainty",
    "key",
]


class OutcomeInline(DraftOnlyInline, admin.StackedInline):
    """An option's chances, on the option's page."""

    model = Outcome
    fk_name = "option"
    fields = OUTCOME_FIELDS


# The lists linked from a version's page, in the order of the aid (options come first, each
# by name).
CONTENTS_LISTS = [
    Outcome,
    ComparisonRow,
    ValueStatement,
    KnowledgeQuestion,
    SituationQuestion,
    AlarmSign,
    Flag,
    InfoSection,
    Practice,
    Source,
]


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
        "approval",
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
        "approval",
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
        return [
            "contents",
            "preview_links",
            "changes_against_published",
            *DecisionAid.IDENTITY,
            *fields,
            "edited_by",
        ]

    # What a clinician opens a version for: one of its parts, or the preview.
    OVERVIEW = ["contents", "preview_links", "changes_against_published"]

    def get_fieldsets(self, request, obj=None):
        """The overview first, then the version's own fields."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        rest = [name for _name, options in fieldsets for name in options["fields"] if name not in self.OVERVIEW]
        return [(None, {"fields": self.OVERVIEW}), (_("Deze versie"), {"fields": rest})]

    @admin.display(description=_("inhoud van deze versie"))
    def contents(self, aid):
        """A page per option and per list of the version: the clinician goes straight to
        what she changes, and each page stays short."""
        options = [(reverse("admin:options_option_change", args=[o.pk]), o.name) for o in aid.options.all()]
        lists = [(part_url(model, aid), model._meta.verbose_name_plural.capitalize()) for model in CONTENTS_LISTS]
        return format_html(
            '<ul class="version-contents"><li>{} {}</li>{}</ul>',
            _("Opties:"),
            format_html_join(" · ", '<a href="{}">{}</a>', options),
            format_html_join("", '<li><a href="{}">{}</a></li>', lists),
        )

    @admin.display(description=_("wijzigingen ten opzichte van de gepubliceerde versie"))
    def changes_against_published(self, aid):
        """For the reviewer: a link to what this draft changes, field by field."""
        if aid.is_published:
            return "–"
        url = reverse("admin:options_decisionaid_changes", args=[aid.pk])
        return format_html('<a href="{}">{}</a>', url, _("Bekijk de wijzigingen, veld voor veld, en keur goed"))

    @admin.display(description=_("goedgekeurd door"))
    def approval(self, aid):
        """Who approved a published version, as patients read it; a version imported from
        the reviewed files has no approval in the app."""
        if not aid.is_published:
            return "–"
        return aid.approver or _("uit het nagekeken inhoudsbestand")

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
            "may_approve": not aid.is_published and self.has_publish_permission(request),
            "approver": ", ".join(filter(None, StaffProfile.approval_of(request.user))),
        }
        return TemplateResponse(request, "admin/options/changes.html", context)

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
        if drafts:
            self.publish_drafts(request, drafts)

    def publish_drafts(self, request, drafts):
        """Publish drafts approved by this user, or say in Dutch why not. True if published."""
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
            return False
        for aid in drafts:
            self.message_user(request, _("%(aid)s is gepubliceerd.") % {"aid": aid}, messages.SUCCESS)
        return True

    def approve_view(self, request, pk):
        """The reviewer's approval of one draft, from its page of changes: a POST that
        publishes it with her name and role (approving is publishing, decision 0011)."""
        aid = DecisionAid.objects.filter(pk=pk).first()
        if aid is None:
            raise Http404
        if not self.has_publish_permission(request):
            raise PermissionDenied
        changes_page = reverse("admin:options_decisionaid_changes", args=[aid.pk])
        if request.method != "POST":
            return HttpResponseRedirect(changes_page)
        if aid.is_published:
            self.message_user(request, _("%(aid)s is al gepubliceerd.") % {"aid": aid}, messages.WARNING)
        elif self.publish_drafts(request, [aid]):
            return HttpResponseRedirect(reverse("admin:options_decisionaid_trace"))
        return HttpResponseRedirect(changes_page)

    def trace_view(self, request):
        """Every published version: who made, edited, approved and published it, when."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        versions = (
            DecisionAid.objects.published()
            .select_related("based_on", "created_by", "published_by")
            .prefetch_related("edited_by")
            .order_by("slug", "language", "-version")
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Gepubliceerde versies: wie maakte, bewerkte en keurde ze goed"),
            "versions": versions,
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/options/trace.html", context)

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
            path(
                "<int:pk>/goedkeuren/",
                self.admin_site.admin_view(self.approve_view),
                name="options_decisionaid_approve",
            ),
            path("geschiedenis/", self.admin_site.admin_view(self.trace_view), name="options_decisionaid_trace"),
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

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("flags")


class PracticeVariantInline(DraftOnlyInline, admin.StackedInline):
    model = PracticeVariant


class VersionPartAdmin(DraftOnlyAdmin):
    """A page per item of a version; its list is opened from the version's page, filtered
    to that version (?aid__id__exact=)."""

    list_filter = ["aid__language", "aid__version"]
    list_select_related = ["aid"]
    exclude = ["position"]
    formfield_overrides = {
        **DraftOnly.formfield_overrides,
        models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple},
    }

    # Which items a version has comes with the version, as for the inlines (DraftOnlyInline).
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        """With what the list shows (the change list adds list_select_related only when
        the queryset has no select_related of its own); the change page reads the aid."""
        return super().get_queryset(request).select_related(*self.list_select_related)

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


@admin.register(Option)
class OptionAdmin(VersionPartAdmin):
    list_display = ["name", "aid"]
    inlines = [OutcomeInline]


@admin.register(Outcome)
class OutcomeAdmin(VersionPartAdmin):
    list_display = ["label", "option", "aid"]
    list_select_related = ["aid", "option"]
    fields = [*OUTCOME_FIELDS, "option", "aid"]

    def get_readonly_fields(self, request, obj=None):
        """Which option an outcome belongs to is part of the structure (DraftOnlyInline)."""
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "option"] if obj is not None else fields


@admin.register(AlarmSign)
class AlarmSignAdmin(VersionPartAdmin):
    list_display = ["text", "urgency", "aid"]


@admin.register(Flag)
class FlagAdmin(VersionPartAdmin):
    list_display = ["title", "kind", "aid"]


@admin.register(InfoSection)
class InfoSectionAdmin(VersionPartAdmin):
    list_display = ["title", "aid"]


@admin.register(Source)
class SourceAdmin(VersionPartAdmin):
    list_display = ["label", "title", "aid"]


class StaffProfileInline(admin.StackedInline):
    """A reviewer's role, shown with her name when she approves content."""

    model = StaffProfile
    can_delete = False


# The account page keeps Django's own fields and adds the role beside the name.
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, StaffProfileInline]


@admin.register(Practice)
class PracticeAdmin(VersionPartAdmin):
    list_display = ["title", "aid"]
    inlines = [PracticeVariantInline]
