"""Time the Swift batch engines against Spark on one generated data store and print a Markdown table.

The script builds `retention` in release mode, generates a store (100,000 users x 100 games by
default), then runs on that store, one after the other:
  - `retention detect --read-only`: reading and touching the three detection columns, the floor;
  - `retention detect --engine columns` and `--engine rows`;
  - detect_losses.py with Spark in local mode: the DataFrame job and the RDD job.
Swift times are the engine runs that `retention detect` reports (store opened, process started),
the best of --repeat runs because the Swift runs are short and a shared machine is noisy. Spark
times are single runs of each job from reading the store to collecting the flagged players,
without the Spark session's start-up, which is listed on its own. Process wall times are listed
for the Swift runs (of the best run).

Run from anywhere with the venv Python that has PySpark:
    python experiments/spark/benchmark.py [--users 100000] [--games 100] [--work DIR]
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=100_000, help="number of players")
    parser.add_argument("--games", type=int, default=100, help="games per player")
    parser.add_argument("--files", type=int, default=4, help="part files in the store")
    parser.add_argument("--seed", type=int, default=1, help="generator seed")
    parser.add_argument("--spark-master", default="local[2]", help="Spark master for the Spark jobs")
    parser.add_argument("--work", help="directory for the store (default: a new temporary directory, removed after)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each Swift command; the fastest counts")
    parser.add_argument("--skip-build", action="store_true", help="use the existing .build/release/retention")
    return parser.parse_args()


def run(command, env=None):
    """Run a command, return its output and wall time in seconds; stop the benchmark on failure."""
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"command failed with status {completed.returncode}: {' '.join(command)}\n{completed.stdout}")
    return completed.stdout, elapsed


def find(pattern, text, what):
    match = re.search(pattern, text, re.MULTILINE)
    if not match:
        sys.exit(f"cannot find the {what} in this output:\n{text}")
    return match


def best_swift_run(command, repeat, pattern):
    """Run a Swift command `repeat` times; return the fastest reported seconds, its wall time and output."""
    best = None
    for _ in range(max(1, repeat)):
        output, wall = run(command)
        seconds = float(find(pattern, output, "time").group(1))
        if best is None or seconds < best[0]:
            best = (seconds, wall, output)
    return best


def spark_environment():
    env = dict(os.environ)
    env["SPARK_LOCAL_IP"] = "127.0.0.1"
    env["PYSPARK_PYTHON"] = sys.executable
    if not env.get("JAVA_HOME"):
        names = sorted(os.listdir("/usr/lib/jvm")) if os.path.isdir("/usr/lib/jvm") else []
        homes = [os.path.join("/usr/lib/jvm", name) for name in names if "17" in name and not name.startswith(".")]
        homes = [home for home in homes if os.path.isfile(os.path.join(home, "bin", "java"))]
        if homes:
            env["JAVA_HOME"] = homes[0]
    return env


def main():
    arguments = parse_arguments()
    rows = arguments.users * arguments.games
    work = arguments.work or tempfile.mkdtemp(prefix="retention-benchmark-")
    store = os.path.join(work, "store")
    retention = os.path.join(ROOT, ".build", "release", "retention")
    try:
        if not arguments.skip_build:
            run(["swift", "build", "-c", "release", "--product", "retention"])
        if os.path.exists(store):
            shutil.rmtree(store)
        output, generate_seconds = run([retention, "datastore", "generate", "--users", str(arguments.users),
                                        "--games", str(arguments.games), "--files", str(arguments.files),
                                        "--seed", str(arguments.seed), "--out", store])
        print(output.strip())

        results = []  # (name, job seconds, process seconds, flagged)
        best = best_swift_run([retention, "detect", store, "--read-only"], arguments.repeat,
                              r"read-3-columns: read \d+ rows? in ([\d.]+) s")
        results.append(("Swift: read 3 columns (floor)", best[0], best[1], None))
        for engine in ("columns", "rows"):
            best = best_swift_run([retention, "detect", store, "--engine", engine], arguments.repeat,
                                  rf"{engine}: users seen \d+, flagged \d+, rows \d+, ([\d.]+) s")
            flagged_count = int(find(rf"{engine}: users seen \d+, flagged (\d+)", best[2], f"{engine} result").group(1))
            results.append((f"Swift: {engine} engine", best[0], best[1], flagged_count))

        spark_job = os.path.join(HERE, "detect_losses.py")
        output, wall = run([sys.executable, spark_job, store, "--master", arguments.spark_master,
                            "--shuffle-partitions", str(2 * arguments.files), "--quiet",
                            "--jobs", "dataframe,rdd"], env=spark_environment())
        startup = float(find(r"spark session: started in ([\d.]+) s", output, "Spark start-up").group(1))
        for job, label in (("dataframe", "Spark: DataFrame job (window)"), ("rdd", "Spark: RDD job")):
            match = find(rf"^{job}: (\d+) flagged in ([\d.]+) s", output, f"Spark {job} result")
            results.append((label, float(match.group(2)), None, int(match.group(1))))

        flagged = {count for _, _, _, count in results if count is not None}
        read_seconds = results[0][1]
        columns_seconds = results[1][1]
        spark_dataframe_seconds = results[3][1]

        print()
        print(f"Store: {arguments.users:,} users x {arguments.games} games = {rows:,} rows in {arguments.files} part files "
              f"(seed {arguments.seed}), generated in {generate_seconds:.1f} s; {os.cpu_count()} cores; "
              f"Swift times best of {arguments.repeat}; "
              f"Spark master {arguments.spark_master}, session start-up {startup:.1f} s (not included).")
        print()
        print("| run | seconds | rows/s | flagged | vs columns engine | process wall s |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, seconds, wall, count in results:
            wall_text = f"{wall:.2f}" if wall is not None else "-"
            count_text = str(count) if count is not None else "-"
            print(f"| {name} | {seconds:.3f} | {rows / seconds:,.0f} | {count_text} | {seconds / columns_seconds:.2f}x | {wall_text} |")
        print()
        print(f"Spark DataFrame job / columns engine: {spark_dataframe_seconds / columns_seconds:.1f}x (goal: at least 5x)")
        print(f"columns engine / 3-column read: {columns_seconds / read_seconds:.2f}x (goal: at most 1.5x)")
        if len(flagged) != 1:
            sys.exit(f"the runs flagged different numbers of players: {sorted(flagged)}")
        print(f"all runs flagged {flagged.pop()} players")
    finally:
        if not arguments.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
