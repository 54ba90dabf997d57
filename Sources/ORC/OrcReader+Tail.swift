extension OrcReader {
    struct Tail {
        var postScript: OrcProto.PostScript
        var footer: OrcProto.Footer
        var schema: OrcType
        var blockSize: Int
        var metadataRange: (offset: UInt64, length: UInt64)
        var encryptedColumns: Set<Int>
    }

    private static func startsWithMagic(_ file: RandomAccessFile) -> Bool {
        (try? file.read(offset: 0, count: 3, what: "header")) == Array("ORC".utf8)
    }

    /// Reads the postscript, footer and schema from the end of the file, as the ORC
    /// specification's "File Tail" section lays them out.
    static func readTail(_ file: RandomAccessFile) throws -> Tail {
        let length = file.length
        guard length > 0 else {
            throw OrcError.notOrc("the file is empty (0 bytes), so it has no ORC tail; check that the writer finished")
        }
        let tailSize = min(length, tailReadSize)
        let tailStart = length - tailSize
        let tail = try file.read(offset: tailStart, count: tailSize, what: "file tail")

        let postScriptLength = UInt64(tail[tail.count - 1])
        guard postScriptLength > 0, postScriptLength + 1 <= length else {
            throw OrcError.notOrc("the last byte gives a postscript length of \(postScriptLength) in a \(length)-byte file; it is not an ORC file")
        }
        let postScriptStart = length - 1 - postScriptLength
        let postScriptBytes = Array(tail[Int(postScriptStart - tailStart)..<(tail.count - 1)])
        let postScript: OrcProto.PostScript
        do {
            postScript = try OrcProto.PostScript(serializedBytes: postScriptBytes)
        } catch let error as OrcError {
            // A file that does not begin with the magic is some other format, so protobuf details
            // would only distract. A file that does begin with it has a damaged end.
            guard startsWithMagic(file) else {
                throw OrcError.notOrc("not an ORC file: it neither begins with the magic 'ORC' nor ends with an ORC postscript; check that the path names an ORC file")
            }
            throw OrcError.notOrc("the postscript does not decode (\(error.message)); the end of the file is damaged or truncated", offset: postScriptStart)
        }
        guard postScript.magic == "ORC" || (postScript.magic == nil && startsWithMagic(file)) else {
            // The earliest writers left the magic out of the postscript but still began the file with it.
            throw OrcError.notOrc("neither the postscript nor the first bytes hold the magic 'ORC'; it is not an ORC file", offset: postScriptStart)
        }
        if let major = postScript.version.first, major > 1 {
            let version = postScript.version.map(String.init).joined(separator: ".")
            throw OrcError.unsupported("format version \(version) is newer than the supported 0.11, 0.12 and 1.x; read it with a newer ORC reader")
        }
        let compression = postScript.compression ?? .none
        let blockSize = postScript.compressionBlockSize ?? 256 * 1024
        guard compression == .none || (blockSize > 0 && blockSize <= UInt64(ChunkDecompressor.maximumBlockSize)) else {
            throw OrcError.corrupt("compression block size \(blockSize) is outside 1...\(ChunkDecompressor.maximumBlockSize); the postscript is damaged", offset: postScriptStart)
        }

        let footerLength = postScript.footerLength ?? 0
        let metadataLength = postScript.metadataLength ?? 0
        let (sectionLength, overflow) = footerLength.addingReportingOverflow(metadataLength)
        guard !overflow, sectionLength <= postScriptStart, footerLength > 0 else {
            throw OrcError.truncated("the postscript declares a \(footerLength)-byte footer and \(metadataLength)-byte metadata but only \(postScriptStart) bytes precede it", offset: postScriptStart)
        }
        let footerStart = postScriptStart - footerLength
        let storedFooter: [UInt8]
        if footerStart >= tailStart {
            storedFooter = Array(tail[Int(footerStart - tailStart)..<Int(postScriptStart - tailStart)])
        } else {
            storedFooter = try file.read(offset: footerStart, count: footerLength, what: "footer")
        }

        let decompressor = try ChunkDecompressor(kind: compression, blockSize: Int(blockSize))
        let footer: OrcProto.Footer
        let schema: OrcType
        do {
            footer = try OrcProto.Footer(serializedBytes: try decompressor.decompress(storedFooter[...]))
            schema = try OrcType(protoTypes: footer.types)
        } catch let error as OrcError {
            throw error.located(offset: footerStart)
        }
        try checkStripes(footer, contentEnd: footerStart - metadataLength)

        return Tail(
            postScript: postScript,
            footer: footer,
            schema: schema,
            blockSize: Int(blockSize),
            metadataRange: (footerStart - metadataLength, metadataLength),
            encryptedColumns: try encryptedColumnRoots(footer)
        )
    }

    // Every stripe must lie before the metadata section, so stripe reads never leave the file.
    private static func checkStripes(_ footer: OrcProto.Footer, contentEnd: UInt64) throws {
        for (index, stripe) in footer.stripes.enumerated() {
            let parts = [stripe.offset ?? 0, stripe.indexLength ?? 0, stripe.dataLength ?? 0, stripe.footerLength ?? 0]
            var end: UInt64 = 0
            var overflow = false
            for part in parts where !overflow {
                (end, overflow) = end.addingReportingOverflow(part)
            }
            guard !overflow, end <= contentEnd, stripe.footerLength ?? 0 > 0 else {
                throw OrcError.corrupt("stripe \(index) spans bytes \(stripe.offset ?? 0)..<\(overflow ? UInt64.max : end), beyond the \(contentEnd) bytes of file content")
            }
        }
    }

    // Reads the variant roots from the footer's `Encryption` message (field 3, `EncryptionVariant.root`).
    private static func encryptedColumnRoots(_ footer: OrcProto.Footer) throws -> Set<Int> {
        guard let encryption = footer.encryption else { return [] }
        var roots: Set<Int> = []
        var reader = ProtobufReader(encryption, messageName: "Encryption")
        while let (field, wire) = try reader.nextField() {
            guard field == 3, wire == .lengthDelimited else {
                try reader.skip(wire)
                continue
            }
            var variant = try reader.readMessage(named: "EncryptionVariant")
            while let (variantField, variantWire) = try variant.nextField() {
                if variantField == 1, variantWire == .varint {
                    roots.insert(Int(truncatingIfNeeded: try variant.readVarint()))
                } else {
                    try variant.skip(variantWire)
                }
            }
        }
        return roots
    }
}
