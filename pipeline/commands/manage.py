"""Daily use from the terminal: `spendwatch budgets|categories|rules|transactions ...` (Rich tables).

The same pipeline functions as the REST API, so both keep budget periods exact.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models import Budget, Category, Rule, Transaction, from_minor, to_minor
from pipeline import budget_edit, budget_view, config, learning, txn_edit, uncounted
from pipeline.categorize import RuleError
from pipeline.rules import stored_form, to_spec, validate_rule
from pipeline.runtime import open_db, resolve_user, stdout_console

out = stdout_console()
err = Console(stderr=True)

budgets_app = typer.Typer(help="Budgets and their current period.", no_args_is_help=True)
categories_app = typer.Typer(help="Categories.", no_args_is_help=True)
rules_app = typer.Typer(help="Rules that categorize transactions.", no_args_is_help=True)
txn_app = typer.Typer(help="Transactions.", no_args_is_help=True)

UserOpt = typer.Option(None, "--user", help="user e-mail (default: the only user)")


def fail(message: str) -> None:
    err.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(2)


# ---------------------------------------------------------------- budgets
@budgets_app.command("list")
def budgets_list(user: str | None = UserOpt) -> None:
    """Every budget in its current period."""
    factory = open_db()
    table = Table("id", "name", "period", "spent", "amount", "left", "%", "state", "days left", "categories")
    with factory() as s:
        u = resolve_user(s, user)
        for st in budget_view.current_states(s, u, config.now(), only_active=False):
            colour = {"on_track": "green", "warning": "yellow", "exceeded": "red"}[st.state]
            table.add_row(str(st.id), escape(st.name), f"{st.start_date} .. {st.end_date}", f"{st.currency} {st.spent}",
                          str(st.amount), str(st.remaining), str(st.percent), f"[{colour}]{st.state}[/{colour}]",
                          str(st.days_left), escape(", ".join(n for _i, n in st.categories)) or "(all spend)")
        outside = uncounted.this_month(s, u, config.now())
    out.print(table)
    for o in outside:
        out.print(f"[yellow]in no budget[/yellow] (no budget in {o.currency}): {o.currency} "
                  f"{from_minor(o.spent_minor, o.currency)} spent in {o.count} transaction(s) since {o.since}")


def _category_ids(s: Session, user_id: int, names: list[str]) -> list[int]:
    ids = []
    for name in names:
        cat = s.scalar(select(Category).where(Category.user_id == user_id, Category.name == name))
        if cat is None:
            fail(f"--category: no category {name!r} (add it with `spendwatch categories add`)")
        else:
            ids.append(cat.id)
    return ids


def _amount_minor(amount: str, currency: str) -> int:
    """A budget amount in minor units: positive, with at most the currency's decimals."""
    try:
        minor = to_minor(amount, currency)
        exact = Decimal(amount) == from_minor(minor, currency)
    except (ValueError, ArithmeticError):
        minor, exact = 0, False
    if minor <= 0 or not exact:
        fail(f"amount: a positive amount with at most the decimals of {currency}, got {amount!r}")
    return minor


@budgets_app.command("create")
def budgets_create(
    name: str,
    amount: str = typer.Argument(..., help="e.g. 150.000"),
    category: list[str] = typer.Option([], "--category", "-c", help="category name (repeat); none: all spend"),
    period: str = typer.Option("monthly", help="monthly, weekly, yearly or custom"),
    anchor_day: int | None = typer.Option(
        None, help="day the month starts (payday; default 1), or weekday 1-7 for weekly (default: the user's week start)"
    ),
    start: str | None = typer.Option(None, help="custom: first day YYYY-MM-DD"),
    end: str | None = typer.Option(None, help="custom: last day YYYY-MM-DD"),
    currency: str = typer.Option("OMR"),
    threshold: list[int] = typer.Option([50, 80, 100], "--threshold", help="alert percents (repeat)"),
    rollover: bool = typer.Option(False, help="carry unused amount and overspending into the next period"),
    user: str | None = UserOpt,
) -> None:
    """Create a budget: an amount per period for some categories (none: all spend), alerts at its thresholds."""
    from api.schemas import not_blank, thresholds_ok  # the API's own checks: both front ends accept the same

    if period not in ("monthly", "weekly", "yearly", "custom"):
        fail("--period: monthly, weekly, yearly or custom")
    # The API's bounds (api.schemas.BudgetIn): out of range, the period code silently
    # clamped the day (40 -> 31) or fell back to the user's week start (weekly 9).
    top = 7 if period == "weekly" else 31
    if anchor_day is not None and not 1 <= anchor_day <= top:
        fail(f"--anchor-day: 1 to {top}" + (" (1 = Monday .. 7 = Sunday)" if period == "weekly" else ""))
    try:
        name = not_blank(name)
        threshold = thresholds_ok(threshold) or []
    except ValueError as exc:
        fail(f"{'--threshold' if 'threshold' in str(exc) else 'name'}: {exc}")
    factory = open_db()
    with factory.begin() as s:
        u = resolve_user(s, user)
        try:
            cur = currency.strip().upper()
            minor = _amount_minor(amount, cur)
            first = date.fromisoformat(start) if start else None
            last = date.fromisoformat(end) if end else None
            if period == "custom" and (first is None or last is None or last < first):
                fail("--start/--end: a custom budget needs a start and an end on or after it")
            spec = budget_edit.BudgetSpec(
                name=name, amount_minor=minor, currency=cur, period=period, anchor_day=anchor_day if anchor_day is not None else (0 if period == "weekly" else 1),
                start_date=first, end_date=last, category_ids=tuple(_category_ids(s, u.id, category)),
                thresholds=tuple(threshold), rollover=rollover)
            budget = budget_edit.create(s, u, spec, config.now())
        except (ValueError, ArithmeticError) as exc:
            fail(str(exc))
            return
        out.print(escape(f"budget #{budget.id} {budget.name!r} created"))


Owned = TypeVar("Owned", Budget, Rule, Transaction)


def _owned(s: Session, model: type[Owned], user_id: int, row_id: int, hint: str = "") -> Owned:
    """The user's budget, rule or transaction ``row_id``; another user's is as missing as one that is not there."""
    row = s.get(model, row_id)
    if row is None or row.user_id != user_id:
        fail(f"no {model.__tablename__[:-1]} {row_id}{hint}")
    assert row is not None
    return row


@budgets_app.command("edit")
def budgets_edit(
    budget_id: int,
    name: str | None = typer.Option(None, help="new name"),
    amount: str | None = typer.Option(None, help="new amount per period, e.g. 180.000 (the current period takes it)"),
    category: list[str] = typer.Option([], "--category", "-c", help="its categories from now on (repeat)"),
    all_spend: bool = typer.Option(False, "--all-spend", help="count all spend (no categories)"),
    threshold: list[int] = typer.Option([], "--threshold", help="alert percents from now on (repeat)"),
    rollover: bool | None = typer.Option(None, "--rollover/--no-rollover", help="carry what is left over, or stop"),
    active: bool | None = typer.Option(None, "--active/--paused", help="count spend and alert, or pause the budget"),
    start: str | None = typer.Option(None, help="custom budget: new first day YYYY-MM-DD"),
    end: str | None = typer.Option(None, help="custom budget: new last day YYYY-MM-DD"),
    user: str | None = UserOpt,
) -> None:
    """Change a budget; only what is given changes. The spend of its periods is recomputed when its
    categories or dates change, and a threshold it now stands past alerts once."""
    from api.schemas import not_blank, thresholds_ok  # the API's checks (PATCH /api/budgets/{id})

    if category and all_spend:
        fail("--category and --all-spend: one or the other")
    changes: dict[str, object] = {}
    try:
        if name is not None:
            changes["name"] = not_blank(name)
        if threshold:
            changes["thresholds"] = thresholds_ok(threshold)
    except ValueError as exc:
        fail(f"{'--threshold' if 'threshold' in str(exc) else '--name'}: {exc}")
    for flag, on in (("rollover", rollover), ("active", active)):
        if on is not None:
            changes[flag] = on
    try:
        for field, day in (("start_date", start), ("end_date", end)):
            if day is not None:
                changes[field] = date.fromisoformat(day)
    except ValueError as exc:
        fail(f"--start/--end: {exc}")
    factory = open_db()
    with factory.begin() as s:
        u = resolve_user(s, user)
        budget = _owned(s, Budget, u.id, budget_id)
        if amount is not None:
            changes["amount_minor"] = _amount_minor(amount, budget.currency)
        if category or all_spend:
            changes["category_ids"] = _category_ids(s, u.id, category)
        if ("start_date" in changes or "end_date" in changes) and budget.period != "custom":
            fail("--start/--end: only a custom budget has dates")
        if not changes:
            fail("nothing to change: give at least one option (see --help)")
        try:
            budget_edit.update(s, u, budget, config.now(), **changes)
        except budget_edit.BudgetEditError as exc:
            fail(str(exc))
        out.print(escape(f"budget #{budget.id} {budget.name!r} updated"))


@budgets_app.command("delete")
def budgets_delete(budget_id: int, user: str | None = UserOpt) -> None:
    """Delete a budget; its transactions and categories stay."""
    factory = open_db()
    with factory.begin() as s:
        u = resolve_user(s, user)
        budget = _owned(s, Budget, u.id, budget_id)
        budget_edit.delete_budget(s, budget)
    out.print(f"budget #{budget_id} deleted")


@budgets_app.command("show")
def budgets_show(budget_id: int, user: str | None = UserOpt) -> None:
    """A budget's periods (performance history) and amount changes."""
    factory = open_db()
    with factory() as s:
        u = resolve_user(s, user)
        budget = _owned(s, Budget, u.id, budget_id)
        rows, changes = budget_edit.history(s, budget)
        cur = budget.currency
        table = Table("period", "limit", "carried", "spent", "state", title=escape(f"#{budget.id} {budget.name} ({cur})"))
        for bp in rows:
            limit = bp.limit_minor + bp.carried_minor
            table.add_row(f"{bp.start} .. {bp.end}", str(from_minor(bp.limit_minor, cur)),
                          str(from_minor(bp.carried_minor, cur)), str(from_minor(bp.spent_minor, cur)),
                          budget_view.state_of(bp.spent_minor, limit))
        out.print(table)
        for c in changes:
            out.print(f"amount {from_minor(c.old_minor, cur)} -> {from_minor(c.new_minor, cur)} "
                      f"on {c.changed_at:%Y-%m-%d %H:%M}")


# ---------------------------------------------------------------- categories
@categories_app.command("list")
def categories_list(user: str | None = UserOpt) -> None:
    """The categories, by name."""
    factory = open_db()
    table = Table("id", "name")
    with factory() as s:
        u = resolve_user(s, user)
        for c in s.scalars(select(Category).where(Category.user_id == u.id).order_by(Category.name)):
            table.add_row(str(c.id), escape(c.name))
    out.print(table)


@categories_app.command("add")
def categories_add(name: str, user: str | None = UserOpt) -> None:
    """Add a category (for budgets and rules)."""
    name = name.strip()
    if not name:
        fail("name: must not be blank")
    if len(name) > 100:  # the API's limit (categories.name): PostgreSQL refused it with a traceback
        fail("name: at most 100 characters")
    factory = open_db()
    with factory.begin() as s:
        u = resolve_user(s, user)
        if s.scalar(select(Category).where(Category.user_id == u.id, Category.name == name)) is not None:
            fail(f"name: a category {name!r} exists already")
        cat = Category(user_id=u.id, name=name)
        s.add(cat)
        s.flush()
        out.print(escape(f"category #{cat.id} {name!r} added"))


def _category(s: Session, user_id: int, name: str) -> Category:
    cat = s.scalar(select(Category).where(Category.user_id == user_id, Category.name == name))
    if cat is None:
        fail(f"no category {name!r} (see `spendwatch categories list`)")
    assert cat is not None
    return cat


@categories_app.command("rename")
def categories_rename(old: str, new: str, user: str | None = UserOpt) -> None:
    """Rename a category; rules that file into it follow (budgets and transactions keep it)."""
    from pipeline import category_edit

    factory = open_db()
    with factory.begin() as s:
        u = resolve_user(s, user)
        cat = _category(s, u.id, old)
        try:
            rules = category_edit.rename(s, cat, new)
        except category_edit.CategoryError as exc:
            fail(str(exc))
        out.print(escape(f"category #{cat.id} renamed {old!r} -> {cat.name!r}; {rules} rule(s) follow"))


@categories_app.command("remove")
def categories_remove(name: str, user: str | None = UserOpt) -> None:
    """Remove a category no budget or rule uses; its transactions go to Uncategorized."""
    from pipeline import category_edit

    factory = open_db()
    with factory.begin() as s:
        u = resolve_user(s, user)
        cat = _category(s, u.id, name)
        try:
            removed = category_edit.remove(s, cat, config.now())
        except category_edit.CategoryError as exc:
            fail(str(exc))
            return
        out.print(escape(f"category {name!r} removed; {removed.moved} transaction(s) moved to Uncategorized"))


# ---------------------------------------------------------------- rules
def _rule_json(text: str) -> object:
    path = Path(text[1:]) if text.startswith("@") else None
    try:
        return json.loads(path.read_text() if path else text)
    except (OSError, json.JSONDecodeError) as exc:
        fail(f"rule: not JSON ({exc})")
        return None


@rules_app.command("add")
def rules_add(
    rule_json: str = typer.Argument(..., help='rule JSON, or @file.json: {"name", "conditions": [...], "actions": [...]}'),
    user: str | None = UserOpt,
) -> None:
    """Add a rule; new transactions follow it (existing ones: `rules preview`, then `rules apply`)."""
    try:
        rule = validate_rule(_rule_json(rule_json))
    except RuleError as exc:
        fail(str(exc))
        return
    factory = open_db()
    with factory.begin() as s:
        u = resolve_user(s, user)
        row = Rule(user_id=u.id, origin="user", **stored_form(rule))
        s.add(row)
        s.flush()
        out.print(escape(f"rule #{row.id} {row.name!r} added (preview with `spendwatch rules preview {row.id}`)"))


@rules_app.command("list")
def rules_list(user: str | None = UserOpt) -> None:
    """The rules, in the order they run (priority, then id)."""
    factory = open_db()
    table = Table("id", "prio", "name", "match", "conditions", "actions", "stop", "origin", "active")
    with factory() as s:
        u = resolve_user(s, user)
        for r in s.scalars(select(Rule).where(Rule.user_id == u.id).order_by(Rule.priority, Rule.id)):
            conds = "; ".join(f"{c.get('field')} {c.get('op', 'contains')} {c.get('value')!r}"
                              for c in r.conditions or [])
            acts = "; ".join(f"{a.get('type')}" + (f"={a.get('value')}" if a.get("value") not in (None, True) else "")
                             for a in r.actions or [])
            table.add_row(str(r.id), str(r.priority), escape(r.name), r.match, escape(conds), escape(acts), "yes" if r.stop_processing
                          else "", r.origin, "yes" if r.active else "no")
    out.print(table)


_SEE_RULES = " (see `spendwatch rules list`)"
_SEE_TXNS = " (see `spendwatch transactions list`)"


def _run_rule(rule_id: int, user: str | None, apply: bool) -> None:
    factory = open_db()
    with factory.begin() as s:
        u = resolve_user(s, user)
        row = _owned(s, Rule, u.id, rule_id, _SEE_RULES)
        try:
            spec = to_spec(validate_rule({"name": row.name, "priority": row.priority, "match": row.match,
                                          "conditions": row.conditions, "actions": row.actions,
                                          "stop_processing": row.stop_processing}), row.id)
        except RuleError as exc:  # stored before a check existed: say so, do not crash
            fail(f"rule {rule_id} cannot run ({exc}): `spendwatch rules remove {rule_id}` and add it again")
            return
        result = txn_edit.run_rule(s, u.id, spec, row.priority, config.now(), apply=apply)
        table = Table("txn", "field", "before", "after", title=f"{'applied' if apply else 'would change'}: "
                      f"{len(result.changes)} transaction(s)")
        for c in result.changes:
            for key in ("category", "is_transfer", "is_income", "excluded", "display_name"):
                if key in c.after and c.after[key] != c.before.get(key):
                    table.add_row(str(c.transaction_id), key, escape(str(c.before.get(key))), escape(str(c.after[key])))
        out.print(table)


@rules_app.command("preview")
def rules_preview(rule_id: int, user: str | None = UserOpt) -> None:
    """Which stored transactions the rule would change (nothing is changed)."""
    _run_rule(rule_id, user, apply=False)


@rules_app.command("apply")
def rules_apply(rule_id: int, user: str | None = UserOpt) -> None:
    """Change the transactions the rule matches; budgets follow in the same database transaction."""
    _run_rule(rule_id, user, apply=True)


@rules_app.command("remove")
def rules_remove(rule_id: int, user: str | None = UserOpt) -> None:
    """Delete a rule; transactions it already filed keep their category (as DELETE /api/rules/{id})."""
    factory = open_db()
    with factory.begin() as s:
        row = _owned(s, Rule, resolve_user(s, user).id, rule_id, _SEE_RULES)
        name = row.name
        s.delete(row)
    out.print(escape(f"rule #{rule_id} {name!r} removed"))


def _set_active(rule_id: int, user: str | None, active: bool) -> None:
    factory = open_db()
    with factory.begin() as s:
        row = _owned(s, Rule, resolve_user(s, user).id, rule_id, _SEE_RULES)
        row.active = active
        name = row.name
    out.print(escape(f"rule #{rule_id} {name!r} {'enabled' if active else 'disabled'}"))


@rules_app.command("disable")
def rules_disable(rule_id: int, user: str | None = UserOpt) -> None:
    """Stop a rule from filing new transactions (kept; `rules enable` brings it back)."""
    _set_active(rule_id, user, False)


@rules_app.command("enable")
def rules_enable(rule_id: int, user: str | None = UserOpt) -> None:
    """File new transactions by a disabled rule again."""
    _set_active(rule_id, user, True)


# ---------------------------------------------------------------- transactions
@txn_app.command("list")
def transactions_list(
    limit: int = typer.Option(30, min=1),
    category: str | None = typer.Option(None, help="category name"),
    text: str | None = typer.Option(None, "--text", "-q", help="text in merchant or counterparty"),
    user: str | None = UserOpt,
) -> None:
    """The latest transactions, newest first."""
    factory = open_db()
    table = Table("id", "when (UTC)", "amount", "dir", "merchant", "category", "src", "flags")
    with factory() as s:
        u = resolve_user(s, user)
        q = select(Transaction).where(Transaction.user_id == u.id)
        if category:
            q = q.join(Category, Category.id == Transaction.category_id).where(Category.name == category)
        if text:
            pattern = f"%{text.lower()}%"
            q = q.where(or_(Transaction.merchant.ilike(pattern), Transaction.merchant_raw.ilike(pattern),
                            Transaction.counterparty.ilike(pattern)))
        q = q.order_by(Transaction.occurred_at.desc(), Transaction.id.desc()).limit(limit)
        for t in s.scalars(q).unique():
            flags = ",".join(f for f, on in (("transfer", t.is_transfer), ("income", t.is_income),
                                              ("excluded", t.excluded), ("review", t.needs_review)) if on)
            amount: Decimal = t.amount
            table.add_row(str(t.id), f"{t.occurred_at:%Y-%m-%d %H:%M}", f"{t.currency} {amount}", t.direction,
                          escape(t.display_name or t.merchant or t.counterparty or ""), escape(t.category.name) if t.category else "",
                          t.category_source, flags)
    out.print(table)


@txn_app.command("recategorize")
def transactions_recategorize(txn_id: int, category: str, user: str | None = UserOpt) -> None:
    """Set a transaction's category by hand (rules never overwrite it); may teach a rule."""
    factory = open_db()
    with factory.begin() as s:
        u = resolve_user(s, user)
        t = _owned(s, Transaction, u.id, txn_id, _SEE_TXNS)
        [cat_id] = _category_ids(s, u.id, [category])
        result = learning.correct(s, u, t, cat_id, config.now())
    out.print(escape(f"transaction #{txn_id} -> {category}"))
    p = result.proposal
    if p is not None:
        if p.created:
            out.print(escape(f"learned rule #{p.rule_id}: merchant {p.merchant!r} -> {p.category} "
                             f"(from transactions {', '.join(map(str, p.transaction_ids))})"))
        else:
            out.print(escape(f"proposed rule: merchant {p.merchant!r} -> {p.category} "
                             f"({p.corrections} of {p.needed} corrections)"))


def _set_excluded(txn_id: int, user: str | None, excluded: bool) -> None:
    factory = open_db()
    with factory.begin() as s:
        t = _owned(s, Transaction, resolve_user(s, user).id, txn_id, _SEE_TXNS)
        try:
            txn_edit.update_transaction(s, t, config.now(), excluded=excluded)
        except txn_edit.EditError as exc:
            fail(str(exc))
    out.print(f"transaction #{txn_id} excluded from every budget" if excluded
              else f"transaction #{txn_id} counted in its budgets again")


@txn_app.command("exclude")
def transactions_exclude(txn_id: int, user: str | None = UserOpt) -> None:
    """Take a transaction out of every budget (a one-off, a reimbursed expense); kept and listed."""
    _set_excluded(txn_id, user, True)


@txn_app.command("include")
def transactions_include(txn_id: int, user: str | None = UserOpt) -> None:
    """Count an excluded transaction in its budgets again."""
    _set_excluded(txn_id, user, False)


@txn_app.command("transfer")
def transactions_transfer(txn_id: int, user: str | None = UserOpt) -> None:
    """Money between your own accounts: neither spend nor income, and its other half (same amount,
    another own account, within 3 days) too."""
    from pipeline import transfers

    factory = open_db()
    with factory.begin() as s:
        t = _owned(s, Transaction, resolve_user(s, user).id, txn_id, _SEE_TXNS)
        other = transfers.mark_transfer(s, t, config.now())
        paired = other.id if other is not None else None
    out.print(f"transaction #{txn_id} marked a transfer" + (f", and its other half #{paired}" if paired else ""))


def register(app: typer.Typer) -> None:
    app.add_typer(budgets_app, name="budgets")
    app.add_typer(categories_app, name="categories")
    app.add_typer(rules_app, name="rules")
    app.add_typer(txn_app, name="transactions")
