#!/usr/bin/env bash
# The kit's extended Kalman filter against n2p2's (v2.3.0, ../shared/peers/n2p2) on the same data: the generated
# aluminium set without 1000 K (4200 configurations x 256 atoms), the thesis's set A (57 functions, n2p2 convention),
# 57-10-10-1 tanh, energies only, both on 2 cores, one after the other. Prints test RMSE (meV/atom) per epoch against
# wall time since launch (whole process: n2p2's nnp-scaling and the kit's descriptor computation included) and peak
# resident memory. Not a unit test; never run it next to other heavy work.
#
# Splits: the kit uses data.Split (10 % test; of the rest 80 % train, 20 % validation for early stopping); per epoch
# it reports the validation RMSE (the test part is evaluated once, on the returned model). n2p2 v2.3 draws its own
# random 20 % test part (test_fraction 0.2) and reports it per epoch without using it for any decision.
# Units: both filters see normalised energies, (E - N e_ref)/sigma_per_atom (n2p2: normalize_data_set ref).
#
# Usage: src/bench/ekf-vs-n2p2.sh [KIT_EPOCHS=20] [N2P2_EPOCHS=20] [RANKS=2]
#   env: DATA (default data/generated), N2P2_BIN (default $HOME/n2p2/bin), N2P2_PEER (default ../shared/peers/n2p2)
set -euo pipefail
cd "$(dirname "$0")/../.."
KIT_EPOCHS=${1:-20}; N2P2_EPOCHS=${2:-20}; RANKS=${3:-2}
DATA=${DATA:-data/generated}; BIN=${N2P2_BIN:-$HOME/n2p2/bin}; PEER=${N2P2_PEER:-../shared/peers/n2p2}
OUT="$PWD/target/bench/ekf-vs-n2p2"; rm -rf "$OUT"; mkdir -p "$OUT/n2p2"
mvn -o -q -B compile
CP="target/classes:$(mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)   $(nproc) cores"

java -cp "$CP" src/bench/EkfBenchData.java "$DATA" thesis-57A "$OUT/n2p2"

peak() { awk -F': ' '/Maximum resident/ {printf "%.2f GB", $2 / 1048576}' "$1"; }
wall() { awk -F': ' '/Elapsed \(wall/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s}' "$1"; }

if [ -x "$BIN/nnp-train" ]; then
  echo "== n2p2 EKF, $RANKS ranks, $N2P2_EPOCHS epochs"
  N2P2_BIN="$BIN" /usr/bin/time -v -o "$OUT/n2p2.time" bash "$PEER/train-ekf.sh" "$OUT/n2p2" "$OUT/n2p2/symfunctions.txt" "$N2P2_EPOCHS" "$RANKS" \
      | tee "$OUT/n2p2.txt"
  # per-epoch times are not logged by n2p2: spread nnp-train's time evenly over its epochs (marked ≈)
  awk -v total="$(wall "$OUT/n2p2.time")" -v e="$N2P2_EPOCHS" '
      /^nnp-scaling/ {sc = $2; tr = $5}
      /^epoch/ && $2 > 0 {printf "n2p2  epoch %3d  test RMSE %.4f meV/atom  ≈%6.1f s since launch\n", $2, $6, sc + tr * $2 / e}
      END {printf "n2p2  whole process %.1f s (nnp-scaling %.1f s)\n", total, sc}' "$OUT/n2p2.txt"
  echo "n2p2  peak RSS $(peak "$OUT/n2p2.time") per process (largest rank; $RANKS ranks)"
else
  echo "== n2p2 not found in $BIN: build it with $PEER/build.sh; only the kit side runs"
fi

echo "== kit EKF, 2 threads, $KIT_EPOCHS epochs (descriptors computed, no cache)"
/usr/bin/time -v -o "$OUT/kit.time" java --add-modules jdk.incubator.vector -Xmx3g -cp "$CP" io.github.hdnnpkit.cli.HdnnpCommand train \
    --data "$DATA" --set thesis-57A --layout 57-10-10-1 --threads 2 --optimizer ekf --epochs "$KIT_EPOCHS" \
    --result "$OUT/kit.json" > "$OUT/kit-summary.json" 2> "$OUT/kit.err"
/usr/bin/python3 - "$OUT/kit.json" "$(wall "$OUT/kit.time")" "$OUT/kit.err" <<'PY'
import json, math, re, sys
o = json.load(open(sys.argv[1])); total = float(sys.argv[2])
desc = re.search(r"descriptors .*done in ([0-9.]+) s", open(sys.argv[3], errors="replace").read())
h = o["history"]; train = sum(e["seconds"] for e in h)
# everything that is not an epoch (JVM start, reading, descriptors, final evaluation) counted before epoch 1
t = total - train
for e in h:
    t += e["seconds"]
    n = o.get("mean_atoms_per_configuration", 256)
    print("kit   epoch %3d  val RMSE %.4f meV/atom  ≤%6.1f s since launch" % (e["epoch"], 1000 * math.sqrt(e["val_loss"]) / n, t))
print("kit   best epoch %d: test RMSE %.4f meV/atom (val %.4f)" % (o["best_epoch"], o["test_rmse_meV_per_atom"], o["val_rmse_meV_per_atom"]))
print("kit   whole process %.1f s (descriptors %s s, epochs %.1f s)" % (total, desc.group(1) if desc else "?", train))
PY
echo "kit   peak RSS $(peak "$OUT/kit.time")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
