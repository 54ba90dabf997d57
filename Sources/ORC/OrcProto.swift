/// The Protocol Buffers messages of the ORC file tail, stripe footers and indexes, as the ORC
/// specification defines them in `orc_proto.proto`.
///
/// Every field keeps its protobuf name; optional scalars are Swift optionals so that a reader can
/// tell a missing field from a zero. Decoding lives in `OrcProto+Decoding.swift`.
public enum OrcProto {
    /// The last section of the file, never compressed: lengths of the footer and metadata,
    /// the codec and the format version.
    public struct PostScript: Sendable, Equatable {
        /// The length in bytes of the stored (possibly compressed) footer.
        public var footerLength: UInt64?
        /// The codec of every section except the postscript.
        public var compression: CompressionKind?
        /// The largest decompressed size of one compression chunk, in bytes.
        public var compressionBlockSize: UInt64?
        /// The format version as [major, minor], such as [0, 12].
        public var version: [UInt32] = []
        /// The length in bytes of the stored metadata section.
        public var metadataLength: UInt64?
        /// The writer version, which names the writer bugs that are fixed (6 and up for writers other than ORC Java).
        public var writerVersion: UInt32?
        /// The length in bytes of the encrypted stripe statistics before the metadata section.
        public var stripeStatisticsLength: UInt64?
        /// The fixed string `ORC`.
        public var magic: String?

        /// Makes a message with every field unset.
        public init() {}
    }

    /// The file footer: layout of the stripes, the schema, user metadata and file statistics.
    public struct Footer: Sendable, Equatable {
        /// The length of the file header, 3 for the bytes `ORC`.
        public var headerLength: UInt64?
        /// The length of the header and the stripes in bytes.
        public var contentLength: UInt64?
        /// The stripes in file order.
        public var stripes: [StripeInformation] = []
        /// The schema flattened in pre-order, so index `i` is column `i`.
        public var types: [SchemaType] = []
        /// The user metadata.
        public var metadata: [UserMetadataItem] = []
        /// The number of rows in the file.
        public var numberOfRows: UInt64?
        /// The file statistics, indexed by column id.
        public var statistics: [ColumnStatistics] = []
        /// The number of rows per row-group index entry, 0 without an index.
        public var rowIndexStride: UInt32?
        /// The registered writer id: 0 ORC Java, 1 ORC C++, 2 Presto, 3 Scritchley Go, 4 Trino, 5 CUDF.
        public var writer: UInt32?
        /// The serialized `Encryption` message, present only in files with encrypted columns.
        public var encryption: [UInt8]?
        /// The calendar of dates and timestamps: 1 Julian-Gregorian, 2 proleptic Gregorian.
        public var calendar: UInt32?
        /// The version string of the writing software.
        public var softwareVersion: String?

        /// Makes a message with every field unset.
        public init() {}
    }

    /// The location and size of one stripe.
    public struct StripeInformation: Sendable, Equatable {
        /// The file offset of the stripe's first byte.
        public var offset: UInt64?
        /// The length in bytes of the index streams at the start of the stripe.
        public var indexLength: UInt64?
        /// The length in bytes of the data streams after the index streams.
        public var dataLength: UInt64?
        /// The length in bytes of the stored stripe footer after the data streams.
        public var footerLength: UInt64?
        /// The number of rows in the stripe.
        public var numberOfRows: UInt64?
        /// The stripe id for the encryption IV, set on the first stripe of encrypted files.
        public var encryptStripeId: UInt64?
        /// The encrypted local key of each encryption variant.
        public var encryptedLocalKeys: [[UInt8]] = []

        /// Makes a message with every field unset.
        public init() {}
    }

    /// One key and value of a type attribute.
    public struct StringPair: Sendable, Equatable {
        /// The attribute name.
        public var key: String = ""
        /// The attribute value.
        public var value: String = ""

        /// Makes an attribute.
        public init(key: String = "", value: String = "") {
            self.key = key
            self.value = value
        }
    }

    /// One node of the flattened schema (`Type` in `orc_proto.proto`), in pre-order.
    public struct SchemaType: Sendable, Equatable {
        /// The raw `Type.Kind`; see `OrcType.Kind` for the values.
        public var kind: UInt32?
        /// The column ids of the children of a compound type.
        public var subtypes: [UInt32] = []
        /// The field names of a struct, parallel to `subtypes`.
        public var fieldNames: [String] = []
        /// The length limit in characters of a varchar or char.
        public var maximumLength: UInt32?
        /// The total number of digits of a decimal.
        public var precision: UInt32?
        /// The number of digits after the point of a decimal.
        public var scale: UInt32?
        /// Free-form key and value attributes of the type.
        public var attributes: [StringPair] = []

        /// Makes a message with every field unset.
        public init() {}
    }

    /// Minimum, maximum and sum of an integer column.
    public struct IntegerStatistics: Sendable, Equatable {
        /// The smallest value.
        public var minimum: Int64?
        /// The largest value.
        public var maximum: Int64?
        /// The sum of the values, absent when it overflowed 64 bits.
        public var sum: Int64?

        /// Makes a message with every field unset.
        public init() {}
    }

    /// Minimum, maximum and sum of a float or double column.
    public struct DoubleStatistics: Sendable, Equatable {
        /// The smallest value.
        public var minimum: Double?
        /// The largest value.
        public var maximum: Double?
        /// The sum of the values.
        public var sum: Double?

        /// Makes a message with every field unset.
        public init() {}
    }

    /// Minimum, maximum and total length of a string column; bounds replace min and max when
    /// the values were too long to store.
    public struct StringStatistics: Sendable, Equatable {
        /// The smallest value in UTF-8 byte order.
        public var minimum: String?
        /// The largest value in UTF-8 byte order.
        public var maximum: String?
        /// The total length of the values in bytes.
        public var sum: Int64?
        /// A prefix no larger than the minimum, when the minimum was too long to store.
        public var lowerBound: String?
        /// A string no smaller than the maximum, when the maximum was too long to store.
        public var upperBound: String?

        /// Makes a message with every field unset.
        public init() {}
    }

    /// The counts of a boolean column, where `count[0]` is the number of true values.
    public struct BucketStatistics: Sendable, Equatable {
        /// The number of true values, as the single element.
        public var count: [UInt64] = []

        /// Makes a message with every field unset.
        public init() {}
    }

    /// Minimum, maximum and sum of a decimal column as decimal strings.
    public struct DecimalStatistics: Sendable, Equatable {
        /// The smallest value.
        public var minimum: String?
        /// The largest value.
        public var maximum: String?
        /// The sum of the values.
        public var sum: String?

        /// Makes a message with every field unset.
        public init() {}
    }

    /// Minimum and maximum of a date column in days since 1970-01-01.
    public struct DateStatistics: Sendable, Equatable {
        /// The earliest date in days since 1970-01-01.
        public var minimum: Int32?
        /// The latest date in days since 1970-01-01.
        public var maximum: Int32?

        /// Makes a message with every field unset.
        public init() {}
    }

    /// Minimum and maximum of a timestamp column in milliseconds since the epoch, plus the
    /// sub-millisecond nanoseconds (stored plus one, so 0 means absent).
    public struct TimestampStatistics: Sendable, Equatable {
        /// The earliest value in milliseconds, in the writer's local time (older writers).
        public var minimum: Int64?
        /// The latest value in milliseconds, in the writer's local time (older writers).
        public var maximum: Int64?
        /// The earliest value in milliseconds since the epoch in UTC.
        public var minimumUtc: Int64?
        /// The latest value in milliseconds since the epoch in UTC.
        public var maximumUtc: Int64?
        /// The nanoseconds below the millisecond of the minimum, plus one.
        public var minimumNanos: Int32?
        /// The nanoseconds below the millisecond of the maximum, plus one.
        public var maximumNanos: Int32?

        /// Makes a message with every field unset.
        public init() {}
    }

    /// Total length in bytes of a binary column.
    public struct BinaryStatistics: Sendable, Equatable {
        /// The total length of the values in bytes.
        public var sum: Int64?

        /// Makes a message with every field unset.
        public init() {}
    }

    /// Child counts of a list or map column.
    public struct CollectionStatistics: Sendable, Equatable {
        /// The minimum number of children of one value.
        public var minChildren: UInt64?
        /// The maximum number of children of one value.
        public var maxChildren: UInt64?
        /// The number of children of all values.
        public var totalChildren: UInt64?

        /// Makes a message with every field unset.
        public init() {}
    }

    /// The statistics of one column over a file, stripe or row group.
    public struct ColumnStatistics: Sendable, Equatable {
        /// The number of non-null values.
        public var numberOfValues: UInt64?
        /// The summary of an integer column.
        public var intStatistics: IntegerStatistics?
        /// The summary of a float or double column.
        public var doubleStatistics: DoubleStatistics?
        /// The summary of a string, varchar or char column.
        public var stringStatistics: StringStatistics?
        /// The summary of a boolean column.
        public var bucketStatistics: BucketStatistics?
        /// The summary of a decimal column.
        public var decimalStatistics: DecimalStatistics?
        /// The summary of a date column.
        public var dateStatistics: DateStatistics?
        /// The summary of a binary column.
        public var binaryStatistics: BinaryStatistics?
        /// The summary of a timestamp column.
        public var timestampStatistics: TimestampStatistics?
        /// Whether any value is null.
        public var hasNull: Bool?
        /// The number of stored bytes of the column.
        public var bytesOnDisk: UInt64?
        /// The summary of a list or map column.
        public var collectionStatistics: CollectionStatistics?

        /// Makes a message with every field unset.
        public init() {}
    }

    /// The stream positions and statistics of one row group.
    public struct RowIndexEntry: Sendable, Equatable {
        /// The positions in each of the column's streams where the row group starts.
        public var positions: [UInt64] = []
        /// The statistics of the row group.
        public var statistics: ColumnStatistics?

        /// Makes a message with every field unset.
        public init() {}
    }

    /// The row group index of one column in one stripe.
    public struct RowIndex: Sendable, Equatable {
        /// One entry per row group.
        public var entry: [RowIndexEntry] = []

        /// Makes a message with every field unset.
        public init() {}
    }

    /// One stream of a stripe: its kind, column and length in bytes.
    public struct Stream: Sendable, Equatable {
        /// The stream kind, kept open so that unknown kinds from newer writers still decode.
        public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
            /// The `Stream.Kind` number.
            public var rawValue: UInt32

            /// Makes a kind from its number, known or not.
            public init(rawValue: UInt32) { self.rawValue = rawValue }

            // The kinds of the specification's `Stream.Kind` enum.
            public static let present = Kind(rawValue: 0)
            public static let data = Kind(rawValue: 1)
            public static let length = Kind(rawValue: 2)
            public static let dictionaryData = Kind(rawValue: 3)
            public static let dictionaryCount = Kind(rawValue: 4)
            public static let secondary = Kind(rawValue: 5)
            public static let rowIndex = Kind(rawValue: 6)
            public static let bloomFilter = Kind(rawValue: 7)
            public static let bloomFilterUtf8 = Kind(rawValue: 8)
            public static let encryptedIndex = Kind(rawValue: 9)
            public static let encryptedData = Kind(rawValue: 10)
            public static let stripeStatistics = Kind(rawValue: 100)
            public static let fileStatistics = Kind(rawValue: 101)

            /// The specification's name, such as `DATA`.
            public var description: String {
                let names: [UInt32: String] = [
                    0: "PRESENT", 1: "DATA", 2: "LENGTH", 3: "DICTIONARY_DATA", 4: "DICTIONARY_COUNT",
                    5: "SECONDARY", 6: "ROW_INDEX", 7: "BLOOM_FILTER", 8: "BLOOM_FILTER_UTF8",
                    9: "ENCRYPTED_INDEX", 10: "ENCRYPTED_DATA", 100: "STRIPE_STATISTICS", 101: "FILE_STATISTICS",
                ]
                return names[rawValue] ?? "stream kind \(rawValue)"
            }

            /// Whether the stream belongs to the index section rather than the data section.
            public var isIndex: Bool {
                self == .rowIndex || self == .bloomFilter || self == .bloomFilterUtf8 || self == .encryptedIndex
            }
        }

        /// The stream kind.
        public var kind: Kind?
        /// The column id.
        public var column: UInt32?
        /// The stored length in bytes.
        public var length: UInt64?

        /// Makes a stream entry.
        public init(kind: Kind? = nil, column: UInt32? = nil, length: UInt64? = nil) {
            self.kind = kind
            self.column = column
            self.length = length
        }
    }

    /// The encoding of one column in one stripe.
    public struct ColumnEncoding: Sendable, Equatable {
        /// The encoding kind, kept open so that unknown kinds from newer writers still decode.
        public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
            /// The `ColumnEncoding.Kind` number.
            public var rawValue: UInt32

            /// Makes a kind from its number, known or not.
            public init(rawValue: UInt32) { self.rawValue = rawValue }

            // The kinds of the specification's `ColumnEncoding.Kind` enum.
            public static let direct = Kind(rawValue: 0)
            public static let dictionary = Kind(rawValue: 1)
            public static let directV2 = Kind(rawValue: 2)
            public static let dictionaryV2 = Kind(rawValue: 3)
            public static let decimal64 = Kind(rawValue: 4)

            /// The specification's name, such as `DIRECT_V2`.
            public var description: String {
                let names = ["DIRECT", "DICTIONARY", "DIRECT_V2", "DICTIONARY_V2", "DECIMAL_64"]
                return rawValue < names.count ? names[Int(rawValue)] : "encoding kind \(rawValue)"
            }
        }

        /// The encoding kind.
        public var kind: Kind?
        /// The number of dictionary entries of a dictionary encoding.
        public var dictionarySize: UInt32?
        /// The bloom filter version: 0 original, 1 with UTC timestamps.
        public var bloomEncoding: UInt32?

        /// Makes a column encoding.
        public init(kind: Kind? = nil, dictionarySize: UInt32? = nil) {
            self.kind = kind
            self.dictionarySize = dictionarySize
        }
    }

    /// The footer of one stripe: its streams in file order, column encodings and the writer's zone.
    public struct StripeFooter: Sendable, Equatable {
        /// The streams in file order, index streams first.
        public var streams: [Stream] = []
        /// The encoding of each column, indexed by column id.
        public var columns: [ColumnEncoding] = []
        /// The time zone of the writer, which `timestamp` values are relative to.
        public var writerTimezone: String?
        /// The serialized `StripeEncryptionVariant` messages of encrypted columns.
        public var encryption: [[UInt8]] = []

        /// Makes a message with every field unset.
        public init() {}
    }

    /// One user metadata key and value.
    public struct UserMetadataItem: Sendable, Equatable {
        /// The key.
        public var name: String = ""
        /// The value bytes.
        public var value: [UInt8] = []

        /// Makes a metadata item.
        public init(name: String = "", value: [UInt8] = []) {
            self.name = name
            self.value = value
        }
    }

    /// The column statistics of one stripe, indexed by column id.
    public struct StripeStatistics: Sendable, Equatable {
        /// The statistics of each column, indexed by column id.
        public var colStats: [ColumnStatistics] = []

        /// Makes a message with every field unset.
        public init() {}
    }

    /// The metadata section: statistics for every stripe.
    public struct Metadata: Sendable, Equatable {
        /// The statistics of each stripe in file order.
        public var stripeStats: [StripeStatistics] = []

        /// Makes a message with every field unset.
        public init() {}
    }
}
