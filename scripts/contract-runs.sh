#!/usr/bin/env bash
# Runs the contract suite (1) against the mock started with the real CLI on a port, (2) through
# `prism proxy --errors` placed in front of that mock, so an independent validator checks every
# request and response (fails when Prism logs any response violation), and (3) against the stand-in
# sandbox (contract-tests/standin): the mock behind a proxy that hides the control API and varies
# inferred facts. That run must pass and list its differences; each `break-*` variant, which also
# breaks one documented fact, must fail and name the operation and where.
# Usage: bash scripts/contract-runs.sh [http|prism|standin|all]   (after `npm ci` or `npm run build`)
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

if [ "$which" = all ] || [ "$which" = standin ]; then
  run_standin() { # variant; prints the suite's exit code
    local variant="$1" env_file="$LOG_DIR/standin-$1.env"
    rm -f "$env_file"
    node dist/contract-tests/standin/main.js --variant "$variant" >"$env_file" 2>"$LOG_DIR/standin-$variant.log" &
    local pid=$!
    for _ in $(seq 1 100); do [ -s "$env_file" ] && break; sleep 0.1; done
    local code=0
    (
      set -a && source "$env_file" && set +a
      unset CONTRACT_ALLOW_DESTRUCTIVE
      CONTRACT_REPORT_DIR="$REPORTS/contract-standin-$variant" npx jest "${SUITE[@]}" --selectProjects contract
    ) >"$LOG_DIR/jest-standin-$variant.log" 2>&1 || code=$?
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    return "$code"
  }
  echo "-- contract suite against the stand-in sandbox (control API hidden, inferred facts varied)"
  if ! run_standin inferred; then
    cat "$LOG_DIR/jest-standin-inferred.log" >&2
    echo "The suite failed against a server that differs only in inferred facts." >&2
    exit 1
  fi
  tail -n 40 "$LOG_DIR/jest-standin-inferred.log"
  node scripts/check-standin-report.js "$REPORTS/contract-standin-inferred" inferred
  for variant in break-field-name break-field-type break-path break-default-store-rule; do
    echo "-- stand-in variant $variant (one documented fact broken): the suite must fail and name it"
    if run_standin "$variant"; then
      echo "The suite passed against $variant, which breaks a documented fact." >&2
      exit 1
    fi
    node scripts/check-standin-report.js "$REPORTS/contract-standin-$variant" "$variant"
  done
fi
