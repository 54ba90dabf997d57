#ifndef RETENTION_CCOMPRESSION_SHIM_H
#define RETENTION_CCOMPRESSION_SHIM_H

// The codecs that ORC files use: zlib (raw deflate), zstd, snappy and lz4 (block format).
#include <zlib.h>
#include <zstd.h>
#include <snappy-c.h>
#include <lz4.h>

#endif
