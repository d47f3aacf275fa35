#!/usr/bin/env bash
# A single-node SLURM cluster on this host for the cluster tests: munged, slurmctld and slurmd, each with its own
# socket, ports, state and logs in a fresh temporary folder, so it never touches a system SLURM or munge (and two
# test runs on one host do not meet).
#   environment/slurm/cluster.sh start BUILD_DIR   start it; prints the folder (its slurm.conf is what SLURM_CONF names)
#   environment/slurm/cluster.sh stop FOLDER       cancel its jobs, end each daemon by the pid it wrote, remove FOLDER
# Needs Debian's slurmctld, slurmd, slurm-client and munge. No cgroups (containers): proctrack/linuxproc, task/none.
set -euo pipefail

say() { printf '\033[1m[slurm]\033[0m %s\n' "$*" >&2; }
die() { printf '[slurm] error: %s\n' "$*" >&2; exit 1; }

free_ports() {   # N free TCP ports on localhost (bound once, then released)
  /usr/bin/python3 - "$1" <<'EOF'
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks: s.close()
EOF
}

wait_for() {   # seconds, description, command...
  local t=$1 what=$2; shift 2
  local deadline=$((SECONDS + t))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

# The pid a daemon wrote, if that process is still the daemon (a pid can be reused once the daemon is gone).
daemon_pid() {   # pid file, command name
  local pid
  [ -f "$1" ] || return 1
  pid=$(tr -dc '0-9' <"$1")
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ] && echo "$pid"
}

stop_daemon() {   # pid file, command name
  local pid i
  pid=$(daemon_pid "$1" "$2") || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  say "$2 (pid $pid) did not stop on SIGTERM within 5 s; SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

stop() {
  local dir=$1
  [ -f "$dir/slurm.conf" ] || die "$dir is not a folder made by '$0 start' (no slurm.conf)"
  export SLURM_CONF="$dir/slurm.conf"
  # Jobs first, through the scheduler, so no job step outlives its slurmd.
  if daemon_pid "$dir/slurmctld.pid" slurmctld >/dev/null; then
    scancel --user="$(id -un)" 2>/dev/null || true
    wait_for 15 "jobs to end" bash -c '[ -z "$(squeue -h -o %i 2>/dev/null)" ]' || say "jobs still listed after 15 s"
  fi
  stop_daemon "$dir/slurmd.pid" slurmd
  stop_daemon "$dir/slurmctld.pid" slurmctld
  stop_daemon "$dir/munge/munged.pid" munged
  rm -rf "$dir"
  say "stopped and removed $dir"
}

start() {
  local build=$1 dir host user cpus mem ctld_port d_port t0=$SECONDS
  for c in munged mungekey slurmctld slurmd sinfo; do
    command -v "$c" >/dev/null || die "$c is not installed (Debian: slurmctld slurmd slurm-client munge)"
  done
  mkdir -p "$build/slurm"
  dir=$(mktemp -d "$build/slurm/cluster.XXXXXX")
  dir=$(cd "$dir" && pwd -P)
  # On any failure from here on, stop what was started and say why.
  trap 'status=$?; if [ $status -ne 0 ]; then tail -n 20 "$dir"/log/*.log >&2 2>/dev/null || true; stop "$dir" >/dev/null 2>&1 || true; fi' EXIT
  mkdir -p "$dir/munge" "$dir/log" "$dir/ctld" "$dir/spool"
  chmod 700 "$dir/munge"
  host=$(hostname -s)
  user=$(id -un)
  cpus=$(nproc)
  mem=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 }' /proc/meminfo)
  read -r ctld_port d_port < <(free_ports 2)

  # munge: a key made here for this cluster only, its own socket
  mungekey --create --keyfile="$dir/munge/munge.key" >/dev/null
  chmod 600 "$dir/munge/munge.key"
  munged --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" --pid-file="$dir/munge/munged.pid" \
         --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed" --force
  wait_for 10 "munged" munge --socket="$dir/munge/munge.socket" -n || die "munged did not answer on $dir/munge/munge.socket"

  cat >"$dir/slurm.conf" <<EOF
# written by environment/slurm/cluster.sh: a single-node test cluster, state in $dir
ClusterName=hdnnp-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$d_port
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/ctld
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
# no cgroups in a container
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
ReturnToService=2
KillWait=5
MinJobAge=600
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host NodeAddr=127.0.0.1 NodeHostname=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld -f "$SLURM_CONF" -c
  wait_for 20 "slurmctld" sinfo -h || die "slurmctld did not answer within 20 s"
  slurmd -f "$SLURM_CONF" -N "$host"
  wait_for 30 "the node" bash -c '[ "$(sinfo -h -n "$1" -o %t)" = idle ]' _ "$host" \
    || die "node $host is not idle after 30 s: $(sinfo -h -o '%n %t' 2>&1)"
  trap - EXIT
  say "single-node SLURM up in $((SECONDS - t0)) s: node $host ($cpus CPUs), slurmctld port $ctld_port, state in $dir"
  echo "$dir"
}

case "${1:-}" in
  start) [ $# -eq 2 ] || die "usage: $0 start BUILD_DIR"; start "$2" ;;
  stop)  [ $# -eq 2 ] || die "usage: $0 stop FOLDER"; stop "$2" ;;
  *)     die "usage: $0 start BUILD_DIR | stop FOLDER" ;;
esac
