#!/usr/bin/env bash
# gift-service: paid orders per second turned into dispatch decisions (match, reserve, write, publish), printed next to
# PostgreSQL's raw insert rate (pgbench, insert-only script) in the same run; then label PDFs per second at 16 connections,
# printed next to the same service answering its health check (the HTTP ceiling). Against the running service
# (bash scripts/up.sh gift-service).
#   bash bench/gifts.sh [backlog-orders] [seconds]      defaults: 100000 20
source "$(dirname "$0")/../scripts/lib.sh"
command -v wrk >/dev/null 2>&1 || apt_install wrk
command -v pgbench >/dev/null 2>&1 || apt_install postgresql-contrib
backlog="${1:-100000}"; secs="${2:-20}"
api="http://127.0.0.1:8082"
curl -fsS "$api/q/health/ready" >/dev/null || { log "gift-service is not running: bash scripts/up.sh gift-service"; exit 1; }
seller="bench-gift-$(cat /proc/sys/kernel/random/uuid | cut -c1-8)"
token=$(bash "$ROOT/scripts/dev-token.sh" seller "$seller")
operator=$(bash "$ROOT/scripts/dev-token.sh" operator bench)
kafka_java() { java -cp "$LOCAL/kafka/libs/*" -Dlog4j2.configurationFile="$ROOT/scripts/kafka/log4j2.properties" -Dkafka.logs.dir="$LOCAL" "$@"; }
result=$(kafka_java "$ROOT/bench/GiftBench.java" "127.0.0.1:$KAFKA_PORT" "$api" "$seller" "$token" "$operator" 30000 "$backlog" \
  "$ROOT/docs/samples/gift-package-front.png")
echo "$result"
dispatch=$(grep -oE 'LABELLED_DISPATCH=[0-9a-f-]+' <<<"$result" | cut -d= -f2)
orders=$(grep -oE 'sustained: [0-9]+' <<<"$result" | awk '{print $2}')

log "PostgreSQL raw insert rate: pgbench insert-only, 8 clients, ${secs}s"
PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -U "$PG_USER" -d gift -qc \
  "CREATE TABLE IF NOT EXISTS bench_raw_insert (id bigserial PRIMARY KEY, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"
echo "INSERT INTO bench_raw_insert(payload) VALUES (md5(random()::text));" > "$LOCAL/bench-insert.sql"
pg=$(PGPASSWORD="$PG_PASSWORD" pgbench -h "$PG_HOST" -U "$PG_USER" -n -c 8 -j 2 -T "$secs" -f "$LOCAL/bench-insert.sql" gift 2>&1)
PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -U "$PG_USER" -d gift -qc "DROP TABLE bench_raw_insert"
tps=$(grep -E '^tps' <<<"$pg" | awk '{print $3}')

log "label PDFs: warm-up 10 s, then ${secs}s at 16 connections"
auth="Authorization: Bearer $token"
wrk -t2 -c16 -d10s -H "$auth" "$api/v1/dispatches/$dispatch/label.pdf" >/dev/null
labels=$(wrk -t2 -c16 -d"${secs}s" --latency -H "$auth" "$api/v1/dispatches/$dispatch/label.pdf")
echo "$labels"
log "the HTTP ceiling: the same service's health check, ${secs}s at 16 connections"
wrk -t2 -c16 -d10s "$api/q/health/live" >/dev/null
health=$(wrk -t2 -c16 -d"${secs}s" --latency "$api/q/health/live")

echo
echo "== summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
echo "paid orders into dispatch decisions: $orders/s   (backlog of $backlog)"
echo "PostgreSQL raw inserts/s: $tps   (pgbench insert-only, 8 clients)"
awk -v o="$orders" -v t="$tps" 'BEGIN { if (t > 0) printf "dispatch decisions as a share of raw inserts/s: %.0f%% (target >= 40%%)\n", 100 * o / t }'
echo "label PDFs/s: $(wrk_figure "$labels" rps)   p50: $(wrk_figure "$labels" p50)   p99: $(wrk_figure "$labels" p99)   (16 connections)"
echo "health checks/s: $(wrk_figure "$health" rps)   p99: $(wrk_figure "$health" p99)   (16 connections, the HTTP ceiling)"
