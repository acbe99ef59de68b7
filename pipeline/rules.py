"""Rule JSON as users write it, validated with pydantic (pure: no database).

A rule is ``{"name", "priority", "match": "all"|"any", "conditions": [...], "actions": [...],
"stop_processing"}``. A condition is ``{"field", "op", "value", "threshold"?}``; an
action is ``{"type", "value"?}``. Errors name the field (``conditions.0.value``), regexes
are compiled here so a broken pattern never reaches the pipeline, and amounts are
Decimal strings (a float has already lost the amount).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pipeline.categorize import ACTIONS, FIELDS, Condition, RuleError, RuleSpec, check_regex

FieldName = Literal["merchant", "description", "counterparty", "amount", "account", "bank", "direction", "kind",
                    "currency"]
Operator = Literal["equals", "contains", "starts_with", "regex", "fuzzy", "min", "max"]
ActionType = Literal["set_category", "mark_transfer", "mark_income", "exclude", "set_display_name"]

assert set(FieldName.__args__) == set(FIELDS) and set(ActionType.__args__) == set(ACTIONS)  # type: ignore[attr-defined]


def _text(value: Any) -> str:
    if isinstance(value, float):
        # A JSON number is read through its shortest repr (12.5 -> "12.5"); one with more
        # digits than a double holds exactly has lost the amount already.
        text = repr(value)
        if "e" in text.lower() or len(Decimal(text).as_tuple().digits) > 15:
            raise ValueError("too many digits for a JSON number: give the amount as a string")
        return text
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise ValueError("must be a string")
    return str(value)


class ConditionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    field: FieldName
    op: Operator = "contains"
    value: str
    threshold: int = Field(default=85, ge=0, le=100)  # fuzzy score

    @field_validator("value", mode="before")
    @classmethod
    def _value_text(cls, v: Any) -> str:
        return _text(v)

    @model_validator(mode="after")
    def _consistent(self) -> ConditionIn:
        # Stripped before every check: what is checked and stored is what runs (a regex
        # "JEN\\ " compiled here but ran stripped as "JEN\\", which does not compile).
        self.value = self.value.strip()
        if not self.value:
            raise ValueError("value: must not be empty")
        if self.field == "amount" or self.op in ("min", "max"):
            if self.field != "amount" or self.op not in ("min", "max", "equals"):
                raise ValueError("op: amount conditions take min, max or equals (and min/max only amount)")
            try:
                amount = Decimal(self.value.strip())
            except InvalidOperation as exc:
                raise ValueError(f"value: {self.value!r} is not an amount") from exc
            if not amount.is_finite():
                raise ValueError(f"value: {self.value!r} is not an amount")
        if self.op == "regex":
            try:  # compiled by the engine that runs it (the `regex` module, with a time limit)
                check_regex(self.value)
            except RuleError as exc:
                raise ValueError(f"value: {exc}") from exc
        return self


class ActionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: ActionType
    value: str | bool | None = None

    @model_validator(mode="after")
    def _needs_value(self) -> ActionIn:
        if self.type in ("set_category", "set_display_name"):
            if not isinstance(self.value, str) or not self.value.strip():
                raise ValueError(f"value: {self.type} needs a non-empty name")
            self.value = self.value.strip()
            # The columns it lands in (categories.name 100, transactions.display_name 500): a
            # longer one was stored and then failed every matching alert on PostgreSQL.
            most = 100 if self.type == "set_category" else 500
            if len(self.value) > most:
                raise ValueError(f"value: {self.type} takes at most {most} characters")
        elif self.value is None:
            self.value = True
        elif not isinstance(self.value, bool):
            raise ValueError(f"value: {self.type} takes true or false")
        return self


class RuleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    priority: int = Field(default=100, ge=0, le=1_000_000)
    match: Literal["all", "any"] = "all"
    conditions: list[ConditionIn] = Field(min_length=1)
    actions: list[ActionIn] = Field(min_length=1)
    stop_processing: bool = False
    active: bool = True

    def action_map(self) -> dict[str, Any]:
        return {a.type: a.value for a in self.actions}


def error_text(exc: ValidationError) -> str:
    """``conditions.0.value: invalid regex ...; actions: ...`` (the field first)."""
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"])
        msg = str(err["msg"]).removeprefix("Value error, ")
        parts.append(f"{loc}: {msg}" if loc else msg)
    return "; ".join(parts)


def validate_rule(data: Any) -> RuleIn:
    """Rule JSON -> RuleIn, or RuleError whose message names the offending field."""
    try:
        return RuleIn.model_validate(data)
    except ValidationError as exc:
        raise RuleError(error_text(exc)) from exc


def to_spec(rule: RuleIn, rule_id: int | None = None) -> RuleSpec:
    conds = tuple(Condition(c.field, c.op, c.value.strip(), c.threshold) for c in rule.conditions)
    return RuleSpec(rule_id, conds, rule.action_map(), rule.match == "all", rule.stop_processing)


def stored_form(rule: RuleIn) -> dict[str, Any]:
    """The JSON kept in the rules table (conditions and actions as lists of dicts)."""
    return {
        "name": rule.name,
        "priority": rule.priority,
        "match": rule.match,
        "conditions": [c.model_dump() for c in rule.conditions],
        "actions": [a.model_dump() for a in rule.actions],
        "stop_processing": rule.stop_processing,
        "active": rule.active,
    }
