"""Reads and writes ORC files with pyarrow for the writer's interoperability tests.

Usage:
  pyarrow_oracle.py read FILE...    prints one JSON object per file on stdout
  pyarrow_oracle.py write SPEC      writes the files a JSON spec describes

Values travel as canonical strings so both sides compare them exactly: integers in decimal,
floats as the hex of their little-endian IEEE 754 bytes, booleans as true/false, binary as
hex, timestamps as "seconds,nanoseconds" with floored seconds, dates as days since 1970,
decimals as their unscaled integer, and null as None (JSON null).
"""
import decimal
import json
import struct
import sys

import pyarrow as pa
import pyarrow.orc as orc

# Decimals reach 38 digits; the default context of 28 digits would round them.
decimal.getcontext().prec = 80


def canonical(value, arrow_type):
    if value is None:
        return None
    if pa.types.is_boolean(arrow_type):
        return "true" if value else "false"
    if pa.types.is_integer(arrow_type):
        return str(value)
    if pa.types.is_float32(arrow_type):
        return struct.pack("<f", value).hex()
    if pa.types.is_float64(arrow_type):
        return struct.pack("<d", value).hex()
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return value
    if pa.types.is_binary(arrow_type) or pa.types.is_large_binary(arrow_type):
        return value.hex()
    if pa.types.is_decimal(arrow_type):
        return str(int(value.scaleb(arrow_type.scale)))
    raise TypeError(f"no canonical form for {arrow_type}")


def column_strings(array):
    arrow_type = array.type
    if pa.types.is_timestamp(arrow_type):
        nanos = array.cast(pa.timestamp("ns")).cast(pa.int64()).to_pylist()
        return [None if n is None else "%d,%d" % divmod(n, 1_000_000_000) for n in nanos]
    if pa.types.is_date32(arrow_type):
        return [None if d is None else str(d) for d in array.cast(pa.int32()).to_pylist()]
    if pa.types.is_list(arrow_type):
        element_type = arrow_type.value_type
        return [None if v is None else "[" + ",".join("null" if e is None else canonical(e, element_type) for e in v) + "]"
                for v in array.to_pylist()]
    if pa.types.is_map(arrow_type):
        key_type, item_type = arrow_type.key_type, arrow_type.item_type
        return [None if v is None else "{" + ",".join(
                    canonical(k, key_type) + ":" + ("null" if e is None else canonical(e, item_type)) for k, e in v) + "}"
                for v in array.to_pylist()]
    if pa.types.is_union(arrow_type):
        codes = array.type_codes.to_pylist()
        return ["%d:%s" % (code, "null" if value is None else canonical(value, arrow_type.field(code).type))
                for code, value in zip(codes, array.to_pylist())]
    if pa.types.is_struct(arrow_type):
        return [None if v is None else json.dumps(v, sort_keys=True, default=str) for v in array.to_pylist()]
    return [canonical(v, arrow_type) for v in array.to_pylist()]


def read(paths):
    for path in paths:
        handle = orc.ORCFile(path)
        table = handle.read()
        columns = {}
        for name in table.column_names:
            columns[name] = column_strings(table.column(name).combine_chunks())
        try:
            writer = str(handle.writer)
        except ValueError:
            # pyarrow names only the writers it recognizes and raises for the others.
            writer = "unknown"
        metadata = {key.decode(): value.hex() for key, value in handle.metadata.items()}
        print(json.dumps({
            "path": path,
            "rows": table.num_rows,
            "stripes": handle.nstripes,
            "compression": handle.compression,
            "writer": writer,
            "software_version": handle.software_version,
            "file_version": str(handle.file_version),
            "metadata": metadata,
            "schema": str(table.schema),
            "columns": columns,
        }))


ARROW_TYPES = {
    "boolean": pa.bool_(), "tinyint": pa.int8(), "smallint": pa.int16(), "int": pa.int32(),
    "bigint": pa.int64(), "float": pa.float32(), "double": pa.float64(), "string": pa.string(),
    "binary": pa.binary(), "timestamp": pa.timestamp("ns"), "date": pa.date32(),
}


def arrow_array(type_name, values):
    if type_name.startswith("decimal"):
        precision, scale = (int(part) for part in type_name[8:-1].split(","))
        items = [None if v is None else decimal.Decimal(int(v)).scaleb(-scale) for v in values]
        return pa.array(items, pa.decimal128(precision, scale))
    arrow_type = ARROW_TYPES[type_name]
    if type_name == "boolean":
        items = [None if v is None else v == "true" for v in values]
    elif type_name in ("tinyint", "smallint", "int", "bigint", "date"):
        items = [None if v is None else int(v) for v in values]
    elif type_name == "float":
        items = [None if v is None else struct.unpack("<f", bytes.fromhex(v))[0] for v in values]
    elif type_name == "double":
        items = [None if v is None else struct.unpack("<d", bytes.fromhex(v))[0] for v in values]
    elif type_name == "binary":
        items = [None if v is None else bytes.fromhex(v) for v in values]
    elif type_name == "timestamp":
        nanos = [None if v is None else int(v.split(",")[0]) * 1_000_000_000 + int(v.split(",")[1]) for v in values]
        return pa.array(nanos, pa.int64()).cast(arrow_type)
    else:
        items = values
    return pa.array(items, arrow_type)


def write(spec_path):
    with open(spec_path) as spec_file:
        spec = json.load(spec_file)
    for target in spec["files"]:
        names = [column["name"] for column in spec["columns"]]
        arrays = [arrow_array(column["type"], column["values"]) for column in spec["columns"]]
        table = pa.Table.from_arrays(arrays, names=names)
        orc.write_table(
            table, target["path"], compression=target["compression"],
            dictionary_key_size_threshold=target["dictionary_key_size_threshold"],
            stripe_size=target.get("stripe_size", 64 * 1024 * 1024),
            batch_size=target.get("batch_size", 1024),
        )


if __name__ == "__main__":
    if sys.argv[1] == "read":
        read(sys.argv[2:])
    elif sys.argv[1] == "write":
        write(sys.argv[2])
    else:
        sys.exit(f"unknown command {sys.argv[1]}; use read or write")
