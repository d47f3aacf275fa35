#!/usr/bin/env bash
# Seconds per HDNNP training epoch (57-10-10-1 and 329-10-10-1, 4200 configurations x 256 atoms, batch 64) for the
# Java back-end (Vector API at the machine's width, the same with -XX:UseAVX=2 = 256-bit vectors as on an AVX2-only
# machine, and plain loops), the DL4J SameDiff back-end and, if python3-torch is installed, the PyTorch peer (also
# with OPENBLAS_CORETYPE=Haswell, OpenBLAS's AVX2 kernels) -- one process per measurement, one after the other (never
# run this next to other heavy work). The load average is recorded in every line.
# Usage: src/bench/epoch-benchmark.sh [CONFIGS] [EPOCHS] [quick]   results: target/bench/epoch-benchmark.jsonl
#   quick: only the Java Vector API runs (both widths) and PyTorch, no plain loops and no DL4J
set -euo pipefail
cd "$(dirname "$0")/../.."
CONFIGS=${1:-4200}; EPOCHS=${2:-5}; QUICK=${3:-}; ATOMS=256; OUT=target/bench; mkdir -p "$OUT"
mvn -o -q -B test-compile
CP="target/classes:target/test-classes:$(mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
RESULTS="$OUT/epoch-benchmark.jsonl"; : > "$RESULTS"
run() {  # backend inputs threads [JVM flags]
  OMP_NUM_THREADS=$3 java --add-modules jdk.incubator.vector -Xmx8g ${4:-} -cp "$CP" io.github.hdnnpkit.bench.EpochBenchmark \
      "$1" "$2" "$3" "$CONFIGS" "$ATOMS" "$EPOCHS" "$OUT" 2>/dev/null | grep '^{' | tee -a "$RESULTS"
}
torch() {  # inputs threads [OpenBLAS core type]
  env ${3:+OPENBLAS_CORETYPE=$3} OMP_NUM_THREADS=$2 OPENBLAS_NUM_THREADS=$2 /usr/bin/python3 src/bench/python/hdnnp_epoch.py --inputs "$1" \
      --threads "$2" --configs "$CONFIGS" --atoms "$ATOMS" --epochs "$EPOCHS" --data "$OUT" --label "${3:-default}" | tee -a "$RESULTS"
}
for inputs in 57 329; do
  for t in 1 2; do run java "$inputs" $t; run java "$inputs" $t -XX:UseAVX=2; done
  if [ -z "$QUICK" ]; then
    run java-scalar "$inputs" 1
    run dl4j "$inputs" 1; run dl4j "$inputs" 2
  fi
  if /usr/bin/python3 -c "import torch" 2>/dev/null; then
    for t in 1 2; do torch "$inputs" $t; torch "$inputs" $t Haswell; done
  fi
done
