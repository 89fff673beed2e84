#!/usr/bin/env bash
# Runs every test of the project against real infrastructure: starts (or reuses) PostgreSQL and Redis, starts a fresh
# Kafka broker of its own for this run (empty topics, as on a clean CI machine: what local runs and benchmarks left on
# the shared broker never slows or skews a test), validates docker-compose.yml and the append-only event contract, then
# runs the whole Maven build with its tests.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/infra-up.sh"
if ! command -v docker-compose >/dev/null 2>&1; then apt_install docker-compose; fi
docker-compose -f docker-compose.yml config -q && log "docker-compose.yml is valid"
"$ROOT/scripts/check-contract.sh"
# The test broker: port 19092, wiped at every run, stopped at the end.
TEST_KAFKA="$LOCAL/kafka-test"
"$ROOT/scripts/kafka-broker.sh" stop "$TEST_KAFKA"
rm -rf "$TEST_KAFKA"
trap '"$ROOT/scripts/kafka-broker.sh" stop "$TEST_KAFKA"' EXIT
"$ROOT/scripts/kafka-broker.sh" start "$TEST_KAFKA" "${KAFKA_TEST_PORT:-19092}" "${KAFKA_TEST_CONTROLLER_PORT:-19093}"
KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:${KAFKA_TEST_PORT:-19092}" "$ROOT/mvnw" -B verify "$@"
