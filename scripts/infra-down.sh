#!/usr/bin/env bash
# Stops only the infrastructure that infra-up.sh started (listed in .local/started-by-us).
source "$(dirname "$0")/lib.sh"
[ -f "$STARTED" ] || { log "nothing was started by these scripts"; exit 0; }
while read -r what; do
  case "$what" in
    kafka)
      pid=$(cat "$LOCAL/kafka/kafka.pid" 2>/dev/null || true)
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        log "stopping Kafka ($pid)"; kill "$pid"
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      fi ;;
    redis)
      log "stopping Redis"; redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true ;;
    postgresql)
      ver=$(ls /etc/postgresql | sort -n | tail -1)
      log "stopping PostgreSQL $ver"; pg_ctlcluster --skip-systemctl-redirect "$ver" main stop || true ;;
  esac
done < "$STARTED"
rm -f "$STARTED"
