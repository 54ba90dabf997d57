import Foundation
import Simulator
import Strategies
import Testing

/// The shipped configs, found relative to this file.
private let experimentsFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("experiments")

/// Returns the message of the error a config text raises, or records a failure when it parses.
private func parseError(_ text: String, file: String? = nil) -> String {
    do {
        _ = try ExperimentConfig.parse(text, file: file)
        Issue.record("the config parsed, but an error was expected: \(text)")
        return ""
    } catch {
        return error.description
    }
}

@Suite("Experiment config parsing")
struct ExperimentConfigTests {
    @Test("seed-rules.json parses")
    func seedRules() throws {
        let config = try ExperimentConfig.load(path: experimentsFolder.appendingPathComponent("seed-rules.json").path)

        #expect(config.name == "seed-rules")
        #expect(config.revenueModel == .net)
        #expect(config.generator == .mt19937)
        #expect(!config.isSweep)
        #expect(config.strategies.map(\.label) == [
            "never", "after-loss", "loss-streak(k=2)", "loss-streak(k=3)", "loss-ratio(N=10, p=0.7)", "greedy", "optimal",
        ])
        let point = try #require(config.points().first)
        #expect(point.rules == GameRules(bonusCost: 10))
        #expect(point.replications == 200)
        #expect(point.seed == 20_261_204)
    }

    @Test("turnover.json parses")
    func turnover() throws {
        let config = try ExperimentConfig.load(path: experimentsFolder.appendingPathComponent("turnover.json").path)

        #expect(config.name == "turnover")
        #expect(config.revenueModel == .turnover)
        #expect(config.points().first?.rules.revenueModel == .turnover)
        #expect(config.strategies.count == 7)
    }

    @Test("bonus-cost-sweep.json parses")
    func bonusCostSweep() throws {
        let config = try ExperimentConfig.load(path: experimentsFolder.appendingPathComponent("bonus-cost-sweep.json").path)

        #expect(config.sweepAxes.map(\.path) == ["rules.bonusCost"])
        let points = config.points()
        #expect(points.map(\.rules.bonusCost) == Array(0...10).map(Double.init))
        #expect(points.allSatisfy { $0.rules.bonusAmount == 10 })
        #expect(points.map(\.label).prefix(2) == ["bonusCost=0", "bonusCost=1"])
    }

    @Test("omitted fields take the standard rules")
    func defaults() throws {
        let config = try ExperimentConfig.parse(#"{"name": "d", "strategies": ["never"]}"#)

        let point = try #require(config.points().first)
        #expect(point.rules == GameRules.standard)
        #expect(config.generator == .mt19937)
        #expect(config.threads == nil)
    }

    @Test("bonus cost follows a swept bonus amount")
    func bonusCostFollowsAmount() throws {
        let config = try ExperimentConfig.parse(#"{"name": "d", "rules": {"bonusAmount": [5, 20]}, "strategies": ["never"]}"#)

        #expect(config.points().map(\.rules.bonusCost) == [5, 20])
    }

    @Test("name defaults to the file name")
    func nameFromFile() throws {
        let config = try ExperimentConfig.parse(#"{"strategies": ["never"]}"#, file: "experiments/my-test.json")

        #expect(config.name == "my-test")
    }

    @Test("unknown field suggests the nearest name")
    func unknownField() {
        let message = parseError(#"{"rules": {"stak": 5}, "strategies": ["never"]}"#)

        #expect(message.contains("rules.stak"))
        #expect(message.contains("did you mean \"stake\"?"))
        #expect(message.contains("line 1, column 20"))
    }

    @Test("misplaced field names its section")
    func misplacedField() {
        let message = parseError(#"{"rules": {"replications": 5}, "strategies": ["never"]}"#)

        #expect(message.contains("rules.replications"))
        #expect(message.contains("it belongs at simulation.replications"))
    }

    @Test("probability above 1 in a sweep")
    func probabilityOutOfRange() {
        let message = parseError(#"{"rules": {"continuation": {"afterLoss": [0.5, 0.6, 1.5]}}, "strategies": ["never"]}"#)

        #expect(message.contains("rules.continuation.afterLoss[2]"))
        #expect(message.contains("invalid value 1.5"))
        #expect(message.contains("a probability in [0, 1]"))
    }

    @Test("negative stake")
    func negativeStake() {
        let message = parseError(#"{"rules": {"stake": -5}, "strategies": ["never"]}"#)

        #expect(message.contains("rules.stake"))
        #expect(message.contains("invalid value -5"))
        #expect(message.contains("an integer of at least 1"))
    }

    @Test("fractional count")
    func fractionalCount() {
        let message = parseError(#"{"rules": {"maxGames": 10.5}, "strategies": ["never"]}"#)

        #expect(message.contains("rules.maxGames"))
        #expect(message.contains("invalid value 10.5"))
        #expect(message.contains("an integer in [1, 100000]"))
    }

    @Test("unknown strategy lists the known ones")
    func unknownStrategy() {
        let message = parseError(#"{"strategies": ["never", "nevr"]}"#)

        #expect(message.contains("strategies[1]"))
        #expect(message.contains("unknown strategy \"nevr\""))
        #expect(message.contains("did you mean \"never\"?"))
        #expect(message.contains("never, after-loss, loss-streak, loss-ratio, greedy, optimal"))
    }

    @Test("empty sweep")
    func emptySweep() {
        let message = parseError(#"{"rules": {"bonusCost": []}, "strategies": ["never"]}"#)

        #expect(message.contains("rules.bonusCost"))
        #expect(message.contains("empty sweep"))
        #expect(message.contains("a number of at least 0"))
    }

    @Test("wrong JSON type")
    func wrongType() {
        let message = parseError(#"{"rules": {"winProbability": "high"}, "strategies": ["never"]}"#)

        #expect(message.contains("rules.winProbability"))
        #expect(message.contains("got a string"))
        #expect(message.contains("a probability in [0, 1]"))
    }

    @Test("malformed JSON gives line and column")
    func malformedJSON() {
        let text = """
            {
              "rules": {
                "stake": 5,
              },
              "strategies": ["never"]
            }
            """
        let message = parseError(text, file: "broken.json")

        #expect(message.contains("broken.json"))
        #expect(message.contains("line 4, column 3"))
        #expect(message.contains("malformed JSON"))
        #expect(message.contains("expected a quoted member name"))
    }

    @Test("text that is not JSON")
    func notJSON() {
        let message = parseError("this is not json", file: "notes.txt")

        #expect(message.contains("notes.txt"))
        #expect(message.contains("document: the file is not valid JSON: unexpected 't' at line 1, column 1; "
            + #"an experiment config is a JSON object such as {"strategies": ["never"]}"#))
        #expect(!message.contains("expected 'true'"))
    }

    @Test("empty file")
    func emptyFile() {
        let message = parseError("  \n", file: "empty.json")

        #expect(message.contains("the file is empty; an experiment config is a JSON object"))
    }

    @Test("unknown choice without a near name")
    func unknownChoiceSeparator() {
        let message = parseError(#"{"rules": {"revenue": "gross"}, "strategies": ["never"]}"#)

        #expect(message.contains(#"unknown revenue model "gross"; expected one of: net, turnover"#))
    }

    @Test("unknown parameter without a near name")
    func unknownParameterSeparator() {
        let message = parseError(#"{"strategies": [{"name": "never", "window": 3}]}"#)

        #expect(message.contains(#"unknown parameter "window"; the strategy "never" takes no parameters"#))
    }

    @Test("strategy parameter out of range")
    func parameterOutOfRange() {
        let message = parseError(#"{"strategies": [{"name": "loss-ratio", "N": 10, "p": 1.2}]}"#)

        #expect(message.contains("strategies[0].p"))
        #expect(message.contains("a number in [0, 1]"))
    }

    @Test("every bad strategy parameter is reported")
    func everyBadParameter() {
        let message = parseError(#"{"strategies": [{"name": "loss-ratio", "N": 100, "p": 1.2}]}"#)

        #expect(message.contains("2 problems"))
        #expect(message.contains("strategies[0].N (line 1, column 45): invalid value 100; expected an integer in [1, 64]"))
        #expect(message.contains("strategies[0].p (line 1, column 55): invalid value 1.2; expected a number in [0, 1]"))
    }

    @Test("maxGames above the limit has a position")
    func maxGamesAboveLimit() {
        let message = parseError(#"{"rules": {"maxGames": 200000}, "strategies": ["never"]}"#)

        #expect(message.contains("rules.maxGames (line 1, column 24): invalid value 200000; expected an integer in [1, 100000]"))
    }

    @Test("maxGames reported beside another bad field")
    func maxGamesBesideOtherProblem() {
        let message = parseError(#"{"rules": {"maxGames": 200000, "stake": 0}, "strategies": ["never"]}"#)

        #expect(message.contains("2 problems"))
        #expect(message.contains("rules.maxGames"))
        #expect(message.contains("rules.stake"))
    }

    @Test("unknown strategy parameter")
    func unknownParameter() {
        let message = parseError(#"{"strategies": [{"name": "loss-streak", "j": 3}]}"#)

        #expect(message.contains("strategies[0].j"))
        #expect(message.contains("did you mean \"k\"?"))
    }

    @Test("starting balance below the stake")
    func crossFieldRules() {
        let message = parseError(#"{"rules": {"startingBalance": [5, 100], "stake": 10}, "strategies": ["never"]}"#)

        #expect(message.contains("at sweep point startingBalance=5"))
        #expect(message.contains("startingBalance"))
        #expect(message.contains("at least the stake (10)"))
    }

    @Test("every problem is reported at once")
    func severalProblems() {
        let message = parseError(#"{"rules": {"stake": 0, "winProbability": 2}, "strategies": []}"#)

        #expect(message.contains("3 problems"))
        #expect(message.contains("rules.stake"))
        #expect(message.contains("rules.winProbability"))
        #expect(message.contains("empty strategy list"))
    }

    @Test("optimal rejected when its table does not fit")
    func optimalTooLarge() {
        let message = parseError(#"{"rules": {"maxGames": 20000}, "strategies": ["never", "optimal"]}"#)

        #expect(message.contains("strategies: strategy \"optimal\" needs a decision table"))
        #expect(message.contains("rules.maxGames 20000 gives 1608060200 decision states"))
        #expect(message.contains("more than the limit of 1073741824"))
    }

    @Test("oversized rules without optimal are valid")
    func oversizedRulesValid() throws {
        let config = try ExperimentConfig.parse(#"{"rules": {"maxGames": 20000}, "strategies": ["never", "greedy"]}"#)

        #expect(config.points().first?.rules.maxGames == 20000)
    }

    @Test("thread count cannot be swept")
    func threadSweep() {
        let message = parseError(#"{"simulation": {"threads": [1, 2]}, "strategies": ["never"]}"#)

        #expect(message.contains("simulation.threads"))
        #expect(message.contains("cannot be swept"))
    }

    @Test("unreadable file names the path")
    func missingFile() {
        #expect(throws: ExperimentError.self) {
            try ExperimentConfig.load(path: "/nonexistent/config.json")
        }
        do {
            _ = try ExperimentConfig.load(path: "/nonexistent/config.json")
        } catch {
            #expect(error.description.contains("/nonexistent/config.json"))
        }
    }
}

@Suite("JSON reader")
struct JSONReaderTests {
    @Test("escapes and surrogate pairs")
    func escapes() throws {
        let node = try JSONNode.parse(#"["a\"b\\c\n", "\u00e9\ud83d\ude00"]"#)

        guard case .array(let elements) = node.value,
              case .string(let first) = elements[0].value,
              case .string(let second) = elements[1].value else {
            Issue.record("expected an array of two strings")
            return
        }
        #expect(first == "a\"b\\c\n")
        #expect(second == "é😀")
    }

    @Test("positions of nested values")
    func positions() throws {
        let node = try JSONNode.parse("{\n  \"a\": [1,\n    2.5e1]\n}")

        guard case .object(let members) = node.value, case .array(let elements) = members[0].value.value else {
            Issue.record("expected an object holding an array")
            return
        }
        #expect(elements[1].position == JSONPosition(line: 3, column: 5))
        guard case .number(let number) = elements[1].value else {
            Issue.record("expected a number")
            return
        }
        #expect(number.value == 25)
        #expect(number.isInteger)
    }

    @Test("malformed documents", arguments: [
        ("", "line 1, column 1", "expected a value"),
        ("[1, 2", "line 1, column 6", "expected ',' or ']'"),
        ("{\"a\": 1, \"a\": 2}", "line 1, column 10", "duplicate member name"),
        ("[01]", "line 1, column 3", "leading zero"),
        ("[1] x", "line 1, column 5", "after the end of the document"),
        ("\"abc", "line 1, column 5", "unterminated string"),
    ])
    func malformed(text: String, position: String, reason: String) {
        do {
            _ = try JSONNode.parse(text)
            Issue.record("parsed malformed JSON: \(text)")
        } catch {
            #expect(error.description.contains(position))
            #expect(error.description.contains(reason))
        }
    }
}
