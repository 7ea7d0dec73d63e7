#!/usr/bin/env bash
# Runs the contract suite (1) against the mock started with the real CLI on a port, and (2) through
# `prism proxy --errors` placed in front of that mock, so an independent validator checks every
# request and response. Usage: bash scripts/contract-runs.sh [http|prism|all]
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-all}"
MOCK_PORT="${MOCK_PORT:-4510}"
PRISM_PORT="${PRISM_PORT:-4520}"
LOG_DIR="${CONTRACT_REPORT_DIR:-reports}/servers"
mkdir -p "$LOG_DIR"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

wait_for() { # url, name
  for _ in $(seq 1 300); do
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
wait_for "http://127.0.0.1:$MOCK_PORT/__control/health" mock

creds=(ACOUNTPAY_CLIENT_ID="a1b2c3d4-e5f6-4789-abcd-1234567890ab" ACOUNTPAY_CLIENT_SECRET="$(printf '5ec2e7f0%.0s' 1 2 3 4 5 6 7 8)")

if [ "$which" = all ] || [ "$which" = http ]; then
  echo "-- contract suite against the CLI-started mock on port $MOCK_PORT"
  env "${creds[@]}" ACOUNTPAY_BASE_URL="http://127.0.0.1:$MOCK_PORT" CONTRACT_REPORT_DIR="${CONTRACT_REPORT_DIR:-reports}/contract-http" \
    npx jest --selectProjects contract
fi

if [ "$which" = all ] || [ "$which" = prism ]; then
  npx prism proxy spec/partner-api.yaml "http://127.0.0.1:$MOCK_PORT" --errors --port "$PRISM_PORT" --host 127.0.0.1 \
    >"$LOG_DIR/prism.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$PRISM_PORT/v1/partner/profile" prism
  echo "-- contract suite through prism proxy --errors (port $PRISM_PORT) in front of the mock"
  env "${creds[@]}" ACOUNTPAY_BASE_URL="http://127.0.0.1:$PRISM_PORT" ACOUNTPAY_CONTROL_URL="http://127.0.0.1:$MOCK_PORT" \
    CONTRACT_REPORT_DIR="${CONTRACT_REPORT_DIR:-reports}/contract-prism" npx jest --selectProjects contract
  if grep -qi "violation" "$LOG_DIR/prism.log"; then
    echo "Prism reported violations:" >&2
    grep -i "violation" "$LOG_DIR/prism.log" | head -50 >&2
    exit 1
  fi
fi
