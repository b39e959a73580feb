#!/usr/bin/env bash
# Acknowledgement benchmark: signed `/dr help` requests driven by wrk (50 connections, 10 s) against Lifeboat in
# HTTP mode on the demo world, and in the same run against a minimal Bolt app that only acks (the baseline).
# Prints requests/s and p50/p99 for both and their ratios, Lifeboat's start-to-ready time and idle memory.
# Loopback only. Usage: bench/ack.sh [DURATION_SECONDS] [WARMUP_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10}"
warmup="${2:-10}"
connections=50
secret="bench-signing-secret-0123456789"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  echo "Installing wrk (Debian package)…" >&2
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null 2>&1 || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
fi

./mvnw -q -B -DskipTests package >/dev/null
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat "$work/cp.txt")"
wiremock_jar="$(tr ':' '\n' < "$work/cp.txt" | grep wiremock-standalone | head -1)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_ready() { # url, timeout seconds
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "not ready: $1" >&2; return 1; }
    sleep 0.02
  done
}

# A stand-in for Slack's Web API: Bolt calls auth.test at start.
slack_port="$(free_port)"
mkdir -p "$work/wm/mappings"
cat > "$work/wm/mappings/auth.json" <<JSON
{"request": {"method": "POST", "url": "/api/auth.test"},
 "response": {"status": 200, "headers": {"Content-Type": "application/json"},
   "body": "{\"ok\":true,\"team_id\":\"T0BENCH\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\",\"team\":\"bench\",\"user\":\"lifeboat\"}"}}
JSON
java -jar "$wiremock_jar" --port "$slack_port" --bind-address 127.0.0.1 --root-dir "$work/wm" --disable-banner \
  --no-request-journal >/dev/null 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$slack_port/__admin/mappings" 30

jvm_opts="-XX:+UseSerialGC -Xss512k -XX:MaxRAM=512m -XX:MaxRAMPercentage=50"

body="token=bench&team_id=T0BENCH&team_domain=bench&channel_id=C0BENCH&channel_name=incidents&user_id=U0BENCH&user_name=bench&command=%2Fdr&text=help&api_app_id=A0BENCH&is_enterprise_install=false&response_url=http%3A%2F%2F127.0.0.1%3A${slack_port}%2Frespond&trigger_id=1.2.3"

run_wrk() { # port, label
  local ts sig
  ts="$(date +%s)"
  sig="v0=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" | sed 's/^.*= //')"
  cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = "$body"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Slack-Request-Timestamp"] = "$ts"
wrk.headers["X-Slack-Signature"] = "$sig"
done = function(summary, latency, requests)
  io.write(string.format("RESULT %s %.1f %.3f %.3f %d %d\n", "$2", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.requests))
end
LUA
  wrk -t2 -c"$connections" -d"${warmup}s" -s "$work/post.lua" "http://127.0.0.1:$1/slack/events" >/dev/null   # warm-up (JIT)
  wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$work/post.lua" "http://127.0.0.1:$1/slack/events" | grep '^RESULT'
}

# Lifeboat, HTTP mode, demo world, state in a fresh H2 file.
lb_port="$(free_port)"
start_ns=$(date +%s%N)
env -i PATH="$PATH" HOME="$HOME" PORT="$lb_port" SLACK_BOT_TOKEN="xoxb-bench" SLACK_SIGNING_SECRET="$secret" \
  SLACK_API_URL="http://127.0.0.1:$slack_port/api/" LIFEBOAT_DATA_DIR="$work/data" LIFEBOAT_LOG_LEVEL=WARN \
  java $jvm_opts -jar target/lifeboat.jar serve --demo > "$work/lifeboat.log" 2>&1 &
lb_pid=$!
pids+=($lb_pid)
wait_ready "http://127.0.0.1:$lb_port/healthz" 30
ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
sleep 2
idle_rss_kb=$(ps -o rss= -p "$lb_pid" | tr -d ' ')
lifeboat_result="$(run_wrk "$lb_port" lifeboat)"
loaded_rss_kb=$(ps -o rss= -p "$lb_pid" | tr -d ' ')
kill "$lb_pid"

# Baseline: a Bolt app that only acks, same JVM options and Jetty set-up.
base_port="$(free_port)"
java $jvm_opts -cp "$cp" dev.lifeboat.bench.AckOnlyApp "$base_port" "$secret" "http://127.0.0.1:$slack_port/api/" \
  > "$work/baseline.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$base_port/healthz" 30
baseline_result="$(run_wrk "$base_port" baseline)"

read -r _ _ lb_rps lb_p50 lb_p99 lb_errors lb_requests <<<"$lifeboat_result"
read -r _ _ b_rps b_p50 b_p99 b_errors b_requests <<<"$baseline_result"
echo
echo "ack benchmark: signed /dr help, wrk ${connections} connections, ${duration}s (after a ${warmup} s warm-up at the same load)"
printf '%-10s %12s %10s %10s %10s\n' "" "requests/s" "p50 ms" "p99 ms" "non-2xx"
printf '%-10s %12s %10s %10s %10s\n' "lifeboat" "$lb_rps" "$lb_p50" "$lb_p99" "$lb_errors"
printf '%-10s %12s %10s %10s %10s\n' "baseline" "$b_rps" "$b_p50" "$b_p99" "$b_errors"
awk -v a="$lb_rps" -v b="$b_rps" -v p="$lb_p99" -v q="$b_p99" 'BEGIN {
  printf "throughput ratio (lifeboat/baseline): %.2f  (aim >= 0.80)\n", a / b
  printf "p99 ratio (lifeboat/baseline):        %.2f  (aim <= 1.50)\n", p / q }'
echo "start-to-ready: ${ready_ms} ms (aim < 4000)"
echo "idle resident memory: $((idle_rss_kb / 1024)) MB; after load: $((loaded_rss_kb / 1024)) MB (aim < 300)"
