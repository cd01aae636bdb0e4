#!/usr/bin/env bash
# The scale of hopflow sweep in local mode: CELLS cells of 'run --particles 500 --steps 1000' (one
# seed each) against SINGLES of the same runs launched alone, one after the other.
#   docs/bench/sweep.sh [CELLS] [SINGLES]      (defaults 40 and 5)
# Prints the mean single-run wall time, the sweep's wall time, and the ratio of the sweep's wall time
# to (CELLS x the mean single-run time / cores), the figure the README reports (target <= 1.2),
# plus the same ratio against the cells' own wall times inside the sweep (no JVM start-up).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cells="${1:-40}"
singles="${2:-5}"
cores=$(nproc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run=(run --particles 500 --steps 1000)

"$root/hopflow" --version >/dev/null
"$root/hopflow" sweep --help >/dev/null
total=0
for s in $(seq 1 "$singles"); do
  t0=$(date +%s.%N)
  "$root/hopflow" "${run[@]}" --threads 1 --quiet --seed "$s" --out "$work/single-$s" >/dev/null
  t1=$(date +%s.%N)
  total=$(echo "$total + $t1 - $t0" | bc -l)
done
single=$(echo "$total / $singles" | bc -l)

t0=$(date +%s.%N)
"$root/hopflow" sweep --quiet --grid "seed=$(seq -s, 1 "$cells")" --out "$work/sweep" -- "${run[@]}" >/dev/null
t1=$(date +%s.%N)
wall=$(echo "$t1 - $t0" | bc -l)
inside=$(python3 -c "import json;print(json.load(open('$work/sweep/sweep.json'))['cell_seconds'])")
printf 'cores %d, cells %d\n' "$cores" "$cells"
printf 'single run alone (mean of %d): %.2f s\n' "$singles" "$single"
printf 'sweep wall time: %.1f s (cells inside the sweep: %.1f s summed)\n' "$wall" "$inside"
printf 'sweep / (cells x single / cores): %.3f\n' "$(echo "$wall / ($cells * $single / $cores)" | bc -l)"
printf 'sweep / (cells summed inside / cores): %.3f\n' "$(echo "$wall / ($inside / $cores)" | bc -l)"
