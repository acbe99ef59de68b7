"""The pipeline steps (fetch, process, deliver, sweep) and their adapters."""
