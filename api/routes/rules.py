"""Rules: list, create, show, change, delete, preview (what would change) and apply."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query
from pydantic import ValidationError
from sqlalchemy import select

from api.deps import NotFound, NowDep, PathId, SessionDep, UserDep
from models import Rule
from pipeline import txn_edit
from pipeline.categorize import RuleError, RuleSpec
from pipeline.rules import RuleIn, error_text, stored_form, to_spec

router = APIRouter(prefix="/api/rules", tags=["rules"])


def _json(r: Rule) -> dict[str, Any]:
    return {"id": r.id, "name": r.name, "priority": r.priority, "match": r.match, "conditions": r.conditions,
            "actions": r.actions, "stop_processing": r.stop_processing, "active": r.active, "origin": r.origin}


def _owned(s: SessionDep, user_id: int, rule_id: int) -> Rule:
    rule = s.get(Rule, rule_id)
    if rule is None or rule.user_id != user_id:
        raise NotFound("rule", rule_id)
    return rule


def _stored(rule: Rule) -> RuleIn:
    return RuleIn.model_validate({"name": rule.name, "priority": rule.priority, "match": rule.match,
                                  "conditions": rule.conditions, "actions": rule.actions,
                                  "stop_processing": rule.stop_processing, "active": rule.active})


def _runnable(rule: Rule) -> RuleSpec:
    """The stored rule as the engine runs it; a 422 naming the problem for one stored before a check existed."""
    try:
        return to_spec(_stored(rule), rule.id)
    except (ValidationError, RuleError) as exc:
        why = error_text(exc) if isinstance(exc, ValidationError) else str(exc)
        raise HTTPException(status_code=422, detail=f"rule {rule.id} cannot run ({why}): replace it with PUT") from None


def _changes(result: txn_edit.EditResult) -> list[dict[str, Any]]:
    return [{"transaction_id": c.transaction_id, "before": c.before, "after": c.after} for c in result.changes]


@router.get("")
def list_rules(s: SessionDep, user: UserDep) -> list[dict[str, Any]]:
    rows = s.scalars(select(Rule).where(Rule.user_id == user.id).order_by(Rule.priority, Rule.id))
    return [_json(r) for r in rows]


@router.post("", status_code=201)
def create_rule(body: RuleIn, s: SessionDep, user: UserDep) -> dict[str, Any]:
    rule = Rule(user_id=user.id, origin="user", **stored_form(body))
    s.add(rule)
    s.flush()
    return _json(rule)


@router.post("/preview")
def preview_unsaved(body: RuleIn, s: SessionDep, user: UserDep, now: NowDep,
                    limit: int = Query(200, ge=1, le=5000)) -> dict[str, Any]:
    """What a rule not yet saved would change among the caller's transactions (in its place
    among the active rules by its priority, after those of the same priority)."""
    result = txn_edit.run_rule(s, user.id, to_spec(body), body.priority, now, apply=False, limit=limit)
    return {"count": len(result.changes), "changes": _changes(result)}


@router.get("/{rule_id}")
def get_rule(rule_id: PathId, s: SessionDep, user: UserDep) -> dict[str, Any]:
    return _json(_owned(s, user.id, rule_id))


@router.put("/{rule_id}")
def replace_rule(rule_id: PathId, body: RuleIn, s: SessionDep, user: UserDep) -> dict[str, Any]:
    rule = _owned(s, user.id, rule_id)
    for key, value in stored_form(body).items():
        setattr(rule, key, value)
    # A learned rule the user rewrote is theirs now: later corrections learn beside it, they
    # no longer rewrite what the user wrote (pipeline.learning only touches origin "learned").
    rule.origin = "user"
    s.flush()
    return _json(rule)


@router.delete("/{rule_id}")
def delete_rule(rule_id: PathId, s: SessionDep, user: UserDep) -> dict[str, Any]:
    s.delete(_owned(s, user.id, rule_id))
    return {"status": "success"}


@router.post("/{rule_id}/preview")
def preview_rule(rule_id: PathId, s: SessionDep, user: UserDep, now: NowDep,
                 limit: int = Query(200, ge=1, le=5000)) -> dict[str, Any]:
    rule = _owned(s, user.id, rule_id)
    result = txn_edit.run_rule(s, user.id, _runnable(rule), rule.priority, now, apply=False, limit=limit)
    return {"count": len(result.changes), "changes": _changes(result)}


@router.post("/{rule_id}/apply")
def apply_rule(rule_id: PathId, s: SessionDep, user: UserDep, now: NowDep) -> dict[str, Any]:
    """Change the transactions the rule matches as a new alert's run of the active rules
    would (a rule before it may have decided already); budgets move in the same database
    transaction."""
    rule = _owned(s, user.id, rule_id)
    result = txn_edit.run_rule(s, user.id, _runnable(rule), rule.priority, now, apply=True)
    return {"status": "success", "count": len(result.changes), "changes": _changes(result),
            "alerts": result.effects.alert_ids}
