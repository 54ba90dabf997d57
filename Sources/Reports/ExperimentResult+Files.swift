import Foundation
import Simulator

/// A failure to write a report file: the message names the path and the cause.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    private enum Kind: Sendable {
        case unwritable
    }

    private let kind: Kind
    /// The file or folder that could not be written.
    public let path: String
    /// The cause from the file system.
    public let reason: String

    static func unwritable(_ path: String, reason: String) -> ReportError {
        ReportError(kind: .unwritable, path: path, reason: reason)
    }

    public var description: String {
        switch kind {
        case .unwritable:
            "cannot write \(path): \(reason); choose another folder with --out"
        }
    }
}

extension ExperimentResult {
    /// The files a results folder holds, in the order they are written.
    public static let reportFileNames = ["summary.csv", "replications.csv", "config.json", "report.html"]

    /// Writes summary.csv, replications.csv, config.json and report.html into a folder,
    /// creating it when missing and replacing files of the same names.
    ///
    /// - Parameters:
    ///   - directory: The results folder.
    ///   - createdAt: The creation time recorded in config.json and the report.
    /// - Returns: The URLs of the files written.
    /// - Throws: `ReportError` naming the folder or file that could not be written.
    public func writeFiles(to directory: URL, createdAt: Date = Date()) throws(ReportError) -> [URL] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(directory.path, reason: fileSystemReason(error))
        }

        let contents = [
            summaryTable().render(),
            replicationTable().render(),
            resolvedConfigJSON(createdAt: createdAt),
            htmlReport(createdAt: createdAt),
        ]
        var written: [URL] = []
        for (name, text) in zip(Self.reportFileNames, contents) {
            let url = directory.appendingPathComponent(name)
            do {
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw .unwritable(url.path, reason: fileSystemReason(error))
            }
            written.append(url)
        }
        if let orc = try writeReplicationsORC(to: directory.appendingPathComponent("replications.orc")) {
            written.append(orc)
        }
        return written
    }

    /// Writes the replication table as an ORC file; the seam for the ORC writer.
    ///
    /// - Returns: The URL written, or nil while no ORC writer exists.
    // TODO: Write replicationTable() with the ORC module's writer once it lands, and return the URL.
    public func writeReplicationsORC(to url: URL) throws(ReportError) -> URL? {
        nil
    }
}
