#!/usr/bin/env bash
# Runs every test of the project against real infrastructure: starts (or reuses) PostgreSQL, Redis and Kafka,
# validates docker-compose.yml and the append-only event contract, then runs the whole Maven build with its tests.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/infra-up.sh"
if ! command -v docker-compose >/dev/null 2>&1; then apt_install docker-compose; fi
docker-compose -f docker-compose.yml config -q && log "docker-compose.yml is valid"
"$ROOT/scripts/check-contract.sh"
"$ROOT/mvnw" -B verify "$@"
