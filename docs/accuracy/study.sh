#!/usr/bin/env bash
# The accuracy study of the density values: every value update of `hopflow run` (--values) on the
# cases below, measured against the Fokker-Planck solution by `hopflow fokker-planck --compare`,
# at the early and the late snapshot of each case. Writes docs/accuracy.md (the table) and keeps the
# runs under $OUT (default /tmp/hopflow-accuracy). From the repository root:
#
#     bash docs/accuracy/study.sh              # N = 500 and 2000, seeds 1 2 3 (about 20 minutes on 2 cores)
#     SEEDS="1" SIZES="500" bash docs/accuracy/study.sh    # a quick pass
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
OUT=${OUT:-/tmp/hopflow-accuracy}
SEEDS=${SEEDS:-"1 2 3"}
SIZES=${SIZES:-"500 2000"}
VALUES=${VALUES:-"transition paper kde gibbs-ratio"}
./hopflow --version >/dev/null            # builds the jar on first use
jar=examples/target/hopflow.jar
run() { java -Xmx8g -jar "$jar" "$@"; }

# name | options of run | snapshot steps (early late) | --snapshot-every
cases=(
  "himmelblau|--objective himmelblau --temperature 25 --step 1e-4 --steps 1000 --eps 0.1|100 1000|100"
  "quadratic, T = 0.01|--objective quadratic --center 0.3,0.6 --stiffness 1 --temperature 0.01 --step 1e-3 --steps 4000 --eps 0.01|500 4000|500"
  "double well, T = 1|--objective double-well --dim 2 --temperature 1 --step 1e-4 --steps 5000 --eps 0.01|500 5000|500"
  "double well, n = 1|--objective double-well --dim 1 --temperature 1 --step 1e-4 --steps 3000 --eps 0.01|500 3000|500"
)

rows=()
for c in "${cases[@]}"; do
  IFS='|' read -r name opts snaps every <<<"$c"
  early=${snaps% *}; late=${snaps#* }
  for n in $SIZES; do
    for v in $VALUES; do
      acc=$(mktemp)
      for s in $SEEDS; do
        dir="$OUT/$(echo "$name" | tr -c 'A-Za-z0-9' '_')-$n-$v-$s"
        # shellcheck disable=SC2086
        run run $opts --particles "$n" --values "$v" --seed "$s" --snapshot-every "$every" \
          --out "$dir" --force --quiet >/dev/null
        run fokker-planck --compare "$dir" --grid 160 >/dev/null
        awk -F, -v e="$early" -v l="$late" '$1 == e {em = $3; es = $4} $1 == l {lm = $3; ls = $4}
          END {print em, es, lm, ls}' "$dir/accuracy.csv" >> "$acc"
      done
      row=$(awk -v name="$name" -v n="$n" -v v="$v" '{a += $1; b += $2; c += $3; d += $4; k++}
        END {printf "| %s | %s | %s | %.3f | %.2f | %.3f | %.2f |", name, n, v, a/k, b/k, c/k, d/k}' "$acc")
      rm -f "$acc"
      echo "$row" >&2
      rows+=("$row")
    done
  done
done

{
  cat docs/accuracy/header.md
  echo
  echo "| case | N | values | MAD early | slope early | MAD late | slope late |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Seeds: $SEEDS (means over them). Made by \`bash docs/accuracy/study.sh\` on $(date -u +%Y-%m-%d)."
} > docs/accuracy.md
echo "wrote docs/accuracy.md" >&2
