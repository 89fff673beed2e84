#!/usr/bin/env bash
# Starts the local infrastructure without Docker: PostgreSQL and Redis on loopback (installed from Debian
# packages if missing, started if stopped) and a single-node Apache Kafka broker in KRaft mode run from the
# org.apache.kafka artifacts on Maven Central. Creates one database per service and every topic of the
# contract. Idempotent: anything already running is reused and left alone by infra-down.sh.
source "$(dirname "$0")/lib.sh"

# ---- PostgreSQL ------------------------------------------------------------------------------------
if ! command -v pg_lsclusters >/dev/null 2>&1; then apt_install postgresql postgresql-client; fi
if ! port_open "$PG_HOST" "$PG_PORT"; then
  ver=$(ls /etc/postgresql | sort -n | tail -1)
  log "starting PostgreSQL $ver"
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start
  mark_started postgresql
  wait_for_port "$PG_HOST" "$PG_PORT" 30 PostgreSQL
fi
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname='$PG_USER'")" != "1" ]; then
  psql_admin -c "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD' CREATEDB"
fi
# One database per service (schema owned by that service alone), plus one per service for the test suite and one for
# the end-to-end tests, which run a packaged service beside the service under test (ServiceProcess in test-support).
for s in "${SERVICES[@]}"; do
  db="${s%%-service*}"
  for d in "$db" "${db}_test" "${db}_e2e"; do
    if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname='$d'")" != "1" ]; then
      psql_admin -c "CREATE DATABASE $d OWNER $PG_USER"
    fi
  done
done
# Autovacuum keeps queue-like tables (the outbox, counters) from filling with dead rows; every real PostgreSQL runs it, and
# Debian's default has it on. A server configured without it (some CI images) gets it on for as long as this system runs;
# infra-down.sh puts the setting back.
if [ "$(psql_admin -c "SHOW autovacuum")" = "off" ]; then
  log "turning PostgreSQL's autovacuum on (it was off; infra-down.sh turns it off again)"
  psql_admin -c "ALTER SYSTEM SET autovacuum = on" -c "SELECT pg_reload_conf()" >/dev/null
  mark_started postgresql-autovacuum
fi
log "PostgreSQL ready on $PG_HOST:$PG_PORT (user $PG_USER)"

# ---- Redis -----------------------------------------------------------------------------------------
if ! command -v redis-server >/dev/null 2>&1; then apt_install redis-server; fi
if ! port_open 127.0.0.1 "$REDIS_PORT"; then
  log "starting Redis"
  mkdir -p "$LOCAL/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$LOCAL/redis" --logfile "$LOCAL/redis/redis.log" --pidfile "$LOCAL/redis/redis.pid"
  mark_started redis
  wait_for_port 127.0.0.1 "$REDIS_PORT" 15 Redis
fi
log "Redis ready on 127.0.0.1:$REDIS_PORT"

# ---- Kafka (KRaft, single node) --------------------------------------------------------------------
port_open 127.0.0.1 "$KAFKA_PORT" || mark_started kafka
"$ROOT/scripts/kafka-broker.sh" start "$LOCAL/kafka" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
