#!/usr/bin/env bash
# Status benchmark: a real Lifeboat (HTTP mode, H2 in a temporary directory) with every upstream of `/dr status`
# (Heroku Platform API, Heroku Postgres data API, S3 list, Netlify API, both status pages, the app and site probes)
# pointed at one WireMock process whose upstream stubs all answer after a fixed delay; Slack's Web API (auth.test)
# and the response URLs are on the same WireMock, without delay. In one run it measures:
#   1. signed `/dr status` → report posted to its response_url (each sample a fresh round), against one upstream
#      call timed alone with curl (the baseline);
#   2. the same with one upstream (dynos) hanging far beyond the round's deadline;
#   3. calls per upstream endpoint for a crowd of concurrent `/dr status` (one round should serve them all);
#   4. the same as 1 with every Heroku API call (Platform and data API) answered 429 with Retry-After 5 s at once.
# Arrival times come from WireMock's request journal (stamped on arrival), via bench's StatusBench driver.
# Loopback only; every wait is bounded; processes and temporary files are removed on exit.
# Usage: bench/status.sh [SAMPLES]     (default 5; each sample waits out the 10 s share window, ~11 s each)
set -euo pipefail
cd "$(dirname "$0")/.."

samples="${1:-5}"
hang_samples=2
crowd=50
delay_ms=300
hang_delay_ms=30000
deadline_ms=4000          # StatusTimings.DEFAULT.deadline
share_wait_ms=10300       # StatusTimings.DEFAULT.shareWindow (10 s, not configurable) + a margin
deadline_slack_ms=150     # "not beyond the deadline": scheduling, rendering and posting the report
secret="bench-signing-secret-0123456789"
app="lifeboat-prod"                                  # fixtures/heroku/*.json
site="b7c3a9d2-4e1f-4c8a-9d6b-0f2e5a7c1d3e"          # fixtures/netlify/site.json
# shellcheck source=bench/lib.sh
. bench/lib.sh
bench_setup status

# One WireMock for every upstream and for Slack. A delayed stub holds a Jetty thread for its delay, and a hanging one
# for 30 s, hence the larger thread pool.
wm_port="$(free_port)"
wm="http://127.0.0.1:$wm_port"
mkdir -p "$work/wm"
java -Xmx256m -XX:+UseSerialGC -jar "$wiremock_jar" --port "$wm_port" --bind-address 127.0.0.1 \
  --root-dir "$work/wm" --disable-banner --container-threads 100 --max-request-journal-entries 5000 \
  > "$work/wiremock.log" 2>&1 &
pids+=($!)
wait_ready "$wm/__admin/mappings" 30
timeout 60 java -cp "$cp" dev.lifeboat.bench.StatusBench stub "$wm" "$delay_ms"

# Baseline: one stubbed upstream call alone (the one that hangs later), 5 times with curl.
for _ in 1 2 3 4 5; do
  curl -fsS --max-time 10 -o /dev/null -w '%{time_total}\n' -H 'Authorization: Bearer bench-heroku-key' \
    -H 'Accept: application/vnd.heroku+json; version=3' "$wm/heroku/apps/$app/dynos"
done | awk '{ printf "%.0f\n", $1 * 1000 }' > "$work/baseline.txt"
baseline_ms="$(median < "$work/baseline.txt")"

# Lifeboat: every system real, pointed at WireMock; nothing inherited from this shell's environment.
lb_port="$(free_port)"
env -i PATH="$PATH" HOME="$work" PORT="$lb_port" LIFEBOAT_DATA_DIR="$work/data" LIFEBOAT_LOG_LEVEL=WARN \
  SLACK_BOT_TOKEN="xoxb-bench" SLACK_SIGNING_SECRET="$secret" SLACK_API_URL="$wm/api/" \
  HEROKU_API_KEY="bench-heroku-key" HEROKU_APP="$app" HEROKU_API_URL="$wm/heroku" \
  HEROKU_DATA_API_URL="$wm/data" HEROKU_STATUS_URL="$wm/heroku-status" APP_URL="$wm/app" APP_HEALTH_PATH="/up" \
  NETLIFY_AUTH_TOKEN="bench-netlify-token" NETLIFY_SITE_ID="$site" NETLIFY_API_URL="$wm/netlify/api/v1" \
  NETLIFY_STATUS_URL="$wm/netlify-status" SITE_URL="$wm/site/" \
  AWS_ACCESS_KEY_ID="bench" AWS_SECRET_ACCESS_KEY="bench-secret" AWS_REGION="us-east-1" \
  AWS_ENDPOINT_URL_S3="$wm" AWS_EC2_METADATA_DISABLED=true LIFEBOAT_BACKUP_BUCKET="lifeboat-backups" \
  java -XX:+UseSerialGC -Xss512k -XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -jar target/lifeboat.jar serve \
  > "$work/lifeboat.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$lb_port/healthz" 60

echo "Measuring: 1 warm-up, $samples samples, a crowd of $crowd, $hang_samples with dynos hanging" \
  "(each after the 10 s share window)…" >&2
timeout 300 java -Xmx256m -cp "$cp" dev.lifeboat.bench.StatusBench run "$wm" "http://127.0.0.1:$lb_port" "$secret" \
  "$samples" "$hang_samples" "$crowd" "$share_wait_ms" "$hang_delay_ms" > "$work/run.txt" \
  || { echo "the driver failed:" >&2; cat "$work/run.txt" "$work/lifeboat.log" >&2; exit 1; }
grep '^WARN' "$work/run.txt" >&2 || true
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

r() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3 }' "$work/run.txt"; }
verdict() { if [ "$1" = 1 ]; then echo "met"; else echo "NOT met"; fi; }

normal_median="$(r normal_median_ms)"; normal_max="$(r normal_max_ms)"
hang_median="$(r hang_median_ms)"; hang_max="$(r hang_max_ms)"
limit_median="$(r limit_median_ms)"; limit_max="$(r limit_max_ms)"
aim_round=$((deadline_ms + 500))
aim1=$(awk -v b="$baseline_ms" 'BEGIN { printf "%.0f", 1.5 * b }')
chain=$(awk -v b="$baseline_ms" 'BEGIN { printf "%.0f", 2 * b }')
aim2=$((deadline_ms + deadline_slack_ms))
upstream_endpoints=$(grep -c '^CALLS ' "$work/run.txt")
max_calls=$(awk '$1 == "CALLS" { if ($3 > m) m = $3 } END { print m + 0 }' "$work/run.txt")
min_calls=$(awk '$1 == "CALLS" { if (m == "" || $3 < m) m = $3 } END { print m + 0 }' "$work/run.txt")

echo
echo "/dr status benchmark: Lifeboat (HTTP mode, H2) with $upstream_endpoints upstream endpoints on one WireMock," \
  "each stub delayed ${delay_ms} ms; S3 = ListObjectsV2 stubbed on the same WireMock"
echo "$(nproc) CPUs shared with other work; load average before $load_before, after $load_after"
echo
echo "baseline: one upstream call alone (curl GET /apps/$app/dynos, 5 tries): median ${baseline_ms} ms" \
  "($(paste -sd' ' "$work/baseline.txt") ms)"
echo "cold first /dr status after start (not counted): $(r cold_ms) ms"
echo
printf '%-46s %-28s %-36s %s\n' "measure" "figure" "aim" "verdict"
printf '%-46s %-28s %-36s %s\n' "1. request -> report posted ($(r normal_samples) fresh rounds)" \
  "median $normal_median, max $normal_max ms" "<= 1.5 x baseline = $aim1 ms" \
  "$(verdict "$(awk -v m="$normal_median" -v a="$aim1" 'BEGIN { print (m <= a) }')")"
printf '%-46s %-28s %-36s %s\n' "2. dynos hanging ${hang_delay_ms} ms ($(r hang_samples) rounds)" \
  "median $hang_median, max $hang_max ms" "deadline $deadline_ms ms: max <= $aim2 ms" \
  "$(verdict "$(awk -v m="$hang_max" -v a="$aim2" 'BEGIN { print (m <= a) }')")"
printf '%-46s %-28s %-36s %s\n' "4. Heroku 429, Retry-After 5 s ($(r limit_samples) rounds)" \
  "median $limit_median, max $limit_max ms" "deadline + 0.5 s: max <= $aim_round ms" \
  "$(verdict "$(awk -v m="$limit_max" -v a="$aim_round" 'BEGIN { print (m <= a) }')")"
printf '%-46s %-28s %-36s %s\n' "   (1 and 2 against the same aim)" \
  "max $normal_max / $hang_max ms" "deadline + 0.5 s: max <= $aim_round ms" \
  "$(verdict "$(awk -v a="$normal_max" -v b="$hang_max" -v m="$aim_round" 'BEGIN { print (a <= m && b <= m) }')")"
printf '%-46s %-28s %-36s %s\n' "3. upstream calls, $crowd concurrent requests" \
  "$(r crowd_upstream_calls) calls, $min_calls-$max_calls each" "1 per endpoint ($upstream_endpoints endpoints)" \
  "$(verdict "$(( min_calls == 1 && max_calls == 1 ))")"
echo
echo "Samples (ms after the request was sent; arrival at WireMock):"
printf '  %-7s %3s %7s %6s %6s %20s %22s %21s\n' kind n total ack calls "first wave arrived" "transfer-schedules at" \
  "report - last answer"
awk -v d="$delay_ms" '$1 == "SAMPLE" {
  tail = $2 == "normal" ? $4 - (($8 > $9 ? $8 : $9) + d) : "-"
  printf "  %-7s %3s %7s %6s %6s %20s %22s %21s\n", $2, $3, $4, $5, $6, $7 "-" $8, $9, tail }' "$work/run.txt"
echo "  (first wave: the $((upstream_endpoints - 1)) calls that wait for nothing; transfer-schedules waits for /addons; last answer ="
echo "   last arrival + ${delay_ms} ms, so 'report - last answer' is Lifeboat's own time after the slowest upstream)"
echo
echo "Crowd: $(r crowd_requests) signed /dr status fired within $(r crowd_fired_ms) ms, $(r crowd_acked) acked," \
  "$(r crowd_reports) reports posted (last $(r crowd_last_report_ms) ms after the first send," \
  "$(r crowd_busy_reports) 'busy'); auth.test calls $(r crowd_auth_tests), other requests $(r crowd_other_requests)"
printf '  %-16s %-60s %s\n' "upstream" "endpoint" "calls"
awk '$1 == "CALLS" { e = $4; for (i = 5; i <= NF; i++) e = e " " $i; printf "  %-16s %-60s %s\n", $2, e, $3 }' "$work/run.txt"
echo
echo "Fresh rounds: $(r normal_fresh_rounds)/$(r normal_samples) normal, $(r hang_fresh_rounds)/$(r hang_samples) hanging," \
  "$(r limit_fresh_rounds)/$(r limit_samples) rate limited" \
  "(a sample counts as fresh when all $upstream_endpoints endpoints were called between request and report)."
echo "transfer-schedules needs the add-on id: the first round after start asks /addons first; later rounds ask at once with the id the previous round learnt (checked when /addons answers)."
echo "Total run time: $((SECONDS - started)) s"
