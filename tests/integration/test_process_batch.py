"""Batch processing gives exactly what one-by-one processing gives, on SQLite and PostgreSQL.

The same stored mails (every project fixture, Bank Muscat alerts that cross thresholds,
twins by Message-ID, forged and private mail) go through ``process.process`` one by one
on one database and through ``process_batch.process_many`` on another; every row that
processing writes must come out the same.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models import (
    Alert,
    BankAccount,
    Base,
    BatchAttempt,
    Budget,
    BudgetPeriod,
    Category,
    NotifyTarget,
    Outbox,
    RawEmail,
    RawStatus,
    Rule,
    Transaction,
    User,
    to_minor,
)
from pipeline import config, process, process_batch
from pipeline.db import make_engine
from pipeline.ingest import store_raw
from tests.support import mails
from tests.support.service import fresh_database

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "emails"


@pytest.fixture(autouse=True)
def _settings(monkeypatch, tmp_path):
    monkeypatch.setenv("SPENDWATCH_TRUSTED_AUTHSERV_IDS", mails.AUTHSERV)
    monkeypatch.setenv("SPENDWATCH_DATA_DIR", str(tmp_path / "data"))
    config.reset()
    yield
    config.reset()


@pytest.fixture(params=["sqlite", "postgresql"])
def make_factory(request, tmp_path):
    engines = []

    def make(name: str) -> sessionmaker[Session]:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path / (name + '.db')}"
        else:
            url = fresh_database(request.getfixturevalue("pg_url"))
        engine = make_engine(url)
        Base.metadata.create_all(engine)
        engines.append(engine)
        return sessionmaker(bind=engine, expire_on_commit=False)

    yield make
    for e in engines:
        e.dispose()


def seed(factory: sessionmaker[Session]) -> int:
    with factory.begin() as s:
        user = User(email="me@example.test", timezone="Asia/Muscat")
        s.add(user)
        s.flush()
        groceries = Category(user_id=user.id, name="Groceries")
        fuel = Category(user_id=user.id, name="Fuel")
        s.add_all([groceries, fuel])
        s.flush()
        s.add(Rule(user_id=user.id, name="shell is fuel", conditions=[{"field": "merchant", "op": "contains", "value": "SHELL"}],
                   actions={"set_category": "Fuel"}))
        everything = Budget(user_id=user.id, name="Everything", amount_minor=to_minor("60.000", "OMR"), currency="OMR",
                            period="monthly", anchor_day=1)
        food = Budget(user_id=user.id, name="Food", amount_minor=to_minor("20.000", "OMR"), currency="OMR",
                      period="monthly", anchor_day=1, thresholds=[25, 50, 75, 100])
        food.categories = [groceries]
        week = Budget(user_id=user.id, name="Fuel week", amount_minor=to_minor("5.000", "OMR"), currency="OMR",
                      period="weekly", anchor_day=1, rollover=True)
        week.categories = [fuel]
        s.add_all([everything, food, week])
        s.add(NotifyTarget(user_id=user.id, kind="email", label="me", address_enc="x"))
        s.add(NotifyTarget(user_id=user.id, kind="apprise", label="push", address_enc="y"))
        s.flush()
        return int(user.id)


def corpus() -> list[bytes]:
    """Every project fixture, then Muscat alerts that climb through the thresholds."""
    raws = [p.read_bytes() for p in sorted(FIXTURES.rglob("*.eml"))]
    start = datetime(2026, 11, 2, 8, 0, tzinfo=timezone.utc)
    auth = mails.dkim_pass()
    merchants = ["LULU HYPERMARKET", "SHELL OMAN", "CARREFOUR MOE", "SHELL AL KHUWAIR", "NESTO MUSCAT"]
    for i in range(40):
        raws.append(mails.card_purchase(f"{1 + i % 4}.{(i * 37) % 1000:03d}", merchants[i % 5], start + timedelta(hours=7 * i),
                                        message_id=f"<buy-{i}@bankmuscat.com>", auth=auth))
    # Twins: the same alert re-sent with other bytes, and a reused Message-ID for another purchase.
    raws.append(mails.card_purchase("2.000", "LULU HYPERMARKET", start + timedelta(hours=7), message_id="<buy-1@bankmuscat.com>",
                                    auth=auth, terminal="512208"))
    raws.append(mails.card_purchase("9.999", "KARAK HOUSE", start, message_id="<buy-3@bankmuscat.com>", auth=auth))
    raws.append(mails.card_purchase("4.000", "TWIN A", start, message_id="<twin@bankmuscat.com>", auth=auth))
    raws.append(mails.card_purchase("4.000", "TWIN A", start, message_id="<twin@bankmuscat.com>", auth=auth, terminal="1"))
    # Forged (no dkim) and a private mail.
    raws.append(mails.card_purchase("50.000", "FORGED", start, message_id="<forged@bankmuscat.com>",
                                    auth=f"{mails.AUTHSERV}; dkim=fail header.d=bankmuscat.com; spf=fail"))
    raws.append(mails.other_mail(start, message_id="<hello@example.org>"))
    return raws


def store(factory: sessionmaker[Session], user_id: int, raws: list[bytes]) -> list[int]:
    with factory.begin() as s:
        ids = [store_raw(s, user_id=user_id, raw=r, source="file") for r in raws]
    assert None not in ids
    return [int(i) for i in ids if i is not None]


def snapshot(factory: sessionmaker[Session]) -> dict[str, Any]:
    """Everything processing writes, keyed by what is stable across databases (raw e-mail ids)."""
    with factory() as s:
        cats = dict(s.execute(select(Category.id, Category.name)).all())
        accounts = {a.id: (a.bank, a.mask, a.last_balance_minor, a.last_seen_at) for a in s.scalars(select(BankAccount))}
        txn_raw = dict(s.execute(select(Transaction.id, Transaction.raw_email_id)).all())
        txns = {
            t.raw_email_id: (t.amount_minor, t.currency, t.direction, t.kind, t.merchant, t.merchant_raw, t.display_name,
                             t.counterparty, t.account_mask, t.occurred_at, t.reference, t.balance_minor,
                             cats.get(t.category_id), t.category_source, t.is_transfer, t.is_income, t.excluded,
                             t.needs_review, t.review_reason, t.fingerprint, t.message_id, t.bank,
                             accounts.get(t.bank_account_id))
            for t in s.scalars(select(Transaction))
        }
        raws = {r.id: (r.status, r.reason, r.parser, r.processed_at) for r in s.scalars(select(RawEmail))}
        budget_names = dict(s.execute(select(Budget.id, Budget.name)).all())
        bps = {bp.id: (budget_names[bp.budget_id], bp.start) for bp in s.scalars(select(BudgetPeriod))}
        periods = {(budget_names[bp.budget_id], bp.start): (bp.end, bp.limit_minor, bp.carried_minor, bp.spent_minor)
                   for bp in s.scalars(select(BudgetPeriod))}
        alerts = {(bps[a.budget_period_id], a.threshold): (a.percent, a.spent_minor, txn_raw.get(a.transaction_id), a.notify)
                  for a in s.scalars(select(Alert))}
        alert_key = {a.id: (bps[a.budget_period_id], a.threshold) for a in s.scalars(select(Alert))}
        outbox = sorted((alert_key[o.alert_id], o.target_id, o.status) for o in s.scalars(select(Outbox)))
    return {"raws": raws, "txns": txns, "periods": periods, "alerts": alerts, "outbox": outbox,
            "categories": sorted(cats.values()), "accounts": sorted(accounts.values(), key=repr)}


def test_a_batch_writes_what_one_by_one_writes(make_factory):
    raws = corpus()
    one, many = make_factory("one"), make_factory("many")
    user_one, user_many = seed(one), seed(many)
    ids_one, ids_many = store(one, user_one, raws), store(many, user_many, raws)
    assert ids_one == ids_many

    result = process_batch.process_many(many, ids_many, NOW)
    # Twins go one by one after the batch: one by one in that same order gives the same rows.
    for rid in [i for i in ids_one if i not in result.one_by_one] + result.one_by_one:
        process.process(one, rid, NOW)

    a, b = snapshot(one), snapshot(many)
    assert a == b
    statuses = [v[0] for v in b["raws"].values()]
    # The mix is what this test is for: every outcome kind and alerts must be present.
    for kind in ("transaction", "duplicate", "suspicious", "unrecognized", "not_transaction"):
        assert kind in statuses, (kind, sorted(set(statuses)))
    assert b["alerts"] and b["outbox"]
    assert any(v[17] for v in b["txns"].values()), "the reused Message-ID pair goes to review"
    # Only twins went one by one; every stored mail has an outcome and its outbox rows.
    assert sorted(o.raw_email_id for o in result.outcomes) == ids_many
    assert 0 < len(result.one_by_one) <= 6
    with many() as s:
        assert sorted(result.outbox_ids) == sorted(s.scalars(select(Outbox.id)))


def test_processed_mail_is_left_alone_and_an_unfinished_attempt_goes_one_by_one(make_factory):
    factory = make_factory("again")
    user_id = seed(factory)
    start = datetime(2026, 11, 3, 8, 0, tzinfo=timezone.utc)
    raws = [mails.card_purchase("1.000", "NESTO MUSCAT", start + timedelta(minutes=i), message_id=f"<again-{i}@bankmuscat.com>",
                                auth=mails.dkim_pass()) for i in range(6)]
    ids = store(factory, user_id, raws)
    with factory.begin() as s:  # an earlier batch died on the last mail after counting its attempt
        s.get(RawEmail, ids[-1]).attempts = 1  # type: ignore[union-attr]
    first = process_batch.process_many(factory, ids[:3], NOW)
    assert first.one_by_one == []
    second = process_batch.process_many(factory, ids, NOW)
    assert second.one_by_one == [ids[-1]]
    assert [o.skipped for o in second.outcomes if o.raw_email_id in ids[:3]] == [True, True, True]
    with factory() as s:
        assert s.query(Transaction).count() == 6
        assert {r.status for r in s.scalars(select(RawEmail))} == {RawStatus.TRANSACTION.value}
        assert s.get(RawEmail, ids[-1]).attempts == 2  # type: ignore[union-attr]
        spent = sum(bp.spent_minor for bp in s.scalars(select(BudgetPeriod).join(Budget).where(Budget.name == "Everything")))
        assert spent == 6000


def _alerts(tag: str, n: int) -> list[bytes]:
    start = datetime(2026, 11, 5, 8, 0, tzinfo=timezone.utc)
    return [mails.card_purchase("1.000", "NESTO MUSCAT", start + timedelta(minutes=i),
                                message_id=f"<{tag}-{i}@bankmuscat.com>", auth=mails.dkim_pass()) for i in range(n)]


def test_a_finished_batch_leaves_no_attempt_row_and_a_late_copy_changes_nothing(make_factory):
    factory = make_factory("finished")
    ids = store(factory, seed(factory), _alerts("finished", 5))
    first = process_batch.process_many(factory, ids, NOW)
    assert first.one_by_one == [] and [o.status for o in first.outcomes] == ["transaction"] * 5
    with factory() as s:
        assert s.query(BatchAttempt).count() == 0
        assert {r.attempts for r in s.scalars(select(RawEmail))} == {0}  # no write per mail for the attempt
    late = process_batch.process_many(factory, ids[::-1], NOW)  # a redelivered copy, after the commit
    assert [o.skipped for o in late.outcomes] == [True] * 5 and late.one_by_one == []
    with factory() as s:
        assert s.query(Transaction).count() == 5 and s.query(BatchAttempt).count() == 0


def test_a_batch_that_never_finished_counts_its_attempt_on_each_mail_and_goes_one_by_one(make_factory):
    factory = make_factory("died")
    ids = store(factory, seed(factory), _alerts("died", 4))
    # The first try of this set counted itself, and its worker died before the commit.
    assert process_batch._first_try(factory, process_batch.batch_key(ids)) is True
    with factory.begin() as s:  # one mail was already tried alone once: its count is its own
        s.get(RawEmail, ids[0]).attempts = 1  # type: ignore[union-attr]
    retry = process_batch.process_many(factory, list(reversed(ids)), NOW)
    assert retry.one_by_one == ids
    with factory() as s:
        # The batch's attempt on each never-tried mail, then its own one-by-one attempt.
        assert [s.get(RawEmail, i).attempts for i in ids] == [2, 2, 2, 2]  # type: ignore[union-attr]
        assert s.query(Transaction).count() == 4
        assert s.query(BatchAttempt).count() == 0  # finished: a later copy starts afresh


def test_a_mail_that_kills_every_batch_is_quarantined_after_its_attempts(make_factory, monkeypatch):
    """The worker dies on one mail each time (here: the parse raises SystemExit, which no
    handler of ours catches, as a killed process would leave the rows)."""
    factory = make_factory("poison")
    ids = store(factory, seed(factory), _alerts("poison", 3))
    poison = ids[1]
    last = config.get().max_attempts
    real = process_batch.parsers.parse_message

    def dies_on_poison(raw: bytes, **kw: Any) -> Any:
        if b"<poison-1@" in raw:
            raise SystemExit("the worker died")
        return real(raw, **kw)

    monkeypatch.setattr(process_batch.parsers, "parse_message", dies_on_poison)
    deaths = 0
    for _ in range(last + 3):  # every redelivery of the same task, until one finishes
        try:
            process_batch.process_many(factory, ids, NOW)
            break
        except SystemExit:
            deaths += 1
    with factory() as s:
        row = s.get(RawEmail, poison)
        assert row is not None and row.status == "failed" and "quarantined" in (row.reason or ""), row and row.reason
        assert row.attempts == last and deaths == last  # the batch's death counted as its first attempt
        assert [s.get(RawEmail, i).status for i in (ids[0], ids[2])] == ["transaction"] * 2  # type: ignore[union-attr]
        assert s.query(BatchAttempt).count() == 0


def test_the_sweep_removes_attempt_rows_that_dead_batches_left_a_day_ago(make_factory):
    from pipeline import sweep

    factory = make_factory("sweep")
    seed(factory)
    with factory.begin() as s:
        s.add_all([BatchAttempt(key="old", attempts=1, created_at=NOW - timedelta(days=1, minutes=1)),
                   BatchAttempt(key="young", attempts=2, created_at=NOW - timedelta(hours=23))])
    sweep.find_work(factory, now=NOW)
    with factory() as s:
        assert [b.key for b in s.scalars(select(BatchAttempt))] == ["young"]


def _muscat_text(text: str, message_id: str, date_header: str) -> bytes:
    """Bank Muscat's own authenticated sender in a plain-text wording its parser has no template for."""
    return (f"Authentication-Results: {mails.dkim_pass()}\r\nFrom: Bank Muscat <noreply@bankmuscat.com>\r\n"
            f"To: me@example.test\r\nSubject: Transaction alert\r\nMessage-ID: {message_id}\r\n"
            f"Date: {date_header}\r\nContent-Type: text/plain\r\n\r\n{text}\r\n").encode()


def _new_muscat_wording(when: datetime, message_id: str) -> bytes:
    return _muscat_text("Bank Muscat: OMR 12.500 was debited from your account xxxx4411 for a payment to OMANTEL "
                        f"on {when.strftime('%d/%m/%Y')}.", message_id, when.strftime("%a, %d %b %Y %H:%M:%S +0000"))


def process_all(factory: sessionmaker[Session], ids: list[int], batch: bool) -> None:
    """In one batch, or one by one."""
    if batch:
        process_batch.process_many(factory, ids, NOW)
    else:
        for rid in ids:
            process.process(factory, rid, NOW)


@pytest.mark.parametrize("batch", [True, False], ids=["batch", "one_by_one"])
def test_a_new_wording_of_a_known_bank_lands_on_that_banks_account(make_factory, batch):
    """The generic parser reads it (no template matched), but it is the same Bank Muscat
    account as the bank's other alerts: one account row, one bank on both transactions."""
    factory = make_factory("wording")
    user_id = seed(factory)
    start = datetime(2026, 11, 3, 8, 0, tzinfo=timezone.utc)
    ids = store(factory, user_id, [
        mails.card_purchase("1.000", "NESTO MUSCAT", start, message_id="<known@bankmuscat.com>", auth=mails.dkim_pass()),
        _new_muscat_wording(start + timedelta(hours=1), "<new-wording@bankmuscat.com>"),
    ])
    process_all(factory, ids, batch)
    with factory() as s:
        assert [(r.status, r.parser) for r in s.scalars(select(RawEmail).order_by(RawEmail.id))] == [
            ("transaction", "bank_muscat"), ("transaction", "generic")]
        accounts = s.scalars(select(BankAccount)).all()
        assert [(a.bank, a.mask) for a in accounts] == [("bank_muscat", "xxxx4411")]
        txns = s.scalars(select(Transaction).order_by(Transaction.raw_email_id)).all()
        assert [(t.bank, t.bank_account_id, t.amount_minor) for t in txns] == [
            ("bank_muscat", accounts[0].id, 1000), ("bank_muscat", accounts[0].id, 12500)]


def _undated_alert(date_header: str, message_id: str) -> bytes:
    """A Bank Muscat alert whose wording gives no time of its own: its time is the Date header's."""
    return _muscat_text("Bank Muscat: OMR 12.500 was debited from your account xxxx4411 for a payment to OMANTEL.",
                        message_id, date_header)


@pytest.mark.parametrize("batch", [True, False], ids=["batch", "one_by_one"])
def test_an_alert_dated_at_the_end_of_the_calendar_is_counted_when_it_was_stored(make_factory, batch):
    """A Date header of December 9999 (a fuzzed or forged mail, found by `make fuzz`) ran the
    monthly period past the calendar and the mail failed ("year 10000 is out of
    range"); one of 1920 or a week ahead is no transaction time either. Each is counted at
    the time it was stored, in that period's budgets."""
    factory = make_factory("edge")
    user_id = seed(factory)
    ids = store(factory, user_id, [
        _undated_alert(d, f"<edge-{i}@bankmuscat.com>")
        for i, d in enumerate(["Fri, 31 Dec 9999 23:00:00 +0000", "Thu, 01 Jan 1920 00:00:00 +0000",
                               (datetime.now(timezone.utc) + timedelta(days=9)).strftime("%a, %d %b %Y %H:%M:%S +0000")])
    ])
    process_all(factory, ids, batch)
    with factory() as s:
        raws = s.scalars(select(RawEmail).order_by(RawEmail.id)).all()
        assert [r.status for r in raws] == ["transaction"] * 3, [r.reason for r in raws]
        stored = {r.id: r.created_at for r in raws}
        for t in s.scalars(select(Transaction)):
            at = stored[t.raw_email_id]
            at = at if at.tzinfo else at.replace(tzinfo=timezone.utc)
            when = t.occurred_at if t.occurred_at.tzinfo else t.occurred_at.replace(tzinfo=timezone.utc)
            assert when == at


def test_overlapping_batches_at_once_count_each_mail_once(pg_url):
    """Redelivered and swept copies of a batch may run together: the rows, not hope, decide."""
    import threading

    url = fresh_database(pg_url)
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    user_id = seed(factory)
    start = datetime(2026, 11, 4, 8, 0, tzinfo=timezone.utc)
    raws = [mails.card_purchase("0.500", "NESTO MUSCAT", start + timedelta(minutes=i), message_id=f"<race-{i}@bankmuscat.com>",
                                auth=mails.dkim_pass()) for i in range(120)]
    # Twins across the batches too: each pair must come out as one transaction and one duplicate.
    raws += [mails.card_purchase("0.500", "NESTO MUSCAT", start + timedelta(minutes=i), message_id=f"<race-{i}@bankmuscat.com>",
                                 auth=mails.dkim_pass(), terminal="9") for i in range(10)]
    ids = store(factory, user_id, raws)
    slices = [ids, ids[::-1], ids[40:], ids[:90], ids[::2]]
    errors: list[BaseException] = []

    def run(part: list[int]) -> None:
        try:
            process_batch.process_many(factory, part, NOW)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(part,)) for part in slices]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    with factory() as s:
        statuses = [r.status for r in s.scalars(select(RawEmail))]
        assert statuses.count("transaction") == 120 and statuses.count("duplicate") == 10, sorted(set(statuses))
        assert s.query(Transaction).count() == 120
        everything = s.scalars(select(BudgetPeriod).join(Budget).where(Budget.name == "Everything")).all()
        assert sum(bp.spent_minor for bp in everything) == 120 * 500
        thresholds = [a.threshold for a in s.scalars(select(Alert).join(BudgetPeriod).join(Budget).where(Budget.name == "Everything"))]
        assert sorted(thresholds) == [50, 80, 100]
    engine.dispose()


def test_a_batch_reads_by_key_before_the_tables_have_statistics(pg_url):
    """A first sync runs before autovacuum has analyzed anything: no statement may read the mailbox.

    Without statistics PostgreSQL guesses that any equality matches 0.5% of a table, so an
    index on status or user_id can look better than the primary key. Two statements of a
    batch once took such plans (the claim read every pending row through the status index,
    the twin lookup read every transaction), which made a first sync quadratic. Here the
    tables hold 5,000 pending mails and 5,000 counted ones and are never analyzed; every
    statement a batch of 100 sends is explained and must not scan either table nor walk
    the status index; and the same for one mail processed alone.
    """
    from sqlalchemy import event, text

    url = fresh_database(pg_url)
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    user_id = seed(factory)
    with factory.begin() as s:
        for table in ("raw_emails", "transactions"):
            s.execute(text(f"ALTER TABLE {table} SET (autovacuum_enabled = false)"))  # stay unanalyzed
        s.execute(text(
            "INSERT INTO raw_emails (user_id, source, sha256, message_id, size, raw, truncated, status, attempts) "
            # About 1.5 KB of bytes that do not compress per mail, as stored alerts are (2 to 5 KB).
            "SELECT :u, 'file', md5(g::text) || md5(g::text), '<bulk-' || g || '@bankmuscat.com>', 1500, "
            "(SELECT decode(string_agg(md5(g::text || '.' || i::text), ''), 'hex') FROM generate_series(1, 94) AS i), "
            "false, CASE WHEN g <= 5000 THEN 'transaction' ELSE 'pending' END, 0 FROM generate_series(1, 10000) AS g"
        ), {"u": user_id})
        s.execute(text(
            "INSERT INTO transactions (user_id, raw_email_id, amount_minor, currency, direction, kind, occurred_at, "
            "category_source, is_transfer, is_income, excluded, needs_review, fingerprint, message_id) "
            "SELECT user_id, id, 1000, 'OMR', 'debit', 'card_purchase', now(), 'default', false, false, false, false, "
            "sha256, message_id FROM raw_emails WHERE status = 'transaction'"
        ))
    start = datetime(2026, 11, 5, 8, 0, tzinfo=timezone.utc)
    ids = store(factory, user_id, [
        mails.card_purchase("1.000", "NESTO MUSCAT", start + timedelta(minutes=i), message_id=f"<first-sync-{i}@bankmuscat.com>",
                            auth=mails.dkim_pass()) for i in range(100)
    ])
    sent: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "UPDATE")):
            sent.append((statement, parameters))

    (single,) = store(factory, user_id, [mails.card_purchase("2.000", "NESTO MUSCAT", start, auth=mails.dkim_pass(),
                                                             message_id="<first-sync-idle@bankmuscat.com>")])
    event.listen(engine, "before_cursor_execute", capture)
    try:
        result = process_batch.process_many(factory, ids, NOW)
        alone = process.process(factory, single, NOW)  # one mail alone (IDLE) goes one by one
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    assert [o.status for o in result.outcomes] == ["transaction"] * 100 and result.one_by_one == []
    assert alone.status == "transaction"

    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("SELECT relname FROM pg_class WHERE relname IN ('raw_emails', 'transactions') AND reltuples >= 0")
        assert cur.fetchall() == [], "the tables must still be without statistics"
        cur.execute("SELECT current_setting('jit_above_cost')")
        jit_above = Decimal(cur.fetchall()[0][0])  # planner cost units; Decimal like every number here
        checked = 0
        for statement, parameters in sent:
            if "raw_emails" not in statement and "transactions" not in statement:
                continue
            cur.execute("EXPLAIN " + statement, parameters)
            plan = "\n".join(row[0] for row in cur.fetchall())
            for bad in ("Seq Scan on raw_emails", "Seq Scan on transactions", "ix_raw_emails_status"):
                assert bad not in plan, f"{bad} in the plan of\n{statement}\n{plan}"
            # Nor may a plan look dear enough to be JIT-compiled (tens of ms each time): an
            # earlier form of the twin lookup did once the mailbox held 15,000 mails.
            top_cost = Decimal(plan.split("cost=", 1)[1].split("..", 1)[1].split(" ", 1)[0])
            assert top_cost < jit_above, f"estimated cost {top_cost} would be JIT-compiled:\n{statement}\n{plan}"
            checked += 1
        assert checked >= 8  # batch: claim, locked read, twins, statuses; alone: the same and more
    finally:
        raw.close()
    engine.dispose()


def test_a_twin_of_another_users_mail_is_counted_for_each(make_factory):
    """The batch's twin lookup does not compare users (see stored_twins): such a mail goes one by one, which does."""
    factory = make_factory("users")
    first = seed(factory)
    with factory.begin() as s:
        other = User(email="partner@example.test", timezone="Asia/Muscat")
        s.add(other)
        s.flush()
        second = int(other.id)
    when = datetime(2026, 11, 6, 9, 0, tzinfo=timezone.utc)
    # A joint account: both holders get the bank's one alert, with its one Message-ID.
    alert = mails.card_purchase("3.000", "NESTO MUSCAT", when, message_id="<joint-1@bankmuscat.com>", auth=mails.dkim_pass())
    (mine,) = store(factory, first, [alert])
    assert process_batch.process_many(factory, [mine], NOW).one_by_one == []
    (theirs,) = store(factory, second, [alert])
    result = process_batch.process_many(factory, [theirs], NOW)
    assert result.one_by_one == [theirs]
    with factory() as s:
        assert s.get(RawEmail, theirs).status == RawStatus.TRANSACTION.value  # type: ignore[union-attr]
        assert {t.user_id for t in s.scalars(select(Transaction))} == {first, second}
        assert not any(t.needs_review for t in s.scalars(select(Transaction)))
