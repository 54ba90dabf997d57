/// The Protocol Buffers messages of the ORC file tail, stripe footers and indexes, as the ORC
/// specification defines them in `orc_proto.proto`.
///
/// Every field keeps its protobuf name; optional scalars are Swift optionals so that a reader can
/// tell a missing field from a zero. Decoding lives in `OrcProto+Decoding.swift`.
public enum OrcProto {
    /// The last section of the file, never compressed: lengths of the footer and metadata,
    /// the codec and the format version.
    public struct PostScript: Sendable, Equatable {
        public var footerLength: UInt64?
        public var compression: CompressionKind?
        public var compressionBlockSize: UInt64?
        /// The format version as [major, minor], such as [0, 12].
        public var version: [UInt32] = []
        public var metadataLength: UInt64?
        public var writerVersion: UInt32?
        public var stripeStatisticsLength: UInt64?
        /// The fixed string `ORC`.
        public var magic: String?

        public init() {}
    }

    /// The file footer: layout of the stripes, the schema, user metadata and file statistics.
    public struct Footer: Sendable, Equatable {
        public var headerLength: UInt64?
        public var contentLength: UInt64?
        public var stripes: [StripeInformation] = []
        public var types: [SchemaType] = []
        public var metadata: [UserMetadataItem] = []
        public var numberOfRows: UInt64?
        public var statistics: [ColumnStatistics] = []
        public var rowIndexStride: UInt32?
        /// The registered writer id: 0 ORC Java, 1 ORC C++, 2 Presto, 3 Scritchley Go, 4 Trino, 5 CUDF.
        public var writer: UInt32?
        /// The serialized `Encryption` message, present only in files with encrypted columns.
        public var encryption: [UInt8]?
        /// The calendar of dates and timestamps: 1 Julian-Gregorian, 2 proleptic Gregorian.
        public var calendar: UInt32?
        public var softwareVersion: String?

        public init() {}
    }

    /// The location and size of one stripe.
    public struct StripeInformation: Sendable, Equatable {
        public var offset: UInt64?
        public var indexLength: UInt64?
        public var dataLength: UInt64?
        public var footerLength: UInt64?
        public var numberOfRows: UInt64?
        public var encryptStripeId: UInt64?
        public var encryptedLocalKeys: [[UInt8]] = []

        public init() {}
    }

    /// One key and value of a type attribute.
    public struct StringPair: Sendable, Equatable {
        public var key: String = ""
        public var value: String = ""

        public init(key: String = "", value: String = "") {
            self.key = key
            self.value = value
        }
    }

    /// One node of the flattened schema (`Type` in `orc_proto.proto`), in pre-order.
    public struct SchemaType: Sendable, Equatable {
        /// The raw `Type.Kind`; see `OrcType.Kind` for the values.
        public var kind: UInt32?
        public var subtypes: [UInt32] = []
        public var fieldNames: [String] = []
        public var maximumLength: UInt32?
        public var precision: UInt32?
        public var scale: UInt32?
        public var attributes: [StringPair] = []

        public init() {}
    }

    /// Minimum, maximum and sum of an integer column.
    public struct IntegerStatistics: Sendable, Equatable {
        public var minimum: Int64?
        public var maximum: Int64?
        public var sum: Int64?

        public init() {}
    }

    /// Minimum, maximum and sum of a float or double column.
    public struct DoubleStatistics: Sendable, Equatable {
        public var minimum: Double?
        public var maximum: Double?
        public var sum: Double?

        public init() {}
    }

    /// Minimum, maximum and total length of a string column; bounds replace min and max when
    /// the values were too long to store.
    public struct StringStatistics: Sendable, Equatable {
        public var minimum: String?
        public var maximum: String?
        public var sum: Int64?
        public var lowerBound: String?
        public var upperBound: String?

        public init() {}
    }

    /// The counts of a boolean column, where `count[0]` is the number of true values.
    public struct BucketStatistics: Sendable, Equatable {
        public var count: [UInt64] = []

        public init() {}
    }

    /// Minimum, maximum and sum of a decimal column as decimal strings.
    public struct DecimalStatistics: Sendable, Equatable {
        public var minimum: String?
        public var maximum: String?
        public var sum: String?

        public init() {}
    }

    /// Minimum and maximum of a date column in days since 1970-01-01.
    public struct DateStatistics: Sendable, Equatable {
        public var minimum: Int32?
        public var maximum: Int32?

        public init() {}
    }

    /// Minimum and maximum of a timestamp column in milliseconds since the epoch, plus the
    /// sub-millisecond nanoseconds (stored plus one, so 0 means absent).
    public struct TimestampStatistics: Sendable, Equatable {
        public var minimum: Int64?
        public var maximum: Int64?
        public var minimumUtc: Int64?
        public var maximumUtc: Int64?
        public var minimumNanos: Int32?
        public var maximumNanos: Int32?

        public init() {}
    }

    /// Total length in bytes of a binary column.
    public struct BinaryStatistics: Sendable, Equatable {
        public var sum: Int64?

        public init() {}
    }

    /// Child counts of a list or map column.
    public struct CollectionStatistics: Sendable, Equatable {
        public var minChildren: UInt64?
        public var maxChildren: UInt64?
        public var totalChildren: UInt64?

        public init() {}
    }

    /// The statistics of one column over a file, stripe or row group.
    public struct ColumnStatistics: Sendable, Equatable {
        public var numberOfValues: UInt64?
        public var intStatistics: IntegerStatistics?
        public var doubleStatistics: DoubleStatistics?
        public var stringStatistics: StringStatistics?
        public var bucketStatistics: BucketStatistics?
        public var decimalStatistics: DecimalStatistics?
        public var dateStatistics: DateStatistics?
        public var binaryStatistics: BinaryStatistics?
        public var timestampStatistics: TimestampStatistics?
        public var hasNull: Bool?
        public var bytesOnDisk: UInt64?
        public var collectionStatistics: CollectionStatistics?

        public init() {}
    }

    /// The stream positions and statistics of one row group.
    public struct RowIndexEntry: Sendable, Equatable {
        public var positions: [UInt64] = []
        public var statistics: ColumnStatistics?

        public init() {}
    }

    /// The row group index of one column in one stripe.
    public struct RowIndex: Sendable, Equatable {
        public var entry: [RowIndexEntry] = []

        public init() {}
    }

    /// One stream of a stripe: its kind, column and length in bytes.
    public struct Stream: Sendable, Equatable {
        /// The stream kind, kept open so that unknown kinds from newer writers still decode.
        public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
            public var rawValue: UInt32
            public init(rawValue: UInt32) { self.rawValue = rawValue }

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

        public var kind: Kind?
        public var column: UInt32?
        public var length: UInt64?

        public init(kind: Kind? = nil, column: UInt32? = nil, length: UInt64? = nil) {
            self.kind = kind
            self.column = column
            self.length = length
        }
    }

    /// How one column is encoded in one stripe.
    public struct ColumnEncoding: Sendable, Equatable {
        /// The encoding kind, kept open so that unknown kinds from newer writers still decode.
        public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
            public var rawValue: UInt32
            public init(rawValue: UInt32) { self.rawValue = rawValue }

            public static let direct = Kind(rawValue: 0)
            public static let dictionary = Kind(rawValue: 1)
            public static let directV2 = Kind(rawValue: 2)
            public static let dictionaryV2 = Kind(rawValue: 3)
            public static let decimal64 = Kind(rawValue: 4)

            public var description: String {
                let names = ["DIRECT", "DICTIONARY", "DIRECT_V2", "DICTIONARY_V2", "DECIMAL_64"]
                return rawValue < names.count ? names[Int(rawValue)] : "encoding kind \(rawValue)"
            }
        }

        public var kind: Kind?
        public var dictionarySize: UInt32?
        public var bloomEncoding: UInt32?

        public init(kind: Kind? = nil, dictionarySize: UInt32? = nil) {
            self.kind = kind
            self.dictionarySize = dictionarySize
        }
    }

    /// The footer of one stripe: its streams in file order, column encodings and the writer's zone.
    public struct StripeFooter: Sendable, Equatable {
        public var streams: [Stream] = []
        public var columns: [ColumnEncoding] = []
        public var writerTimezone: String?
        /// The serialized `StripeEncryptionVariant` messages of encrypted columns.
        public var encryption: [[UInt8]] = []

        public init() {}
    }

    /// One user metadata key and value.
    public struct UserMetadataItem: Sendable, Equatable {
        public var name: String = ""
        public var value: [UInt8] = []

        public init(name: String = "", value: [UInt8] = []) {
            self.name = name
            self.value = value
        }
    }

    /// The column statistics of one stripe, indexed by column id.
    public struct StripeStatistics: Sendable, Equatable {
        public var colStats: [ColumnStatistics] = []

        public init() {}
    }

    /// The metadata section: statistics for every stripe.
    public struct Metadata: Sendable, Equatable {
        public var stripeStats: [StripeStatistics] = []

        public init() {}
    }
}
