#!/usr/bin/env bash
# Publishes one platform order event to the local broker, as the platform's order service would (binary CloudEvents on
# platform.orders), for demos and manual checks:
#   bash scripts/publish-order.sh <paid|placed|cancelled|refunded> <orderId> <sellerId> <buyerId> <country> <currency> <amountMinor> <categoryId>
source "$(dirname "$0")/lib.sh"
command -v kcat >/dev/null 2>&1 || apt_install kcat
[ "$#" -eq 8 ] || { echo "usage: $0 <paid|placed|cancelled|refunded> <orderId> <sellerId> <buyerId> <country> <currency> <amountMinor> <categoryId>" >&2; exit 2; }
kind="$1"; order="$2"; seller="$3"; buyer="$4"; country="$5"; currency="$6"; amount="$7"; category="$8"
case "$kind" in paid|placed|cancelled|refunded) ;; *) echo "kind: paid, placed, cancelled or refunded" >&2; exit 2;; esac
now=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
json="{\"order\":{\"orderId\":\"$order\",\"buyerId\":\"$buyer\",\"sellerId\":\"$seller\",\"country\":\"$country\",\"currency\":\"$currency\",\"amountMinor\":$amount,\"lines\":[{\"sku\":\"demo-sku\",\"spuId\":\"demo-spu\",\"categoryId\":\"$category\",\"quantity\":1,\"unitPriceMinor\":$amount}],\"logisticsService\":\"AliExpress Standard\",\"couponClaimIds\":[]},\"occurredAt\":\"$now\"}"
printf '%s' "$json" | kcat -P -b "127.0.0.1:$KAFKA_PORT" -t platform.orders -k "$order" -H ce_specversion=1.0 \
  -H "ce_id=$(cat /proc/sys/kernel/random/uuid)" -H "ce_type=platform.order-$kind" -H ce_source=urn:sellergrowth:demo -H "ce_time=$now" \
  -H ce_eventversion=1
echo "published platform.order-$kind for order $order" >&2
