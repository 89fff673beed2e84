#!/usr/bin/env bash
# Starts the whole system: the local infrastructure, then every service that exists in this checkout (built once),
# and waits until each one is ready. Services run in the background; scripts/down.sh stops everything.
#   bash scripts/up.sh                   infrastructure and every service
#   bash scripts/up.sh coupon-service    infrastructure and only the services named (a benchmark of one service)
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
wanted=()
for entry in $(existing_services); do
  if [ "$#" -eq 0 ] || [[ " $* " == *" ${entry%%:*} "* ]]; then wanted+=("$entry"); fi
done
[ "${#wanted[@]}" -gt 0 ] || { log "no such service: $* (services: $(existing_services | sed "s/:[0-9]*//" | xargs))"; exit 2; }
"$ROOT/scripts/infra-up.sh"
command -v curl >/dev/null 2>&1 || apt_install curl
mkdir -p "$LOCAL/run"
running() { [ -f "$LOCAL/run/$1.pid" ] && kill -0 "$(cat "$LOCAL/run/$1.pid")" 2>/dev/null; }
to_start=()
for entry in "${wanted[@]}"; do
  any=""
  for proc in $(processes_of "$entry"); do running "${proc%%:*}" && any=yes; done
  [ -n "$any" ] || to_start+=("${entry%%:*}")
done
if [ "${#to_start[@]}" -gt 0 ]; then  # only the stopped ones: never rebuild a jar underneath a running process
  log "building ${to_start[*]}"
  "$ROOT/mvnw" -B -q package -DskipTests -am -pl "$(IFS=,; echo "${to_start[*]}")"
fi
for proc in $(processes_of "${wanted[@]}"); do
  IFS=: read -r name module port niceness settings <<<"$proc"
  pidfile="$LOCAL/run/$name.pid"
  if running "$name"; then
    log "$name already running (pid $(cat "$pidfile"))"; continue
  fi
  # DEV ONLY key: local runs accept the tokens of scripts/dev-token.sh. Production sets the gateway's key.
  cd "$ROOT/$module"
  jvm_options="-Xmx512m"  # a service may set its own in <service>/jvm.options (one option a line, # comments)
  [ -f jvm.options ] && jvm_options=$(grep -vE '^\s*(#|$)' jvm.options | xargs)
  # shellcheck disable=SC2086 # the options and settings are words
  env ${settings//,/ } HTTP_PORT="$port" \
    JWT_PUBLIC_KEY_LOCATION="${JWT_PUBLIC_KEY_LOCATION:-$ROOT/scripts/dev-jwt/dev-only-public.pem}" \
    nohup nice -n "$niceness" java $jvm_options -jar target/quarkus-app/quarkus-run.jar > "$LOCAL/run/$name.log" 2>&1 < /dev/null &
  echo $! > "$pidfile"
  cd "$ROOT"
  log "started $name (pid $(cat "$pidfile")), log in .local/run/$name.log"
done
for proc in $(processes_of "${wanted[@]}"); do
  IFS=: read -r name module port _ _ <<<"$proc"
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$(cat "$LOCAL/run/$name.pid")" 2>/dev/null \
      || { log "$name exited; see .local/run/$name.log"; tail -20 "$LOCAL/run/$name.log"; exit 1; }
    sleep 1
  done
  curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null || { log "$name is not ready after 120 s"; exit 1; }
  log "$name ready: http://127.0.0.1:$port  (OpenAPI /q/openapi, health /q/health/ready, metrics /q/metrics)"
done
