#!/usr/bin/env bash
# attribution-service: click-to-report latency at an offered rate of clicks and paid orders (4:1), and the sustained rate
# through attribution into the reports, printed next to Kafka's raw consumer rate of the same topic (kafka's own
# ConsumerPerformance tool) measured in the same run. Against the running service (bash scripts/up.sh attribution-service).
#   bash bench/attribution.sh [events-per-second] [seconds] [backlog-events]      defaults: 5000 60 200000
source "$(dirname "$0")/../scripts/lib.sh"
rate="${1:-5000}"; secs="${2:-60}"; backlog="${3:-200000}"
curl -fsS "http://127.0.0.1:8083/q/health/ready" >/dev/null || { log "attribution-service is not running: bash scripts/up.sh"; exit 1; }
seller="bench-$(cat /proc/sys/kernel/random/uuid | cut -c1-8)"
token=$(bash "$ROOT/scripts/dev-token.sh" seller "$seller")
# The broker's own jars (scripts/kafka-broker.sh fetched them) carry the Kafka client and tools; the JDK runs the source file.
kafka_java() { java -cp "$LOCAL/kafka/libs/*" -Dlog4j2.configurationFile="$ROOT/scripts/kafka/log4j2.properties" -Dkafka.logs.dir="$LOCAL" "$@"; }
result=$(kafka_java "$ROOT/bench/AttributionBench.java" "127.0.0.1:$KAFKA_PORT" "http://127.0.0.1:8083" "$seller" "$token" "$rate" "$secs" "$backlog")
echo "$result"
log "raw consumer rate of attribution.events: Kafka's ConsumerPerformance, $backlog records"
raw=$(kafka_java org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "127.0.0.1:$KAFKA_PORT" --topic attribution.events \
  --messages "$backlog" --group "perf-$(date +%s)" --timeout 60000 2>/dev/null | tail -1)
echo "$raw"
raw_rate=$(awk -F', *' '{print $6}' <<<"$raw")
sustained=$(grep -oE '[0-9]+ events/s sustained' <<<"$result" | awk '{print $1}')
echo
echo "== summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
grep -E '^probe' <<<"$result"
echo "attribution-service sustained: $sustained events/s (clicks and paid orders, 4:1)"
echo "Kafka raw consumer: $raw_rate records/s (ConsumerPerformance on attribution.events)"
awk -v s="$sustained" -v r="$raw_rate" 'BEGIN { if (r > 0) printf "sustained as a share of the raw consumer rate: %.1f%% (target >= 30%%)\n", 100 * s / r }'
