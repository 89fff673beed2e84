#!/usr/bin/env bash
# risk-service's decision latency (from a triggering event's publication to its decision on risk.decisions) under a
# background load of mixed contract events, and its sustained event rate, against the running system (scripts/up.sh).
#   bash bench/decisions.sh [events-per-second] [seconds] [backlog-events]      defaults: 2000 60 100000
source "$(dirname "$0")/../scripts/lib.sh"
rate="${1:-2000}"; secs="${2:-60}"; backlog="${3:-100000}"
curl -fsS "http://127.0.0.1:8084/q/health/ready" >/dev/null || { log "risk-service is not running: bash scripts/up.sh"; exit 1; }
# The broker's own jars (scripts/kafka-broker.sh fetched them) carry the Kafka client the tool needs; Java runs the
# single source file directly.
java -cp "$LOCAL/kafka/libs/*" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dlog4j2.configurationFile="$ROOT/scripts/kafka/log4j2.properties" \
  -Dkafka.logs.dir="$LOCAL" "$ROOT/bench/DecisionLatency.java" "127.0.0.1:$KAFKA_PORT" "$rate" "$secs" "$backlog"
