#!/usr/bin/env bash
# A single-node KRaft Kafka broker from the Maven Central jars (fetched on first use), with every contract topic and its
# .dlq. Used by infra-up.sh (the shared broker, port 9092) and by test.sh (a throw-away broker for one test run).
#   scripts/kafka-broker.sh start <dir> <port> <controller-port>   starts it unless the port is open; creates the topics
#   scripts/kafka-broker.sh stop <dir>                              stops the broker started with that dir
source "$(dirname "$0")/lib.sh"
action="${1:?start|stop}"; KDIR="${2:?broker directory}"
LIBS="$LOCAL/kafka/libs"
kafka_java() { java -Xms256m -Xmx512m -Dlog4j2.configurationFile="$ROOT/scripts/kafka/log4j2.properties" \
  -Dkafka.logs.dir="$KDIR" -cp "$LIBS/*" "$@"; }

if [ "$action" = stop ]; then
  pid=$(cat "$KDIR/kafka.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    log "stopping Kafka ($pid, $KDIR)"; kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$KDIR/kafka.pid"
  exit 0
fi

port="${3:?port}"; cport="${4:?controller port}"
mkdir -p "$KDIR"
# The jars are needed even when a broker is already running here: the topic tools come from them.
if [ ! -f "$LIBS/.complete" ]; then
  log "fetching the Kafka broker from Maven Central (first run only)"
  "$ROOT/mvnw" -B -q -f "$ROOT/scripts/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$LIBS"
  touch "$LIBS/.complete"
fi
if ! port_open 127.0.0.1 "$port"; then
  mkdir -p "$KDIR/data"
  sed -e "s#@DATA@#$KDIR/data#" -e "s#@PORT@#$port#g" -e "s#@CPORT@#$cport#g" \
    "$ROOT/scripts/kafka/server.properties" > "$KDIR/server.properties"
  if [ ! -f "$KDIR/data/meta.properties" ]; then
    kafka_java kafka.tools.StorageTool format -t "$(kafka_java kafka.tools.StorageTool random-uuid)" \
      -c "$KDIR/server.properties" >/dev/null
  fi
  log "starting Kafka on 127.0.0.1:$port ($KDIR)"
  nohup java -Xms512m -Xmx512m -Dlog4j2.configurationFile="$ROOT/scripts/kafka/log4j2.properties" \
    -Dkafka.logs.dir="$KDIR" -cp "$LIBS/*" kafka.Kafka "$KDIR/server.properties" \
    > "$KDIR/stdout.log" 2>&1 < /dev/null &
  echo $! > "$KDIR/kafka.pid"
  wait_for_port 127.0.0.1 "$port" 60 Kafka || { tail -30 "$KDIR/stdout.log"; exit 1; }
fi
# Every topic of the contract and its dead-letter topic (SPEC section 2). Partitions: 3 (scale-out unit).
topics=$(sed -n 's/.*String [A-Z_]* = "\([a-z.]*\)";.*/\1/p' "$ROOT/common-events/src/main/java/com/sellergrowth/events/Topics.java")
existing=$(kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$port" --list 2>/dev/null || true)
for t in $topics; do
  for name in "$t" "$t.dlq"; do
    grep -qx "$name" <<<"$existing" || kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$port" \
      --create --if-not-exists --topic "$name" --partitions 3 --replication-factor 1 >/dev/null
  done
done
log "Kafka ready on 127.0.0.1:$port ($(wc -w <<<"$topics") topics, each with its .dlq)"
