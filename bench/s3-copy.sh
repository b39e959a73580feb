#!/usr/bin/env bash
# Benchmark of the S3 offsite copy: stream an HTTP body into S3 (S3Proxy on loopback) through OffsiteStore.upload
# with the uploader JVM capped at -Xmx128m, against what a person could do instead: `curl --upload-file` of the
# same body (saved to a file first) to a presigned PUT URL on the same S3Proxy.
#
# Usage (from the repository root): bench/s3-copy.sh [SIZE_MIB ...]     default: 256 1024
# Everything listens on 127.0.0.1 only; processes and temporary files are removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES_MIB=("${@:-256 1024}")
read -r -a SIZES_MIB <<< "${SIZES_MIB[*]}"
BUCKET=bench
WORK="$(mktemp -d "${TMPDIR:-/tmp}/lifeboat-bench.XXXXXX")"
PIDS=()

cleanup() {
    local pid
    for pid in "${PIDS[@]:-}"; do
        [[ -n "$pid" ]] || continue
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for_line() { # file pattern seconds
    local i
    for ((i = 0; i < $3 * 10; i++)); do
        if grep -q "$2" "$1" 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "timed out waiting for '$2' in $1:" >&2
    cat "$1" >&2
    return 1
}

echo "Building test classes and resolving the classpath..." >&2
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/classpath.txt")"

echo "Starting S3Proxy (own JVM) and the generated source..." >&2
java -Xmx512m -cp "$CP" dev.lifeboat.bench.S3ProxyMain "$WORK" "$BUCKET" >"$WORK/s3proxy.log" 2>&1 &
PIDS+=($!)
python3 bench/generated_source.py >"$WORK/source.port" 2>"$WORK/source.log" &
PIDS+=($!)
wait_for_line "$WORK/s3proxy.log" '^READY ' 60
wait_for_line "$WORK/source.port" '^[0-9]' 10
ENDPOINT="$(sed -n 's/^READY //p' "$WORK/s3proxy.log")"
SOURCE="http://127.0.0.1:$(head -n1 "$WORK/source.port")"
for url in "$ENDPOINT"; do
    case "$url" in http://127.0.0.1:*) ;; *) echo "not on loopback: $url" >&2; exit 1 ;; esac
done

copy() { # endpoint size_bytes key -> sets our_mbps transfer_secs parts rss_kb; checks size and SHA-256
    /usr/bin/time -v -o "$WORK/time.txt" java -Xmx128m -cp "$CP" dev.lifeboat.bench.S3CopyBench \
        "$SOURCE/$2" "$1" "$BUCKET" "$3" >"$WORK/copy.out" 2>"$WORK/copy.err" \
        || { echo "the copy failed:" >&2; cat "$WORK/copy.err" "$WORK/time.txt" >&2; exit 1; }
    read -r _ our_bytes _ our_mbps transfer_secs parts our_sha < <(grep '^RESULT ' "$WORK/copy.out")
    [[ "$our_bytes" == "$2" ]] || { echo "stored $our_bytes of $2 bytes" >&2; exit 1; }
    [[ "$our_sha" == "$expected_sha" ]] || { echo "SHA-256 $our_sha, expected $expected_sha" >&2; exit 1; }
    rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")
}

# Warm-up: JIT and page cache, not measured.
curl -sf -o /dev/null "$SOURCE/$((64 * 1024 * 1024))"
java -Xmx128m -cp "$CP" dev.lifeboat.bench.S3CopyBench "$SOURCE/$((64 * 1024 * 1024))" "$ENDPOINT" "$BUCKET" \
    warmup.dump >/dev/null

ROWS=()
for mib in "${SIZES_MIB[@]}"; do
    bytes=$((mib * 1024 * 1024))
    echo "Copying $mib MiB..." >&2
    curl -sf -o "$WORK/body.bin" "$SOURCE/$bytes"
    expected_sha=$(sha256sum "$WORK/body.bin" | cut -d' ' -f1)
    url=$(java -cp "$CP" dev.lifeboat.bench.PresignPutMain "$ENDPOINT" "$BUCKET" "pg-backups/bench/curl-$mib.dump")
    case "$url" in http://127.0.0.1:*) ;; *) echo "presigned URL not on loopback" >&2; exit 1 ;; esac
    read -r curl_code curl_bytes curl_secs < <(curl -s -o /dev/null -w '%{http_code} %{size_upload} %{time_total}\n' \
        --upload-file "$WORK/body.bin" "$url")
    [[ "$curl_code" == 200 && "$curl_bytes" == "$bytes" ]] \
        || { echo "curl PUT answered $curl_code after $curl_bytes of $bytes bytes" >&2; exit 1; }
    curl_mbps=$(awk -v b="$bytes" -v s="$curl_secs" 'BEGIN { printf "%.1f", b / 1e6 / s }')
    rm -f "$WORK/body.bin"

    copy "$ENDPOINT" "$bytes" "pg-backups/bench/$mib.dump"
    transfer_mbps=$(awk -v b="$bytes" -v s="$transfer_secs" 'BEGIN { printf "%.1f", b / 1e6 / s }')
    ratio=$(awk -v a="$our_mbps" -v b="$curl_mbps" 'BEGIN { printf "%.2f", a / b }')
    ROWS+=("$(printf '%8s | %9s %10s | %12s %6s | %9s | %5s' "$mib MiB" "$our_mbps" "$transfer_mbps" \
        "$curl_mbps" "$ratio" "$((rss_kb / 1024)) MiB" "$parts")")
done

echo
echo "S3 offsite copy into S3Proxy (filesystem-nio2) on loopback; uploader JVM -Xmx128m; $(nproc) CPUs," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%8s | %9s %10s | %12s %6s | %9s | %5s\n' size "MB/s" "MB/s parts" "MB/s curl PUT" ratio "peak RSS" parts
printf '%s\n' "${ROWS[@]}"
echo
echo "MB/s: Lifeboat's whole copy (GET from the source, parts, complete, checksum sidecar); MB/s parts: until the"
echo "last part was stored. MB/s curl PUT: curl --upload-file of the same body, from a local file, to a presigned PUT"
echo "URL on the same S3Proxy (one request, no checksum); ratio: MB/s / MB/s curl PUT (aim >= 0.7)."
echo "Peak RSS: maximum resident set size of the uploader JVM (/usr/bin/time -v). Every copy's size and SHA-256"
echo "were checked against the source."
