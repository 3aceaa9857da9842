#!/usr/bin/env python3
"""Start-up of ./airlock: wall time of `status` on the local backend, and for `status` on the aws backend
the time from launch to the first AWS request and to exit, against moto behind a TCP relay that notes
when each connection arrives. Prints a Markdown table.

Usage, from the repository root: python3 benchmarks/startup.py [RUNS] [ROOT...]
Each ROOT is a checkout (default: this one) whose ./airlock is run, as a user runs it, with
AIRLOCK_JAVA_OPTS passed through. With several roots the runs alternate, so a change in the machine's
load falls on all of them alike. Needs moto[server] and boto3 (README, "Running the CLI against moto").
"""
import logging
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import boto3
from moto.server import ThreadedMotoServer

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REGION = "eu-central-1"
BUCKETS = {"111111111111": "acme-airlock-origin", "999999999999": "acme-airlock-ledger",
           "222222222222": "acme-airlock-dev", "333333333333": "acme-airlock-staging",
           "444444444444": "acme-airlock-prod"}


class Relay:
    """Relays TCP connections to moto; `arrivals` holds the monotonic time each connection came in."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.arrivals = []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            client, _ = self.server.accept()
            self.arrivals.append(time.monotonic())
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


def credentials(endpoint, account, role):
    sts = boto3.client("sts", endpoint_url=endpoint, region_name=REGION, aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
                       aws_secret_access_key="moto")
    c = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/{role}", RoleSessionName="bench")["Credentials"]
    return {"AWS_ACCESS_KEY_ID": c["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": c["SecretAccessKey"],
            "AWS_SESSION_TOKEN": c["SessionToken"]}


def airlock(root, args, env):
    start = time.monotonic()
    done = subprocess.run([os.path.join(root, "airlock"), *args], cwd=root, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{root}/airlock {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return start, time.monotonic()


def median_ms(values):
    return f"{statistics.median(values) * 1000:.0f} ms ({min(values) * 1000:.0f}–{max(values) * 1000:.0f})"


def classes(root, args, env):
    log = tempfile.mktemp(suffix=".log")
    opts = (env.get("AIRLOCK_JAVA_OPTS", "") + f" -Xlog:class+load:file={log}").strip()
    airlock(root, args, {**env, "AIRLOCK_JAVA_OPTS": opts})
    with open(log) as f:
        lines = f.readlines()
    os.remove(log)
    shared = sum("shared objects file" in line for line in lines)
    sdk = sum(" software.amazon.awssdk." in line for line in lines)
    return f"{len(lines)} ({shared} from the archive, {sdk} AWS SDK)"


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    roots = [os.path.abspath(r) for r in sys.argv[2:]] or [HERE]
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    moto_port = socket.create_server(("127.0.0.1", 0)).getsockname()[1]
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=moto_port, verbose=False)
    moto.start()
    relay = Relay(moto_port)
    endpoint = f"http://127.0.0.1:{moto_port}"
    for account, bucket in BUCKETS.items():
        s3 = boto3.client("s3", endpoint_url=endpoint, region_name=REGION, **{
            k.lower(): v for k, v in credentials(endpoint, account, "setup").items()})
        s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    work = tempfile.mkdtemp(prefix="airlock-startup-")
    with open(os.path.join(HERE, "examples/config/airlock-aws.yaml")) as f:
        sample = f.read()
    config = os.path.join(work, "airlock-aws.yaml")
    with open(config, "w") as f:
        f.write(sample.replace("http://127.0.0.1:5000", f"http://127.0.0.1:{relay.port}"))

    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    aws_env = {**env, **credentials(endpoint, "111111111111", "ci-promoter")}
    local = ["status", "--config", os.path.join(HERE, "examples/config/airlock.yaml"), "--state",
             os.path.join(work, "state")]
    remote = ["status", "--config", config]
    results = {root: {"local": [], "first": [], "exit": []} for root in roots}
    for root in roots:  # builds a stale CLI and warms the file cache, outside the measurement
        airlock(root, local, env)
        airlock(root, remote, aws_env)
    for _ in range(runs):
        for root in roots:
            start, end = airlock(root, local, env)
            results[root]["local"].append(end - start)
            seen = len(relay.arrivals)
            start, end = airlock(root, remote, aws_env)
            results[root]["first"].append(relay.arrivals[seen] - start)
            results[root]["exit"].append(end - start)

    print(f"{runs} runs each, AIRLOCK_JAVA_OPTS={env.get('AIRLOCK_JAVA_OPTS', '')!r}, "
          f"load average {os.getloadavg()[0]:.1f} at the end\n")
    print("| checkout | `status`, local backend | aws on moto: to first request | aws on moto: to exit "
          "| classes, local | classes, aws |")
    print("|---|---|---|---|---|---|")
    for root, r in results.items():
        print(f"| {root} | {median_ms(r['local'])} | {median_ms(r['first'])} | {median_ms(r['exit'])} "
              f"| {classes(root, local, env)} | {classes(root, remote, aws_env)} |")
    moto.stop()


if __name__ == "__main__":
    main()
