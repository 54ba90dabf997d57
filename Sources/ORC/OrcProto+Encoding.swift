// Encoding of the ORC protobuf messages into their wire format, with the field numbers of
// orc_proto.proto in the Apache ORC repository. Absent optional fields and empty repeated fields
// are not written.

extension OrcProto.PostScript {
    /// Returns the message in protobuf wire format.
    public func serializedBytes() -> [UInt8] {
        var encoder = ProtobufEncoder()
        if let footerLength { encoder.appendUInt(1, footerLength) }
        if let compression { encoder.appendUInt(2, UInt64(compression.rawValue)) }
        if let compressionBlockSize { encoder.appendUInt(3, compressionBlockSize) }
        encoder.appendPacked(4, version.lazy.map { UInt64($0) })
        if let metadataLength { encoder.appendUInt(5, metadataLength) }
        if let writerVersion { encoder.appendUInt(6, UInt64(writerVersion)) }
        if let stripeStatisticsLength { encoder.appendUInt(7, stripeStatisticsLength) }
        if let magic { encoder.appendString(8000, magic) }
        return encoder.bytes
    }
}

extension OrcProto.Footer {
    /// Returns the message in protobuf wire format.
    public func serializedBytes() -> [UInt8] {
        var encoder = ProtobufEncoder()
        if let headerLength { encoder.appendUInt(1, headerLength) }
        if let contentLength { encoder.appendUInt(2, contentLength) }
        for stripe in stripes { encoder.appendMessage(3, stripe.encode) }
        for type in types { encoder.appendMessage(4, type.encode) }
        for item in metadata { encoder.appendMessage(5, item.encode) }
        if let numberOfRows { encoder.appendUInt(6, numberOfRows) }
        for statistics in statistics { encoder.appendMessage(7, statistics.encode) }
        if let rowIndexStride { encoder.appendUInt(8, UInt64(rowIndexStride)) }
        if let writer { encoder.appendUInt(9, UInt64(writer)) }
        if let encryption { encoder.appendBytes(10, encryption) }
        if let calendar { encoder.appendUInt(11, UInt64(calendar)) }
        if let softwareVersion { encoder.appendString(12, softwareVersion) }
        return encoder.bytes
    }
}

extension OrcProto.StripeInformation {
    func encode(into encoder: inout ProtobufEncoder) {
        if let offset { encoder.appendUInt(1, offset) }
        if let indexLength { encoder.appendUInt(2, indexLength) }
        if let dataLength { encoder.appendUInt(3, dataLength) }
        if let footerLength { encoder.appendUInt(4, footerLength) }
        if let numberOfRows { encoder.appendUInt(5, numberOfRows) }
        if let encryptStripeId { encoder.appendUInt(6, encryptStripeId) }
        for key in encryptedLocalKeys { encoder.appendBytes(7, key) }
    }
}

extension OrcProto.SchemaType {
    func encode(into encoder: inout ProtobufEncoder) {
        if let kind { encoder.appendUInt(1, UInt64(kind)) }
        encoder.appendPacked(2, subtypes.lazy.map { UInt64($0) })
        for name in fieldNames { encoder.appendString(3, name) }
        if let maximumLength { encoder.appendUInt(4, UInt64(maximumLength)) }
        if let precision { encoder.appendUInt(5, UInt64(precision)) }
        if let scale { encoder.appendUInt(6, UInt64(scale)) }
        for attribute in attributes {
            encoder.appendMessage(7) { pair in
                pair.appendString(1, attribute.key)
                pair.appendString(2, attribute.value)
            }
        }
    }
}

extension OrcProto.UserMetadataItem {
    func encode(into encoder: inout ProtobufEncoder) {
        encoder.appendString(1, name)
        encoder.appendBytes(2, value)
    }
}

extension OrcProto.ColumnStatistics {
    /// Returns the message in protobuf wire format.
    public func serializedBytes() -> [UInt8] {
        var encoder = ProtobufEncoder()
        encode(into: &encoder)
        return encoder.bytes
    }

    func encode(into encoder: inout ProtobufEncoder) {
        if let numberOfValues { encoder.appendUInt(1, numberOfValues) }
        if let intStatistics { encoder.appendMessage(2, intStatistics.encode) }
        if let doubleStatistics { encoder.appendMessage(3, doubleStatistics.encode) }
        if let stringStatistics { encoder.appendMessage(4, stringStatistics.encode) }
        if let bucketStatistics {
            encoder.appendMessage(5) { nested in nested.appendPacked(1, bucketStatistics.count) }
        }
        if let decimalStatistics { encoder.appendMessage(6, decimalStatistics.encode) }
        if let dateStatistics { encoder.appendMessage(7, dateStatistics.encode) }
        if let binaryStatistics {
            encoder.appendMessage(8) { nested in
                if let sum = binaryStatistics.sum { nested.appendSInt(1, sum) }
            }
        }
        if let timestampStatistics { encoder.appendMessage(9, timestampStatistics.encode) }
        if let hasNull { encoder.appendBool(10, hasNull) }
        if let bytesOnDisk { encoder.appendUInt(11, bytesOnDisk) }
        if let collectionStatistics { encoder.appendMessage(12, collectionStatistics.encode) }
    }
}

extension OrcProto.IntegerStatistics {
    func encode(into encoder: inout ProtobufEncoder) {
        if let minimum { encoder.appendSInt(1, minimum) }
        if let maximum { encoder.appendSInt(2, maximum) }
        if let sum { encoder.appendSInt(3, sum) }
    }
}

extension OrcProto.DoubleStatistics {
    func encode(into encoder: inout ProtobufEncoder) {
        if let minimum { encoder.appendDouble(1, minimum) }
        if let maximum { encoder.appendDouble(2, maximum) }
        if let sum { encoder.appendDouble(3, sum) }
    }
}

extension OrcProto.StringStatistics {
    func encode(into encoder: inout ProtobufEncoder) {
        if let minimum { encoder.appendString(1, minimum) }
        if let maximum { encoder.appendString(2, maximum) }
        if let sum { encoder.appendSInt(3, sum) }
        if let lowerBound { encoder.appendString(4, lowerBound) }
        if let upperBound { encoder.appendString(5, upperBound) }
    }
}

extension OrcProto.DecimalStatistics {
    func encode(into encoder: inout ProtobufEncoder) {
        if let minimum { encoder.appendString(1, minimum) }
        if let maximum { encoder.appendString(2, maximum) }
        if let sum { encoder.appendString(3, sum) }
    }
}

extension OrcProto.DateStatistics {
    func encode(into encoder: inout ProtobufEncoder) {
        if let minimum { encoder.appendSInt(1, Int64(minimum)) }
        if let maximum { encoder.appendSInt(2, Int64(maximum)) }
    }
}

extension OrcProto.TimestampStatistics {
    func encode(into encoder: inout ProtobufEncoder) {
        if let minimum { encoder.appendSInt(1, minimum) }
        if let maximum { encoder.appendSInt(2, maximum) }
        if let minimumUtc { encoder.appendSInt(3, minimumUtc) }
        if let maximumUtc { encoder.appendSInt(4, maximumUtc) }
        if let minimumNanos { encoder.appendUInt(5, UInt64(minimumNanos)) }
        if let maximumNanos { encoder.appendUInt(6, UInt64(maximumNanos)) }
    }
}

extension OrcProto.CollectionStatistics {
    func encode(into encoder: inout ProtobufEncoder) {
        if let minChildren { encoder.appendUInt(1, minChildren) }
        if let maxChildren { encoder.appendUInt(2, maxChildren) }
        if let totalChildren { encoder.appendUInt(3, totalChildren) }
    }
}

extension OrcProto.RowIndex {
    /// Returns the message in protobuf wire format.
    public func serializedBytes() -> [UInt8] {
        var encoder = ProtobufEncoder()
        for entry in entry {
            encoder.appendMessage(1) { nested in
                nested.appendPacked(1, entry.positions)
                if let statistics = entry.statistics { nested.appendMessage(2, statistics.encode) }
            }
        }
        return encoder.bytes
    }
}

extension OrcProto.StripeFooter {
    /// Returns the message in protobuf wire format.
    public func serializedBytes() -> [UInt8] {
        var encoder = ProtobufEncoder()
        for stream in streams {
            encoder.appendMessage(1) { nested in
                if let kind = stream.kind { nested.appendUInt(1, UInt64(kind.rawValue)) }
                if let column = stream.column { nested.appendUInt(2, UInt64(column)) }
                if let length = stream.length { nested.appendUInt(3, length) }
            }
        }
        for column in columns {
            encoder.appendMessage(2) { nested in
                if let kind = column.kind { nested.appendUInt(1, UInt64(kind.rawValue)) }
                if let dictionarySize = column.dictionarySize { nested.appendUInt(2, UInt64(dictionarySize)) }
                if let bloomEncoding = column.bloomEncoding { nested.appendUInt(3, UInt64(bloomEncoding)) }
            }
        }
        if let writerTimezone { encoder.appendString(3, writerTimezone) }
        for variant in encryption { encoder.appendBytes(4, variant) }
        return encoder.bytes
    }
}

extension OrcProto.Metadata {
    /// Returns the message in protobuf wire format.
    public func serializedBytes() -> [UInt8] {
        var encoder = ProtobufEncoder()
        for stripe in stripeStats {
            encoder.appendMessage(1) { nested in
                for statistics in stripe.colStats { nested.appendMessage(1, statistics.encode) }
            }
        }
        return encoder.bytes
    }
}
