#!/usr/bin/env bash
# Restore benchmark: a real Lifeboat (HTTP mode, H2 in a temporary directory) runs production restores of a dump URL
# against one WireMock process playing Slack's Web API, the Heroku Platform API, the data API, Heroku's status page
# and the app's health URL, every stub answering at once (the safety capture is finished when asked for; the
# restore's transfer is finished at its first read). Each sample: `/dr restore URL`, then the typed confirmation
# `/dr confirm RUN lifeboat-prod`, then the run to its "Succeeded" edit of the run message. It measures:
#   1. Lifeboat's overhead before the restore: confirmation sent -> the restore POST's arrival at WireMock
#      (preflight, maintenance on and the safety capture included, all answering at once);
#   2. after it: the restore transfer's finished read -> the "Succeeded" edit of the run message, minus the probe's
#      own time (and, separately, -> the health probe's arrival);
#   3. confirmation sent -> the run's first message (chat.postMessage) arriving;
# against one upstream call timed alone with curl (the baseline), in the same run.
# Loopback only; every wait is bounded; processes and temporary files are removed on exit.
# Usage: bench/restore.sh [SAMPLES]     (default 5, plus one warm-up)
set -euo pipefail
cd "$(dirname "$0")/.."

samples="${1:-5}"
secret="bench-signing-secret-0123456789"
app="lifeboat-prod"                                  # fixtures/heroku/*.json
# shellcheck source=bench/lib.sh
. bench/lib.sh
bench_setup restore

wm_port="$(free_port)"
wm="http://127.0.0.1:$wm_port"
mkdir -p "$work/wm"
java -Xmx256m -XX:+UseSerialGC -jar "$wiremock_jar" --port "$wm_port" --bind-address 127.0.0.1 \
  --root-dir "$work/wm" --disable-banner --max-request-journal-entries 5000 \
  > "$work/wiremock.log" 2>&1 &
pids+=($!)
wait_ready "$wm/__admin/mappings" 30
timeout 60 java -cp "$cp" dev.lifeboat.bench.RestoreBench stub "$wm"

# Baseline: one stubbed upstream call alone (the app's info, as preflight and maintenance read it), 5 times with curl.
for _ in 1 2 3 4 5; do
  curl -fsS --max-time 10 -o /dev/null -w '%{time_total}\n' -H 'Authorization: Bearer bench-heroku-key' \
    -H 'Accept: application/vnd.heroku+json; version=3' "$wm/heroku/apps/$app"
done | awk '{ printf "%.0f\n", $1 * 1000 }' > "$work/baseline.txt"
baseline_ms="$(median < "$work/baseline.txt")"

lb_port="$(free_port)"
env -i PATH="$PATH" HOME="$work" PORT="$lb_port" LIFEBOAT_DATA_DIR="$work/data" LIFEBOAT_LOG_LEVEL=WARN \
  SLACK_BOT_TOKEN="xoxb-bench" SLACK_SIGNING_SECRET="$secret" SLACK_API_URL="$wm/api/" \
  LIFEBOAT_INCIDENT_CHANNEL="C0BENCH" LIFEBOAT_OPERATORS="U0BENCH" \
  HEROKU_API_KEY="bench-heroku-key" HEROKU_APP="$app" HEROKU_API_URL="$wm/heroku" \
  HEROKU_DATA_API_URL="$wm/data" HEROKU_STATUS_URL="$wm/heroku-status" APP_URL="$wm/app" APP_HEALTH_PATH="/up" \
  java -XX:+UseSerialGC -Xss512k -XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -jar target/lifeboat.jar serve \
  > "$work/lifeboat.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$lb_port/healthz" 60

echo "Measuring: 1 warm-up and $samples restores…" >&2
timeout 300 java -Xmx256m -cp "$cp" dev.lifeboat.bench.RestoreBench run "$wm" "http://127.0.0.1:$lb_port" "$secret" \
  "$samples" > "$work/run.txt" \
  || { echo "the driver failed:" >&2; cat "$work/run.txt" "$work/lifeboat.log" >&2; exit 1; }
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

r() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3 }' "$work/run.txt"; }
verdict() { if [ "$1" = 1 ]; then echo "met"; else echo "NOT met"; fi; }
le() { awk -v m="$1" -v a="$2" 'BEGIN { print (m <= a) }'; }

echo
echo "Restore benchmark: Lifeboat (HTTP mode, H2) restoring production from a dump URL; every upstream on one" \
  "WireMock answering at once"
echo "$(nproc) CPUs shared with other work; load average before $load_before, after $load_after"
echo "baseline: one upstream call alone (curl GET /apps/$app, 5 tries): median ${baseline_ms} ms" \
  "($(paste -sd' ' "$work/baseline.txt") ms)"
echo
printf '%-58s %-24s %-30s %s\n' "measure ($(r samples) restores)" "figure (ms)" "aim" "verdict"
printf '%-58s %-24s %-30s %s\n' "1. confirm -> restore POST (preflight, maint. on, capture)" \
  "median $(r confirm_to_post_median), max $(r confirm_to_post_max)" "< 2000 ms + the capture (0 here)" \
  "$(verdict "$(le "$(r confirm_to_post_max)" 1999)")"
printf '%-58s %-24s %-30s %s\n' "2. transfer finished -> 'Succeeded' edit, minus the probe" \
  "median $(r finished_to_done_edit_median), max $(r finished_to_done_edit_max)" "< 2000 ms" \
  "$(verdict "$(le "$(r finished_to_done_edit_max)" 1999)")"
printf '%-58s %-24s %-30s %s\n' "   transfer finished -> health probe arrives" \
  "median $(r finished_to_probe_median), max $(r finished_to_probe_max)" "(part of 2)" "-"
printf '%-58s %-24s %-30s %s\n' "3. confirm -> first progress message (chat.postMessage)" \
  "median $(r first_message_median), max $(r first_message_max)" "< 1000 ms" \
  "$(verdict "$(le "$(r first_message_max)" 999)")"
printf '%-58s %-24s %-30s %s\n' "   confirm -> 'Succeeded' edit (whole run)" \
  "median $(r confirm_to_done_edit_median), max $(r confirm_to_done_edit_max)" "-" "-"
echo
echo "Samples (ms): n run confirm->POST confirm->first-message finished->probe finished->done-minus-probe confirm->done probe"
grep '^SAMPLE' "$work/run.txt" | sed 's/^SAMPLE /  /'
echo "(sample 0 is the warm-up, not counted; restore_posts must be 1 in each)"
echo "Total run time: $((SECONDS - started)) s"
