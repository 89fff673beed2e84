#!/usr/bin/env bash
# Stops only the infrastructure that infra-up.sh started, and undoes what it changed (listed in .local/started-by-us).
source "$(dirname "$0")/lib.sh"
[ -f "$STARTED" ] || { log "nothing was started by these scripts"; exit 0; }
while read -r what; do
  case "$what" in
    kafka)
      "$ROOT/scripts/kafka-broker.sh" stop "$LOCAL/kafka" ;;
    redis)
      log "stopping Redis"; redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true ;;
    postgresql-autovacuum)
      log "turning PostgreSQL's autovacuum off again"
      runuser -u postgres -- psql -qtA -c "ALTER SYSTEM RESET autovacuum" -c "SELECT pg_reload_conf()" >/dev/null || true ;;
    postgresql)
      ver=$(ls /etc/postgresql | sort -n | tail -1)
      log "stopping PostgreSQL $ver"; pg_ctlcluster --skip-systemctl-redirect "$ver" main stop || true ;;
  esac
done < <(tac "$STARTED")  # in reverse: undo the last thing first
rm -f "$STARTED"
