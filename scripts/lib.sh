#!/usr/bin/env bash
# Shared helpers for the scripts in this folder. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"                 # everything the scripts create at run time; git-ignored
STARTED="$LOCAL/started-by-us"       # one line per piece of infrastructure these scripts started
mkdir -p "$LOCAL"

# Every service and its port (fixed; docker-compose uses the same). A service joins when its module exists.
SERVICES=(coupon-service:8081 gift-service:8082 attribution-service:8083 risk-service:8084 shortlink-service:8085 direct-service:8086)
# More processes of a service's jar, started and stopped with it: name:module:port:nice:settings (VAR=value,...). The
# service's own process then gets MAIN_SETTINGS. shortlink-stats consumes the click stream at a lower CPU priority than
# the process that redirects (ADR 8).
EXTRA_PROCESSES=(shortlink-stats:shortlink-service:8095:10:SHORTLINK_STATS_CONSUMER=true)
MAIN_SETTINGS=(shortlink-service:SHORTLINK_STATS_CONSUMER=false)

PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-sgp}"
PG_PASSWORD="${PG_PASSWORD:-sgp}"
REDIS_PORT="${REDIS_PORT:-6379}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

port_open() { timeout 1 bash -c "</dev/tcp/$1/$2" 2>/dev/null; }

wait_for_port() { # host port seconds what
  local i
  for ((i = 0; i < $3 * 4; i++)); do port_open "$1" "$2" && return 0; sleep 0.25; done
  log "$4 did not open $1:$2 within $3 s"; return 1
}

mark_started() { grep -qx "$1" "$STARTED" 2>/dev/null || echo "$1" >> "$STARTED"; }

apt_install() {
  log "installing $* from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "$@" >/dev/null
}

# Modules of services that exist in this checkout, in SERVICES order.
existing_services() {
  local s
  for s in "${SERVICES[@]}"; do [ -d "$ROOT/${s%%:*}" ] && echo "$s"; done
  return 0
}

# The processes of the services given as module:port entries: name:module:port:nice:settings, each service's own first.
processes_of() {
  local entry svc port extra settings m
  for entry in "$@"; do
    svc="${entry%%:*}"; port="${entry##*:}"; settings=""
    for m in "${MAIN_SETTINGS[@]}"; do [ "${m%%:*}" = "$svc" ] && settings="${m#*:}"; done
    echo "$svc:$svc:$port:0:$settings"
    for extra in "${EXTRA_PROCESSES[@]}"; do
      IFS=: read -r _ m _ _ _ <<<"$extra"
      [ "$m" = "$svc" ] && echo "$extra"
    done
  done
  return 0
}

# Reads wrk's report (with --latency): wrk_figure "<report>" rps|p50|p99
wrk_figure() {
  case "$2" in
    rps) grep -E '^Requests/sec' <<<"$1" | awk '{print $2}' ;;
    p50) grep -E '^ +50%' <<<"$1" | awk '{print $2}' ;;
    p99) grep -E '^ +99%' <<<"$1" | awk '{print $2}' ;;
  esac
}
