#!/usr/bin/env bash
# A one-node SLURM cluster on this machine, for the test of docs/scaling.md's job array
# (test/slurm/slurm.test.ts). Debian packages: slurm-wlm and munge (.ci/run installs them).
#   scripts/slurm-local.sh start DIR   writes DIR/slurm.conf, starts munged, slurmctld, slurmd
#   scripts/slurm-local.sh stop DIR    stops the daemons started from DIR
# Prints the SLURM_CONF path on success; exits 3 when slurmd/munged are not installed.
set -euo pipefail
cmd=${1:?start|stop}; dir=$(realpath -m "${2:?state folder}")
conf="$dir/slurm.conf"
if [ "$cmd" = stop ]; then
  for p in slurmd slurmctld; do [ -f "$dir/$p.pid" ] && kill "$(cat "$dir/$p.pid")" 2>/dev/null || true; done
  exit 0
fi
for b in slurmd slurmctld munged sbatch; do command -v "$b" >/dev/null || { echo "slurm not installed: $b missing (apt-get install slurm-wlm munge)" >&2; exit 3; }; done
mkdir -p "$dir/state" "$dir/spool" "$dir/log"
host=$(hostname)
cat > "$conf" <<CONF
ClusterName=sonomics-test
SlurmctldHost=$host
SlurmUser=$(id -un)
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
# munge: one key per machine; munged refuses to run as root without --force
if ! munge -n >/dev/null 2>&1; then
  [ -f /etc/munge/munge.key ] || { mkdir -p /etc/munge; dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none; }
  chown munge:munge /etc/munge/munge.key 2>/dev/null || true; chmod 400 /etc/munge/munge.key
  mkdir -p /run/munge; chown munge:munge /run/munge 2>/dev/null || true
  munged --force >/dev/null 2>&1 || munged >/dev/null 2>&1
fi
export SLURM_CONF="$conf"
slurmctld -f "$conf"
slurmd -f "$conf"
for _ in $(seq 1 60); do
  if sinfo -h -o '%t' 2>/dev/null | grep -qE '^(idle|mix|alloc)'; then echo "$conf"; exit 0; fi
  sleep 0.5
done
echo "slurm did not come up; see $dir/log" >&2
exit 4
