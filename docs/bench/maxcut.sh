#!/usr/bin/env bash
# The Max-Cut comparison of the README: on G-set-style instances made by `hopflow graph`, the
# diffusion machine (`hopflow maxcut`, default settings and budget) against the baseline, 8 restarts
# of single-flip simulated annealing with 3000 sweeps and temperature 3 -> 0.05
# (`hopflow maxcut --method annealing`). Prints a Markdown table; each diffusion row is one seed.
#
#   docs/bench/maxcut.sh [WORK_DIR]        (SEEDS="1 2 3" by default)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
hopflow="${HOPFLOW:-$here/hopflow}"   # HOPFLOW="java -jar hopflow.jar" runs a fixed build
work="${1:-$(mktemp -d)}"
seeds="${SEEDS:-1 2 3}"
mkdir -p "$work"
# name | generator options (instance seed fixed, so the instances are the same on every machine)
instances=(
  "random-800-6%-unit|--kind random --nodes 800 --density 0.06 --weights unit --seed 11"
  "random-800-6%-signed|--kind random --nodes 800 --density 0.06 --weights signed --seed 12"
  "random-800-1.5%-unit|--kind random --nodes 800 --density 0.015 --weights unit --seed 13"
  "random-2000-1%-unit|--kind random --nodes 2000 --density 0.01 --weights unit --seed 14"
  "torus-20x40-signed|--kind torus --rows 20 --columns 40 --weights signed --seed 15"
  "torus-40x50-signed|--kind torus --rows 40 --columns 50 --weights signed --seed 16"
)
field() { sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p"; }
echo "| instance | nodes | edges | annealing (8 x 3000 sweeps) | s | diffusion (seed: cut, ratio, s) |"
echo "|---|---|---|---|---|---|"
for entry in "${instances[@]}"; do
  name="${entry%%|*}"
  options="${entry#*|}"
  file="$work/$name.txt"
  # shellcheck disable=SC2086
  $hopflow graph $options --out "$file" --force > /dev/null
  sa="$($hopflow maxcut "$file" --method annealing --json --quiet)"
  sa_cut="$(echo "$sa" | field cut)"
  sa_s="$(echo "$sa" | field seconds)"
  nodes="$(echo "$sa" | field nodes)"
  edges="$(echo "$sa" | field edges)"
  cells=""
  for s in $seeds; do
    d="$($hopflow maxcut "$file" --seed "$s" --json --quiet)"
    cut="$(echo "$d" | field cut)"
    sec="$(echo "$d" | field seconds)"
    cells="$cells $s: $(printf '%.0f, %.4f, %.0f' "$cut" "$(awk -v a="$cut" -v b="$sa_cut" 'BEGIN { print a / b }')" "$sec");"
  done
  printf '| %s | %s | %s | %.0f | %.1f |%s |\n' "$name" "$nodes" "$edges" "$sa_cut" "$sa_s" "$cells"
done
