#!/usr/bin/env bash
# spendwatch: stop a throwaway Dovecot started by scripts/dovecot-up.sh DIR.
# Default: SIGTERM to the master (a clean stop, about 1-3 s).
# FAST=1:  SIGKILL its whole process group (port closed in milliseconds; fine for test data).
set -uo pipefail
[ $# -ge 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
DIR=$(realpath -m "$1")
pid=$(cat "$DIR/run/master.pid" 2>/dev/null) || { echo "dovecot in $DIR is not running"; exit 0; }
if ! kill -0 "$pid" 2>/dev/null; then rm -f "$DIR/run/master.pid"; exit 0; fi
if [ "${FAST:-0}" = 1 ]; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"; else kill -TERM "$pid"; fi
# A zombie (state Z) has let go of its ports already: count it as gone.
alive() { local state; state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) && [ "$state" != Z ]; }
for _ in $(seq 1 500); do
  if ! alive "$pid"; then rm -f "$DIR/run/master.pid"; exit 0; fi
  sleep 0.02
done
echo "dovecot $pid still alive after 10 s" >&2
exit 1
