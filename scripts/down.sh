#!/usr/bin/env bash
# Stops the services started by scripts/up.sh, then the infrastructure that scripts/infra-up.sh started.
#   bash scripts/down.sh                      everything
#   bash scripts/down.sh coupon-service ...   only these services and their extra processes (the infrastructure stays up)
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
    for proc in $(processes_of "$(existing_services | grep "^$svc:" || echo "$svc:0")"); do  # with its extra processes
      name="${proc%%:*}"
      if [ -f "$LOCAL/run/$name.pid" ]; then stop "$LOCAL/run/$name.pid"; else log "$name is not running"; fi
    done
  done
  exit 0
fi
for pidfile in "$LOCAL"/run/*.pid; do
  [ -f "$pidfile" ] || continue
  stop "$pidfile"
done
"$ROOT/scripts/infra-down.sh"
