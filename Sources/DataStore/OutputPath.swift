import Foundation

/// Checks that output paths can be written, run before long work so a bad path fails at once.
///
/// The messages name the path, the cause in plain words and the fix.
public enum OutputPath {
    /// Checks that a file with one of `extensions` can be created or replaced at `path`.
    ///
    /// The check creates the file when it does not exist yet and removes it again, because only
    /// creating it shows whether the file system takes new files there.
    ///
    /// - Parameters:
    ///   - path: The file to write later.
    ///   - fix: What the user can do instead, such as "choose another --out", for the message.
    ///   - extensions: The allowed lowercase extensions without the dot, such as `["csv", "orc"]`.
    /// - Throws: `DataStoreError` naming the path, the cause and the fix.
    public static func checkFile(_ path: String, fix: String, extensions: [String]) throws {
        let fileExtension = (path as NSString).pathExtension.lowercased()
        guard extensions.contains(fileExtension) else {
            let allowed = extensions.map { "." + $0 }.joined(separator: " or ")
            throw DataStoreError.invalidInput("invalid file name \(path): it must end in \(allowed); \(fix)")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else {
                throw DataStoreError.invalidInput("\(path) is a folder, not a file; \(fix)")
            }
            guard FileManager.default.isWritableFile(atPath: path) else {
                throw DataStoreError.io("cannot replace \(path): permission denied; \(fix)")
            }
            return
        }

        let folder = parentFolder(path)
        try checkExistingFolder(folder, fix: fix)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw DataStoreError.io("cannot create \(path): \(reason(errno: errno, folder: folder)); \(fix)")
        }
        close(descriptor)
        unlink(path)
    }

    /// Creates the folder `directory` and its missing parents, or checks that it is a folder.
    ///
    /// - Parameters:
    ///   - directory: The folder to write into later.
    ///   - fix: What the user can do instead, such as "choose another --out", for the message.
    /// - Throws: `DataStoreError` naming the path, the cause and the fix.
    public static func createFolder(_ directory: String, fix: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw DataStoreError.invalidInput("\(directory) is a file, not a folder; \(fix)")
            }
            return
        }

        var ancestor = parentFolder(directory)
        while !FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory) && ancestor != "/" {
            ancestor = parentFolder(ancestor)
        }
        guard isDirectory.boolValue else {
            throw DataStoreError.invalidInput("cannot create the folder \(directory): \(ancestor) is a file, not a folder; \(fix)")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            let cause = isMissingFile(error)
                ? "\(ancestor) does not take new files or folders"
                : fileSystemReason(error)
            throw DataStoreError.io("cannot create the folder \(directory): \(cause); \(fix)")
        }
    }

    /// Writes `text` as UTF-8 to `path`, replacing the file atomically.
    ///
    /// - Throws: `DataStoreError` naming the path, the cause in plain words and `fix`.
    public static func write(_ text: String, to path: String, fix: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw DataStoreError.io("cannot write \(path): \(fileSystemReason(error)); \(fix)")
        }
    }

    // Checks that the folder of a new file exists and is a folder.
    static func checkExistingFolder(_ folder: String, fix: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw DataStoreError.invalidInput("the folder \(folder) does not exist; create it or \(fix)")
        }
        guard isDirectory.boolValue else {
            throw DataStoreError.invalidInput("\(folder) is a file, not a folder; \(fix)")
        }
    }

    // The folder that contains `path`, or "." for a bare file name.
    static func parentFolder(_ path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    // ENOENT on a path whose folder exists means that the file system takes no new entries there,
    // as in /proc, which "no such file or folder" would not explain.
    static func reason(errno code: Int32, folder: String) -> String {
        code == ENOENT ? "\(folder) does not take new files" : posixReason(code)
    }

    static func isMissingFile(_ error: any Error) -> Bool {
        if let error = error as? CocoaError, error.code == .fileNoSuchFile || error.code == .fileReadNoSuchFile {
            return true
        }
        return (error as NSError).domain == NSPOSIXErrorDomain && (error as NSError).code == Int(ENOENT)
    }
}

/// Returns the cause of a file-system error in plain words, such as "permission denied".
///
/// Foundation's own descriptions ("The operation could not be completed.") name neither the
/// cause nor the fix, so the known Cocoa and POSIX codes get short phrases instead.
func fileSystemReason(_ error: any Error) -> String {
    if let error = error as? CocoaError {
        switch error.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileWriteFileExists: return "a file of that name is in the way"
        case .fileWriteOutOfSpace: return "no space left on the device"
        case .fileWriteVolumeReadOnly: return "the file system is read-only"
        case .fileWriteUnknown: return "the path cannot be created there (is a part of it a file?)"
        default: break
        }
    }
    let error = error as NSError
    if error.domain == NSPOSIXErrorDomain {
        return posixReason(Int32(error.code))
    }
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        return posixReason(Int32(underlying.code))
    }
    var text = error.localizedDescription
    if text.hasSuffix(".") { text.removeLast() }
    return text
}

// Plain words for the errno values that file writes meet, else the C library's text.
func posixReason(_ code: Int32) -> String {
    switch code {
    case ENOENT: return "no such file or folder"
    case EACCES, EPERM: return "permission denied"
    case EROFS: return "the file system is read-only"
    case ENOSPC: return "no space left on the device"
    case EISDIR: return "it is a folder"
    case ENOTDIR: return "a part of the path is a file, not a folder"
    case EEXIST: return "a file of that name is in the way"
    default: return String(cString: strerror(code))
    }
}
