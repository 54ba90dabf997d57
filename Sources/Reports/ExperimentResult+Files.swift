import Foundation
import ORC
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

    /// Writes summary.csv, replications.csv, config.json, report.html and replications.orc into a folder,
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
        written.append(try writeReplicationsORC(to: directory.appendingPathComponent("replications.orc")))
        return written
    }

    /// Writes one row per replication to an ORC file, with the same columns as replications.csv.
    ///
    /// Swept field paths such as `rules.bonusCost` become column names with underscores
    /// (`rules_bonusCost`), because Spark and Hive treat a dot in a column name as a nested field.
    ///
    /// - Returns: The URL written.
    /// - Throws: `ReportError` naming the file when the ORC writer fails.
    public func writeReplicationsORC(to url: URL) throws(ReportError) -> URL {
        let axes = config.sweepAxes.map(\.path)
        var points: [Int64] = []
        var axisValues = Array(repeating: [Double](), count: axes.count)
        var strategies: [String] = []
        var replications: [Int64] = []
        var seeds: [Int64] = []
        var revenues: [Double] = []
        for result in self.points {
            for outcome in result.outcomes {
                let settings = outcome.simulation.settings
                for (replication, revenue) in outcome.simulation.replicationRevenuesPer1000Players.enumerated() {
                    points.append(Int64(result.point.index))
                    for (axis, path) in axes.enumerated() {
                        let value = result.point.coordinates.first(where: { $0.path == path })?.value
                        axisValues[axis].append(value ?? .nan)
                    }
                    strategies.append(outcome.strategy.label)
                    replications.append(Int64(replication))
                    seeds.append(Int64(RandomGeneratorKind.replicationSeed(seed: settings.seed, replication: replication)))
                    revenues.append(revenue)
                }
            }
        }

        let axisFields = axes.map { path in
            (name: Self.orcColumnName(path), type: OrcType(.double))
        }
        let schema = OrcType.struct(
            [(name: "point", type: OrcType(.int))] + axisFields + [
                (name: "strategy", type: OrcType(.string)),
                (name: "replication", type: OrcType(.int)),
                (name: "seed", type: OrcType(.long)),
                (name: "revenue_per_1000", type: OrcType(.double)),
            ])
        let count = points.count
        let fields: [ColumnVector] =
            [ColumnVector(count: count, values: .integer(points))]
            + axisValues.map { ColumnVector(count: count, values: .double($0)) }
            + [
                ColumnVector(count: count, values: .bytes(BytesColumn(strings: strategies))),
                ColumnVector(count: count, values: .integer(replications)),
                ColumnVector(count: count, values: .integer(seeds)),
                ColumnVector(count: count, values: .double(revenues)),
            ]
        do {
            let writer = try OrcWriter(path: url.path, schema: schema)
            try writer.write(ColumnVector(count: count, values: .struct(fields)))
            try writer.close()
        } catch {
            throw .unwritable(url.path, reason: "\(error)")
        }
        return url
    }

    /// Returns an ORC column name for a sweep field path: letters, digits and underscores only.
    static func orcColumnName(_ path: String) -> String {
        String(path.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    }
}
