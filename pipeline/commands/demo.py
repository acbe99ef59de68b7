"""`spendwatch demo`: the whole pipeline on the embedded default, with bundled sample alerts.

SQLite file, Celery in eager mode (tasks run in process), alerts written as .eml files
into an outbox folder. The sample alerts are from November 2026, so the demo's clock is
set to the evening of 21 November 2026 (SPENDWATCH_CLOCK) and reads the same any day.
"""

from __future__ import annotations

import os
import shutil
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path
from zoneinfo import ZoneInfo

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy import select

from models import Budget, Category, NotifyTarget, RawEmail, User, to_minor

DEMO_CLOCK = "2026-11-21T20:00:00+04:00"
DEMO_USER = "demo@spendwatch.example"
DEMO_AUTHSERV = "mx.spendwatch.demo"
BUDGETS = (("Groceries", "150.000", ["Groceries"]), ("Eating out", "40.000", ["Restaurants & Cafes"]))

# Wide enough for the tables when the output is not a terminal (make, CI logs).
out = Console() if sys.stdout.isatty() else Console(width=120)


def demo_emails() -> Path:
    return Path(__file__).resolve().parent.parent / "demo_emails"


def _environment(data_dir: Path) -> None:
    for var in ("SPENDWATCH_DATABASE_URL", "SPENDWATCH_BROKER_URL", "SPENDWATCH_SECRET_KEY"):
        os.environ.pop(var, None)
    os.environ["SPENDWATCH_DATA_DIR"] = str(data_dir)
    os.environ["SPENDWATCH_OUTBOX_DIR"] = str(data_dir / "outbox")
    os.environ["SPENDWATCH_TRUSTED_AUTHSERV_IDS"] = DEMO_AUTHSERV
    os.environ["SPENDWATCH_CLOCK"] = DEMO_CLOCK
    from pipeline import config, db
    from tasks import app as celery_app

    config.reset()
    db.reset()
    celery_app.configure()


def run_demo(data_dir: Path, emails: Path) -> int:
    """Returns the number of alerts written."""
    if data_dir.exists():
        for name in ("spendwatch.db", "spendwatch.db-wal", "spendwatch.db-shm"):
            (data_dir / name).unlink(missing_ok=True)
        shutil.rmtree(data_dir / "outbox", ignore_errors=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    _environment(data_dir)
    from pipeline import config, ingest, secret_guard
    from pipeline.budget_view import current_states
    from pipeline.categorizing import category_named
    from pipeline.runtime import open_db
    from tasks import jobs

    factory = open_db(auto_upgrade=True)
    with factory.begin() as s:
        user = User(email=DEMO_USER, name="Demo", timezone="Asia/Muscat")
        s.add(user)
        s.flush()
        for name in ("Groceries", "Restaurants & Cafes", "Fuel", "Telecom", "Shopping", "Transfers", "Salary"):
            category_named(s, user.id, name)
        for name, amount, cats in BUDGETS:
            b = Budget(user_id=user.id, name=name, amount_minor=to_minor(amount, "OMR"), currency="OMR",
                       period="monthly", anchor_day=1)
            b.categories = list(s.scalars(select(Category).where(Category.user_id == user.id, Category.name.in_(cats))))
            s.add(b)
        s.add(NotifyTarget(user_id=user.id, kind="email", label=DEMO_USER,
                           address_enc=secret_guard.encrypt_new(s, DEMO_USER)))
        user_id = user.id

    files = sorted(emails.glob("*.eml"))
    out.print(escape(f"ingesting {len(files)} sample alert e-mails from {emails}"))
    for path in files:
        with factory.begin() as s:
            rid = ingest.store_raw(s, user_id=user_id, raw=path.read_bytes(), source="file")
        if rid is not None:
            jobs.enqueue_process([rid])  # eager: parse, categorize, budgets, alerts, delivery

    now = config.now()
    with factory() as s:
        owner = s.get(User, user_id)
        assert owner is not None
        statuses = s.execute(select(RawEmail.status)).scalars().all()
        out.print("processed: " + ", ".join(f"{st} {statuses.count(st)}" for st in sorted(set(statuses))))
        # The user's date, as the periods below are: the machine's zone (astimezone()) showed
        # the 22nd from UTC+8 eastwards while the table is as of the 21st in Muscat.
        today = now.astimezone(ZoneInfo(owner.timezone)).date()
        table = Table(title=f"Budgets on {today} (demo clock)")
        for col in ("budget", "spent", "limit", "progress", "state", "days left", "period"):
            table.add_column(col, justify="right" if col in {"spent", "limit", "progress", "days left"} else "left")
        for st in current_states(s, owner, now):
            colour = {"on_track": "green", "warning": "yellow", "exceeded": "red"}[st.state]
            table.add_row(escape(st.name), f"{st.currency} {st.spent}", f"{st.currency} {st.amount}", f"{st.progress}%",
                          f"[{colour}]{st.state.replace('_', '-')}[/{colour}]", str(st.days_left),
                          f"{st.start_date:%d %b} - {st.end_date:%d %b %Y}")
        out.print(table)

    outbox = data_dir / "outbox"
    sent = sorted(outbox.glob("*.eml")) if outbox.exists() else []
    alerts = Table(title=f"Alerts sent ({len(sent)}), written to {outbox}")
    alerts.add_column("file")
    alerts.add_column("subject")
    for path in sent:
        msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
        alerts.add_row(path.name, escape(str(msg["Subject"])))
    out.print(alerts)
    return len(sent)


def demo_cmd(
    data_dir: Path = typer.Option(Path("demo-out"), "--dir", help="where the demo's SQLite file and outbox go"),
    emails: Path = typer.Option(None, help="folder of .eml alerts (default: the bundled samples)"),
) -> None:
    """Run the whole pipeline on bundled sample alerts and show budgets and alerts."""
    source = emails or demo_emails()
    if not source.is_dir() or not any(source.glob("*.eml")):
        raise typer.BadParameter(f"no .eml files in {source}", param_hint="--emails")
    run_demo(data_dir.resolve(), source)


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_cmd)
