#!/usr/bin/env bash
# Mints a DEVELOPMENT JWT (RS256) signed with scripts/dev-jwt/dev-only-private.pem. DEV ONLY.
#   scripts/dev-token.sh seller <sellerId>        a seller (subject = seller id, group "seller")
#   scripts/dev-token.sh operator <operatorId>    an operator (group "operator")
#   scripts/dev-token.sh storefront <clientId>    the storefront service acting for buyers (group "storefront")
# Prints the token. Valid for 12 hours. Issuer: https://dev.sellergrowth.local (what the dev/test profiles expect).
set -euo pipefail
role="${1:?role: seller|operator|storefront}"; sub="${2:?subject id}"
case "$role" in seller|operator|storefront) ;; *) echo "unknown role $role" >&2; exit 2 ;; esac
key="$(cd "$(dirname "$0")" && pwd)/dev-jwt/dev-only-private.pem"
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header='{"alg":"RS256","typ":"JWT","kid":"dev-only"}'
payload=$(printf '{"iss":"https://dev.sellergrowth.local","sub":"%s","upn":"%s","groups":["%s"],"iat":%d,"exp":%d,"jti":"%s"}' \
  "$sub" "$sub" "$role" "$now" "$((now + 43200))" "$(cat /proc/sys/kernel/random/uuid)")
unsigned="$(printf '%s' "$header" | b64).$(printf '%s' "$payload" | b64)"
sig=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$key" | b64)
echo "$unsigned.$sig"
