/// Returns a count with its noun, singular for exactly 1: "1 row", "2 rows", "0 rows".
///
/// - Parameters:
///   - count: The number of things.
///   - noun: The singular noun, such as "stripe".
///   - plural: The plural when it is not the noun plus "s", such as "entries".
public func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    count == 1 ? "1 \(noun)" : "\(count) \(plural ?? noun + "s")"
}
