import Glibc

/// A file written under a temporary name in its target's directory and renamed into place
/// only when complete, so that readers never see a partial file.
final class AtomicFile {
    /// The final path.
    let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    /// The number of bytes written so far.
    private(set) var offset: UInt64 = 0

    /// Creates the temporary file beside `path`.
    ///
    /// - Throws: `OrcError` when the directory is not writable.
    init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(directory).\(name).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw OrcError.io("cannot create a temporary file beside the output: \(String(cString: strerror(errno))); check that the directory exists and is writable", file: path)
        }
        self.descriptor = descriptor
        temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        fchmod(descriptor, 0o644)
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    /// Appends bytes to the file.
    ///
    /// - Throws: `OrcError` when the write fails, for example on a full disk.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var written = 0
        while written < bytes.count {
            let result = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw OrcError.io("write failed at byte offset \(offset + UInt64(written)): \(String(cString: strerror(errno)))", file: path)
            }
            written += result
        }
        offset += UInt64(bytes.count)
    }

    /// Appends the bytes of an array.
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Flushes the file to disk and renames it to its final path.
    ///
    /// - Throws: `OrcError` when fsync or rename fails; the temporary file is then removed.
    func commit() throws {
        guard fsync(descriptor) == 0 else {
            throw OrcError.io("fsync failed: \(String(cString: strerror(errno)))", file: path)
        }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OrcError.io("cannot rename \(temporaryPath) into place: \(message)", file: path)
        }
        // Persist the rename itself; a failure here leaves a complete file, so it is ignored.
        let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "."
        let directoryDescriptor = open(directory, O_RDONLY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Removes the temporary file without producing the final one.
    func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
    }
}
