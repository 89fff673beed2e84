#!/usr/bin/env bash
# Replays a topic for a consumer group from offset 0 (operators): the group's members must be stopped first.
#   scripts/replay.sh <group> <topic>        e.g. scripts/replay.sh coupon-service platform.orders
# Consumers are idempotent (processed_event), so a replay changes no state and no count.
source "$(dirname "$0")/lib.sh"
group="${1:?consumer group}"; topic="${2:?topic}"
java -cp "$LOCAL/kafka/libs/*" -Dlog4j2.configurationFile="$ROOT/scripts/kafka/log4j2.properties" -Dkafka.logs.dir="$LOCAL/kafka" \
  org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
  --group "$group" --topic "$topic" --reset-offsets --to-earliest --execute
