"""Categorization, rules and learning: review fixes, through the API on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from models import Category, Rule, Transaction, User
from pipeline import budgets
from pipeline.categorizing import categorize_transaction
from tests.integration import test_api
from tests.integration.test_api import add_category, add_txn

# test_api's fixtures: a client on SQLite and PostgreSQL, a user with a token
factory, client, alice = test_api.factory, test_api.client, test_api.alice

RULE = {"name": "x", "actions": [{"type": "exclude"}]}


def regex_rule(pattern: str) -> dict:
    return {**RULE, "conditions": [{"field": "merchant", "op": "regex", "value": pattern}]}


def test_correcting_the_same_transaction_twice_is_one_correction(client, factory, alice):
    """A double click (or a retried PATCH) on one transaction is not two agreeing corrections."""
    uid, h = alice
    cafes = add_category(client, h, "Cafes")
    t1 = add_txn(factory, uid, "1.200", None, n=1, merchant="Jenan Tea")
    for _ in range(2):
        r = client.patch(f"/api/transactions/{t1}", headers=h, json={"category_id": cafes})
        assert r.status_code == 200, r.text
    assert r.json()["proposal"]["rule_created"] is False and r.json()["proposal"]["corrections"] == 1
    assert client.get("/api/rules", headers=h).json() == []


def test_corrections_of_one_merchant_agree_whatever_the_case_the_bank_wrote(client, factory, alice):
    """One bank shouts (JENAN TEA), another does not (Jenan Tea): the learned rule matches
    both (equals ignores case), so the corrections that teach it count both too."""
    uid, h = alice
    cafes = add_category(client, h, "Cafes")
    t1 = add_txn(factory, uid, "1.200", None, n=1, merchant="JENAN TEA")
    t2 = add_txn(factory, uid, "1.500", None, n=2, merchant="Jenan Tea")
    client.patch(f"/api/transactions/{t1}", headers=h, json={"category_id": cafes})
    r = client.patch(f"/api/transactions/{t2}", headers=h, json={"category_id": cafes}).json()
    assert r["proposal"]["rule_created"] is True, r


def test_learning_from_a_long_merchant_name(client, factory, alice):
    """Merchants are kept up to 500 characters, a rule name up to 200: learning from a long
    generic-parser merchant answered 500 on PostgreSQL."""
    uid, h = alice
    cafes = add_category(client, h, "Cafes")
    merchant = "PURCHASE AT " + "VERY LONG MERCHANT DESCRIPTION " * 10
    ids = [add_txn(factory, uid, "1.000", None, n=i, merchant=merchant.strip()) for i in range(2)]
    for t in ids:
        r = client.patch(f"/api/transactions/{t}", headers=h, json={"category_id": cafes})
        assert r.status_code == 200, r.text
    assert r.json()["proposal"]["rule_created"] is True


def test_a_category_name_longer_than_the_column_is_refused(client, factory, alice):
    """set_category names a category (100 characters at most): a longer name was stored in
    the rule and made every matching alert fail on PostgreSQL (and apply answer 500)."""
    _uid, h = alice
    r = client.post("/api/rules", headers=h, json={
        "name": "long", "conditions": [{"field": "merchant", "op": "contains", "value": "lulu"}],
        "actions": [{"type": "set_category", "value": "G" * 101}]})
    assert r.status_code == 422 and "actions.0" in r.json()["message"], r.text
    r = client.post("/api/rules", headers=h, json={
        "name": "long", "conditions": [{"field": "merchant", "op": "contains", "value": "lulu"}],
        "actions": [{"type": "set_display_name", "value": "D" * 501}]})
    assert r.status_code == 422 and "actions.0" in r.json()["message"], r.text


def test_a_regex_repetition_too_large_is_a_422_not_a_500(client, alice):
    _uid, h = alice
    r = client.post("/api/rules", headers=h, json=regex_rule("a{4294967296}"))
    assert r.status_code == 422 and "conditions.0" in r.json()["message"], r.text


def test_a_catastrophic_regex_cannot_hang_the_worker(client, factory, alice):
    """(\\w+\\s?)+$ backtracks 2^n times on a merchant that ends in '*': a match is
    given up after a short time (no match), instead of holding the worker for hours."""
    uid, h = alice
    r = client.post("/api/rules", headers=h, json={
        "name": "words", "conditions": [{"field": "merchant", "op": "regex", "value": r"(\w+\s?)+$"}],
        "actions": [{"type": "set_category", "value": "Words"}]})
    assert r.status_code == 201, r.text
    merchant = "QUALITY SAVING AL ARAIMI BOULEVARD MUSCAT OMAN*"  # the * ends every try
    t = add_txn(factory, uid, "1.000", None, n=1, merchant=merchant)
    assert client.post(f"/api/rules/{r.json()['id']}/preview", headers=h).json()["count"] == 0
    with factory.begin() as s:
        txn = s.get(Transaction, t)
        txn.category_id = None
        categorize_transaction(s, txn, s.get(User, uid))
        assert txn.category_source != "rule"
        assert budgets.verify(s) == []
    with factory() as s:
        assert s.scalar(select(Category).where(Category.name == "Words")) is None
        assert s.scalar(select(Rule.id)) == r.json()["id"]
