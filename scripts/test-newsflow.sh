#!/usr/bin/env bash
# Tests of ./newsflow that need no build and start nothing heavy: usage errors, status/down with nothing
# running, a taken port, and 'ingest' against a stand-in ingest server (scripts/FakeIngestServer.java).
# Usage: scripts/test-newsflow.sh      (exit 0 when all pass)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
NF=$ROOT/newsflow
WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsflow-test.XXXXXX")
SERVER_PID=""
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

export NEWSFLOW_HOME=$WORK/home
unset NEWSFLOW_API_KEY NEWSFLOW_INGEST_URL DATABASE_URL

passed=0 failed=0
ok() { passed=$((passed + 1)); printf 'ok    %s\n' "$1"; }
not_ok() { failed=$((failed + 1)); printf 'FAIL  %s\n' "$1"; [[ -z ${2:-} ]] || printf '%s\n' "$2" | sed 's/^/      /'; }

# expect NAME EXIT_CODE [STDOUT_PATTERN [STDERR_PATTERN]] -- COMMAND...
expect() {
  local name=$1 want=$2 out_re=${3:-} err_re=${4:-} rc=0
  shift 4
  [[ $1 == -- ]] && shift
  "$@" >"$WORK/out" 2>"$WORK/err" </dev/null || rc=$?
  if ((rc != want)); then
    not_ok "$name" "exit $rc, expected $want; stderr: $(head -c 600 "$WORK/err")"
  elif [[ -n $out_re ]] && ! grep -Eq -- "$out_re" "$WORK/out"; then
    not_ok "$name" "stdout does not match /$out_re/: $(head -c 600 "$WORK/out")"
  elif [[ -n $err_re ]] && ! grep -Eq -- "$err_re" "$WORK/err"; then
    not_ok "$name" "stderr does not match /$err_re/: $(head -c 600 "$WORK/err")"
  else
    ok "$name"
  fi
}

# ---- usage
expect "no command: usage error" 2 "" "Usage: ./newsflow" -- "$NF"
expect "unknown command: usage error" 2 "" "unknown command 'frobnicate'" -- "$NF" frobnicate
expect "help on stdout, exit 0" 0 "^Usage: ./newsflow" "" -- "$NF" help
expect "up --enrich 0: usage error" 2 "" "--enrich takes a number" -- "$NF" up --enrich 0
expect "up --api x: usage error" 2 "" "--api takes a number" -- "$NF" up --api x
expect "up --enrich without N: usage error" 2 "" "--enrich needs a number" -- "$NF" up --enrich
expect "up unknown option: usage error" 2 "" "unknown option '--fast'" -- "$NF" up --fast
expect "down with arguments: usage error" 2 "" "takes no arguments" -- "$NF" down now
expect "status with arguments: usage error" 2 "" "takes no arguments" -- "$NF" status all
expect "ingest without paths: usage error" 2 "" "at least one file" -- "$NF" ingest
expect "ingest unknown option: usage error" 2 "" "unknown option '--fast'" -- "$NF" ingest --fast x
expect "enrich without input: usage error" 2 "" "enrich needs" -- "$NF" enrich
expect "reprocess with arguments: usage error" 2 "" "takes no arguments" -- "$NF" reprocess all

# ---- nothing running
expect "status with nothing running: exit 0" 0 "^kafka +- +9092 +not running" "" -- "$NF" status
if [[ $(grep -c 'not running$' "$WORK/out") == 5 ]]; then ok "status: five processes, one line each"; else not_ok "status: five lines" "$(cat "$WORK/out")"; fi
expect "down with nothing running: exit 0" 0 "" "not running" -- "$NF" down
expect "reprocess with nothing running: exit 1" 1 "" "Kafka is not running" -- "$NF" reprocess

# ---- stand-in ingest server
KEY=test-key-123
java "$ROOT/scripts/FakeIngestServer.java" "$WORK/port" "$WORK/requests" "$KEY" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do [[ -s $WORK/port ]] && break; sleep 0.1; done
[[ -s $WORK/port ]] || { echo "the stand-in server did not start: $(cat "$WORK/server.log")"; exit 1; }
PORT=$(<"$WORK/port")

# ---- up refuses a taken port before doing anything else
expect "up: a taken port is a clear error" 1 "" "port $PORT \\(for kafka\\) is already in use" -- \
  env NEWSFLOW_KAFKA_PORT="$PORT" "$NF" up --no-seeds

mkdir -p "$WORK/in/b" "$WORK/bad"
printf 'A title\n\nSome text about Berlin.\n' >"$WORK/in/a.txt"
printf '<html><head><title>T</title></head><body><p>Paris</p></body></html>\n' >"$WORK/in/b/c.html"
printf '{"title":"J","text":"Rome"}\n' >"$WORK/in/b/d.json"
printf '{"text":"one"}\n{"text":"two"}\n' >"$WORK/in/e.ndjson"
printf 'ignored\n' >"$WORK/in/notes.md"
printf '{"text":"ok"}\n{"text":"BAD"}\n{"text":"ok"}\n' >"$WORK/bad/f.ndjson"
printf '{"title":"BAD"}\n' >"$WORK/bad/g.json"

export NEWSFLOW_INGEST_URL=http://127.0.0.1:$PORT
expect "ingest without a key: exit 1" 1 "" "no ingest key" -- "$NF" ingest "$WORK/in"

export NEWSFLOW_API_KEY=$KEY
: >"$WORK/requests"
expect "ingest a folder: all accepted" 0 "Sent 4 file\\(s\\).*5 article\\(s\\) accepted, 0 rejected, 0 file\\(s\\) failed" \
  "\\[#+\\] 4/4" -- "$NF" ingest "$WORK/in"
expected_requests="POST /articles text/plain; charset=utf-8
POST /articles text/html
POST /articles application/json
POST /articles/batch application/x-ndjson"
if [[ $(cat "$WORK/requests") == "$expected_requests" ]]; then
  ok "ingest: content types and endpoints by extension, files in name order"
else
  not_ok "ingest: content types and endpoints" "$(cat "$WORK/requests")"
fi

expect "ingest rejected lines and articles: exit 1 with reasons" 1 "2 article\\(s\\) accepted, 2 rejected" \
  "f\\.ndjson:2: rejected: text: must not be blank" -- "$NF" ingest "$WORK/bad"
if grep -q "g.json: rejected: HTTP 400: The article is not valid. (text: must not be blank)" "$WORK/err"; then
  ok "ingest: problem+json detail and field errors shown"
else
  not_ok "ingest: problem detail" "$(cat "$WORK/err")"
fi

expect "ingest a missing path: exit 1" 1 "" "no such file or folder" -- "$NF" ingest "$WORK/in/a.txt" "$WORK/nope"
expect "ingest with a wrong key: exit 1" 1 "" "key was refused" -- env NEWSFLOW_API_KEY=wrong "$NF" ingest "$WORK/in/a.txt"
kill "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
expect "ingest with the server down: exit 1" 1 "" "cannot reach the ingest service" -- "$NF" ingest "$WORK/in/a.txt"

printf '\n%d passed, %d failed\n' "$passed" "$failed"
((failed == 0))
