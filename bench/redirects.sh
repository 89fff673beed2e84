#!/usr/bin/env bash
# Redirects per second and p50/p99 latency at 50 connections against the running shortlink-service (scripts/up.sh),
# printed next to an nginx that answers every request with a fixed 302 (the practical limit), measured in the same run on
# the same machine; then checks that every redirect of the measured run was accounted for in the link's stats.
#   bash bench/redirects.sh [seconds]
source "$(dirname "$0")/../scripts/lib.sh"
command -v wrk >/dev/null 2>&1 || apt_install wrk
command -v nginx >/dev/null 2>&1 || apt_install nginx
command -v kcat >/dev/null 2>&1 || apt_install kcat
command -v curl >/dev/null 2>&1 || apt_install curl
secs="${1:-20}"
base="http://127.0.0.1:8085"
curl -fsS "$base/q/health/ready" >/dev/null || { log "shortlink-service is not running: bash scripts/up.sh"; exit 1; }

# An eligible seller (SHL-3), published on platform.sellers as the platform would, and two links: warm-up and measured.
seller="bench-seller-$(date +%s)-$RANDOM"
now=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
printf '%s' "{\"sellerId\":\"$seller\",\"entityType\":\"ENTERPRISE\",\"verified\":true,\"paymentAccountBound\":true,\"paymentAccountKycVerified\":true,\"storeLevel\":4,\"positiveRating90dBp\":9800,\"disputeRate30dBp\":20,\"affiliateMember\":false,\"violations\":[],\"occurredAt\":\"$now\"}" \
  | kcat -P -b "127.0.0.1:$KAFKA_PORT" -t platform.sellers -k "$seller" -H ce_specversion=1.0 -H "ce_id=$(cat /proc/sys/kernel/random/uuid)" \
    -H ce_type=platform.seller-profile-updated -H ce_source=urn:sellergrowth:bench -H "ce_time=$now" -H ce_eventversion=1
token=$(bash "$ROOT/scripts/dev-token.sh" seller "$seller")
create() {
  local out
  for _ in $(seq 1 60); do # the profile arrives through Kafka: retry until the link is accepted
    out=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d '{"target":"https://www.marketplace.example/item/BENCH-1","channel":"bench","utm":{"source":"bench","campaign":"双11"}}' "$base/v1/links")
    [ "$(tail -1 <<<"$out")" = "201" ] && { head -1 <<<"$out" | sed 's/.*"code":"\([^"]*\)".*/\1/'; return 0; }
    sleep 0.5
  done
  echo "link creation failed: $out" >&2; return 1
}
warm=$(create); code=$(create)

# nginx answering a fixed 302, as fast as this machine serves anything
ngx="$LOCAL/bench-nginx"; mkdir -p "$ngx/logs"
cat > "$ngx/nginx.conf" <<CONF
worker_processes auto;
pid $ngx/nginx.pid;
error_log $ngx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $ngx; proxy_temp_path $ngx; fastcgi_temp_path $ngx; uwsgi_temp_path $ngx; scgi_temp_path $ngx;
  server { listen 127.0.0.1:18085; location / { return 302 https://www.marketplace.example/item/BENCH-1?utm_source=bench; } }
}
CONF
nginx -p "$ngx" -c "$ngx/nginx.conf"
trap 'nginx -p "$ngx" -c "$ngx/nginx.conf" -s stop 2>/dev/null || true' EXIT

clicks_of() { PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -U "$PG_USER" -d shortlink -Atc "SELECT count(*) FROM link_click WHERE code = '$1'"; }
await_clicks() { # code count: waits (at most 180 s) until the stats hold that many clicks of the link
  local i
  for i in $(seq 1 180); do [ "$(clicks_of "$1")" -ge "$2" ] && return 0; sleep 1; done
  return 1
}

log "warm-up (30 s: the JIT needs it)"
wu=$(wrk -t2 -c50 -d30s -s "$ROOT/bench/redirect.lua" "$base/$warm")
wu_redirects=$(( $(grep -E '^answered:' <<<"$wu" | awk '{print $2 - $4}') ))
log "waiting until the warm-up's $wu_redirects clicks are in the stats (so that the measured run does not pay for them)"
await_clicks "$warm" "$wu_redirects" || log "warm-up clicks still arriving; measuring anyway"
log "shortlink-service: ${secs}s at 50 connections"
sl=$(wrk -t2 -c50 -d"${secs}s" --latency -s "$ROOT/bench/redirect.lua" "$base/$code")
echo "$sl"
log "nginx fixed 302: ${secs}s at 50 connections"
ng=$(wrk -t2 -c50 -d"${secs}s" --latency -s "$ROOT/bench/redirect.lua" "http://127.0.0.1:18085/$code")
echo "$ng"

answered=$(grep -E '^answered:' <<<"$sl" | awk '{print $2}')
not3xx=$(grep -E '^answered:' <<<"$sl" | awk '{print $4}')
redirects=$((answered - not3xx))
log "waiting until the stats account for all $redirects redirects of the measured run"
start=$(date +%s)
await_clicks "$code" "$redirects" || log "not every click arrived within 180 s"
stored=$(clicks_of "$code")
pv=$(curl -fsS -H "Authorization: Bearer $token" "$base/v1/links/$code/stats" | sed 's/.*"pv":\([0-9]*\).*/\1/')
dropped=$(curl -fsS "$base/q/metrics" | awk '/^shortlink_clicks_dropped_total/ {print $2}')

rps=$(wrk_figure "$sl" rps); p50=$(wrk_figure "$sl" p50); p99=$(wrk_figure "$sl" p99)
nrps=$(wrk_figure "$ng" rps); np50=$(wrk_figure "$ng" p50); np99=$(wrk_figure "$ng" p99)
echo
echo "== summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t2 -c50 -d${secs}s, everything on this machine)"
echo "shortlink-service redirects/s: $rps   p50: $p50   p99: $p99   (non-302: $not3xx)"
echo "nginx fixed 302/s:            $nrps   p50: $np50   p99: $np99"
awk -v r="$rps" -v n="$nrps" 'BEGIN { printf "redirects/s as a share of nginx: %.0f%% (target >= 50%%, p99 < 10 ms)\n", 100 * r / n }'
echo "clicks accounted for: $stored of $redirects redirects in link_click, PV in stats $pv, after $(( $(date +%s) - start )) s; clicks dropped since start: ${dropped:-0}"
