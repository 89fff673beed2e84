#!/usr/bin/env bash
# Stops the services started by scripts/up.sh, then the infrastructure that scripts/infra-up.sh started.
#   bash scripts/down.sh                      everything
#   bash scripts/down.sh coupon-service ...   only these services (the infrastructure stays up, e.g. for scripts/replay.sh)
source "$(dirname "$0")/lib.sh"
stop() { # pidfile
  local pid
  pid=$(cat "$1")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $(basename "$1" .pid) ($pid)"; kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$1"
}
if [ "$#" -gt 0 ]; then
  for svc in "$@"; do
    if [ -f "$LOCAL/run/$svc.pid" ]; then stop "$LOCAL/run/$svc.pid"; else log "$svc is not running"; fi
  done
  exit 0
fi
for pidfile in "$LOCAL"/run/*.pid; do
  [ -f "$pidfile" ] || continue
  stop "$pidfile"
done
"$ROOT/scripts/infra-down.sh"
