"""Review of transfers and the read views: marking a transfer pairs its other half, the
account filter of the transaction list. SQLite and PostgreSQL, as tests/integration/test_api.py."""

from __future__ import annotations

from datetime import timedelta

from models import BankAccount
from pipeline import budgets
from tests.integration.test_api import NOW, add_category, add_txn, alice, client, factory  # noqa: F401


def _own_accounts(factory, uid: int) -> tuple[int, int]:  # noqa: F811
    with factory.begin() as s:
        current, card = (BankAccount(user_id=uid, bank="bank_muscat", mask=m, currency="OMR")
                         for m in ("xxxx0019", "4837****7700"))
        s.add_all([current, card])
        s.flush()
        return current.id, card.id


def test_marking_the_credit_half_a_transfer_takes_the_debit_half_out_of_budgets(client, factory, alice):  # noqa: F811
    """Paying my credit card from my current account: the card's "payment received" is the
    half a user marks; the debit on the current account is not spend either."""
    uid, h = alice
    _own_accounts(factory, uid)
    client.post("/api/budgets", headers=h, json={"name": "All", "amount": "100", "period": "monthly"})
    debit = add_txn(factory, uid, "50.000", None, n=1, merchant=None, kind="transfer", account_mask="xxxx0019")
    credit = add_txn(factory, uid, "50.000", None, n=2, merchant=None, kind="credit", direction="credit",
                     account_mask="4837****7700", when=NOW + timedelta(hours=3), is_income=True)
    # the same amount, but a purchase elsewhere and 5 days before: not the other half
    add_txn(factory, uid, "50.000", None, n=3, account_mask="xxxx0019", when=NOW - timedelta(days=5))
    assert client.get("/api/budgets", headers=h).json()[0]["spent"] == "100.000"

    r = client.post(f"/api/transactions/{credit}/transfer", headers=h)
    assert r.status_code == 200, r.text
    assert r.json()["transaction"]["is_transfer"] is True and r.json()["transaction"]["is_income"] is False
    assert r.json()["paired_with"] == debit
    assert client.get(f"/api/transactions/{debit}", headers=h).json()["is_transfer"] is True
    assert client.get("/api/budgets", headers=h).json()[0]["spent"] == "50.000"
    with factory() as s:
        assert budgets.verify(s) == []

    # unmarking the debit half brings its spend back exactly
    r = client.patch(f"/api/transactions/{debit}", headers=h, json={"is_transfer": False})
    assert r.status_code == 200, r.text
    assert client.get("/api/budgets", headers=h).json()[0]["spent"] == "100.000"
    with factory() as s:
        assert budgets.verify(s) == []


def test_account_filter_by_id_lists_only_that_account(client, factory, alice):  # noqa: F811
    uid, h = alice
    current, card = _own_accounts(factory, uid)
    add_txn(factory, uid, "1.000", None, n=1, account_mask="xxxx0019", bank_account_id=current)
    add_txn(factory, uid, "2.000", None, n=2, account_mask="4837****7700", bank_account_id=card)
    add_txn(factory, uid, "3.000", None, n=3, account_mask=f"4111****55{current}", when=NOW - timedelta(hours=1))

    def amounts(account: str) -> list[str]:
        r = client.get("/api/transactions", params={"account": account}, headers=h)
        assert r.status_code == 200, r.text
        return [t["amount"] for t in r.json()]

    assert amounts(str(current)) == ["1.000"]  # the account, not a card whose mask ends in its id
    assert amounts("0019") == ["1.000"] and amounts("7700") == ["2.000"]  # last digits of the mask
    assert amounts("%") == [] and amounts("_") == []  # not LIKE wildcards


def test_an_account_first_seen_in_a_foreign_purchase_shows_its_balance_in_its_own_currency(client, factory, alice):  # noqa: F811
    """A card first seen in a USD purchase whose alert gives the balance in OMR: the balance
    is kept in OMR's minor units, so the account's currency is the balance's (it showed
    "USD 12345.67" for OMR 1,234.567)."""
    from decimal import Decimal

    from parsers.base import Direction, Kind, ParsedTransaction
    from pipeline.process import bank_account_for

    uid, h = alice
    t = ParsedTransaction(amount=Decimal("10.00"), currency="USD", direction=Direction.DEBIT, kind=Kind.PURCHASE,
                          merchant="AMAZON", account="xxxx1234", balance=Decimal("1234.567"), balance_currency="OMR")
    with factory.begin() as s:
        bank_account_for(s, uid, "bank_muscat", t, NOW)
    [a] = client.get("/api/accounts", headers=h).json()
    assert (a["currency"], a["last_balance"]) == ("OMR", "1234.567")
