"""The Reviews pages: the index of past reviews, the weekly, quarterly and
yearly review flows, a past review, and a report of any period to download."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from headway.coach.periods import (
    Period,
    PeriodError,
    period_between,
    period_containing,
    period_from_label,
    period_parse,
)
from headway.core.errors import HeadwayError
from headway.core.forms import add_service_error
from headway.core.rendering import render_page
from headway.reviews import flows
from headway.reviews.flows_forms import QuarterReviewForm, ReviewForm
from headway.reviews.flows_services import review_complete
from headway.reviews.models import ReviewKind
from headway.reviews.reports import (
    CONTENT_TYPES,
    FORMATS,
    report_build,
    report_filename,
    report_render,
)

KIND_LABELS = dict(ReviewKind.choices)


def _period(kind: str, text: str, today: date) -> Period:
    if kind not in KIND_LABELS:
        raise Http404(f"No review {kind!r}.")
    try:
        return period_parse(kind, text, today=today)
    except PeriodError as error:
        raise Http404(str(error)) from None


@require_GET
def reviews_index(request: HttpRequest) -> HttpResponse:
    """Start a review, read a past one, or download a report of any period."""
    today = timezone.localdate()
    starts = [
        (kind, label, period_containing(kind, today))
        for kind, label in KIND_LABELS.items()
    ]
    last = [(label, period_containing(kind, today).previous())
            for kind, label in KIND_LABELS.items()]  # fmt: skip
    return render_page(
        request,
        "reviews/review_index.html",
        {
            "starts": starts,
            "previous": last,
            "past": flows.reviews_past(owner=request.user),
            "formats": FORMATS,
            "today": today,
        },
    )


def review_flow(request: HttpRequest, kind: str, period: str = "") -> HttpResponse:
    """One review: the draft from the data, then the owner's part; posting it
    completes the review and marks its cadence done."""
    today = timezone.localdate()
    chosen = _period(kind, period, today)
    if not period:
        return redirect("reviews:review-flow", kind=kind, period=chosen.label)
    owner = request.user
    if kind == "quarter":
        return _quarter(request, chosen, today)
    form = ReviewForm(request.POST or None, kind=kind, initial=_initial(owner, chosen))
    if request.method == "POST" and form.is_valid():
        try:
            review = review_complete(
                owner=owner,
                period=chosen,
                reflection=form.cleaned_data["reflection"],
                today=today,
            )
        except (ValidationError, HeadwayError) as error:
            add_service_error(form, error)
        else:
            return redirect("reviews:review-detail", pk=review.pk)
    draft: Any = (
        flows.week_draft(owner=owner, period=chosen, today=today)
        if kind == "week"
        else flows.year_draft(owner=owner, period=chosen, today=today)
    )
    return render_page(
        request,
        f"reviews/review_{kind}.html",
        _context(owner, chosen, draft, form),
    )


def _initial(owner: Any, period: Period) -> dict[str, Any]:
    saved = flows.review_saved(owner=owner, period=period)
    return {"reflection": saved.reflection} if saved else {}


def _context(owner: Any, period: Period, draft: Any, form: Any) -> dict[str, Any]:
    return {
        "period": period,
        "kind_label": KIND_LABELS[period.kind],
        "draft": draft,
        "report": draft.report,
        "form": form,
        "saved": flows.review_saved(owner=owner, period=period),
        "previous": period.previous(),
        "formats": FORMATS,
    }


def _quarter(request: HttpRequest, period: Period, today: date) -> HttpResponse:
    owner = request.user
    best_id = _int(request.POST.get("best_id") or request.GET.get("best"))
    draft = flows.quarter_draft(owner=owner, period=period, today=today,
                                best_id=best_id)  # fmt: skip
    best = draft.best
    initial = _initial(owner, period) | (
        {
            "best_id": best.id,
            "title": best.title,
            "numbers": best.numbers,
            "example": best.example,
            "achievement": best.achievement,
            "result": best.result,
        }
        if best
        else {}
    )
    form = QuarterReviewForm(request.POST or None, goals=draft.goals, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            review = review_complete(
                owner=owner,
                period=period,
                reflection=form.cleaned_data["reflection"],
                goal_decisions=form.decisions(),
                best=form.best(),
                today=today,
            )
        except (ValidationError, HeadwayError) as error:
            add_service_error(form, error)
        else:
            return redirect("reviews:review-detail", pk=review.pk)
    context = _context(owner, period, draft, form) | {
        "samples": flows.best_samples(owner=owner, best=best),
    }
    return render_page(request, "reviews/review_quarter.html", context)


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@require_GET
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A past review as it was completed: the data's answers then, the
    decisions taken, and the reflection."""
    review = flows.review_get(owner=request.user, pk=pk)
    answers = review.answers if isinstance(review.answers, dict) else {}
    period = review.period
    return render_page(
        request,
        "reviews/review_detail.html",
        {
            "review": review,
            "period": period,
            "kind_label": KIND_LABELS.get(review.kind, "Review"),
            "sections": answers.get("sections", []),
            "decisions": answers.get("decisions", []),
            "best": answers.get("best"),
            "formats": FORMATS,
        },
    )


@require_GET
def review_report(request: HttpRequest) -> HttpResponse:
    """A report file: `?period=2026Q3` (or 2026-W48, 2026) or `?from=&to=`,
    and `format` md, html, pdf or json."""
    today = timezone.localdate()
    format = request.GET.get("format", "pdf")
    if format not in FORMATS:
        return HttpResponse(
            f"Unknown format {format!r}; use md, html, pdf or json.",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    try:
        period = _report_period(request, today)
    except PeriodError as error:
        return HttpResponse(
            str(error), status=400, content_type="text/plain; charset=utf-8"
        )
    report = report_build(owner=request.user, period=period, today=today)
    response = HttpResponse(report_render(report, format=format),
                            content_type=CONTENT_TYPES[format])  # fmt: skip
    # A download, even the HTML: a page of its own under the app's CSP would
    # lose its print styles.
    response["Content-Disposition"] = (
        f'attachment; filename="{report_filename(report, format)}"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _report_period(request: HttpRequest, today: date) -> Period:
    first, last = request.GET.get("from", ""), request.GET.get("to", "")
    if first or last:
        try:
            return period_between(date.fromisoformat(first), date.fromisoformat(last))
        except ValueError as error:
            if isinstance(error, PeriodError):
                raise
            raise PeriodError("Give both dates of the range as YYYY-MM-DD.") from None
    return period_from_label(request.GET.get("period", ""), today=today)


def report_url(period: Period, format: str) -> str:
    return f"{reverse('reviews:review-report')}?period={period.label}&format={format}"
