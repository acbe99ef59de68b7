"""GET /api/budgets at 10,000 and 1,000,000 transactions: ours vs the seed's SUM per budget.

50 monthly budgets, one category each, for one user. Transactions are spread over the
365 days before "now" across 50 categories (90 % debits, 2 % transfers) and bulk-loaded
with COPY (minimal rows: no raw e-mails). The budget period rows are then filled with
one GROUP BY over the same transactions (setup, not timed), as the pipeline would have.

Both readers go through FastAPI's TestClient on the same app and database, with the
same auth and JSON: ours is the real route; the baseline is a route added by the
benchmark that does what the seed did, one SUM over transactions per budget per
request. The figures are medians of several requests after a warm-up; the two answers
are compared budget by budget (a mismatch fails the stage).
"""

from __future__ import annotations

import io
import random
import statistics
import time
from datetime import date, datetime, timedelta, timezone
from datetime import time as dtime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from api.deps import NowDep, SessionDep, UserDep  # module level: FastAPI resolves the annotations here
from bench.common import Stage, Tick, pct, service_env
from bench.servers import Servers

BUDGETS = 50
TZ = "Asia/Muscat"
SIZES = (10_000, 1_000_000)
COLUMNS = ("user_id", "amount_minor", "currency", "direction", "kind", "occurred_at", "category_id",
           "category_source", "is_transfer", "is_income", "excluded", "needs_review", "fingerprint")


def _copy_rows(conn: Any, user_id: int, cats: list[int], start_n: int, n: int, now: datetime, tick: Tick,
               label: str) -> None:
    """COPY ``n`` minimal transaction rows in chunks of 100,000 (bounded memory)."""
    rng = random.Random(start_n)
    span = 365 * 86400
    raw = conn.connection.dbapi_connection
    cur = raw.cursor()
    chunk = 100_000
    done = 0
    while done < n:
        k = min(chunk, n - done)
        buf = io.StringIO()
        w = buf.write
        for i in range(start_n + done, start_n + done + k):
            when = now - timedelta(seconds=rng.randrange(span))
            r = rng.random()
            direction = "credit" if r < 0.10 else "debit"
            transfer = "t" if 0.10 <= r < 0.12 else "f"
            w(f"{user_id}\t{rng.randrange(100, 50_000)}\tOMR\t{direction}\tcard\t{when.isoformat()}\t"
              f"{cats[i % len(cats)]}\tbuiltin\t{transfer}\tf\tf\tf\tb{i:x}\n")
        buf.seek(0)
        cur.copy_expert(f"COPY transactions ({', '.join(COLUMNS)}) FROM STDIN", buf)
        raw.commit()
        done += k
        tick(f"{label}: COPY {start_n + done:,} transactions", done / n)
    cur.close()


def _local_bounds(p: Any, tz: str) -> tuple[datetime, datetime]:
    z = ZoneInfo(tz)
    lo = datetime.combine(p.start, dtime.min, z).astimezone(timezone.utc)
    hi = datetime.combine(p.end + timedelta(days=1), dtime.min, z).astimezone(timezone.utc)
    return lo, hi


SEED_SUM = text(
    "SELECT COALESCE(SUM(t.amount_minor), 0) FROM transactions t "
    "WHERE t.user_id = :u AND t.currency = :c AND t.direction = 'debit' "
    "AND NOT t.is_transfer AND NOT t.excluded AND t.occurred_at >= :lo AND t.occurred_at < :hi "
    "AND t.category_id IN (SELECT category_id FROM budget_categories WHERE budget_id = :b)"
)


def _fill_periods(s: Session, user_id: int, today: date) -> None:
    """budget_periods.spent_minor for the current month, from one GROUP BY (not timed)."""
    from models import Budget, BudgetPeriod
    from pipeline import periods

    budgets = s.scalars(select(Budget).where(Budget.user_id == user_id)).all()
    p = periods.period_for(budgets[0], today)
    assert p is not None
    lo, hi = _local_bounds(p, TZ)
    rows = s.execute(text(
        "SELECT bc.budget_id, COALESCE(SUM(t.amount_minor), 0) FROM budget_categories bc "
        "JOIN transactions t ON t.category_id = bc.category_id "
        "WHERE t.user_id = :u AND t.currency = 'OMR' AND t.direction = 'debit' AND NOT t.is_transfer "
        "AND NOT t.excluded AND t.occurred_at >= :lo AND t.occurred_at < :hi GROUP BY bc.budget_id"
    ), {"u": user_id, "lo": lo, "hi": hi}).all()
    sums = {int(bid): int(total) for bid, total in rows}
    for b in budgets:
        bp = s.scalar(select(BudgetPeriod).where(BudgetPeriod.budget_id == b.id, BudgetPeriod.start == p.start))
        if bp is None:
            bp = BudgetPeriod(budget_id=b.id, start=p.start, end=p.end, limit_minor=b.amount_minor, carried_minor=0,
                              spent_minor=0)
            s.add(bp)
        bp.spent_minor = int(sums.get(b.id, 0))


def seed_states(s: Session, user: Any, now: datetime) -> list[dict[str, Any]]:
    """The seed's method: per budget, one SUM over transactions of its current period."""
    from models import Budget, from_minor
    from pipeline import budget_view, periods

    today = periods.local_day(now, user.timezone)
    out = []
    for b in s.scalars(select(Budget).where(Budget.user_id == user.id).order_by(Budget.id)):
        p = periods.period_for(b, today, user.week_start)
        if p is None:
            continue
        lo, hi = _local_bounds(p, user.timezone)
        spent = int(s.execute(SEED_SUM, {"u": user.id, "c": b.currency, "lo": lo, "hi": hi, "b": b.id}).scalar_one())
        limit = b.amount_minor
        pct_ = spent * 100 // limit if limit > 0 else (100 if spent else 0)
        out.append({
            "id": b.id, "name": b.name, "amount": str(from_minor(limit, b.currency)),
            "spent": str(from_minor(spent, b.currency)), "progress": min(100, pct_),
            "is_exceeded": spent > limit, "start_date": p.start.isoformat(), "end_date": p.end.isoformat(),
            "days_left": p.days_left(today), "categories": [{"id": c.id, "name": c.name} for c in b.categories],
            "state": budget_view.state_of(spent, limit), "percent": pct_,
            "remaining": str(from_minor(limit - spent, b.currency)), "currency": b.currency,
            "period": b.period, "thresholds": list(b.thresholds or []), "rollover": b.rollover,
        })
    return out


def _add_seed_route(app: Any) -> None:
    """GET /bench/seed-budgets: the seed's method behind the same HTTP, auth and JSON as ours."""

    def seed_budgets(s: SessionDep, user: UserDep, now: NowDep) -> list[dict[str, Any]]:
        return seed_states(s, user, now)

    app.add_api_route("/bench/seed-budgets", seed_budgets, methods=["GET"])


def _fn_timed(factory: Any, user_id: int, now: datetime, seed: bool) -> float:
    """The function behind each route alone (no HTTP): current_states vs seed_states."""
    from models import User
    from pipeline import budget_view

    with factory() as s:
        user = s.get(User, user_id)
        t0 = time.perf_counter()
        if seed:
            seed_states(s, user, now)
        else:
            budget_view.current_states(s, user, now, only_active=False)
        return time.perf_counter() - t0


def _timed(get: Any, size: int, path: str) -> float:
    t0 = time.perf_counter()
    get(size, path)
    return time.perf_counter() - t0


def _setup(factory: Any, now: datetime) -> tuple[int, list[int], str]:
    from models import Budget, Category
    from models.tables import BudgetCategory
    from pipeline.users import create_user

    with factory.begin() as s:
        user, token = create_user(s, "bench@example.test", TZ)
        cats = []
        for i in range(BUDGETS):
            c = Category(user_id=user.id, name=f"cat-{i:02d}")
            s.add(c)
            s.flush()
            cats.append(c.id)
            b = Budget(user_id=user.id, name=f"budget-{i:02d}", amount_minor=500_000 + i * 1000, currency="OMR",
                       period="monthly", anchor_day=1)
            s.add(b)
            s.flush()
            s.add(BudgetCategory(budget_id=b.id, category_id=c.id))
        return user.id, cats, token


def run(servers: Servers, workdir: Path, tick: Tick, quick: bool = False) -> Stage:
    """Two databases side by side (10k and 1M transactions), requests interleaved in rounds,
    so that a noisy machine slows both sides of each ratio alike."""
    from fastapi.testclient import TestClient
    from sqlalchemy.orm import sessionmaker

    from api.app import create_app
    from pipeline import db, periods, schema

    stage = Stage()
    tick("budget_read: PostgreSQL", None)
    service_env(servers, workdir, broker=False)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    today = periods.local_day(now, TZ)
    clients: dict[int, tuple[TestClient, dict[str, str]]] = {}
    users: dict[int, tuple[Any, int]] = {}
    load: dict[int, float] = {}
    engines = []
    for size in SIZES:
        engine = db.make_engine(servers.new_database())
        engines.append(engine)
        schema.upgrade(engine)
        factory = sessionmaker(bind=engine, expire_on_commit=False)
        user_id, cats, token = _setup(factory, now)
        users[size] = (factory, user_id)
        t0 = time.perf_counter()
        with engine.connect() as conn:
            _copy_rows(conn, user_id, cats, 0, size, now, tick, f"budget_read {size:,}")
        load[size] = size / (time.perf_counter() - t0)
        tick(f"budget_read {size:,}: period rows, VACUUM ANALYZE", None)
        with factory.begin() as s:
            _fill_periods(s, user_id, today)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
        app = create_app(factory, clock=lambda: now)
        _add_seed_route(app)
        client = TestClient(app)
        client.__enter__()
        clients[size] = (client, {"Authorization": f"Bearer {token}"})

    def get(size: int, path: str) -> list[dict[str, Any]]:
        client, headers = clients[size]
        r = client.get(path, headers=headers)
        r.raise_for_status()
        data: list[dict[str, Any]] = r.json()
        return data

    try:
        for size in SIZES:
            ours_json, seed_json = get(size, "/api/budgets"), get(size, "/bench/seed-budgets")  # warm-up
            mism = [(a["id"], a["spent"], b["spent"]) for a, b in zip(ours_json, seed_json, strict=True)
                    if a["spent"] != b["spent"] or a["id"] != b["id"]]
            if len(ours_json) != BUDGETS or mism:
                raise AssertionError(f"ours and the seed's method disagree at {size:,}: {mism[:5]}")
        rounds, seed_every = (20, 4) if quick else (60, 6)
        times: dict[tuple[str, int], list[float]] = {(w, n): [] for w in ("ours", "seed", "ours_fn", "seed_fn")
                                                     for n in SIZES}
        for r in range(rounds):
            tick(f"budget_read: round {r + 1}/{rounds} (ours every round, seed every {seed_every})", r / rounds)
            for size in SIZES:
                times[("ours", size)].append(_timed(get, size, "/api/budgets"))
            if r % seed_every == 0:
                for size in SIZES:
                    times[("seed", size)].append(_timed(get, size, "/bench/seed-budgets"))
                    times[("seed_fn", size)].append(_fn_timed(*users[size], now, True))
                    times[("ours_fn", size)].append(_fn_timed(*users[size], now, False))
    finally:
        for client, _ in clients.values():
            client.__exit__(None, None, None)
        for engine in engines:
            engine.dispose()
    med = {k: statistics.median(v) for k, v in times.items()}
    small, big = SIZES
    stage.results["budget_read_speedup_1m"] = round(med[("seed", big)] / med[("ours", big)], 1)
    stage.results["budget_read_growth"] = round(med[("ours", big)] / med[("ours", small)], 3)
    stage.results["budget_read_detail"] = {
        str(size): {"ours_ms": round(med[("ours", size)] * 1000, 2), "seed_ms": round(med[("seed", size)] * 1000, 2),
                    "ours_p90_ms": round(pct(times[("ours", size)], 0.9) * 1000, 2),
                    "function_only_ours_ms": round(med[("ours_fn", size)] * 1000, 2),
                    "function_only_seed_ms": round(med[("seed_fn", size)] * 1000, 2),
                    "copy_rows_per_s": round(load[size])}
        for size in SIZES
    } | {"budgets": BUDGETS, "requests_ours": len(times[("ours", big)]), "requests_seed": len(times[("seed", big)]),
         "note": "medians of GET requests through FastAPI TestClient, 10k and 1M databases interleaved; "
                 "seed = one SUM over transactions per budget per request"}
    stage.notes.append(
        f"GET /api/budgets: ours {med[('ours', small)] * 1000:.1f} ms at 10k, {med[('ours', big)] * 1000:.1f} ms at 1M; "
        f"seed {med[('seed', small)] * 1000:.1f} ms at 10k, {med[('seed', big)] * 1000:.0f} ms at 1M"
    )
    return stage
