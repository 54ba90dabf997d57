import Foundation

/// One option that a subcommand accepts, as `--name VALUE` or, for a flag, `--name` alone.
struct OptionSpec: Sendable {
    var name: String
    var valueName: String?
    var help: String

    var isFlag: Bool { valueName == nil }

    static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help)
    }

    static func value(_ name: String, _ valueName: String, help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help)
    }
}

/// A usage mistake on the command line: the message names the bad value and the fix.
struct UsageError: Error, CustomStringConvertible {
    var description: String
}

/// The arguments of one subcommand after parsing against its option specs.
struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: String] = [:]
    var flags: Set<String> = []

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    func string(_ name: String) -> String? { values[name] }

    /// Returns the option's value parsed by `parse`, or nil when the option is absent.
    func parsed<T>(_ name: String, as typeName: String, _ parse: (String) -> T?) throws -> T? {
        guard let text = values[name] else { return nil }
        guard let value = parse(text) else {
            throw UsageError(description: "invalid value '\(text)' for --\(name): expected \(typeName)")
        }
        return value
    }

    func int(_ name: String, atLeast minimum: Int = .min) throws -> Int? {
        guard let value = try parsed(name, as: "an integer", { Int($0) }) else { return nil }
        guard value >= minimum else {
            throw UsageError(description: "invalid value \(value) for --\(name): expected an integer of at least \(minimum)")
        }
        return value
    }

    func uint64(_ name: String) throws -> UInt64? {
        try parsed(name, as: "a non-negative integer", { UInt64($0) })
    }

    func double(_ name: String) throws -> Double? {
        try parsed(name, as: "a number", { Double($0) })
    }

    /// Returns exactly `count` positional arguments, or throws naming what is missing or extra.
    func requirePositionals(_ names: [String]) throws -> [String] {
        if positionals.count < names.count {
            let missing = names[positionals.count...].joined(separator: " ")
            throw UsageError(description: "missing argument \(missing)")
        }
        if positionals.count > names.count {
            let extra = positionals[names.count...].joined(separator: " ")
            throw UsageError(description: "unexpected argument '\(extra)'")
        }
        return positionals
    }
}

/// A leaf subcommand: its usage line, options and the library call it makes.
struct Subcommand: Sendable {
    var name: String
    var summary: String
    var usage: String
    var options: [OptionSpec]
    /// Paragraphs printed after the usage line, such as what the arguments mean; may be empty.
    var details: String = ""
    var run: @Sendable (ParsedArguments) throws -> Void

    func parse(_ arguments: [String]) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--"), argument.count > 2 else {
                parsed.positionals.append(argument)
                continue
            }

            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let spec = options.first(where: { $0.name == name }) else {
                throw UsageError(description: "unknown option '--\(name)' for '\(usage.split(separator: " ").prefix(3).joined(separator: " "))'; run it with --help to list the options")
            }
            // A repeated option is almost always an edit left half done, so neither copy wins silently.
            guard !parsed.flags.contains(name), parsed.values[name] == nil else {
                throw UsageError(description: "option --\(name) is given more than once; give it once")
            }
            if spec.isFlag {
                guard inlineValue == nil else {
                    throw UsageError(description: "option --\(name) takes no value")
                }
                parsed.flags.insert(name)
                continue
            }
            if let inlineValue {
                parsed.values[name] = inlineValue
            } else if index < arguments.count {
                parsed.values[name] = arguments[index]
                index += 1
            } else {
                throw UsageError(description: "missing value for --\(name): expected \(spec.valueName ?? "a value")")
            }
        }
        return parsed
    }

    var helpText: String {
        var lines = ["\(summary)", "", "Usage: \(usage)"]
        if !details.isEmpty {
            lines.append("")
            lines += details.split(separator: "\n", omittingEmptySubsequences: false)
                .flatMap { wrap(String($0), width: 100, indent: "") }
        }
        let allOptions = options + [.flag("help", help: "Show this help and exit.")]
        lines.append("")
        lines.append("Options:")
        for option in allOptions {
            let left = "  --\(option.name)" + (option.valueName.map { " \($0)" } ?? "")
            let column = max(left.count + 2, 28)
            let wrapped = wrap(option.help, width: 100 - column, indent: String(repeating: " ", count: column))
            lines.append(left.padding(toLength: column, withPad: " ", startingAt: 0) + wrapped[0].drop(while: { $0 == " " }))
            lines += wrapped.dropFirst()
        }
        return lines.joined(separator: "\n")
    }
}

/// Splits text into lines of at most `width` characters at spaces, each after `indent`.
func wrap(_ text: String, width: Int, indent: String) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
        if !current.isEmpty, current.count + 1 + word.count > width {
            lines.append(indent + current)
            current = ""
        }
        current += current.isEmpty ? String(word) : " " + word
    }
    lines.append(indent + current)
    return lines
}

/// A named group of subcommands, such as `orc` with `meta` and `cat`, or a single command when the
/// group has one entry named like the group itself.
struct CommandGroup: Sendable {
    var name: String
    var summary: String
    var subcommands: [Subcommand]
}
