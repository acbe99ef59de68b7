"""Parse-only throughput on one core: e-mails per second over a set of .eml files.

    python -m bench.parse_speed [DIR] [--runs 5]

DIR defaults to ../shared/corpus/emails. Prints the median of several runs and each
run's figure; the bytes are read once before timing so disk speed does not count.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "emails"


def measure(raws: list[bytes], runs: int) -> list[float]:
    from parsers import parse_message

    for raw in raws[:20]:  # warm caches and lazy imports outside the timing
        parse_message(raw)
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for raw in raws:
            parse_message(raw)
        rates.append(len(raws) / (time.perf_counter() - start))
    return rates


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    files = sorted(a.dir.rglob("*.eml"))
    if not files:
        raise SystemExit(f"no .eml files under {a.dir}")
    raws = [f.read_bytes() for f in files]
    rates = measure(raws, a.runs)
    result = {"parse_per_s": round(statistics.median(rates), 1), "runs": [round(r, 1) for r in rates],
              "messages": len(raws)}
    print(json.dumps(result) if a.json else
          f"parse-only: {result['parse_per_s']} e-mails/s (median of {a.runs} runs over {len(raws)} e-mails; "
          f"runs {result['runs']})")


if __name__ == "__main__":
    main()
