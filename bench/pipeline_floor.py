"""The floor of the pipeline: what the fixed stack costs per message when nothing else is done.

The same messages, in this process, one core, sequentially: a header FETCH and a body
FETCH per 100 UIDs (imapclient on Dovecot, STARTTLS, as the worker), one multi-row
INSERT of the raw rows and a COMMIT, the parse, one multi-row INSERT of the
transactions, one single-row UPDATE standing for the spend, one status UPDATE and a
COMMIT (psycopg2, into the project's schema with its indexes). No ORM, no Celery, no
claim, no twin check, no categorizing, no alerts: no design that keeps the mail and
counts it can do less with these servers.

CPU per message split into this process, PostgreSQL, what the hypervisor took (steal) and
the rest of the machine (Dovecot); ``best_ratio_on_cores`` = cores x parse CPU / floor CPU,
the pipeline_vs_parse a pipeline of exactly these steps would reach with every core busy
(``best_ratio_without_steal``: the same with the steal left out). Against the end-to-end
run's own CPU per message it says how much of the cost is ours and how much the stack's.
"""

from __future__ import annotations

import hashlib
import time
from datetime import datetime, timezone
from typing import Any

import parsers
from bench import cpu
from bench.common import Tick
from bench.servers import Servers
from models import to_minor

BATCH = 100

RAW_INSERT = (
    "INSERT INTO raw_emails (user_id, mail_account_id, source, folder, uidvalidity, uid, sha256, size, raw, "
    "status, attempts, truncated, created_at) VALUES %s RETURNING id"
)
TXN_INSERT = (
    "INSERT INTO transactions (user_id, raw_email_id, bank, amount_minor, currency, direction, kind, merchant_raw, "
    "merchant, occurred_at, category_source, is_transfer, is_income, excluded, needs_review, fingerprint, "
    "created_at) VALUES %s"
)


def measure(servers: Servers, user: str, account_id: int, trusted: list[str], n: int, cores: int,
            parse_cpu_s: float, tick: Tick) -> dict[str, Any]:
    """Run the floor over the ``n`` messages in ``user``'s INBOX into the current database."""
    from psycopg2.extras import execute_values

    from pipeline import db

    pg_pid = cpu.postmaster_pid(servers.pg().data)
    conn = db.engine().raw_connection()
    try:
        cur = conn.cursor()
        cur.execute("SELECT a.user_id, min(b.id) FROM mail_accounts a JOIN budgets b ON b.user_id = a.user_id "
                    "WHERE a.id = %s GROUP BY a.user_id", (account_id,))
        user_id, budget_id = cur.fetchall()[0]
        mb = servers.dovecot().client(user)
        try:
            uidvalidity = int(mb.select_folder("INBOX")[b"UIDVALIDITY"])
            before = cpu.reading(time.process_time(), pg_pid)
            uids = mb.search(["ALL"])
            for i in range(0, len(uids), BATCH):
                chunk = uids[i : i + BATCH]
                mb.fetch(chunk, ["BODY.PEEK[HEADER.FIELDS (FROM)]", "RFC822.SIZE"])  # the sender pre-pass
                bodies = mb.fetch(chunk, ["BODY.PEEK[]"])
                now = datetime.now(timezone.utc)
                rows = []
                for uid in chunk:
                    raw = bytes(bodies[uid][b"BODY[]"])
                    rows.append((user_id, account_id, "imap", "INBOX", uidvalidity, uid, hashlib.sha256(raw).hexdigest(),
                                 len(raw), raw, "pending", 0, False, now))
                ids = [r[0] for r in execute_values(cur, RAW_INSERT, rows, fetch=True)]
                conn.commit()
                txns = []
                for raw_id, row in zip(ids, rows, strict=True):
                    t = parsers.parse_message(row[8], trusted_authserv_ids=trusted).transaction
                    assert t is not None
                    txns.append((user_id, raw_id, "bank_muscat", to_minor(t.amount, t.currency), t.currency,
                                 t.direction.value, t.kind.value, t.merchant, t.merchant, t.occurred_at, "default",
                                 False, False, False, False, f"floor-{raw_id}", now))
                execute_values(cur, TXN_INSERT, txns)
                cur.execute("UPDATE budgets SET amount_minor = amount_minor WHERE id = %s", (budget_id,))
                cur.execute("UPDATE raw_emails SET status = 'transaction', parser = 'bank_muscat', processed_at = %s "
                            "WHERE id = ANY(%s)", (now, ids))
                conn.commit()
                tick(f"pipeline: floor {i + len(chunk):,}/{n:,}", (i + len(chunk)) / n)
            after = cpu.reading(time.process_time(), pg_pid)
        finally:
            mb.logout()
    finally:
        conn.close()
    if len(uids) != n:
        raise AssertionError(f"floor: {len(uids)} messages in the INBOX, expected {n}")
    split, total, steal = cpu.split_ms(before, after, n, "this process (imap client, parse, sql client)",
                                       "dovecot and the rest of the machine")
    out: dict[str, Any] = {**split, "best_ratio_on_cores": cpu.best_ratio(cores, parse_cpu_s, n, total),
                           "best_ratio_without_steal": cpu.best_ratio(cores, parse_cpu_s, n, total - steal)}
    return out
