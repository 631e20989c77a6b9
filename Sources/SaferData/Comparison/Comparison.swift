import Foundation
import SaferCore

/// The local area's value against one comparator's, by the Fingertips method.
///
/// With a confidence interval for the local value: entirely above the comparator's value is
/// higher, entirely below is lower, overlapping is similar; the indicator's polarity then turns
/// higher and lower into better and worse ("no judgement" keeps higher and lower).
/// Without an interval the difference was not tested: the outcome is `notCompared` and the words
/// only say which value is higher, with "not tested for significance", never better or worse.
public struct AreaComparison: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        case better, similar, worse
        /// Tested, for an indicator with no judgement.
        case higher, lower
        /// Not tested: no confidence interval for the local value.
        case notCompared = "not compared"
    }

    /// Which value is larger, as plain numbers.
    public enum Direction: String, Sendable, Hashable {
        case higher, lower, same
    }

    public var comparator: Area
    public var localValue: Decimal
    public var comparatorValue: Decimal
    /// The comparator's value with its unit: "72 per 10,000".
    public var comparatorText: String
    public var direction: Direction
    public var tested: Bool
    public var outcome: Outcome
    /// The phrase before the area's name: "higher than", "similar to", "better than".
    public var relation: String

    /// "higher than England".
    public var words: String { "\(relation) \(comparator.name)" }

    /// Which way the values lie, as far as the method can say: the tested direction ("similar to"
    /// when the interval overlaps), or the plain one when untested: "higher than", "lower than".
    public var directionRelation: String {
        switch outcome {
        case .similar: return "similar to"
        case .notCompared: return relation
        default: return direction == .same ? "the same as" : "\(direction.rawValue) than"
        }
    }

    /// The judgement alone: "better than", "similar to"; for an indicator with no judgement, and
    /// when untested, the direction (the untested note goes once after the whole phrase).
    public var judgementRelation: String { relation }

    /// Both, as Fingertips shows them: "lower (better) than", "similar to"; the direction alone
    /// when there is no judgement to add.
    public var directionAndJudgementRelation: String {
        switch outcome {
        case .better, .worse: return "\(direction.rawValue) (\(outcome.rawValue)) than"
        default: return directionRelation
        }
    }

    /// The local area's result against this comparator for a table row: "Dudley is higher than
    /// England (not tested for significance)".
    public func sentence(localName: String) -> String {
        "\(localName) is \(directionAndJudgementRelation) \(comparator.name)" + (tested ? "" : " (\(Self.notTestedNote))")
    }

    /// Compares `local` (with its interval, if any) with `benchmark` for an indicator of `polarity`.
    public static func compare(
        local: Decimal, lower: Decimal?, upper: Decimal?, benchmark: Decimal, benchmarkText: String,
        comparator: Area, polarity: Polarity
    ) -> AreaComparison {
        let direction: Direction = local > benchmark ? .higher : local < benchmark ? .lower : .same
        guard let lower, let upper else {
            let relation = direction == .same ? "the same as" : "\(direction.rawValue) than"
            return AreaComparison(
                comparator: comparator, localValue: local, comparatorValue: benchmark, comparatorText: benchmarkText,
                direction: direction, tested: false, outcome: .notCompared, relation: relation)
        }
        let tested: Direction = lower > benchmark ? .higher : upper < benchmark ? .lower : .same
        let outcome: Outcome
        switch (tested, polarity) {
        case (.same, _): outcome = .similar
        case (.higher, .highIsGood), (.lower, .lowIsGood): outcome = .better
        case (.higher, .lowIsGood), (.lower, .highIsGood): outcome = .worse
        case (.higher, .noJudgement): outcome = .higher
        case (.lower, .noJudgement): outcome = .lower
        }
        let relation = outcome == .similar ? "similar to" : "\(outcome.rawValue) than"
        return AreaComparison(
            comparator: comparator, localValue: local, comparatorValue: benchmark, comparatorText: benchmarkText,
            direction: direction, tested: true, outcome: outcome, relation: relation)
    }

    /// The results as one phrase, sharing words where they agree: "higher than England and the
    /// West Midlands", "better than England and similar to the West Midlands".
    public static func words(_ results: [AreaComparison], relation: KeyPath<AreaComparison, String> = \.relation) -> String {
        var groups: [(relation: String, names: [String])] = []
        for result in results {
            let phrase = result[keyPath: relation]
            if let index = groups.firstIndex(where: { $0.relation == phrase }) {
                groups[index].names.append(result.comparator.name)
            } else {
                groups.append((phrase, [result.comparator.name]))
            }
        }
        return listed(groups.map { "\($0.relation) \(listed($0.names))" })
    }

    /// The wording forms of a comparison figure, each followed by the untested note when the
    /// comparison was not tested, so no form can imply a significant difference:
    /// `direction` "lower than England", `judgement` "better than England", `direction_judgement`
    /// "lower (better) than England".
    /// `lag`, when the comparison is for an older period than the local area's newest value, says
    /// which: "in 2018/19, the latest year with a figure for England".
    public static func wordingForms(_ results: [AreaComparison], lag: String? = nil) -> [(String, String)] {
        let untested = results.contains { !$0.tested }
        return [
            ("direction", qualified(words(results, relation: \.directionRelation), lag: lag, untested: untested)),
            ("judgement", qualified(words(results, relation: \.judgementRelation), lag: lag, untested: untested)),
            ("direction_judgement", qualified(words(results, relation: \.directionAndJudgementRelation), lag: lag, untested: untested)),
        ]
    }

    /// Comparison words with what a reader must know about them, in one bracket: "lower than
    /// England (in 2018/19, the latest year with a figure for England; not tested for significance)".
    public static func qualified(_ words: String, lag: String?, untested: Bool) -> String {
        let qualifiers = [lag, untested ? notTestedNote : nil].compactMap { $0 }
        return qualifiers.isEmpty ? words : "\(words) (\(qualifiers.joined(separator: "; ")))"
    }

    /// The note a comparison needs when any part of it was not tested.
    public static let notTestedNote = "not tested for significance"
}

