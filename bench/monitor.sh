#!/usr/bin/env bash
# Monitor benchmark: a real Lifeboat (the serve wiring with its Slack adapter, H2 in a temporary directory, the leader
# ticking every 5 s as when serving) and one in-process WireMock playing every upstream of a status round (Heroku
# Platform and data APIs, S3 list, Netlify API, both status pages, the app and site probes) and Slack's
# chat.postMessage. In one run it measures:
#   1. the time from the app's health check turning 503 (at a random moment) to the down message arriving at Slack,
#      and from it answering again to the up message, with a SHORTENED interval (the default 60 s would take ~3 min a
#      sample); the figure for the default settings is scaled from it (see the end of the output);
#   2. the work of monitoring while all is well: upstream calls, CPU time and allocation of Lifeboat's own threads
#      (ThreadMXBean; WireMock's and the driver's threads excluded), heap in use after GC before and after.
# Usage: bench/monitor.sh [INTERVAL_SECONDS] [SAMPLES] [IDLE_SECONDS]   (defaults 10, 3, 120; minimum interval 10)
set -euo pipefail
cd "$(dirname "$0")/.."

interval="${1:-10}"
samples="${2:-3}"
idle="${3:-120}"
failures=3                # LIFEBOAT_DOWN_AFTER_FAILURES' default
default_interval=60       # LIFEBOAT_MONITOR_INTERVAL_SECONDS' default
work="$(mktemp -d "${TMPDIR:-/tmp}/lifeboat-monitor-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

started=$SECONDS
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "Building (test classes) and resolving the test classpath…" >&2
./mvnw -q -B -o test-compile > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test \
  > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
cp="target/test-classes:target/classes:$(cat "$work/cp.txt")"

echo "Measuring: $samples outages with a check every $interval s, then $idle s idle…" >&2
timeout $(( samples * interval * 8 + idle + 300 )) java -XX:+UseSerialGC -Xmx384m -Dlogback.configurationFile=/dev/null \
  -cp "$cp" dev.lifeboat.bench.MonitorBench "$interval" "$samples" "$idle" > "$work/run.txt" 2> "$work/err.txt" \
  || { echo "the driver failed:" >&2; tail -50 "$work/err.txt" "$work/run.txt" >&2; exit 1; }
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
r() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3 }' "$work/run.txt"; }

echo
echo "Monitor benchmark: Lifeboat (serve wiring, H2) against one WireMock (every upstream, answering at once) and a"
echo "Slack stand-in; down after $failures failures in a row; $(nproc) CPUs shared with other work;"
echo "load average before $load_before, after $load_after"
echo
echo "1. App down -> down message at Slack, and back up -> up message, a check every $interval s:"
awk '$1 == "SAMPLE" { printf "   sample %s: down after %6.1f s, up after %5.1f s\n", $2, $3 / 1000, $4 / 1000 }' "$work/run.txt"
awk -v i="$interval" -v d="$default_interval" -v k="$failures" '$1 == "SAMPLE" { n++; s += $3; u += $4 }
  END { if (n == 0) exit
        printf "   mean: down %.1f s (model: (%d-1) x %d s + a random phase of 0..%d s + the round = %d..%d s), up %.1f s\n",
               s / n / 1000, k, i, i, (k - 1) * i, k * i, u / n / 1000
        printf "   scaled to the default (a check every %d s): down ~ %.0f s, up ~ %.0f s\n", d, s / n / 1000 * d / i, u / n / 1000 * d / i
        printf "   (model for the default: %d..%d s, %d s on average, plus one round of at most 4 s; up: 0..%d s)\n",
               (k - 1) * d, k * d, (k - 0.5) * d, d }' "$work/run.txt"
echo
checks="$(r idle_checks)"; calls="$(r idle_upstream_calls)"; cpu="$(r idle_cpu_ms)"; alloc="$(r idle_alloc_kb)"
echo "2. Idle, all well, $(r idle_seconds) s: $checks checks, $calls upstream calls, $(r idle_slack_calls) Slack calls"
awk -v c="$checks" -v n="$calls" -v cpu="$cpu" -v a="$alloc" -v d="$default_interval" 'BEGIN { if (c == 0) exit
  printf "   per check: %.1f upstream calls, %.0f ms CPU, %.0f KB allocated\n", n / c, cpu / c, a / c
  printf "   per minute at the default interval (%d s): %.1f upstream calls, %.0f ms CPU, %.0f KB allocated\n",
         d, n / c * 60 / d, cpu / c * 60 / d, a / c * 60 / d }'
echo "   heap in use after GC (Lifeboat and WireMock in one JVM): $(r heap_before_kb) KB before, $(r heap_after_kb) KB after the idle window"
echo
echo "Total run time: $((SECONDS - started)) s"
