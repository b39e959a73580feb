# Shared by the benchmark scripts: sourced, not run. Call `bench_setup NAME` first: it makes "$work" (removed on
# exit, with every process whose pid is in "pids"), builds the jar and test classes, and sets "$cp" (the test
# classpath) and "$wiremock_jar". Then free_port, wait_ready URL SECONDS and median (stdin numbers) are at hand.

bench_setup() { # name
  work="$(mktemp -d "${TMPDIR:-/tmp}/lifeboat-$1-bench.XXXXXX")"
  pids=()
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
  started=$SECONDS
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "Building (package, test classes) and resolving the test classpath…" >&2
  ./mvnw -q -B -DskipTests package > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test \
    > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
  cp="target/test-classes:target/classes:$(cat "$work/cp.txt")"
  wiremock_jar="$(tr ':' '\n' < "$work/cp.txt" | grep wiremock-standalone | head -1)"
}

bench_cleanup() {
  local pid
  for pid in "${pids[@]:-}"; do
    [ -n "$pid" ] || continue
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_ready() { # url, timeout seconds
  local deadline=$((SECONDS + $2))
  until curl -fsS --max-time 2 -o /dev/null "$1" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "not ready: $1" >&2; return 1; }
    sleep 0.05
  done
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
