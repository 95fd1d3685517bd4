#!/usr/bin/env bash
# A one-node Slurm cluster on 127.0.0.1, for trying the examples and for the test suite: no
# systemd, no accounting, everything (munge socket and key, state, logs) under one folder.
#
#   examples/slurm/local-cluster.sh start DIR   # prints: export SLURM_CONF=DIR/slurm.conf
#   examples/slurm/local-cluster.sh stop DIR
#
# Needs Debian's slurmctld, slurmd, slurm-client and munge, and root (slurmd starts jobs as
# their user). Ports: AMABLE_SLURM_PORT and the one after it (default 16817).
set -euo pipefail
cmd=${1:?start or stop}
dir=$(mkdir -p "${2:?a folder}" && cd "$2" && pwd)
port=${AMABLE_SLURM_PORT:-16817}

stop() {
  for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munged.pid"; do
    [[ -f $pidfile ]] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

if [[ $cmd == stop ]]; then
  stop
  exit 0
fi
[[ $cmd == start ]] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
for b in munged slurmctld slurmd sbatch sinfo; do
  command -v "$b" >/dev/null || [[ -x /usr/sbin/$b ]] || { echo "$0: $b not found (apt-get install slurmctld slurmd slurm-client munge)" >&2; exit 3; }
done
[[ $(id -u) -eq 0 ]] || { echo "$0: run as root (slurmd starts jobs as their user)" >&2; exit 3; }
export PATH=$PATH:/usr/sbin
mkdir -p "$dir/state" "$dir/slurmd" "$dir/logs"
[[ -f $dir/munge.key ]] || { dd if=/dev/urandom of="$dir/munge.key" bs=1024 count=1 2>/dev/null; chmod 0400 "$dir/munge.key"; }
munged --force --socket="$dir/munge.socket" --key-file="$dir/munge.key" --pid-file="$dir/munged.pid" \
  --seed-file="$dir/munge.seed" --log-file="$dir/munged.log"
cat > "$dir/slurm.conf" <<CONF
ClusterName=amable
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge.socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/slurmd
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/logs/slurmctld.log
SlurmdLogFile=$dir/logs/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmdParameters=config_overrides
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MinJobAge=3600
NodeName=localhost NodeAddr=127.0.0.1 CPUs=8 RealMemory=$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo) State=UNKNOWN
PartitionName=main Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$dir/slurm.conf
slurmctld -i -f "$SLURM_CONF" >"$dir/logs/slurmctld.out" 2>&1 </dev/null &
slurmd -N localhost -f "$SLURM_CONF" >"$dir/logs/slurmd.out" 2>&1 </dev/null &
for _ in $(seq 100); do
  state=$(sinfo -h -o %T 2>/dev/null || true)
  [[ $state == idle* || $state == mixed* ]] && { echo "export SLURM_CONF=$SLURM_CONF"; exit 0; }
  sleep 0.1
done
echo "$0: the cluster did not come up (see $dir/logs)" >&2
stop
exit 1
