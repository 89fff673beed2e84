#!/usr/bin/env bash
# Coupon claims per second and p50/p99 latency at 64 connections against the running coupon-service (scripts/up.sh),
# printed next to PostgreSQL's raw insert rate (pgbench, insert-only script) measured in the same run on the same machine.
#   bash bench/claims.sh [seconds]
source "$(dirname "$0")/../scripts/lib.sh"
command -v wrk >/dev/null 2>&1 || apt_install wrk
secs="${1:-20}"
eval "$(bash "$ROOT/bench/seed.sh" | grep -E '^(SELLER_ID|COUPON_ID)=')"
storefront=$(bash "$ROOT/scripts/dev-token.sh" storefront bench)
url="http://127.0.0.1:8081/v1/storefront/coupons/$COUPON_ID/claims"

log "warm-up (20 s: the JIT needs it)"
wrk -t2 -c64 -d20s -s "$ROOT/bench/claim.lua" -H "Authorization: Bearer $storefront" -H 'Content-Type: application/json' "$url" >/dev/null
log "claims: ${secs}s at 64 connections"
claims=$(wrk -t2 -c64 -d"${secs}s" --latency -s "$ROOT/bench/claim.lua" -H "Authorization: Bearer $storefront" \
  -H 'Content-Type: application/json' "$url")
echo "$claims"

log "PostgreSQL raw insert rate: pgbench insert-only, 8 clients, ${secs}s"
PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -U "$PG_USER" -d coupon -qc \
  "CREATE TABLE IF NOT EXISTS bench_raw_insert (id bigserial PRIMARY KEY, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"
echo "INSERT INTO bench_raw_insert(payload) VALUES (md5(random()::text));" > "$LOCAL/bench-insert.sql"
pg=$(PGPASSWORD="$PG_PASSWORD" pgbench -h "$PG_HOST" -U "$PG_USER" -n -c 8 -j 2 -T "$secs" -f "$LOCAL/bench-insert.sql" coupon 2>&1)
PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -U "$PG_USER" -d coupon -qc "DROP TABLE bench_raw_insert"
echo "$pg" | grep -E "tps|latency average"

rps=$(wrk_figure "$claims" rps); p50=$(wrk_figure "$claims" p50); p99=$(wrk_figure "$claims" p99)
tps=$(grep -E '^tps' <<<"$pg" | awk '{print $3}')
echo
echo "== summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
echo "claims/s: $rps   p50: $p50   p99: $p99   (64 connections, ${secs}s)"
echo "PostgreSQL raw inserts/s: $tps   (pgbench insert-only, 8 clients)"
awk -v r="$rps" -v t="$tps" 'BEGIN { printf "claims/s as a share of raw inserts/s: %.0f%% (target >= 50%%)\n", 100 * r / t }'
