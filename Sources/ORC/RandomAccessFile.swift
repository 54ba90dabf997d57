#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only file opened for positional reads, which several threads may issue at once.
final class RandomAccessFile: Sendable {
    let path: String
    let length: UInt64
    private let descriptor: Int32

    /// Opens the file and records its length.
    ///
    /// - Throws: `OrcError` when the file cannot be opened or is not a regular file.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw OrcError.io("cannot open the file: \(reason); check the path and permissions", file: path)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw OrcError.io("not a regular file; pass the path of an ORC file", file: path)
        }
        self.path = path
        self.descriptor = descriptor
        self.length = UInt64(status.st_size)
    }

    deinit {
        close(descriptor)
    }

    /// Reads `count` bytes at `offset`, which must lie inside the file.
    ///
    /// - Throws: `OrcError` naming the range when it runs past the end or the read fails.
    func read(offset: UInt64, count: UInt64, what: String) throws -> [UInt8] {
        let (end, overflow) = offset.addingReportingOverflow(count)
        guard !overflow, end <= length else {
            throw OrcError.truncated("the \(what) spans bytes \(offset)..<\(offset &+ count) but the file has \(length) bytes", file: path, offset: offset)
        }
        let size = Int(count)
        return try [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            while initialized < size {
                let result = pread(descriptor, buffer.baseAddress! + initialized, size - initialized, off_t(offset) + off_t(initialized))
                if result < 0, errno == EINTR { continue }
                guard result > 0 else {
                    let reason = result < 0 ? String(cString: strerror(errno)) : "unexpected end of file"
                    throw OrcError.io("reading the \(what) failed: \(reason)", file: path)
                }
                initialized += result
            }
        }
    }
}
