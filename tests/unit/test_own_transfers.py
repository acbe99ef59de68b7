"""A debit that names another of the user's own accounts or cards is a transfer when it is
stored, not spend: paying the credit card's bill from the current account counted the
card's purchases twice (once each, and again as the bill). On a real SQLite file."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy.orm import sessionmaker

from models import BankAccount, Base, Transaction, User, to_minor
from pipeline.categorizing import Categorizer
from pipeline.db import make_engine

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def s(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'own.db'}")
    Base.metadata.create_all(engine)
    with sessionmaker(bind=engine, expire_on_commit=False)() as session:
        user = User(email="own@example.test", timezone="Asia/Muscat")
        session.add(user)
        session.flush()
        session.add_all([BankAccount(user_id=user.id, bank="bank_muscat", mask="xxxx0027", currency="OMR"),
                         BankAccount(user_id=user.id, bank="bank_muscat", mask="4837XXXXXXXX1518", currency="OMR")])
        session.flush()
        yield session
    engine.dispose()


def debit(s, kind: str, counterparty: str, merchant: str, n: int) -> Transaction:
    user = s.query(User).one()
    t = Transaction(user_id=user.id, amount_minor=to_minor("250.000", "OMR"), currency="OMR", direction="debit",
                    kind=kind, merchant_raw=merchant, counterparty=counterparty, account_mask="xxxx0027",
                    occurred_at=NOW, fingerprint=f"own{n}")
    Categorizer(s, user.id).apply(t)
    return t


def test_paying_the_own_credit_card_is_a_transfer(s):
    t = debit(s, "bill_payment", "Credit Card 4837****1518", "CREDIT CARD PAYMENT", 1)
    assert t.is_transfer and not t.counts_as_spend


def test_a_transfer_to_an_own_account_is_a_transfer_and_to_someone_else_is_spend(s):
    s.add(BankAccount(user_id=s.query(User).one().id, bank="bank_muscat", mask="xxxx0019", currency="OMR"))
    s.flush()
    assert debit(s, "transfer", "a/c xxxx0019", "Transfer", 2).is_transfer
    assert not debit(s, "transfer", "a/c xxxx4242", "Transfer to AHMED", 3).is_transfer


def test_an_account_the_user_says_is_not_theirs_does_not_count(s):
    card = s.query(BankAccount).filter(BankAccount.mask.like("%1518")).one()
    card.is_own = False
    s.flush()
    assert not debit(s, "bill_payment", "Credit Card 4837****1518", "CREDIT CARD PAYMENT", 4).is_transfer


def test_a_card_purchase_whose_merchant_ends_in_those_digits_stays_spend(s):
    assert not debit(s, "purchase", "", "TACO BELL 741518", 5).is_transfer
