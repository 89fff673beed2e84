#!/usr/bin/env bash
# The event contract is append-only (STYLE 4): a merged schema is never edited, a breaking change adds a new version.
# common-events' tests keep schemas/SHA256SUMS equal to the schema files; this check fails if any commit in history
# changed or removed a line of SHA256SUMS (adding lines is how a new schema is merged).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
sums=common-events/src/main/resources/schemas/SHA256SUMS
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1 || [ "$(git rev-parse --is-shallow-repository 2>/dev/null)" = "true" ]; then
  log "check-contract: no full git history here, skipped"; exit 0
fi
changed=$(git log --format= -p -- "$sums" | grep -E '^-[0-9a-f]{64} ' || true)
if [ -n "$changed" ]; then
  log "check-contract: merged schemas were edited or removed (add a new version instead):"
  echo "$changed" >&2
  exit 1
fi
log "check-contract: schemas are append-only"
