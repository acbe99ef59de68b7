"""`spendwatch api --host --port`: the REST API (FastAPI under uvicorn), OpenAPI at /docs."""

from __future__ import annotations

import typer


def api_cmd(
    host: str = typer.Option("127.0.0.1", help="address to listen on (0.0.0.0 for every interface)"),
    port: int = typer.Option(8000, min=1, max=65535),
    log_level: str | None = typer.Option(
        None, help="uvicorn's own log level (critical, error, warning, info, debug, trace); default: SPENDWATCH_LOG_LEVEL"
    ),
) -> None:
    """Serve the REST API; requests carry `Authorization: Bearer <token>` (see `spendwatch user create`)."""
    import uvicorn
    from uvicorn.config import LOG_LEVELS

    from api.app import create_app
    from pipeline import config, secrets

    # Checked here: uvicorn looks the name up in LOG_LEVELS and a typo was a KeyError traceback.
    if log_level is not None and log_level.lower() not in LOG_LEVELS:
        raise typer.BadParameter(f"{log_level!r}: one of {', '.join(LOG_LEVELS)}", param_hint="--log-level")

    try:
        secrets.check_keys()  # a malformed key: refused at start, not at the first password stored
    except config.ConfigError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None

    # uvicorn sets up its own loggers (access log, server errors) and leaves the root
    # logger, where spendwatch's records go (pipeline.cli), alone.
    uvicorn.run(create_app(), host=host, port=port, log_level=log_level or config.get().log_level.lower())


def register(app: typer.Typer) -> None:
    app.command("api")(api_cmd)
