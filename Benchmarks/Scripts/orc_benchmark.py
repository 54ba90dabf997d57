"""Times pyarrow reading and writing ORC for the orc-benchmark executable.

Usage: orc_benchmark.py SWIFT_FILE PYARROW_FILE COMPRESSION BLOCK_SIZE THRESHOLD STRIPE_SIZE REPEAT

Reads SWIFT_FILE (all columns) REPEAT times, then writes the table it read to PYARROW_FILE
REPEAT times with the same settings the Swift writer used, and prints one JSON object with
the best times in seconds and the peak resident set size of this process.
"""
import json
import resource
import sys
import time

import pyarrow.orc as orc


def main():
    swift_file, pyarrow_file, compression, block_size, threshold, stripe_size, repeat = sys.argv[1:8]
    repeat = int(repeat)
    read_times = []
    table = None
    for _ in range(repeat):
        table = None
        start = time.perf_counter()
        table = orc.read_table(swift_file)
        read_times.append(time.perf_counter() - start)
    write_times = []
    for _ in range(repeat):
        start = time.perf_counter()
        orc.write_table(
            table, pyarrow_file, compression=compression,
            compression_block_size=int(block_size),
            dictionary_key_size_threshold=float(threshold),
            stripe_size=int(stripe_size),
        )
        write_times.append(time.perf_counter() - start)
    print(json.dumps({
        "rows": table.num_rows,
        "read_seconds": min(read_times),
        "write_seconds": min(write_times),
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }))


if __name__ == "__main__":
    main()
