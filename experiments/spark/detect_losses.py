"""Find players who lost most of their last games, with Spark, twice: as an RDD job and as a
DataFrame job with a window function.

The data store is a directory of ORC part files (or one ORC file) with the columns user_id,
action_time, game_type and result, as `retention datastore generate` writes it. A game is lost
when its result is negative. A player is flagged when at least a share p of their last N games
(by action time) were lost. Players with fewer than N games are skipped, unless --allow-short is
given, which judges them over the games they have.

Games with equal action times are ordered by part file name, then by row order inside the
file. This matches the Swift engines as long as Spark keeps each file's rows in order within a
partition.

Run it locally with the venv Python that scripts/test.sh or scripts/install-dependencies.sh
creates, which has PySpark:
    ~/.cache/retention-workbench/venv/bin/python detect_losses.py STORE --master 'local[2]'
or on a cluster, unchanged:
    spark-submit detect_losses.py hdfs:///path/to/store
"""

import argparse
import csv
import heapq
import math
import time
from datetime import datetime, timezone

from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", help="ORC data store: a directory of part files or one file")
    parser.add_argument("--last", type=int, default=10, help="number of latest games per player (N)")
    parser.add_argument("--threshold", type=float, default=0.7, help="share of those games lost (p), in [0, 1]")
    parser.add_argument("--allow-short", action="store_true", help="judge players with fewer than N games")
    parser.add_argument("--master", help="Spark master, such as local[2]; leave unset under spark-submit")
    parser.add_argument("--shuffle-partitions", type=int, help="spark.sql.shuffle.partitions and RDD partitions")
    parser.add_argument("--jobs", default="rdd,dataframe", help="comma-separated jobs to run: rdd, dataframe")
    parser.add_argument("--out-rdd", help="write the RDD job's flagged players to this CSV file")
    parser.add_argument("--out-dataframe", help="write the DataFrame job's flagged players to this CSV file")
    parser.add_argument("--quiet", action="store_true", help="print only the summary lines, not every player")
    parser.add_argument("--rewrite-as", metavar="DIR",
                        help="also write the store to DIR with Spark's ORC writer, user_id as bigint and result "
                             "as smallint, to check that other readers take Spark-written stores")
    arguments = parser.parse_args()
    if arguments.last < 1:
        parser.error(f"--last is {arguments.last}; it must be at least 1")
    if not 0 <= arguments.threshold <= 1:
        parser.error(f"--threshold is {arguments.threshold}; it must lie in [0, 1]")
    return arguments


def minimum_losses(threshold, games):
    """Return the smallest loss count that flags a player over `games` games.

    The 1e-9 keeps 0.7 * 10 at 7 despite binary rounding, as LossRatioRule does in Swift.
    """
    return max(0, math.ceil(threshold * games - 1e-9))


def read_actions(spark, store):
    """Read the detection columns with each row's place in the store, for ordering ties."""
    return spark.read.orc(store).select(
        F.col("user_id").cast("long").alias("user_id"),
        F.col("action_time"),
        F.col("result").cast("long").alias("result"),
        F.col("_metadata.file_path").alias("file_path"),
        F.monotonically_increasing_id().alias("row_id"),
    ).where(F.col("user_id").isNotNull() & F.col("action_time").isNotNull() & F.col("result").isNotNull())


def run_rdd_job(spark, arguments, partitions):
    """Map each row to a (user, game) pair, keep each user's latest N games, count losses, filter."""
    last, threshold, allow_short = arguments.last, arguments.threshold, arguments.allow_short

    def keep_latest(games, game):
        games.append(game)
        return heapq.nlargest(last, games) if len(games) > last else games

    def merge_latest(left, right):
        return heapq.nlargest(last, left + right)

    def judge(pair):
        user_id, games = pair
        losses = sum(1 for game in games if game[3] < 0)
        if len(games) < last and not allow_short:
            return None
        if losses < minimum_losses(threshold, len(games)):
            return None
        return (user_id, losses, len(games), max(game[0] for game in games))

    rows = read_actions(spark, arguments.store).rdd
    pairs = rows.map(lambda row: (row.user_id, (row.action_time, row.file_path, row.row_id, row.result)))
    latest = pairs.aggregateByKey([], keep_latest, merge_latest, numPartitions=partitions)
    flagged = latest.map(judge).filter(lambda item: item is not None).collect()
    return sorted(flagged)


def run_dataframe_job(spark, arguments):
    """Rank each user's games by time with row_number over a window, keep the top N, aggregate, filter."""
    last, threshold = arguments.last, arguments.threshold
    newest_first = Window.partitionBy("user_id").orderBy(
        F.col("action_time").desc(), F.col("file_path").desc(), F.col("row_id").desc())
    ranked = read_actions(spark, arguments.store).withColumn("rank", F.row_number().over(newest_first))
    windows = ranked.where(F.col("rank") <= last).groupBy("user_id").agg(
        F.sum(F.when(F.col("result") < 0, 1).otherwise(0)).alias("losses"),
        F.count(F.lit(1)).alias("games"),
        F.max("action_time").alias("last_action_time"))
    needed = F.ceil(F.lit(threshold) * F.col("games") - F.lit(1e-9))
    condition = F.col("losses") >= F.greatest(needed, F.lit(0))
    if not arguments.allow_short:
        condition = condition & (F.col("games") >= last)
    rows = windows.where(condition).orderBy("user_id").collect()
    return [(row.user_id, row.losses, row.games, row.last_action_time) for row in rows]


def format_time(value):
    """Format a timestamp in UTC as the Swift CSV output does, so the two files diff equal.

    The fraction is left out when it is zero, has 3 digits when it is whole milliseconds and 6
    otherwise. Spark keeps microseconds, so the 9-digit form of the Swift output never occurs.
    """
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    text = value.strftime("%Y-%m-%d %H:%M:%S")
    if value.microsecond == 0:
        return text
    if value.microsecond % 1000 == 0:
        return f"{text}.{value.microsecond // 1000:03d}"
    return f"{text}.{value.microsecond:06d}"


def write_flagged(path, flagged):
    with open(path, "w", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["user_id", "losses", "games", "last_action_time"])
        for user_id, losses, games, last_time in flagged:
            writer.writerow([user_id, losses, games, format_time(last_time)])


def main():
    arguments = parse_arguments()
    jobs = [job.strip() for job in arguments.jobs.split(",") if job.strip()]
    unknown = [job for job in jobs if job not in ("rdd", "dataframe")]
    if unknown:
        raise SystemExit(f"unknown job {unknown[0]!r} in --jobs; expected rdd, dataframe or both")

    started = time.perf_counter()
    builder = SparkSession.builder.appName("detect-losses").config("spark.sql.session.timeZone", "UTC")
    if arguments.master:
        builder = builder.master(arguments.master)
    if arguments.master and arguments.master.startswith("local"):
        # A local run listens on loopback only and starts no web UI.
        builder = (builder.config("spark.driver.host", "127.0.0.1")
                   .config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.ui.enabled", "false"))
    if arguments.shuffle_partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(arguments.shuffle_partitions))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    print(f"spark session: started in {time.perf_counter() - started:.3f} s (Spark {spark.version})")
    partitions = arguments.shuffle_partitions or spark.sparkContext.defaultParallelism

    results = {}
    for job in jobs:
        started = time.perf_counter()
        if job == "rdd":
            flagged = run_rdd_job(spark, arguments, partitions)
        else:
            flagged = run_dataframe_job(spark, arguments)
        elapsed = time.perf_counter() - started
        results[job] = flagged
        print(f"{job}: {len(flagged)} flagged in {elapsed:.3f} s")
        if not arguments.quiet:
            for user_id, losses, games, last_time in flagged:
                print(f"  {user_id},{losses},{games},{format_time(last_time)}")

    if "rdd" in results and arguments.out_rdd:
        write_flagged(arguments.out_rdd, results["rdd"])
    if "dataframe" in results and arguments.out_dataframe:
        write_flagged(arguments.out_dataframe, results["dataframe"])
    if arguments.rewrite_as:
        spark.read.orc(arguments.store).select(
            F.col("user_id").cast("bigint"), "action_time", "game_type", F.col("result").cast("smallint"),
        ).write.mode("errorifexists").orc(arguments.rewrite_as)
        print(f"rewrote the store with Spark's ORC writer to {arguments.rewrite_as}")
    if len(results) == 2 and results["rdd"] != results["dataframe"]:
        spark.stop()
        raise SystemExit("the RDD and DataFrame jobs flagged different players")
    spark.stop()


if __name__ == "__main__":
    main()
