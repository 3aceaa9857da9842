#!/usr/bin/env bash
# Cold `status` and `promote` on local ledgers of 0 to 1M entries, each in a fresh JVM, with and without
# checkpoints (benchmarks/README.md, "Cold start against a long local history"). Run from the repository root
# after `mvn -B -o -pl benchmarks,cli -am package -DskipTests`.
#
#   benchmarks/scripts/cold-local.sh generate [BASE]   # writes BASE/<entries>/ (default /tmp/airlock-history)
#   benchmarks/scripts/cold-local.sh measure  [BASE]   # prints every figure, with the load before each size
set -euo pipefail
set -f # the class path below ends in lib/*, for java to expand
base="${2:-/tmp/airlock-history}"
sizes=(${SIZES:-0 1000 10000 100000 1000000})
jar="${JAR:-benchmarks/target/benchmarks.jar}"
# What ./airlock runs, without its staleness check (which may start a Maven build).
cli="java -cp cli/target/airlock-cli.jar:cli/target/lib/* dev.airlock.cli.AirlockCli"

generate() {
  for n in "${sizes[@]}"; do
    # All 1,000 checkpoints of a 1M history would take ~70 GB (each holds the whole state); keep every 100th.
    interval=$(( n >= 1000000 ? 100000 : 1000 ))
    scratch="/dev/shm/airlock-history-$n" # tmpfs: the generator's appends are fsynced
    rm -rf "$scratch" "$base/$n"
    echo "== $n entries, a checkpoint every $interval; load: $(uptime | sed 's/.*load/load/')"
    java -Xmx8g -cp "$jar" dev.airlock.benchmarks.LocalHistory "$scratch" "$n" "$interval" 100 2>/dev/null
    mkdir -p "$base" && cp -r "$scratch" "$base/$n" && rm -rf "$scratch"
  done
}

# status / promote through the real CLI: wall time (hyperfine) and peak RSS (/usr/bin/time), then
# ColdStart's phase split: as shipped, reading only the newest checkpoint, and without checkpoints.
measure() {
  for n in "${sizes[@]}"; do
    d="$base/$n"
    unhide "$d" # after an interrupted run
    at="$(cat "$d/at.txt")"
    opts="--config $d/airlock.yaml --state $d/state"
    runs=$(( n >= 1000000 ? 3 : 5 ))
    echo "== $n entries; load: $(uptime | sed 's/.*load/load/')"
    for mode in checkpoints none; do
      [[ $mode == none ]] && hide "$d"
      hyperfine -N --warmup 1 --runs "$runs" --style basic "$cli status $opts" 2>&1 | grep -E 'Time|Range' \
        | sed "s/^/status ($mode): /"
      /usr/bin/time -f "status ($mode): peak RSS %M KB, %e s" $cli status $opts >/dev/null
      [[ $mode == none ]] && unhide "$d"
    done
    for mode in as-is none; do
      for _ in 1 2 3; do java -cp "$jar" dev.airlock.benchmarks.ColdStart "$d" status "$mode" 2>/dev/null; done
    done
    # Each promote takes a build never promoted before and appends five entries, never reaching the next checkpoint.
    for mode in checkpoints none; do
      [[ $mode == none ]] && hide "$d"
      for _ in 1 2 3; do
        i=$(next_build "$d")
        /usr/bin/time -f "promote ($mode): peak RSS %M KB, %e s" $cli promote --digest "$(sed -n "${i}p" "$d/bench-artifacts.txt")" \
          --to dev --as ci --at "$at" $opts >/dev/null
      done
      [[ $mode == none ]] && unhide "$d"
    done
    for mode in as-is none; do
      java -cp "$jar" dev.airlock.benchmarks.ColdStart "$d" promote "$mode" "$(next_build "$d")" 2>/dev/null
    done
  done
}

# The line of bench-artifacts.txt to promote next (the generator registers 100 builds: 11 runs of measure).
next_build() {
  local n; n=$(cat "$1/next-build" 2>/dev/null || echo 1)
  echo $((n + 1)) > "$1/next-build"
  echo "$n"
}
hide() { [[ -d "$1/state/ledger.jsonl.checkpoints" ]] && mv "$1/state/ledger.jsonl.checkpoints" "$1/state/hidden-checkpoints" || true; }
unhide() { [[ -d "$1/state/hidden-checkpoints" ]] && mv "$1/state/hidden-checkpoints" "$1/state/ledger.jsonl.checkpoints" || true; }

"${1:?usage: cold-local.sh generate|measure [BASE]}"
