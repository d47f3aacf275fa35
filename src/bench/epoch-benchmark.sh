#!/usr/bin/env bash
# Seconds per HDNNP training epoch (57-10-10-1 and 329-10-10-1, 4200 configurations x 256 atoms, batch 64) for the
# Java back-end (Vector API and plain loops), the DL4J SameDiff back-end and, if python3-torch is installed, the
# PyTorch peer -- one process per measurement, one after the other (never run this next to other heavy work).
# Usage: src/bench/epoch-benchmark.sh [CONFIGS] [EPOCHS]      results: target/bench/epoch-benchmark.jsonl
set -euo pipefail
cd "$(dirname "$0")/../.."
CONFIGS=${1:-4200}; EPOCHS=${2:-5}; ATOMS=256; OUT=target/bench; mkdir -p "$OUT"
mvn -o -q -B test-compile
CP="target/classes:target/test-classes:$(mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
RESULTS="$OUT/epoch-benchmark.jsonl"; : > "$RESULTS"
run() {  # backend inputs threads
  OMP_NUM_THREADS=$3 java --add-modules jdk.incubator.vector -Xmx8g -cp "$CP" io.github.hdnnpkit.bench.EpochBenchmark \
      "$1" "$2" "$3" "$CONFIGS" "$ATOMS" "$EPOCHS" "$OUT" 2>/dev/null | grep '^{' | tee -a "$RESULTS"
}
for inputs in 57 329; do
  run java "$inputs" 1; run java "$inputs" 2
  run java-scalar "$inputs" 1
  run dl4j "$inputs" 1; run dl4j "$inputs" 2
  if python3 -c 'import torch' 2>/dev/null; then
    for t in 1 2; do
      python3 src/bench/python/hdnnp_epoch.py --inputs "$inputs" --threads "$t" --configs "$CONFIGS" --atoms "$ATOMS" \
          --epochs "$EPOCHS" --data "$OUT" | tee -a "$RESULTS"
    done
  fi
done
