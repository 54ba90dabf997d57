// Decoding of the ORC protobuf messages from their wire format. Fields with an unexpected wire
// type and unknown fields are skipped, as protobuf readers do, so newer writers stay readable.

extension OrcProto.PostScript {
    /// Decodes a serialized postscript.
    ///
    /// - Throws: `OrcError` when the bytes are not a valid message or name an unknown codec.
    public init(serializedBytes bytes: [UInt8]) throws {
        var reader = ProtobufReader(bytes, messageName: "PostScript")
        try self.init(decoding: &reader)
    }

    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .varint): footerLength = try reader.readVarint()
            case (2, .varint):
                let raw = try reader.readVarint()
                guard raw <= UInt64(Int.max), let kind = CompressionKind(rawValue: Int(raw)) else {
                    throw reader.corrupt("unknown compression kind \(raw)")
                }
                compression = kind
            case (3, .varint): compressionBlockSize = try reader.readVarint()
            case (4, _):
                var values: [UInt64] = []
                try reader.readRepeatedVarint(wire, into: &values)
                version += values.map { UInt32(truncatingIfNeeded: $0) }
            case (5, .varint): metadataLength = try reader.readVarint()
            case (6, .varint): writerVersion = try reader.readUInt32()
            case (7, .varint): stripeStatisticsLength = try reader.readVarint()
            case (8000, .lengthDelimited): magic = try reader.readString()
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.Footer {
    /// Decodes a serialized (already decompressed) file footer.
    ///
    /// - Throws: `OrcError` when the bytes are not a valid message.
    public init(serializedBytes bytes: [UInt8]) throws {
        var reader = ProtobufReader(bytes, messageName: "Footer")
        try self.init(decoding: &reader)
    }

    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .varint): headerLength = try reader.readVarint()
            case (2, .varint): contentLength = try reader.readVarint()
            case (3, .lengthDelimited):
                var nested = try reader.readMessage(named: "StripeInformation")
                stripes.append(try OrcProto.StripeInformation(decoding: &nested))
            case (4, .lengthDelimited):
                var nested = try reader.readMessage(named: "Type")
                types.append(try OrcProto.SchemaType(decoding: &nested))
            case (5, .lengthDelimited):
                var nested = try reader.readMessage(named: "UserMetadataItem")
                metadata.append(try OrcProto.UserMetadataItem(decoding: &nested))
            case (6, .varint): numberOfRows = try reader.readVarint()
            case (7, .lengthDelimited):
                var nested = try reader.readMessage(named: "ColumnStatistics")
                statistics.append(try OrcProto.ColumnStatistics(decoding: &nested))
            case (8, .varint): rowIndexStride = try reader.readUInt32()
            case (9, .varint): writer = try reader.readUInt32()
            case (10, .lengthDelimited): encryption = try reader.readBytes()
            case (11, .varint): calendar = try reader.readUInt32()
            case (12, .lengthDelimited): softwareVersion = try reader.readString()
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.StripeInformation {
    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .varint): offset = try reader.readVarint()
            case (2, .varint): indexLength = try reader.readVarint()
            case (3, .varint): dataLength = try reader.readVarint()
            case (4, .varint): footerLength = try reader.readVarint()
            case (5, .varint): numberOfRows = try reader.readVarint()
            case (6, .varint): encryptStripeId = try reader.readVarint()
            case (7, .lengthDelimited): encryptedLocalKeys.append(try reader.readBytes())
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.StringPair {
    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .lengthDelimited): key = try reader.readString()
            case (2, .lengthDelimited): value = try reader.readString()
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.SchemaType {
    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .varint): kind = try reader.readUInt32()
            case (2, _):
                var values: [UInt64] = []
                try reader.readRepeatedVarint(wire, into: &values)
                for value in values {
                    guard value <= UInt64(UInt32.max) else { throw reader.corrupt("subtype id \(value) out of range") }
                    subtypes.append(UInt32(value))
                }
            case (3, .lengthDelimited): fieldNames.append(try reader.readString())
            case (4, .varint): maximumLength = try reader.readUInt32()
            case (5, .varint): precision = try reader.readUInt32()
            case (6, .varint): scale = try reader.readUInt32()
            case (7, .lengthDelimited):
                var nested = try reader.readMessage(named: "StringPair")
                attributes.append(try OrcProto.StringPair(decoding: &nested))
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.IntegerStatistics {
    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .varint): minimum = try reader.readSignedVarint()
            case (2, .varint): maximum = try reader.readSignedVarint()
            case (3, .varint): sum = try reader.readSignedVarint()
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.DoubleStatistics {
    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .fixed64): minimum = try reader.readDouble()
            case (2, .fixed64): maximum = try reader.readDouble()
            case (3, .fixed64): sum = try reader.readDouble()
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.StringStatistics {
    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .lengthDelimited): minimum = try reader.readString()
            case (2, .lengthDelimited): maximum = try reader.readString()
            case (3, .varint): sum = try reader.readSignedVarint()
            case (4, .lengthDelimited): lowerBound = try reader.readString()
            case (5, .lengthDelimited): upperBound = try reader.readString()
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.BucketStatistics {
    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch field {
            case 1: try reader.readRepeatedVarint(wire, into: &count)
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.DecimalStatistics {
    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .lengthDelimited): minimum = try reader.readString()
            case (2, .lengthDelimited): maximum = try reader.readString()
            case (3, .lengthDelimited): sum = try reader.readString()
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.DateStatistics {
    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .varint): minimum = try reader.readSignedVarint32()
            case (2, .varint): maximum = try reader.readSignedVarint32()
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.TimestampStatistics {
    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .varint): minimum = try reader.readSignedVarint()
            case (2, .varint): maximum = try reader.readSignedVarint()
            case (3, .varint): minimumUtc = try reader.readSignedVarint()
            case (4, .varint): maximumUtc = try reader.readSignedVarint()
            case (5, .varint): minimumNanos = Int32(truncatingIfNeeded: try reader.readVarint())
            case (6, .varint): maximumNanos = Int32(truncatingIfNeeded: try reader.readVarint())
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.BinaryStatistics {
    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .varint): sum = try reader.readSignedVarint()
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.CollectionStatistics {
    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .varint): minChildren = try reader.readVarint()
            case (2, .varint): maxChildren = try reader.readVarint()
            case (3, .varint): totalChildren = try reader.readVarint()
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.ColumnStatistics {
    /// Decodes serialized column statistics, as stored in the file statistics of encrypted variants.
    ///
    /// - Throws: `OrcError` when the bytes are not a valid message.
    public init(serializedBytes bytes: [UInt8]) throws {
        var reader = ProtobufReader(bytes, messageName: "ColumnStatistics")
        try self.init(decoding: &reader)
    }

    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .varint): numberOfValues = try reader.readVarint()
            case (2, .lengthDelimited):
                var nested = try reader.readMessage(named: "IntegerStatistics")
                intStatistics = try OrcProto.IntegerStatistics(decoding: &nested)
            case (3, .lengthDelimited):
                var nested = try reader.readMessage(named: "DoubleStatistics")
                doubleStatistics = try OrcProto.DoubleStatistics(decoding: &nested)
            case (4, .lengthDelimited):
                var nested = try reader.readMessage(named: "StringStatistics")
                stringStatistics = try OrcProto.StringStatistics(decoding: &nested)
            case (5, .lengthDelimited):
                var nested = try reader.readMessage(named: "BucketStatistics")
                bucketStatistics = try OrcProto.BucketStatistics(decoding: &nested)
            case (6, .lengthDelimited):
                var nested = try reader.readMessage(named: "DecimalStatistics")
                decimalStatistics = try OrcProto.DecimalStatistics(decoding: &nested)
            case (7, .lengthDelimited):
                var nested = try reader.readMessage(named: "DateStatistics")
                dateStatistics = try OrcProto.DateStatistics(decoding: &nested)
            case (8, .lengthDelimited):
                var nested = try reader.readMessage(named: "BinaryStatistics")
                binaryStatistics = try OrcProto.BinaryStatistics(decoding: &nested)
            case (9, .lengthDelimited):
                var nested = try reader.readMessage(named: "TimestampStatistics")
                timestampStatistics = try OrcProto.TimestampStatistics(decoding: &nested)
            case (10, .varint): hasNull = try reader.readBool()
            case (11, .varint): bytesOnDisk = try reader.readVarint()
            case (12, .lengthDelimited):
                var nested = try reader.readMessage(named: "CollectionStatistics")
                collectionStatistics = try OrcProto.CollectionStatistics(decoding: &nested)
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.RowIndexEntry {
    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, _): try reader.readRepeatedVarint(wire, into: &positions)
            case (2, .lengthDelimited):
                var nested = try reader.readMessage(named: "ColumnStatistics")
                statistics = try OrcProto.ColumnStatistics(decoding: &nested)
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.RowIndex {
    /// Decodes a serialized (already decompressed) row index stream.
    ///
    /// - Throws: `OrcError` when the bytes are not a valid message.
    public init(serializedBytes bytes: [UInt8]) throws {
        var reader = ProtobufReader(bytes, messageName: "RowIndex")
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .lengthDelimited):
                var nested = try reader.readMessage(named: "RowIndexEntry")
                entry.append(try OrcProto.RowIndexEntry(decoding: &nested))
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.Stream {
    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .varint): kind = Kind(rawValue: try reader.readUInt32())
            case (2, .varint): column = try reader.readUInt32()
            case (3, .varint): length = try reader.readVarint()
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.ColumnEncoding {
    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .varint): kind = Kind(rawValue: try reader.readUInt32())
            case (2, .varint): dictionarySize = try reader.readUInt32()
            case (3, .varint): bloomEncoding = try reader.readUInt32()
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.StripeFooter {
    /// Decodes a serialized (already decompressed) stripe footer.
    ///
    /// - Throws: `OrcError` when the bytes are not a valid message.
    public init(serializedBytes bytes: [UInt8]) throws {
        var reader = ProtobufReader(bytes, messageName: "StripeFooter")
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .lengthDelimited):
                var nested = try reader.readMessage(named: "Stream")
                streams.append(try OrcProto.Stream(decoding: &nested))
            case (2, .lengthDelimited):
                var nested = try reader.readMessage(named: "ColumnEncoding")
                columns.append(try OrcProto.ColumnEncoding(decoding: &nested))
            case (3, .lengthDelimited): writerTimezone = try reader.readString()
            case (4, .lengthDelimited): encryption.append(try reader.readBytes())
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.UserMetadataItem {
    init(decoding reader: inout ProtobufReader) throws {
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .lengthDelimited): name = try reader.readString()
            case (2, .lengthDelimited): value = try reader.readBytes()
            default: try reader.skip(wire)
            }
        }
    }
}

extension OrcProto.Metadata {
    /// Decodes a serialized (already decompressed) metadata section.
    ///
    /// - Throws: `OrcError` when the bytes are not a valid message.
    public init(serializedBytes bytes: [UInt8]) throws {
        var reader = ProtobufReader(bytes, messageName: "Metadata")
        self.init()
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .lengthDelimited):
                var nested = try reader.readMessage(named: "StripeStatistics")
                var statistics = OrcProto.StripeStatistics()
                while let (innerField, innerWire) = try nested.nextField() {
                    if innerField == 1, innerWire == .lengthDelimited {
                        var column = try nested.readMessage(named: "ColumnStatistics")
                        statistics.colStats.append(try OrcProto.ColumnStatistics(decoding: &column))
                    } else {
                        try nested.skip(innerWire)
                    }
                }
                stripeStats.append(statistics)
            default: try reader.skip(wire)
            }
        }
    }
}
