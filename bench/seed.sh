#!/usr/bin/env bash
# Seeds a running system (scripts/up.sh) with a demo seller, a priced in-stock product and a large coupon, publishing
# the platform's events exactly as the platform would (binary CloudEvents on Kafka). Prints SELLER_ID and COUPON_ID.
#   bash bench/seed.sh [quantity]
source "$(dirname "$0")/../scripts/lib.sh"
command -v kcat >/dev/null 2>&1 || apt_install kcat
command -v curl >/dev/null 2>&1 || apt_install curl
qty="${1:-10000000}"
seller="bench-seller-$(date +%s)-$RANDOM"
spu="bench-spu-$RANDOM"
now=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
publish() { # topic key type json
  printf '%s' "$4" | kcat -P -b "127.0.0.1:$KAFKA_PORT" -t "$1" -k "$2" -H ce_specversion=1.0 -H "ce_id=$(cat /proc/sys/kernel/random/uuid)" \
    -H "ce_type=$3" -H ce_source=urn:sellergrowth:bench -H "ce_time=$now" -H ce_eventversion=1
}
publish platform.sellers "$seller" platform.seller-profile-updated \
  "{\"sellerId\":\"$seller\",\"entityType\":\"ENTERPRISE\",\"verified\":true,\"paymentAccountBound\":true,\"paymentAccountKycVerified\":true,\"storeLevel\":4,\"positiveRating90dBp\":9800,\"disputeRate30dBp\":20,\"affiliateMember\":true,\"violations\":[],\"occurredAt\":\"$now\"}"
publish platform.stock "$spu-sku" platform.stock-synced \
  "{\"sku\":\"$spu-sku\",\"sellerId\":\"$seller\",\"spuId\":\"$spu\",\"categoryId\":\"bench-cat\",\"quantity\":100000,\"listed\":true,\"priceMinor\":5000,\"currency\":\"USD\",\"source\":\"PLATFORM\",\"observedAt\":\"$now\"}"
token=$(bash "$ROOT/scripts/dev-token.sh" seller "$seller")
ends=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
starts=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)
body="{\"name\":\"Bench\",\"type\":\"THRESHOLD\",\"currency\":\"USD\",\"faceValueMinor\":500,\"minOrderMinor\":3000,\"startsAt\":\"$starts\",\"endsAt\":\"$ends\",\"totalQuantity\":$qty,\"targetCountries\":[\"US\"],\"pool\":{\"spus\":[\"$spu\"]}}"
for _ in $(seq 1 60); do  # the profile and stock arrive through Kafka: retry until the coupon is accepted
  out=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body" http://127.0.0.1:8081/v1/coupons)
  [ "$(tail -1 <<<"$out")" = "201" ] && break
  sleep 0.5
done
[ "$(tail -1 <<<"$out")" = "201" ] || { echo "coupon creation failed: $out" >&2; exit 1; }
coupon=$(head -1 <<<"$out" | sed 's/.*"id":"\([^"]*\)".*/\1/')
echo "SELLER_ID=$seller"
echo "COUPON_ID=$coupon"
