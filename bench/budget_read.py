"""GET /api/budgets at 10,000 and 1,000,000 transactions: ours vs the seed's SUM per budget.

50 monthly budgets, one category each, for one user. Transactions are spread over the
365 days before "now" (frozen mid-month: ``mid_month``) across 50 categories (90 % debits, 2 % transfers) and bulk-loaded
with COPY (minimal rows: no raw e-mails). The budget period rows are then filled with
one GROUP BY over the same transactions (setup, not timed), as the pipeline would have.

Ours is the real route; the seed's method is a route added by the benchmark that does
what the seed did, one SUM over transactions per budget per request, on the same app,
database, auth and JSON. Both are timed the same way at three layers (see ``run``): a GET
over one keep-alive HTTP connection to uvicorn in a child process (the headline speedup:
what a client sees), the route function in process (the work of each method without the
fixed cost of a request; the growth figure, the stricter one, is taken here), and
FastAPI's TestClient. The figures are
medians of several requests after a warm-up; the two answers are compared field by field,
budget by budget (a mismatch fails the stage).
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

from api.deps import CallerDep, NowDep  # module level: FastAPI resolves the annotations here
from bench.common import Stage, Tick, pct, service_env
from bench.servers import Servers

BUDGETS = 50
TZ = "Asia/Muscat"


def mid_month() -> datetime:
    """The frozen "now" of the stage: the 16th of this month, noon in Muscat.

    The seed's SUMs read the current period's transactions, so their cost depends on the
    day: on the 1st a monthly budget holds a day of spending, on the 31st a month. Mid-
    period is the average over a month's days, and the figures do not depend on the day
    the benchmark runs. The data is spread over the 365 days before this moment.
    """
    today = datetime.now(ZoneInfo(TZ))
    return today.replace(day=16, hour=12, minute=0, second=0, microsecond=0).astimezone(timezone.utc)
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


def _fill_periods(s: Session, user_id: int, today: date) -> dict[str, Any]:
    """budget_periods.spent_minor for the current month, from one GROUP BY (not timed).

    Returns what the seed's SUMs will have to read: the period, how far into it "now" is and
    the mean number of matching transactions per budget (the seed's cost grows with it: on the
    1st of a month it is about one day's worth, at the end about a month's)."""
    from models import Budget, BudgetPeriod
    from pipeline import periods

    budgets = s.scalars(select(Budget).where(Budget.user_id == user_id)).all()
    p = periods.period_for(budgets[0], today)
    assert p is not None
    lo, hi = _local_bounds(p, TZ)
    rows = s.execute(text(
        "SELECT bc.budget_id, COALESCE(SUM(t.amount_minor), 0), COUNT(t.id) FROM budget_categories bc "
        "JOIN transactions t ON t.category_id = bc.category_id "
        "WHERE t.user_id = :u AND t.currency = 'OMR' AND t.direction = 'debit' AND NOT t.is_transfer "
        "AND NOT t.excluded AND t.occurred_at >= :lo AND t.occurred_at < :hi GROUP BY bc.budget_id"
    ), {"u": user_id, "lo": lo, "hi": hi}).all()
    sums = {int(bid): int(total) for bid, total, _n in rows}
    for b in budgets:
        bp = s.scalar(select(BudgetPeriod).where(BudgetPeriod.budget_id == b.id, BudgetPeriod.start == p.start))
        if bp is None:
            bp = BudgetPeriod(budget_id=b.id, start=p.start, end=p.end, limit_minor=b.amount_minor, carried_minor=0,
                              spent_minor=0)
            s.add(bp)
        bp.spent_minor = int(sums.get(b.id, 0))
    return {"period": f"{p.start}..{p.end}", "day_of_period": (today - p.start).days + 1,
            "period_rows_per_budget": round(sum(int(n) for _b, _s, n in rows) / len(budgets))}


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
    """GET /bench/seed-budgets: the seed's method behind the same HTTP, auth and JSON as ours;
    GET /bench/auth-only: the same session and auth, no work (the fixed cost of a request)."""

    # The same request plumbing as GET /api/budgets (one thread-pool hop for auth, work, end).
    async def seed_budgets(caller: CallerDep, now: NowDep) -> list[dict[str, Any]]:
        return await caller.read(lambda s, user: seed_states(s, user, now))

    async def auth_only(caller: CallerDep, now: NowDep) -> list[dict[str, Any]]:
        return await caller.read(lambda s, user: [])

    app.add_api_route("/bench/seed-budgets", seed_budgets, methods=["GET"])
    app.add_api_route("/bench/auth-only", auth_only, methods=["GET"])


def serve(url: str, now_iso: str, port: int) -> None:
    """The API under uvicorn (as `spendwatch api` runs it) on one database, frozen clock, plus the
    bench routes: ``python -m bench.budget_read serve URL NOW PORT`` (a child of the stage)."""
    import uvicorn
    from sqlalchemy.orm import sessionmaker

    from api.app import create_app
    from pipeline import db

    now = datetime.fromisoformat(now_iso)
    app = create_app(sessionmaker(bind=db.make_engine(url), expire_on_commit=False), clock=lambda: now)
    _add_seed_route(app)
    # A long keep-alive so that the client's one connection is never closed between rounds.
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", timeout_keep_alive=600)


class _Http:
    """One keep-alive HTTP/1.1 connection to a server of the stage (TCP_NODELAY, like a browser)."""

    def __init__(self, port: int, token: str) -> None:
        import http.client
        import socket

        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.conn.connect()
        assert self.conn.sock is not None
        self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock = self.conn.sock
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str) -> bytes:
        self.conn.request("GET", path, headers=self.headers)
        r = self.conn.getresponse()
        body = r.read()
        if r.status != 200:
            raise RuntimeError(f"GET {path}: HTTP {r.status}: {body[:200]!r}")
        if self.conn.sock is not self.sock:
            raise RuntimeError("the keep-alive connection was re-opened: timings would include a TCP connect")
        return body

    def close(self) -> None:
        self.conn.close()


def _start_server(servers: Servers, workdir: Path, url: str, now: datetime, size: int) -> tuple[Any, int]:
    import os
    import sys

    from tests.servers._util import free_port, port_open

    port = free_port()
    proc = servers.spawn([sys.executable, "-m", "bench.budget_read", "serve", url, now.isoformat(), str(port)],
                         dict(os.environ), workdir / f"uvicorn-{size}.log")
    deadline = time.monotonic() + 60
    while not port_open(port):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn for the {size:,} database did not start; see {workdir}/uvicorn-{size}.log")
        time.sleep(0.05)
    return proc, port


def _handler_timed(factory: Any, user_id: int, now: datetime, seed: bool) -> float:
    """The route's own work alone, in process: the function behind each route, called with an open
    session and the caller already loaded (no HTTP, routing, auth, JSON encoding or commit)."""
    from api.routes.budgets import budget_list
    from models import User

    with factory() as s:
        user = s.get(User, user_id)  # also opens the transaction, for both sides alike
        t0 = time.perf_counter()
        if seed:
            seed_states(s, user, now)
        else:
            budget_list(s, user, now)
        return time.perf_counter() - t0


def _timed(get: Any, *args: Any) -> float:
    t0 = time.perf_counter()
    get(*args)
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


def _check_same(ours: list[dict[str, Any]], seed: list[dict[str, Any]], size: int, how: str) -> None:
    """Every field the seed's answer has (all of ours but ``active``) must be equal, budget by budget."""
    def norm(d: dict[str, Any]) -> dict[str, Any]:
        return d | {"categories": sorted((c["id"], c["name"]) for c in d["categories"])}

    bad = [(a.get("id"), k, a.get(k), b[k]) for a, b in zip(ours, seed, strict=True)
           for k in b if norm(a).get(k) != norm(b)[k]]
    if len(ours) != BUDGETS or len(seed) != BUDGETS or bad:
        raise AssertionError(f"ours and the seed's method disagree at {size:,} ({how}): {bad[:5]}")


LAYERS = ("handler", "http", "testclient")


def run(servers: Servers, workdir: Path, tick: Tick, quick: bool = False) -> Stage:
    """Two databases side by side (10k and 1M transactions), requests interleaved in rounds,
    so that a noisy machine slows both sides of each ratio alike.

    Each round times ours at three layers, on both databases, and every ``seed_every`` rounds
    the seed's method at the same three layers:
    - handler: the route function in process (see ``_handler_timed``): the headline figures;
    - http: a GET over one keep-alive connection to uvicorn in a child process, as deployed;
    - testclient: FastAPI's TestClient in process (what earlier runs measured).
    """
    import json
    import os

    from fastapi.testclient import TestClient
    from sqlalchemy.orm import sessionmaker

    from api.app import create_app
    from pipeline import db, periods, schema

    stage = Stage()
    tick("budget_read: PostgreSQL", None)
    service_env(servers, workdir, broker=False)
    now = mid_month()
    today = periods.local_day(now, TZ)
    clients: dict[int, tuple[TestClient, dict[str, str]]] = {}
    https: dict[int, _Http] = {}
    procs = []
    users: dict[int, tuple[Any, int]] = {}
    load: dict[int, float] = {}
    period_info: dict[int, dict[str, Any]] = {}
    engines = []
    try:
        for size in SIZES:
            url = servers.new_database()
            engine = db.make_engine(url)
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
                period_info[size] = _fill_periods(s, user_id, today)
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
            app = create_app(factory, clock=lambda: now)
            _add_seed_route(app)
            client = TestClient(app)
            client.__enter__()
            clients[size] = (client, {"Authorization": f"Bearer {token}"})
            tick(f"budget_read {size:,}: uvicorn", None)
            proc, port = _start_server(servers, workdir, url, now, size)
            procs.append(proc)
            https[size] = _Http(port, token)

        def tc_get(size: int, path: str) -> list[dict[str, Any]]:
            client, headers = clients[size]
            r = client.get(path, headers=headers)
            r.raise_for_status()
            data: list[dict[str, Any]] = r.json()
            return data

        def http_get(size: int, path: str) -> bytes:
            return https[size].get(path)

        for size in SIZES:  # warm-up, and the answers must agree
            _check_same(json.loads(http_get(size, "/api/budgets")), json.loads(http_get(size, "/bench/seed-budgets")),
                        size, "HTTP")
            _check_same(tc_get(size, "/api/budgets"), tc_get(size, "/bench/seed-budgets"), size, "TestClient")
            http_get(size, "/bench/auth-only")
            for seed in (False, True):
                _handler_timed(*users[size], now, seed)
        rounds, seed_every = (20, 4) if quick else (60, 3)
        times: dict[tuple[str, str, int], list[float]] = {
            (w, layer, n): [] for w in ("ours", "seed", "fixed") for layer in LAYERS for n in SIZES}
        for r in range(rounds):
            tick(f"budget_read: round {r + 1}/{rounds} (ours every round, seed every {seed_every})", r / rounds)
            for size in SIZES:
                times[("ours", "handler", size)].append(_handler_timed(*users[size], now, False))
                times[("ours", "http", size)].append(_timed(http_get, size, "/api/budgets"))
                times[("ours", "testclient", size)].append(_timed(tc_get, size, "/api/budgets"))
                times[("fixed", "http", size)].append(_timed(http_get, size, "/bench/auth-only"))
            if r % seed_every == 0:
                for size in SIZES:
                    times[("seed", "handler", size)].append(_handler_timed(*users[size], now, True))
                    times[("seed", "http", size)].append(_timed(http_get, size, "/bench/seed-budgets"))
                    times[("seed", "testclient", size)].append(_timed(tc_get, size, "/bench/seed-budgets"))
    finally:
        for h in https.values():
            h.close()
        for proc in procs:
            servers.stop_proc(proc)
        for client, _ in clients.values():
            client.__exit__(None, None, None)
        for engine in engines:
            engine.dispose()
    med = {k: statistics.median(v) for k, v in times.items() if v}
    small, big = SIZES

    def ms(key: tuple[str, str, int]) -> float:
        return round(med[key] * 1000, 3)

    def ratio(layer: str, size: int) -> float:
        return round(med[("seed", layer, size)] / med[("ours", layer, size)], 1)

    stage.results["budget_read_speedup_1m"] = ratio("http", big)
    stage.results["budget_read_growth"] = round(med[("ours", "handler", big)] / med[("ours", "handler", small)], 3)
    stage.results["budget_read_speedup_1m_handler"] = ratio("handler", big)
    stage.results["budget_read_detail"] = {
        str(size): {
            "handler_ours_ms": ms(("ours", "handler", size)), "handler_seed_ms": ms(("seed", "handler", size)),
            "handler_ours_p90_ms": round(pct(times[("ours", "handler", size)], 0.9) * 1000, 3),
            "http_ours_ms": ms(("ours", "http", size)), "http_seed_ms": ms(("seed", "http", size)),
            "http_ours_p90_ms": round(pct(times[("ours", "http", size)], 0.9) * 1000, 3),
            "http_auth_only_ms": ms(("fixed", "http", size)),
            "testclient_ours_ms": ms(("ours", "testclient", size)),
            "testclient_seed_ms": ms(("seed", "testclient", size)),
            "speedup": {layer: ratio(layer, size) for layer in LAYERS},
            "copy_rows_per_s": round(load[size]),
        } | period_info[size]
        for size in SIZES
    } | {
        "budgets": BUDGETS, "requests_ours": len(times[("ours", "http", big)]),
        "requests_seed": len(times[("seed", "http", big)]),
        "growth_http": round(med[("ours", "http", big)] / med[("ours", "http", small)], 3),
        "machine_load_1m": round(os.getloadavg()[0], 2),
        "note": "medians; 10k and 1M databases interleaved; seed = one SUM over transactions per budget per "
                "request. budget_read_speedup_1m: GET over one keep-alive HTTP/1.1 connection to uvicorn "
                "(child process), same auth and JSON for both. budget_read_growth and "
                "budget_read_speedup_1m_handler: handler layer = the route function "
                "(api.routes.budgets.budget_list vs the seed's) called in process with an open session and "
                "the user loaded, no HTTP/auth/JSON encoding; "
                "http_auth_only_ms = an authenticated route doing nothing, the fixed cost of a request. "
                "testclient_*: FastAPI TestClient, as earlier runs measured.",
    }
    d = stage.results["budget_read_detail"][str(big)]
    stage.notes.append(
        f"current period {d['period']}, day {d['day_of_period']}: the seed sums about "
        f"{d['period_rows_per_budget']:,} transactions per budget at 1M (more later in the month)"
    )
    stage.notes.append(
        f"handler (route function in process; growth measured here): ours {ms(('ours', 'handler', small)):.2f} ms at 10k, "
        f"{d['handler_ours_ms']:.2f} ms at 1M; seed {ms(('seed', 'handler', small)):.1f} ms at 10k, "
        f"{d['handler_seed_ms']:.0f} ms at 1M"
    )
    stage.notes.append(
        f"HTTP (uvicorn, keep-alive; the headline) at 1M: ours {d['http_ours_ms']:.2f} ms, seed {d['http_seed_ms']:.0f} ms "
        f"({d['speedup']['http']}x); an authenticated no-op request costs {d['http_auth_only_ms']:.2f} ms, "
        f"so this ratio cannot exceed {d['http_seed_ms'] / d['http_auth_only_ms']:.0f}x"
    )
    stage.notes.append(
        f"TestClient at 1M: ours {d['testclient_ours_ms']:.2f} ms, seed {d['testclient_seed_ms']:.0f} ms "
        f"({d['speedup']['testclient']}x)"
    )
    return stage


if __name__ == "__main__":
    import sys

    if len(sys.argv) == 5 and sys.argv[1] == "serve":
        serve(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        raise SystemExit("usage: python -m bench.budget_read serve DATABASE_URL NOW_ISO PORT")
