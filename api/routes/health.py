"""Pipeline health for uptime monitors: ``GET /api/health``, no token needed.

200 when the pipeline is ok or needs a look soon (warning), 503 when alerts are not being
read or sent now (critical) or the database cannot be reached, so a plain HTTP check
(Uptime Kuma, healthchecks.io, a load balancer) pages on the right thing. Without a token
the answer says only which kind of check is at which level: no mailbox name, no error
text, no count of anyone's mail. The details are for the admin: `spendwatch health`.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError

from api.deps import SessionDep
from pipeline import health

router = APIRouter(prefix="/api/health", tags=["health"])
_ANSWERS: dict[int | str, dict[str, Any]] = {
    503: {"description": "critical: alerts are not being read or sent, or the database is unreachable"}}


@router.get("", responses=_ANSWERS)
def get_health(s: SessionDep, request: Request) -> JSONResponse:
    try:
        snap = health.snapshot(s, now=request.app.state.health_clock())
    except DBAPIError:
        s.rollback()
        return JSONResponse(status_code=503, content={
            "status": "critical", "checks": [{"kind": "database", "status": "critical"}]})
    report = health.check(snap)
    worst: dict[str, health.Level] = {}
    for c in report.checks:  # one line per kind: the worst of its checks
        worst[c.kind] = max(worst.get(c.kind, health.Level.OK), c.level)
    body = {"status": report.level.label,
            "checks": [{"kind": k, "status": level.label} for k, level in worst.items()]}
    return JSONResponse(status_code=503 if report.level is health.Level.CRITICAL else 200, content=body)
