#!/usr/bin/env bash
# The kit's `hdnnp descriptors` against n2p2's `nnp-scaling` (issue 12), side by side on the same structures and the
# same 329 functions (n2p2's own input.nn of the thesis set, which the kit reads too), both on the same cores:
#   whole process   n2p2: mpirun -np CORES nnp-scaling 100 (writes function.data as text)
#                   kit:  environment/kit hdnnp descriptors --threads CORES, CSV and .npy
#   evaluation only n2p2: from its log, "CALCULATING SYMMETRY FUNCTIONS" to "SYMMETRY FUNCTION SCALING"
#                   kit:  DescriptorVsN2p2 evaluate (the configurations in memory; cold = first, warm = median after;
#                         with the launcher's JVM options for hdnnp descriptors: serial GC, no on-stack replacement)
# Runs alternate (n2p2, kit csv, kit npy, n2p2, ...) so that a change of the machine's load hits all alike; medians,
# ratios, peak resident memory (/usr/bin/time -v) and the load average are printed as a Markdown section for RESULTS.md.
#
#   src/bench/descriptors-vs-n2p2.sh [REPEATS=5] [CONFIGURATIONS=200] [SERIES=950K] [CORES=2]
# Environment: N2P2_BIN ($HOME/n2p2/bin), DATA (the generated data set, default data/generated or /work/main's),
#              WORK (build/bench-descriptors).
set -euo pipefail
KIT_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REPEATS="${1:-5}"; N="${2:-200}"; SERIES="${3:-950K}"; CORES="${4:-2}"
N2P2_BIN="${N2P2_BIN:-$HOME/n2p2/bin}"
WORK="${WORK:-$KIT_HOME/build/bench-descriptors}"
DATA="${DATA:-$KIT_HOME/data/generated}"
[ -f "$DATA/$SERIES.extxyz.gz" ] || DATA=/work/main/data/generated
[ -f "$DATA/$SERIES.extxyz.gz" ] || { echo "no $SERIES.extxyz.gz in data/generated (environment/kit reproduce makes it)" >&2; exit 1; }
[ -x "$N2P2_BIN/nnp-scaling" ] || { echo "n2p2 is not built ($N2P2_BIN/nnp-scaling); see ../shared/peers/n2p2/README.md" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time, Debian package time)" >&2; exit 1; }
MPI=(mpirun -np "$CORES"); [ "$(id -u)" -eq 0 ] && MPI+=(--allow-run-as-root)

cd "$KIT_HOME"
environment/kit setup >/dev/null
[ -d target/test-classes/io/github/hdnnpkit/bench ] || mvn -B -q -o test-compile
CP="target/test-classes:target/classes:target/lib/*"
mkdir -p "$WORK/n2p2" "$WORK/kit"
IN="$WORK/input.data"
if [ ! -s "$IN" ]; then
  java --add-modules jdk.incubator.vector -cp "$CP" io.github.hdnnpkit.bench.DescriptorVsN2p2 input "$DATA/$SERIES.extxyz.gz" "$N" "$IN" 2>/dev/null
fi
NN="$KIT_HOME/src/test/resources/n2p2-thesis329/input.nn"
cp "$IN" "$NN" "$WORK/n2p2/"

load() { cut -d' ' -f1 /proc/loadavg; }
RAW="$WORK/runs.tsv"
printf 'run\ttool\twall_s\tpeak_rss_kb\teval_s\tload\n' > "$RAW"

# one timed run of a command in the current folder: sets WALL (s), RSS (kB) and LOAD (1-minute average before it)
timed() {
  LOAD="$(load)"
  /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/out.txt" 2>&1 || { cat "$WORK/out.txt" >&2; exit 1; }
  WALL="$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$WORK/time.txt")"
  RSS="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")"
}

row() {   # run, tool, evaluation s
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$WALL" "$RSS" "$3" "$LOAD" >> "$RAW"
  printf '  %-8s run %d: %6.2f s, %5d MB peak, load %s%s\n' "$2" "$1" "$WALL" "$((RSS / 1024))" "$LOAD" "${3:+, evaluation $3 s}" >&2
}

# n2p2's evaluation: the time between two section headers of rank 0's log, seen by polling it every 0.1 s
n2p2_run() {
  cd "$WORK/n2p2"
  rm -f function.data nnp-scaling.log.* stamps.txt done
  ( s1=""; s2=""
    while [ -z "$s2" ] && [ ! -e done ]; do
      if [ -z "$s1" ] && grep -qs 'CALCULATING SYMMETRY FUNCTIONS' nnp-scaling.log.0000; then s1="$(date +%s.%N)"; fi
      if [ -n "$s1" ] && grep -qs '^\*\*\* SYMMETRY FUNCTION SCALING' nnp-scaling.log.0000; then s2="$(date +%s.%N)"; fi
      sleep 0.1
    done
    [ -n "$s2" ] && awk -v a="$s1" -v b="$s2" 'BEGIN{printf "%.2f", b-a}' > stamps.txt ) &
  local watcher=$!
  timed "${MPI[@]}" "$N2P2_BIN/nnp-scaling" 100
  touch done; wait "$watcher" || true
  row "$1" n2p2 "$(cat stamps.txt 2>/dev/null || true)"
  cd "$KIT_HOME"
}

kit_run() {   # run, format
  cd "$WORK/kit"
  rm -f "g.$2" "g.$2.json"
  timed "$KIT_HOME/environment/kit" hdnnp descriptors --structures "$IN" --set "$NN" --out "g.$2" --threads "$CORES" --quiet
  row "$1" "kit-$2" ""
  cd "$KIT_HOME"
}

echo "descriptors-vs-n2p2: $N configurations of $SERIES (256 atoms), thesis-329, $CORES cores, $REPEATS alternating runs" >&2
for r in $(seq 1 "$REPEATS"); do
  n2p2_run "$r"
  kit_run "$r" csv
  kit_run "$r" npy
done
l0="$(load)"
EVAL_KIT="$(java --add-modules jdk.incubator.vector -XX:+UseSerialGC -XX:-UseOnStackReplacement -cp "$CP" io.github.hdnnpkit.bench.DescriptorVsN2p2 evaluate "$IN" "$NN" "$CORES" 4 2>/dev/null)"
echo "  $EVAL_KIT (load $l0)" >&2

sizes="function.data $(du -m "$WORK/n2p2/function.data" | cut -f1) MB, g.csv $(du -m "$WORK/kit/g.csv" | cut -f1) MB, g.npy $(du -m "$WORK/kit/g.npy" | cut -f1) MB"
/usr/bin/python3 - "$RAW" "$EVAL_KIT" "$sizes" "$N" "$SERIES" "$CORES" <<'EOF'
import csv, statistics, sys, platform, os
raw, eval_kit, sizes, n, series, cores = sys.argv[1:]
rows = list(csv.DictReader(open(raw), delimiter="\t"))
def med(tool, key):
    v = [float(r[key]) for r in rows if r["tool"] == tool and r[key]]
    return statistics.median(v) if v else float("nan")
loads = [float(r["load"]) for r in rows]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
n2 = med("n2p2", "wall_s")
print(f"\n## Descriptors: `hdnnp descriptors` vs n2p2 `nnp-scaling` ({series}, {n} × 256 atoms, thesis-329, {cores} cores)\n")
print(f"`src/bench/descriptors-vs-n2p2.sh`, {len(rows)//3} alternating runs each, medians; {cpu}, {os.cpu_count()} cores; "
      f"load average {min(loads):.1f}–{max(loads):.1f} during the runs (shared machine). Outputs: {sizes}.\n")
print("| | whole process s | kit / n2p2 | peak RSS MB | evaluation only s |")
print("|---|---|---|---|---|")
print(f"| n2p2 nnp-scaling (mpirun -np {cores}), function.data | {n2:.2f} | 1 | {med('n2p2','peak_rss_kb')/1024:.0f} per rank | {med('n2p2','eval_s'):.2f} |")
for fmt in ("csv", "npy"):
    w = med("kit-" + fmt, "wall_s")
    print(f"| kit `hdnnp descriptors --out g.{fmt}` | {w:.2f} | **{w/n2:.2f}** | {med('kit-'+fmt,'peak_rss_kb')/1024:.0f} | |")
print(f"\nKit evaluation alone (configurations in memory, {cores} threads): {eval_kit.replace('kit evaluation: ', '')}.")
print("\nRuns (wall s / load):", "; ".join(f"{r['tool']} {float(r['wall_s']):.1f}/{r['load']}" for r in rows))
EOF
