#!/usr/bin/env bash
# Runs the contract suite (1) against the mock started with the real CLI on a port, and (2) through
# `prism proxy --errors` placed in front of that mock, so an independent validator checks every
# request and response. Fails when Prism logs any response violation.
# Usage: bash scripts/contract-runs.sh [http|prism|all]   (after `npm ci` or `npm run build`)
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-all}"
REPORTS="${CONTRACT_REPORT_DIR:-reports}"
LOG_DIR="$REPORTS/servers"
mkdir -p "$LOG_DIR"
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
MOCK_PORT="${MOCK_PORT:-$(free_port)}"
PRISM_PORT="${PRISM_PORT:-$(free_port)}"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

wait_for() { # url, name, pid
  for _ in $(seq 1 300); do
    if ! kill -0 "$3" 2>/dev/null; then break; fi
    if curl -s -o /dev/null "$1"; then return 0; fi
    sleep 0.2
  done
  echo "$2 did not start; its log:" >&2
  cat "$LOG_DIR/$2.log" >&2 || true
  return 1
}

node bin/acountpay-mock.js --port "$MOCK_PORT" --host 127.0.0.1 --log-level warn --scenario empty \
  --webhook-retry-schedule 1000,2000 >"$LOG_DIR/mock.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$MOCK_PORT/__control/health" mock "${pids[-1]}"

# The operations, flows and coverage check; the kit's own unit tests (support/) run in `npm test`.
SUITE=(contract-tests/operations contract-tests/flows contract-tests/coverage.test.ts)
export ACOUNTPAY_CLIENT_ID="a1b2c3d4-e5f6-4789-abcd-1234567890ab"
export ACOUNTPAY_CLIENT_SECRET="5ec2e7f05ec2e7f05ec2e7f05ec2e7f05ec2e7f05ec2e7f05ec2e7f05ec2e7f0"
# This mock is started here for the run alone, so the destructive tests (credential rotate/revoke) run too.
export CONTRACT_ALLOW_DESTRUCTIVE=1

if [ "$which" = all ] || [ "$which" = http ]; then
  echo "-- contract suite against the CLI-started mock on port $MOCK_PORT"
  ACOUNTPAY_BASE_URL="http://127.0.0.1:$MOCK_PORT" CONTRACT_REPORT_DIR="$REPORTS/contract-http" \
    npx jest "${SUITE[@]}" --selectProjects contract
fi

if [ "$which" = all ] || [ "$which" = prism ]; then
  node_modules/.bin/prism proxy spec/partner-api.yaml "http://127.0.0.1:$MOCK_PORT" --errors \
    --port "$PRISM_PORT" --host 127.0.0.1 >"$LOG_DIR/prism.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$PRISM_PORT/v1/partner/profile" prism "${pids[-1]}"
  echo "-- contract suite through prism proxy --errors (port $PRISM_PORT) in front of the mock"
  ACOUNTPAY_BASE_URL="http://127.0.0.1:$PRISM_PORT" ACOUNTPAY_CONTROL_URL="http://127.0.0.1:$MOCK_PORT" \
    CONTRACT_REPORT_DIR="$REPORTS/contract-prism" npx jest "${SUITE[@]}" --selectProjects contract
  # Request violations are the suite's own deliberate bad requests; a response violation is the mock off-contract.
  plain="$(sed 's/\x1b\[[0-9;]*m//g' "$LOG_DIR/prism.log")"
  forwarded=$(grep -c 'Forwarding' <<<"$plain" || true)
  responses=$(grep -E 'Violation: response' <<<"$plain" || true)
  echo "-- Prism forwarded $forwarded requests; response violations: $(grep -c . <<<"$responses" || true)"
  if [ -n "$responses" ]; then
    echo "Prism found responses that do not match the spec:" >&2
    head -50 <<<"$responses" >&2
    exit 1
  fi
fi
