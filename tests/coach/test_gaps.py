"""Gap analysis: each rule at its edges, with fixed dates; needs as written;
forgiving names; the catalog's drafts pass the SMART coach."""

from __future__ import annotations

from datetime import date

import pytest

from headway.coach.gaps import (
    ACTION_CATALOG,
    EXPERIENCE_WEIGHT,
    MISSING_LEVEL_WEIGHT,
    OPPORTUNITY_WEIGHT,
    STALE_CAP_MONTHS,
    STALE_MONTHS,
    STALE_SCALE_MONTHS,
    THIN_EVIDENCE_MIN,
    NeedError,
    NeedFacts,
    add_months,
    analyse,
    draft_statement,
    months_between,
    parse_need,
    skill_key,
)
from headway.coach.smart import GoalDraft, smart_check

TODAY = date(2026, 12, 3)


def skill(
    level: int | None,
    required: int = 3,
    shown: tuple[date, ...] = (),
    need_id: int = 1,
    position: int = 0,
    text: str = "Hiring",
) -> NeedFacts:
    return NeedFacts(
        need_id=need_id,
        kind="skill",
        text=text,
        required=required,
        skill_id=10 + need_id,
        level=level,
        shown_on=shown,
        position=position,
    )


def one(facts: NeedFacts, today: date = TODAY) -> tuple[str, str | None]:
    (gap,) = analyse([facts], today)
    return gap.state, gap.gap


# --- skill rules ---------------------------------------------------------------


def test_never_rated_and_never_shown_is_a_skill_gap() -> None:
    assert one(skill(None)) == ("missing", "skill")


def test_a_level_one_below_the_need_is_a_skill_gap_even_with_fresh_evidence() -> None:
    fresh = (TODAY, TODAY, TODAY)
    assert one(skill(2, required=3, shown=fresh)) == ("missing", "skill")


def test_the_level_reached_with_enough_fresh_evidence_is_met() -> None:
    shown = (date(2026, 6, 1), date(2026, 11, 30))
    assert one(skill(3, required=3, shown=shown)) == ("met", None)
    assert one(skill(5, required=3, shown=shown)) == ("met", None)


def test_an_unrated_skill_met_on_its_evidence_never_claims_a_level() -> None:
    shown = (date(2026, 6, 1), date(2026, 11, 30))
    (rated,) = analyse([skill(3, required=3, shown=shown)], TODAY)
    (unrated,) = analyse([skill(None, required=3, shown=shown)], TODAY)
    assert rated.reason == "Level reached and recently shown."
    assert (unrated.state, unrated.current) == ("met", None)
    assert "Level reached" not in unrated.reason
    assert "Shown in 2 entries" in unrated.reason


def test_the_level_reached_with_too_little_evidence_is_an_opportunity_gap() -> None:
    few = tuple([TODAY] * (THIN_EVIDENCE_MIN - 1))
    assert one(skill(4, required=3, shown=few)) == ("thin", "opportunity")
    assert one(skill(4, required=3)) == ("thin", "opportunity")


def test_evidence_exactly_stale_months_old_is_still_fresh() -> None:
    edge = date(2025, 12, 3)  # exactly STALE_MONTHS before TODAY
    assert months_between(edge, TODAY) == STALE_MONTHS
    assert one(skill(3, shown=(edge, edge))) == ("met", None)


def test_evidence_a_day_past_stale_months_and_a_month_is_thin() -> None:
    older = date(2025, 11, 2)  # 13 months and a day
    assert months_between(older, TODAY) == STALE_MONTHS + 1
    assert one(skill(3, shown=(older, older))) == ("thin", "opportunity")


def test_a_day_short_of_a_whole_month_does_not_count_as_one() -> None:
    assert months_between(date(2025, 11, 4), TODAY) == STALE_MONTHS
    assert months_between(date(2026, 1, 31), date(2026, 2, 28)) == 0
    assert months_between(date(2026, 1, 31), date(2026, 3, 1)) == 1
    assert months_between(TODAY, date(2026, 1, 1)) == 0  # never negative


def test_evidence_dated_after_today_does_not_count() -> None:
    future = (date(2026, 12, 4), date(2027, 1, 1))
    (gap,) = analyse([skill(3, shown=future)], TODAY)
    assert (gap.state, gap.evidence, gap.last_shown) == ("thin", 0, None)


def test_never_rated_but_shown_is_judged_on_its_evidence() -> None:
    assert one(skill(None, shown=(TODAY, TODAY))) == ("met", None)
    assert one(skill(None, shown=(TODAY,))) == ("thin", "opportunity")


def test_the_json_shape_is_exactly_the_documented_one() -> None:
    (gap,) = analyse([skill(2, required=4, shown=(date(2026, 2, 28),))], TODAY)
    assert gap.as_dict() == {
        "need": "Hiring",
        "kind": "skill",
        "state": "missing",
        "gap": "skill",
        "required": 4,
        "current": 2,
        "last_shown": "2026-02-28",
        "rank": 1,
        "goal_id": None,
    }


# --- experience rules ------------------------------------------------------------


def test_an_experience_is_met_once_an_entry_is_linked() -> None:
    bare = NeedFacts(need_id=3, kind="experience", text="led a team of 5+")
    linked = NeedFacts(
        need_id=3, kind="experience", text="led a team of 5+", shown_on=(TODAY,)
    )
    (missing,) = analyse([bare], TODAY)
    (met,) = analyse([linked], TODAY)
    assert (missing.state, missing.gap, missing.current) == (
        "missing",
        "opportunity",
        0,
    )
    assert (met.state, met.gap, met.current, met.required) == ("met", None, 1, 1)


# --- ranking ------------------------------------------------------------------


def test_gaps_rank_by_missing_levels_weighted_by_staleness() -> None:
    two_missing_fresh = skill(1, required=3, shown=(TODAY,), need_id=1, text="SQL")
    one_missing_never = skill(None, required=1, need_id=2, text="Go")
    two_missing_old = skill(
        1, required=3, shown=(date(2024, 12, 3),), need_id=3, text="Hiring"
    )
    met = skill(3, shown=(TODAY, TODAY), need_id=4, text="Python")
    ranked = analyse(
        [met, two_missing_fresh, one_missing_never, two_missing_old], TODAY
    )
    # Hiring: 2 levels x 3 (two years stale); Go: 1 level x 4 (never shown, the
    # cap); SQL: 2 levels x 1 (shown today).
    assert [g.need for g in ranked] == ["Hiring", "Go", "SQL", "Python"]
    assert [g.rank for g in ranked] == [1, 2, 3, 4]
    by_name = {g.need: g.severity for g in ranked}
    assert by_name["SQL"] == 2 * MISSING_LEVEL_WEIGHT
    assert by_name["Hiring"] == 2 * MISSING_LEVEL_WEIGHT * (1 + 24 / STALE_SCALE_MONTHS)
    assert by_name["Go"] == MISSING_LEVEL_WEIGHT * (1 + STALE_CAP_MONTHS / 12)
    assert by_name["Python"] == 0


def test_staleness_is_capped() -> None:
    ancient = skill(None, required=2, shown=(), need_id=1)
    very_old = skill(1, required=3, shown=(date(1990, 1, 1),), need_id=2)
    a, b = analyse([ancient, very_old], TODAY)
    assert a.severity == b.severity  # both at the cap: 2 levels, cap weight


def test_a_thin_skill_and_a_missing_experience_weigh_their_own_constants() -> None:
    thin = skill(3, shown=(TODAY,), need_id=1)
    experience = NeedFacts(need_id=2, kind="experience", text="spoke at a conference")
    by_id = {g.need_id: g.severity for g in analyse([thin, experience], TODAY)}
    assert by_id[1] == OPPORTUNITY_WEIGHT
    assert by_id[2] == EXPERIENCE_WEIGHT * (1 + STALE_CAP_MONTHS / 12)


def test_equal_gaps_keep_the_order_the_owner_wrote() -> None:
    first = skill(None, need_id=7, position=0, text="B")
    second = skill(None, need_id=5, position=1, text="A")
    assert [g.need for g in analyse([second, first], TODAY)] == ["B", "A"]


# --- needs as written -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "name", "level"),
    [
        ("hiring:3", "skill", "hiring", 3),
        ("  Public   speaking : 5 ", "skill", "Public speaking", 5),
        ("Node.js:1", "skill", "Node.js", 1),
        ("led a team of 5+", "experience", "led a team of 5+", None),
        ("spoke at a conference", "experience", "spoke at a conference", None),
    ],
)
def test_needs_read_as_skills_with_levels_or_experiences(
    text: str, kind: str, name: str, level: int | None
) -> None:
    need = parse_need(text)
    assert (need.kind, need.text, need.level) == (kind, name, level)


@pytest.mark.parametrize(
    "text", ["hiring:x", "hiring:0", "hiring:6", "hiring:3.5", "hiring:", ":3", "  "]
)
def test_needs_that_cannot_be_read_say_why(text: str) -> None:
    with pytest.raises(NeedError):
        parse_need(text)


def test_the_message_for_a_level_that_is_not_a_number_shows_the_form() -> None:
    with pytest.raises(NeedError, match="whole number from 1 to 5"):
        parse_need("hiring:x")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kubernetes", "  kubernetes "),
        ("Résumé writing", "resume-writing"),
        ("PUBLIC_SPEAKING", "public speaking"),
        ("Straße", "STRASSE"),
        ("\uff30\uff59\uff54\uff48\uff4f\uff4e", "python"),  # full-width,
    ],
)
def test_skill_names_match_forgivingly(a: str, b: str) -> None:
    assert skill_key(a) == skill_key(b)


@pytest.mark.parametrize(("a", "b"), [("C++", "C#"), ("C", "C++"), ("Go", "Golang")])
def test_different_skills_stay_different(a: str, b: str) -> None:
    assert skill_key(a) != skill_key(b)


# --- drafted statements -----------------------------------------------------------


def test_add_months_lands_on_the_last_day_of_a_shorter_month() -> None:
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)
    assert add_months(TODAY, 4) == date(2027, 4, 3)


@pytest.mark.parametrize(
    "topic", ["hiring", "k8s", "Résumé writing", "C++", "“led a team of 5+”", "Go"]
)
def test_every_catalog_draft_passes_the_smart_coach(topic: str) -> None:
    priority = "A new skill or competency"
    for action in ACTION_CATALOG:
        due = add_months(TODAY, action.months)
        statement = draft_statement(action.template, topic=topic, due=due)
        report = smart_check(
            GoalDraft(
                statement=statement,
                today=TODAY,
                due=due,
                priority=priority,
                priorities=(priority,),
            )
        )
        failing = [name for name, check in report.checks if check.verdict != "pass"]
        assert failing == [], statement


def test_a_training_draft_reads_like_the_example() -> None:
    due = add_months(TODAY, 4)
    statement = draft_statement(
        "Complete a course on {topic} by {due}", topic="hiring", due=due
    )
    assert statement == "Complete a course on hiring by 3 April 2027"


def test_counts_given_by_the_caller_judge_like_the_dates_they_stand_for() -> None:
    older = date(2025, 11, 2)
    by_dates = skill(3, shown=(older, older))
    by_count = NeedFacts(
        need_id=1,
        kind="skill",
        text="Hiring",
        required=3,
        level=3,
        evidence=2,
        last_shown=older,
    )
    assert one(by_dates) == one(by_count) == ("thin", "opportunity")
    (gap,) = analyse([by_count], TODAY)
    assert (gap.evidence, gap.last_shown, gap.months_stale) == (2, older, 13)
