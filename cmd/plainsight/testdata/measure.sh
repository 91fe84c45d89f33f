#!/usr/bin/env bash
# Measures 'plainsight scan' on a generated tree of mixed files with one and
# two workers: wall time (best of N runs, alternating), CPU time and peak RSS.
#
#   bash cmd/plainsight/testdata/measure.sh [SIZE_MiB] [RUNS]
#
# A measurement, not a test: it needs ~SIZE MiB in $TMPDIR and minutes.
set -euo pipefail
cd "$(dirname "$0")/../../.."
size=${1:-520}
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/plainsight" ./cmd/plainsight
go run ./cmd/plainsight/testdata/gentree -size "$size" "$work/tree"
du -sh "$work/tree"
cat $(find "$work/tree" -type f) > /dev/null   # warm the page cache
for ((i = 1; i <= runs; i++)); do
  for j in 1 2; do
    /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$work/plainsight" scan --quiet --format json -j "$j" "$work/tree" > "$work/out$j.json" || true
    read -r wall user sys rss < <(tail -1 "$work/t")
    echo "run $i jobs $j: wall ${wall}s user ${user}s sys ${sys}s peak RSS ${rss} KiB"
    echo "$wall $rss" >> "$work/j$j"
  done
done
best1=$(sort -n "$work/j1" | head -1 | cut -d' ' -f1)
best2=$(sort -n "$work/j2" | head -1 | cut -d' ' -f1)
rss=$(cut -d' ' -f2 "$work/j1" "$work/j2" | sort -n | tail -1)
echo "best wall: 1 worker ${best1}s, 2 workers ${best2}s, speed-up $(awk -v a="$best1" -v b="$best2" 'BEGIN { printf "%.2f", a / b }')x; peak RSS ${rss} KiB"
tail -12 "$work/out1.json"
