"""Celery settings only (lowercase names). Read by tasks.app via config_from_object."""

import os

broker_url = os.environ.get("SPENDWATCH_BROKER_URL") or "memory://localhost/"
# Results are never read: the database holds every outcome.
task_ignore_result = True
result_backend = None
task_serializer = "json"
result_serializer = "json"
accept_content = ["json"]
# At-least-once: a task is acknowledged after it ran, and re-delivered if the worker died.
task_acks_late = True
task_reject_on_worker_lost = True
worker_prefetch_multiplier = 1
# Time limits stay well below the broker's visibility timeout, so a slow task is killed
# before Redis hands the same message to another worker.
task_soft_time_limit = 240
task_time_limit = 300
broker_transport_options = {"visibility_timeout": 3600}
broker_connection_retry_on_startup = True
task_default_queue = "spendwatch"
worker_hijack_root_logger = False
timezone = "UTC"
enable_utc = True
# Each tick expires after its own period: beat goes on sending while no worker runs, and a
# worker coming back would otherwise run every tick queued meanwhile (an hour down: 120
# schedule_polls, so 120 IMAP logins per mailbox in a burst, and 60 sweeps). A tick older
# than its period has a newer one behind it in the queue, so dropping it loses nothing.
beat_schedule = {
    "schedule-polls": {"task": "spendwatch.schedule_polls", "schedule": 30.0, "options": {"expires": 30.0}},
    "sweep": {"task": "spendwatch.sweep", "schedule": 60.0, "options": {"expires": 60.0}},
}
