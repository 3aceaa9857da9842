#!/usr/bin/env bash
# Creates target/airlock.jsa, the class-data-sharing archive ./airlock starts with: the classes that
# typical commands load, already parsed and verified, so a run maps them instead of loading them from
# jars. Run by the build (cli/pom.xml) after the CLI jar and target/lib exist; ./airlock passes the
# archive to the JVM, which uses it only if it matches that JVM and those jars, and otherwise ignores it.
#
# A static archive (-Xshare:dump with a class list) rather than -XX:ArchiveClassesAtExit: on Java 17 only
# the static one can hold picocli's classes (compiled for Java 5), and it merges several training runs.
set -euo pipefail
target="$(cd "$1" && pwd)"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cp="$target/airlock-cli.jar:$target/lib/*"
work="$target/cds"
rm -rf "$work" "$target/airlock.jsa"
mkdir -p "$work"

# One training run: a real command, its exit code ignored (the aws one fails by design).
train() {
  local name="$1"
  shift
  java -XX:DumpLoadedClassList="$work/$name.classlist" -cp "$cp" dev.airlock.cli.AirlockCli "$@" \
    > "$work/$name.log" 2>&1 || true
}

# The aws backend as far as its first request, refused at once on a closed local port, with made-up
# credentials and no AWS configuration files, so the build never reaches AWS. Its retries take ~3 s.
sed 's#http://127.0.0.1:5000#http://127.0.0.1:9#' "$root/examples/config/airlock-aws.yaml" > "$work/airlock-aws.yaml"
grep -q 'http://127.0.0.1:9' "$work/airlock-aws.yaml" || {
  echo "cds-archive: examples/config/airlock-aws.yaml no longer names http://127.0.0.1:5000; update $0" >&2
  exit 1
}
train help --help &
train demo demo --output json --dir "$work/demo" &
train local status --config "$root/examples/config/airlock.yaml" --state "$work/state" &
(
  unset AWS_PROFILE AWS_SESSION_TOKEN
  export AWS_ACCESS_KEY_ID=training AWS_SECRET_ACCESS_KEY=training AWS_EC2_METADATA_DISABLED=true \
    AWS_CONFIG_FILE="$work/none" AWS_SHARED_CREDENTIALS_FILE="$work/none"
  train aws status --config "$work/airlock-aws.yaml"
) &
wait

# Each class once: a class list with repeated lambda entries crashes the dump on Java 17. Dynamic proxies
# are generated at run time and cannot be archived.
cat "$work"/*.classlist | grep -v '\$Proxy[0-9]' | awk '!seen[$0]++' > "$work/classes.txt"
grep -q '^software/amazon/awssdk/services/s3/S3Client$' "$work/classes.txt" || {
  echo "cds-archive: the aws training run did not reach the S3 client; see $work/aws.log" >&2
  exit 1
}
if ! java -Xshare:dump -XX:SharedClassListFile="$work/classes.txt" -XX:SharedArchiveFile="$target/airlock.jsa" \
    -cp "$cp" > "$work/dump.log" 2>&1; then
  cat "$work/dump.log" >&2
  echo "cds-archive: the JVM could not create $target/airlock.jsa" >&2
  exit 1
fi
