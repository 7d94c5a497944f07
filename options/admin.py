from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from . import actions
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
    SituationChoice,
    SituationQuestion,
    Source,
    ValueStatement,
    ValueStatementFit,
)


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
    extra = 0

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        self.limit_to_version(formset.form.base_fields, obj)
        return formset


class DraftOnlyAdmin(DraftOnly, admin.ModelAdmin):
    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        self.limit_to_version(form.base_fields, obj)
        return form


class SourceInline(DraftOnlyInline, admin.TabularInline):
    model = Source


class AlarmSignInline(DraftOnlyInline, admin.TabularInline):
    model = AlarmSign


class OptionInline(DraftOnlyInline, admin.StackedInline):
    model = Option


class OutcomeInline(DraftOnlyInline, admin.StackedInline):
    model = Outcome


class FlagInline(DraftOnlyInline, admin.StackedInline):
    model = Flag


class InfoSectionInline(DraftOnlyInline, admin.StackedInline):
    model = InfoSection


@admin.register(DecisionAid)
class DecisionAidAdmin(DraftOnlyAdmin):
    list_display = ["title", "language", "version", "status", "published_at", "next_review_date"]
    list_filter = ["slug", "language", "status"]
    readonly_fields = ["status", "published_at", "content_hash", "created_at"]
    inlines = [SourceInline, AlarmSignInline, OptionInline, OutcomeInline, FlagInline, InfoSectionInline]
    actions = ["publish", "make_new_draft"]

    # Without allowed_permissions an action is offered to, and run for, anyone who may
    # view the list. Django leaves out an action the user may not run, and refuses its POST.
    @admin.action(description=_("Publiceren (na controle van de inhoud)"), permissions=["publish"])
    def publish(self, request, queryset):
        for aid in queryset:
            if aid.is_published:
                self.message_user(request, _("%(aid)s is al gepubliceerd.") % {"aid": aid}, messages.WARNING)
                continue
            try:
                actions.publish(aid)
            except ContentError as error:
                self.message_user(
                    request,
                    _("%(aid)s is niet gepubliceerd: %(problems)s")
                    % {"aid": aid, "problems": "; ".join(error.problems)},
                    messages.ERROR,
                )
            else:
                self.message_user(request, _("%(aid)s is gepubliceerd.") % {"aid": aid}, messages.SUCCESS)

    @admin.action(description=_("Nieuwe conceptversie maken om te bewerken"), permissions=["add"])
    def make_new_draft(self, request, queryset):
        for aid in queryset:
            draft = actions.new_draft(aid)
            self.message_user(request, _("Concept gemaakt: %(draft)s") % {"draft": draft}, messages.SUCCESS)

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


class VersionPartAdmin(DraftOnlyAdmin):
    list_filter = ["aid__language", "aid__version"]
    list_select_related = ["aid"]


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
