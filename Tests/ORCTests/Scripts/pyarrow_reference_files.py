"""Writes ORC files with pyarrow and prints their rows as the reference reader would.

Usage: pyarrow_reference_files.py DIRECTORY
For each codec it writes DIRECTORY/<codec>.orc and DIRECTORY/<codec>.jsonl, one JSON row per
line, with the value conventions of the ORC conformance examples.
"""
import datetime
import decimal
import json
import sys

import pyarrow as pa
import pyarrow.orc as orc

ROWS = 10000


def make_table():
    def maybe(row, value, every):
        return None if row % every == 0 else value

    base = datetime.datetime(1969, 12, 31, 23, 59, 58)
    # Starting before 1970 puts fractions on negative instants, which writers store differently.
    early = datetime.datetime(1969, 6, 1, 12, 0, 0)
    columns = {
        "flag": pa.array([maybe(i, i % 3 == 1, 7) for i in range(ROWS)], pa.bool_()),
        "tiny": pa.array([maybe(i, (i * 37) % 256 - 128, 11) for i in range(ROWS)], pa.int8()),
        "small": pa.array([(i * 7919) % 65536 - 32768 for i in range(ROWS)], pa.int16()),
        "medium": pa.array([maybe(i, (i * 2654435761) % 2**32 - 2**31, 5) for i in range(ROWS)], pa.int32()),
        "large": pa.array([(i * 0x9E3779B97F4A7C15) % 2**64 - 2**63 for i in range(ROWS)], pa.int64()),
        "single": pa.array([maybe(i, i / 7.0 - 100, 13) for i in range(ROWS)], pa.float32()),
        "double": pa.array([i * 1e-3 - 1.5 for i in range(ROWS)], pa.float64()),
        "word": pa.array([maybe(i, ["bet", "win", "loss", "", "déjà vu"][i % 5], 9) for i in range(ROWS)], pa.string()),
        "text": pa.array([maybe(i, "row %06d %s" % (i, "x" * (i % 17)), 4) for i in range(ROWS)], pa.string()),
        "blob": pa.array([maybe(i, bytes([i % 256, (i * 3) % 256]) * (i % 4), 6) for i in range(ROWS)], pa.binary()),
        "day": pa.array([maybe(i, datetime.date(1900, 1, 1) + datetime.timedelta(days=i * 53), 8) for i in range(ROWS)], pa.date32()),
        "moment": pa.array([maybe(i, early + datetime.timedelta(seconds=i * 86413, microseconds=(i * 7919) % 1000000), 10) for i in range(ROWS)], pa.timestamp("us")),
        "instant": pa.array([base + datetime.timedelta(seconds=i * 3607, microseconds=i % 3 * 250000) for i in range(ROWS)], pa.timestamp("us", tz="UTC")),
        "amount": pa.array([maybe(i, decimal.Decimal(i * 7919 - 10**7).scaleb(-4), 12) for i in range(ROWS)], pa.decimal128(20, 4)),
        "numbers": pa.array([maybe(i, list(range(i % 4)), 15) for i in range(ROWS)], pa.list_(pa.int32())),
        "scores": pa.array([maybe(i, [("k%d" % j, i * j) for j in range(i % 3)], 14) for i in range(ROWS)], pa.map_(pa.string(), pa.int64())),
        "pair": pa.array([maybe(i, {"x": i, "y": maybe(i, "v%d" % i, 3)}, 16) for i in range(ROWS)], pa.struct([("x", pa.int32()), ("y", pa.string())])),
    }
    # A dense union alternates variants in a fixed pattern, with nulls inside the variants.
    tags = [0 if i % 3 else 1 for i in range(ROWS)]
    counts = [0, 0]
    offsets = []
    for tag in tags:
        offsets.append(counts[tag])
        counts[tag] += 1
    integers = pa.array([maybe(i, i * 11, 5) for i in range(counts[0])], pa.int64())
    strings = pa.array([maybe(i, "u%d" % i, 7) for i in range(counts[1])], pa.string())
    columns["choice"] = pa.UnionArray.from_dense(
        pa.array(tags, pa.int8()), pa.array(offsets, pa.int32()), [integers, strings], ["number", "label"]
    )
    return pa.table(columns)


def to_json(value):
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dict):
        return {key: to_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_json(item) for item in value]
    if isinstance(value, bytes):
        return list(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def row_values(table):
    names = table.column_names
    columns = []
    for name in names:
        column = table.column(name).combine_chunks()
        if pa.types.is_timestamp(column.type):
            # Format from integer nanoseconds, so the fraction keeps its digits exact.
            unit = pa.timestamp("ns", tz=column.type.tz)
            nanos = column.cast(unit).cast(pa.int64()).to_pylist()
            epoch = datetime.datetime(1970, 1, 1)
            values = []
            for value in nanos:
                if value is None:
                    values.append(None)
                    continue
                seconds, fraction = divmod(value, 10**9)
                text = (epoch + datetime.timedelta(seconds=seconds)).strftime("%Y-%m-%d %H:%M:%S")
                digits = ("%09d" % fraction).rstrip("0") or "0"
                values.append(text + "." + digits)
            columns.append(values)
        elif pa.types.is_decimal(column.type):
            columns.append([None if value is None else "%.*f" % (column.type.scale, value) for value in column.to_pylist()])
        elif pa.types.is_union(column.type):
            codes = column.type_codes.to_pylist()
            columns.append([{"tag": code, "value": value} for code, value in zip(codes, column.to_pylist())])
        elif pa.types.is_map(column.type):
            columns.append([None if value is None else [{"key": k, "value": v} for k, v in value] for value in column.to_pylist()])
        else:
            columns.append([to_json(value) for value in column.to_pylist()])
    for row in range(table.num_rows):
        yield {name: columns[index][row] for index, name in enumerate(names)}


def main():
    directory = sys.argv[1]
    table = make_table()
    for codec in ["uncompressed", "zlib", "snappy", "lz4", "zstd"]:
        path = "%s/%s.orc" % (directory, codec)
        orc.write_table(table, path, compression=codec, stripe_size=64 * 1024)
        back = orc.read_table(path)
        with open("%s/%s.jsonl" % (directory, codec), "w") as output:
            for row in row_values(back):
                line = json.dumps(row, ensure_ascii=False)
                output.write(line + "\n")


if __name__ == "__main__":
    main()
