"""Categorization set up once and relied on for months, through the API on SQLite and
PostgreSQL: rules created, edited, reordered, applied and deleted while budgets stay exact
(``budgets.verify`` finds no drift), and what "apply" does is what a new alert gets."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from models import Alert, Category, Transaction, User, to_minor
from pipeline import budgets, txn_edit
from pipeline.categorizing import categorize_transaction
from pipeline.rules import to_spec, validate_rule
from tests.integration import test_api
from tests.integration.test_api import NOW, add_category, add_txn

# test_api's fixtures: a client on SQLite and PostgreSQL, users with a token
factory, client, alice, bob = test_api.factory, test_api.client, test_api.alice, test_api.bob


def ingest(factory, user_id: int, merchant: str, amount: str = "10.000", *, n: int) -> int:
    """A new alert as pipeline.process stores it: categorized by the rules, then counted."""
    with factory.begin() as s:
        t = Transaction(user_id=user_id, amount_minor=to_minor(amount, "OMR"), currency="OMR", direction="debit",
                        kind="purchase", merchant_raw=merchant, counterparty=None, occurred_at=NOW,
                        fingerprint=f"in-{user_id}-{n}")
        categorize_transaction(s, t, s.get(User, user_id))
        s.add(t)
        s.flush()
        budgets.apply_transaction(s, t, +1, NOW)
        return t.id


def rule(client, h, name: str, value: str, actions: list[dict], **kw) -> int:
    r = client.post("/api/rules", headers=h, json={
        "name": name, "conditions": [{"field": "merchant", "op": "contains", "value": value}],
        "actions": actions, **kw})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def budget(client, h, name: str, category_id: int) -> None:
    r = client.post("/api/budgets", headers=h, json={"name": name, "amount": "100", "period": "monthly",
                                                      "category_ids": [category_id]})
    assert r.status_code == 200, r.text


def spent(client, h) -> dict[str, str]:
    return {b["name"]: b["spent"] for b in client.get("/api/budgets", headers=h).json()}


def category_of(client, h, txn_id: int) -> str | None:
    cat = client.get(f"/api/transactions/{txn_id}", headers=h).json()["category"]
    return None if cat is None else cat["name"]


def no_drift(factory) -> None:
    with factory() as s:
        assert budgets.verify(s) == []


def test_applying_a_rule_keeps_what_the_rules_before_it_decide(client, factory, alice):
    """Applying a rule to stored transactions gives them what a new alert of the same
    merchant gets: a rule earlier in priority that set the category keeps it, and one that
    stopped the run keeps the later rule out. Before, apply ran the rule alone and moved
    LULU HYPERMARKET (Groceries by the 'lulu' rule) into Shopping, while the next LULU
    alert still went to Groceries."""
    uid, h = alice
    groceries, shopping = add_category(client, h, "Groceries"), add_category(client, h, "Shopping")
    budget(client, h, "Groceries", groceries)
    budget(client, h, "Shopping", shopping)
    rule(client, h, "gifts", "gift", [{"type": "set_display_name", "value": "Gift"}], priority=5,
         stop_processing=True)
    rule(client, h, "lulu", "lulu", [{"type": "set_category", "value": "Groceries"}], priority=10)
    t1 = ingest(factory, uid, "LULU HYPERMARKET", n=1)
    t2 = ingest(factory, uid, "NESTO HYPER", n=2)
    t3 = ingest(factory, uid, "LULU GIFT HYPER", n=3)
    assert [category_of(client, h, t) for t in (t1, t2, t3)] == ["Groceries"] * 3
    assert spent(client, h) == {"Groceries": "30.000", "Shopping": "0.000"}

    hyper = rule(client, h, "hyper", "hyper", [{"type": "set_category", "value": "Shopping"}], priority=100)
    prev = client.post(f"/api/rules/{hyper}/preview", headers=h).json()
    assert [c["transaction_id"] for c in prev["changes"]] == [t2], prev
    res = client.post(f"/api/rules/{hyper}/apply", headers=h).json()
    assert [c["transaction_id"] for c in res["changes"]] == [t2] and res["changes"] == prev["changes"]
    assert [category_of(client, h, t) for t in (t1, t2, t3)] == ["Groceries", "Shopping", "Groceries"]
    assert spent(client, h) == {"Groceries": "20.000", "Shopping": "10.000"}
    no_drift(factory)
    # what apply gave each stored transaction is what a new alert of the merchant gets
    for i, (t, merchant) in enumerate(((t1, "LULU HYPERMARKET"), (t2, "NESTO HYPER"), (t3, "LULU GIFT HYPER"))):
        fresh = ingest(factory, uid, merchant, n=10 + i)
        assert category_of(client, h, fresh) == category_of(client, h, t), merchant
    # once only: applying again changes nothing and records nothing
    again = client.post(f"/api/rules/{hyper}/apply", headers=h).json()
    assert again["count"] == 0 and again["alerts"] == []
    no_drift(factory)


def test_an_unsaved_rule_is_previewed_in_its_place_by_priority(client, factory, alice):
    uid, h = alice
    add_category(client, h, "Groceries")
    rule(client, h, "lulu", "lulu", [{"type": "set_category", "value": "Groceries"}], priority=10)
    t1 = ingest(factory, uid, "LULU HYPERMARKET", n=1)
    body = {"name": "x", "conditions": [{"field": "merchant", "op": "contains", "value": "hyper"}],
            "actions": [{"type": "set_category", "value": "Shopping"}]}
    later = client.post("/api/rules/preview", headers=h, json={**body, "priority": 100}).json()
    assert later["count"] == 0, later  # the lulu rule decides first, as it would for a new alert
    earlier = client.post("/api/rules/preview", headers=h, json={**body, "priority": 5}).json()
    assert [c["transaction_id"] for c in earlier["changes"]] == [t1]
    assert earlier["changes"][0]["after"]["category"] == "Shopping"


def test_a_flag_action_set_to_false_does_in_apply_what_it_does_for_a_new_alert(client, factory, alice):
    """{"type": "exclude", "value": false} does nothing to a new alert (flags are only ever
    set); apply used it to clear the flag, undoing the user's own exclusion."""
    uid, h = alice
    food = add_category(client, h, "Food")
    budget(client, h, "Food", food)
    rid = rule(client, h, "not excluded", "lulu", [{"type": "exclude", "value": False},
                                                   {"type": "set_category", "value": "Food"}])
    t1 = ingest(factory, uid, "LULU HYPERMARKET", n=1)
    assert client.get(f"/api/transactions/{t1}", headers=h).json()["excluded"] is False
    r = client.patch(f"/api/transactions/{t1}", headers=h, json={"excluded": True})
    assert r.status_code == 200, r.text
    assert spent(client, h) == {"Food": "0.000"}
    assert client.post(f"/api/rules/{rid}/preview", headers=h).json()["count"] == 0
    assert client.post(f"/api/rules/{rid}/apply", headers=h).json()["count"] == 0
    assert client.get(f"/api/transactions/{t1}", headers=h).json()["excluded"] is True
    assert spent(client, h) == {"Food": "0.000"}
    no_drift(factory)


def test_set_category_files_into_the_users_category_whatever_its_letter_case(client, factory, alice):
    """A rule saying "groceries" (or "Groceries " or "GROCERIES") means the user's Groceries:
    it made a second category "groceries" beside it, and every alert the rule filed left the
    Groceries budget for good, without a word."""
    uid, h = alice
    groceries = add_category(client, h, "Groceries")
    shopping = add_category(client, h, "Shopping")
    budget(client, h, "Groceries", groceries)
    t_old = add_txn(factory, uid, "4.000", shopping, n=1, merchant="LULU EXPRESS")
    rid = rule(client, h, "lulu", "lulu", [{"type": "set_category", "value": "groceries"}])
    t_new = ingest(factory, uid, "LULU HYPERMARKET", "6.000", n=2)
    assert client.get(f"/api/transactions/{t_new}", headers=h).json()["category"]["id"] == groceries
    prev = client.post(f"/api/rules/{rid}/preview", headers=h).json()
    assert [c["transaction_id"] for c in prev["changes"]] == [t_old]
    assert prev["changes"][0]["after"]["category"] == "Groceries"
    client.post(f"/api/rules/{rid}/apply", headers=h)
    assert client.get(f"/api/transactions/{t_old}", headers=h).json()["category"]["id"] == groceries
    assert spent(client, h) == {"Groceries": "10.000"}
    assert [c["name"] for c in client.get("/api/categories", headers=h).json()] == ["Groceries", "Shopping"]
    no_drift(factory)


def test_set_category_never_reaches_another_users_category(client, factory, alice, bob):
    """Categories are found by name among the rule owner's own: Bob's "Secret" (and its
    budget) are never touched by Alice's rule naming it."""
    uid, h = alice
    bob_id, bh = bob
    secret = add_category(client, bh, "Secret")
    budget(client, bh, "Secret", secret)
    rid = rule(client, h, "s", "lulu", [{"type": "set_category", "value": "Secret"}])
    t_new = ingest(factory, uid, "LULU HYPERMARKET", n=1)
    t_old = add_txn(factory, uid, "3.000", None, n=2, merchant="LULU EXPRESS")
    client.post(f"/api/rules/{rid}/apply", headers=h)
    mine = {c["name"]: c["id"] for c in client.get("/api/categories", headers=h).json()}
    for t in (t_new, t_old):
        cat = client.get(f"/api/transactions/{t}", headers=h).json()["category"]
        assert cat == {"id": mine["Secret"], "name": "Secret"} and cat["id"] != secret
    assert spent(client, bh) == {"Secret": "0.000"}
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Category).where(Category.user_id == bob_id)) == 1
    no_drift(factory)


def test_priority_ties_go_to_the_older_rule_everywhere(client, factory, alice):
    uid, h = alice
    first = rule(client, h, "a", "lulu", [{"type": "set_category", "value": "Groceries"}], priority=50)
    second = rule(client, h, "b", "lulu", [{"type": "set_category", "value": "Shopping"}], priority=50)
    assert [r["id"] for r in client.get("/api/rules", headers=h).json()] == [first, second]
    t1 = ingest(factory, uid, "LULU HYPERMARKET", n=1)
    assert category_of(client, h, t1) == "Groceries"
    assert client.post(f"/api/rules/{second}/preview", headers=h).json()["count"] == 0
    assert client.post(f"/api/rules/{second}/apply", headers=h).json()["count"] == 0
    assert category_of(client, h, t1) == "Groceries"


def test_editing_reordering_and_deleting_rules_leave_stored_transactions_alone(client, factory, alice):
    """Rules change what new alerts get; stored transactions (and budgets) move only when the
    user applies a rule, and a category set by hand never moves."""
    uid, h = alice
    food, fun = add_category(client, h, "Food"), add_category(client, h, "Fun")
    budget(client, h, "Food", food)
    budget(client, h, "Fun", fun)
    rid = rule(client, h, "lulu", "lulu", [{"type": "set_category", "value": "Food"}])
    t1 = ingest(factory, uid, "LULU HYPERMARKET", "20.000", n=1)
    t2 = ingest(factory, uid, "LULU EXPRESS", "5.000", n=2)
    client.patch(f"/api/transactions/{t2}", headers=h, json={"category_id": fun})  # by hand
    assert spent(client, h) == {"Food": "20.000", "Fun": "5.000"}
    edited = {"name": "lulu", "conditions": [{"field": "merchant", "op": "contains", "value": "lulu"}],
              "actions": [{"type": "set_category", "value": "Fun"}], "priority": 1}
    assert client.put(f"/api/rules/{rid}", headers=h, json=edited).status_code == 200
    assert spent(client, h) == {"Food": "20.000", "Fun": "5.000"}  # an edit alone moves nothing
    res = client.post(f"/api/rules/{rid}/apply", headers=h).json()
    assert [c["transaction_id"] for c in res["changes"]] == [t1]
    assert spent(client, h) == {"Food": "0.000", "Fun": "25.000"}
    assert client.delete(f"/api/rules/{rid}", headers=h).status_code == 200
    assert category_of(client, h, t1) == "Fun" and category_of(client, h, t2) == "Fun"
    assert spent(client, h) == {"Food": "0.000", "Fun": "25.000"}
    no_drift(factory)


def test_a_category_chosen_by_hand_while_a_rule_is_applied_is_kept(factory, alice, monkeypatch):
    """Apply reads the transactions, then changes them one by one: a recategorization by
    hand committed in between (another request) was overwritten, its spend moved back by
    the rule. The row is re-read under its lock before the rule decides."""
    uid, _h = alice
    with factory.begin() as s:
        food, fun = Category(user_id=uid, name="Food"), Category(user_id=uid, name="Fun")
        s.add_all([food, fun])
    t1 = add_txn(factory, uid, "7.000", None, n=1, merchant="LULU HYPERMARKET")
    spec = to_spec(validate_rule({"name": "lulu", "conditions": [{"field": "merchant", "op": "contains", "value": "lulu"}],
                                  "actions": [{"type": "set_category", "value": "Food"}]}))
    real = txn_edit._planned
    calls = []

    def meanwhile(txn, *args, **kw):
        if not calls:  # another request recategorizes t1 by hand and commits
            with factory.begin() as other:
                txn_edit.recategorize(other, other.get(Transaction, t1), fun.id, NOW + timedelta(seconds=1))
        calls.append(txn.id)
        return real(txn, *args, **kw)

    monkeypatch.setattr(txn_edit, "_planned", meanwhile)
    with factory.begin() as s:
        txn_edit.run_rules(s, uid, [spec], NOW, apply=True)
    with factory() as s:
        t = s.get(Transaction, t1)
        assert (t.category_id, t.category_source) == (fun.id, "manual")
        assert s.scalar(select(func.count()).select_from(Alert)) == 0
        assert budgets.verify(s) == []

