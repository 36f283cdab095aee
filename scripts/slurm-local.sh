#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for trying `hashlab run --executor slurm`
# and for the Slurm integration tests (CI starts it).
#
#   scripts/slurm-local.sh up     install what is missing, start munged, slurmctld and slurmd,
#                                 wait until the node is idle (idempotent: a running cluster is kept)
#   scripts/slurm-local.sh up --accounting   (or HASHLAB_SLURM_ACCOUNTING=1 ... up) the same with
#                                 job accounting, so that `sacct` answers: also installs slurmdbd and
#                                 mariadb-server, starts a MariaDB server of its own (data, socket and
#                                 log in the state folder, on 127.0.0.1:$HASHLAB_SLURM_DB_PORT, default
#                                 3307), slurmdbd, and registers the cluster; a running cluster without
#                                 accounting is restarted with it (its queue is kept in its state)
#   scripts/slurm-local.sh down   stop the daemons this script started and remove the state
#
# The state (slurm.conf, state, spool, logs, pid files) lives in $HASHLAB_SLURM_DIR
# (default /tmp/hashlab-slurm). The Slurm commands find the configuration through
# /etc/slurm/slurm.conf, a link to the generated one that `up` creates when no other
# slurm.conf is there (and `down` removes); otherwise `source $HASHLAB_SLURM_DIR/env`
# exports SLURM_CONF. The node is `hostname -s`, both controller and compute node, with
# CPUs = nproc, the machine's memory, MaxArraySize=8 (so arrays are split), and
# batch_sched_delay=0: a task starts within a second of a CPU freeing (Slurm's default,
# 3 s, made short array tasks start in pairs every 3 s here: 12 runs took 18 s, now 10 s).
# Needs root (apt-get, daemons); no systemd.
set -euo pipefail

STATE=${HASHLAB_SLURM_DIR:-/tmp/hashlab-slurm}
CONF=$STATE/slurm.conf
SYSTEM_CONF=/etc/slurm/slurm.conf
TIMEOUT=${HASHLAB_SLURM_TIMEOUT:-60}
MAX_ARRAY_SIZE=${HASHLAB_SLURM_MAX_ARRAY_SIZE:-8}
ACCOUNTING=${HASHLAB_SLURM_ACCOUNTING:-0}
DB_PORT=${HASHLAB_SLURM_DB_PORT:-3307}
DB_DATA=$STATE/mariadb
DB_SOCKET=$DB_DATA/mariadb.sock
DBD_CONF=$STATE/slurmdbd.conf

say() { echo "slurm-local: $*"; }
fail() { echo "slurm-local: error: $*" >&2; exit 1; }

install_packages() {
    local missing="" packages="slurmctld slurmd slurm-client munge"
    [ "$ACCOUNTING" = 1 ] && packages="$packages slurmdbd mariadb-server"
    for package in $packages; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing="$missing $package"
    done
    [ -z "$missing" ] && return 0
    [ "$(id -u)" -eq 0 ] || fail "installing$missing needs root"
    say "installing$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_munge() {
    if munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; then return 0; fi
    if [ ! -s /etc/munge/munge.key ]; then
        say "creating /etc/munge/munge.key"
        mkdir -p /etc/munge
        dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
    fi
    chown munge:munge /etc/munge/munge.key
    chmod 0400 /etc/munge/munge.key
    mkdir -p /run/munge /var/lib/munge /var/log/munge
    chown munge:munge /run/munge /var/lib/munge /var/log/munge
    chmod 0755 /run/munge
    runuser -u munge -- /usr/sbin/munged
    for _ in $(seq 1 20); do
        munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    fail "munged did not start (see /var/log/munge/munged.log)"
}

# The accounting lines of slurm.conf: none, or slurmdbd on this host.
accounting_lines() {
    if [ "$ACCOUNTING" = 1 ]; then
        printf '%s\n' "JobAcctGatherType=jobacct_gather/linux" "AccountingStorageType=accounting_storage/slurmdbd" \
            "AccountingStorageHost=$1" "AccountingStoragePort=6819"
    else
        printf '%s\n' "JobAcctGatherType=jobacct_gather/none" "AccountingStorageType=accounting_storage/none"
    fi
}

# Whether the running cluster's configuration has accounting.
has_accounting() { grep -q '^AccountingStorageType=accounting_storage/slurmdbd' "$CONF" 2>/dev/null; }

db() { mariadb --protocol=socket -S "$DB_SOCKET" -u root "$@"; }

# A MariaDB server of this cluster's own (not the system's), as the mysql user, with
# its data in the state folder; the database slurm_acct_db and its user slurm.
start_mariadb() {
    if alive "$DB_DATA/mariadb.pid" && db -e 'SELECT 1' >/dev/null 2>&1; then return 0; fi
    mkdir -p "$STATE/log"
    if [ ! -d "$DB_DATA/mysql" ]; then
        mkdir -p "$DB_DATA"
        chown mysql:mysql "$DB_DATA"
        mariadb-install-db --no-defaults --user=mysql --datadir="$DB_DATA" --auth-root-authentication-method=socket \
            --skip-test-db >"$STATE/log/mariadb-install.log" 2>&1 \
            || fail "mariadb-install-db failed (see $STATE/log/mariadb-install.log)"
    fi
    touch "$STATE/log/mariadb.log"
    chown mysql:mysql "$STATE/log/mariadb.log"
    setsid mariadbd --no-defaults --user=mysql --datadir="$DB_DATA" --socket="$DB_SOCKET" \
        --pid-file="$DB_DATA/mariadb.pid" --log-error="$STATE/log/mariadb.log" \
        --bind-address=127.0.0.1 --port="$DB_PORT" --innodb-buffer-pool-size=64M \
        </dev/null >/dev/null 2>&1 &
    for _ in $(seq 1 "$((TIMEOUT * 2))"); do
        db -e 'SELECT 1' >/dev/null 2>&1 && break
        sleep 0.5
    done
    db -e 'SELECT 1' >/dev/null 2>&1 || fail "mariadbd did not start (see $STATE/log/mariadb.log)"
    [ -s "$STATE/db.password" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$STATE/db.password")
    local password
    password=$(cat "$STATE/db.password")
    db -e "CREATE DATABASE IF NOT EXISTS slurm_acct_db;
           CREATE USER IF NOT EXISTS 'slurm'@'127.0.0.1' IDENTIFIED BY '$password';
           CREATE USER IF NOT EXISTS 'slurm'@'localhost' IDENTIFIED BY '$password';
           GRANT ALL ON slurm_acct_db.* TO 'slurm'@'127.0.0.1';
           GRANT ALL ON slurm_acct_db.* TO 'slurm'@'localhost';" \
        || fail "cannot create the database slurm_acct_db"
}

# slurmdbd (SlurmUser root, its configuration mode 600 beside slurm.conf, where it looks
# for it through SLURM_CONF), then the cluster registered in it.
start_slurmdbd() {
    local host
    host=$(hostname -s)
    if ! alive "$STATE/slurmdbd.pid"; then
        (umask 077; cat >"$DBD_CONF" <<EOF
# Generated by scripts/slurm-local.sh: accounting for the single-node cluster.
AuthType=auth/munge
DbdHost=$host
DbdPort=6819
SlurmUser=root
PidFile=$STATE/slurmdbd.pid
LogFile=$STATE/log/slurmdbd.log
StorageType=accounting_storage/mysql
StorageHost=127.0.0.1
StoragePort=$DB_PORT
StorageUser=slurm
StoragePass=$(cat "$STATE/db.password")
StorageLoc=slurm_acct_db
EOF
        )
        chown root:root "$DBD_CONF"
        chmod 600 "$DBD_CONF"
        SLURM_CONF=$CONF slurmdbd || fail "slurmdbd did not start (see $STATE/log/slurmdbd.log)"
    fi
    local waited=0
    until SLURM_CONF=$CONF sacctmgr -n -P list cluster format=Cluster >/dev/null 2>&1; do
        [ "$waited" -ge "$((TIMEOUT * 2))" ] && fail "slurmdbd does not answer (see $STATE/log/slurmdbd.log)"
        sleep 0.5
        waited=$((waited + 1))
    done
    if ! SLURM_CONF=$CONF sacctmgr -n -P list cluster format=Cluster | grep -qx hashlab; then
        SLURM_CONF=$CONF sacctmgr -i add cluster hashlab >/dev/null || fail "sacctmgr cannot add the cluster hashlab"
    fi
}

write_conf() {
    local host cpus memory
    host=$(hostname -s)
    cpus=$(nproc)
    memory=$(( $(awk '/^MemTotal:/ {print $2}' /proc/meminfo) / 1024 - 256 ))
    mkdir -p "$STATE/state" "$STATE/spool" "$STATE/log"
    cat >"$CONF.tmp" <<EOF
# Generated by scripts/slurm-local.sh: a single-node cluster for hashlab's tests.
ClusterName=hashlab
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$STATE/state
SlurmdSpoolDir=$STATE/spool
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/log/slurmctld.log
SlurmdLogFile=$STATE/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
$(accounting_lines "$host")
SlurmdParameters=config_overrides
ReturnToService=2
MaxArraySize=$MAX_ARRAY_SIZE
MinJobAge=60
SchedulerParameters=batch_sched_delay=0
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
    mv "$CONF.tmp" "$CONF"
    printf 'export SLURM_CONF=%s\n' "$CONF" >"$STATE/env"
    if [ -L "$SYSTEM_CONF" ] || [ ! -e "$SYSTEM_CONF" ]; then
        mkdir -p "$(dirname "$SYSTEM_CONF")"
        ln -sfn "$CONF" "$SYSTEM_CONF"
    else
        say "$SYSTEM_CONF exists and is not ours: run 'source $STATE/env' before using this cluster"
    fi
}

node_idle() {
    local state
    state=$(SLURM_CONF=$CONF sinfo -h -N -o '%t' 2>/dev/null | head -n 1)
    [ "$state" = "idle" ] || [ "$state" = "mix" ] || [ "$state" = "alloc" ]
}

up() {
    install_packages
    start_munge
    if alive "$STATE/slurmctld.pid" && alive "$STATE/slurmd.pid" && node_idle; then
        if [ "$ACCOUNTING" != 1 ] || has_accounting; then
            say "already up$(has_accounting && echo ' with accounting') (SLURM_CONF=$CONF)"
            return 0
        fi
        say "restarting the cluster with accounting"
        stop_daemon "$STATE/slurmd.pid" slurmd
        stop_daemon "$STATE/slurmctld.pid" slurmctld
    fi
    write_conf
    export SLURM_CONF=$CONF
    if [ "$ACCOUNTING" = 1 ]; then
        start_mariadb
        start_slurmdbd
    fi
    alive "$STATE/slurmctld.pid" || slurmctld -f "$CONF" \
        || fail "slurmctld did not start (see $STATE/log/slurmctld.log)"
    alive "$STATE/slurmd.pid" || slurmd -f "$CONF" \
        || fail "slurmd did not start (see $STATE/log/slurmd.log)"
    local waited=0
    until node_idle; do
        if [ "$waited" -ge "$TIMEOUT" ]; then
            fail "the node did not become idle within ${TIMEOUT}s; sinfo says: $(sinfo -h -N 2>&1 | head -n 3)" \
                "; logs in $STATE/log"
        fi
        # A node that registered before its daemons agreed comes back down; resume it.
        if sinfo -h -N -o '%t' 2>/dev/null | grep -q -E '^(down|drain)'; then
            scontrol update NodeName="$(hostname -s)" State=RESUME >/dev/null 2>&1 || true
        fi
        sleep 1
        waited=$((waited + 1))
    done
    if [ "$ACCOUNTING" = 1 ]; then
        waited=0
        until sacct -n -X -j 1 >/dev/null 2>&1; do
            [ "$waited" -ge "$TIMEOUT" ] && fail "sacct does not answer: $(sacct -n -X -j 1 2>&1 | head -n 3)"
            sleep 1
            waited=$((waited + 1))
        done
    fi
    say "up: node $(hostname -s), $(nproc) CPUs, MaxArraySize=$MAX_ARRAY_SIZE$(has_accounting \
        && echo ', accounting (sacct)') (SLURM_CONF=$CONF)"
}

stop_daemon() {
    local pidfile=$1 name=$2
    alive "$pidfile" || return 0
    local pid
    pid=$(cat "$pidfile")
    kill "$pid"
    for _ in $(seq 1 40); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.25
    done
    say "$name ($pid) did not stop; killing it"
    kill -9 "$pid" 2>/dev/null || true
}

down() {
    if [ -f "$CONF" ]; then
        SLURM_CONF=$CONF scancel --user="$(id -un)" >/dev/null 2>&1 || true
    fi
    stop_daemon "$STATE/slurmd.pid" slurmd
    stop_daemon "$STATE/slurmctld.pid" slurmctld
    stop_daemon "$STATE/slurmdbd.pid" slurmdbd
    stop_daemon "$DB_DATA/mariadb.pid" mariadbd
    if [ -L "$SYSTEM_CONF" ] && [ "$(readlink "$SYSTEM_CONF")" = "$CONF" ]; then
        rm -f "$SYSTEM_CONF"
    fi
    rm -rf "$STATE"
    say "down"
}

case "${1:-}" in
    up)
        if [ "${2:-}" = --accounting ]; then ACCOUNTING=1
        elif [ -n "${2:-}" ]; then echo "usage: $0 up [--accounting] | down" >&2; exit 64; fi
        up ;;
    down) down ;;
    *) echo "usage: $0 up [--accounting] | down" >&2; exit 64 ;;
esac
