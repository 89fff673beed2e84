#!/usr/bin/env bash
# Stops the services started by scripts/up.sh, then the infrastructure that scripts/infra-up.sh started.
source "$(dirname "$0")/lib.sh"
for pidfile in "$LOCAL"/run/*.pid; do
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $(basename "$pidfile" .pid) ($pid)"; kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$pidfile"
done
"$ROOT/scripts/infra-down.sh"
