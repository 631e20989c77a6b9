/// How a choropleth groups its values into classes, as the author chooses.
public enum MapClassification: Sendable, Equatable {
    /// Upper limits written by the author: `[5, 10]` gives "under 5", "5 to under 10", "10 and over".
    case breaks([Double])
    /// Classes with as near the same number of areas as the values allow.
    case quantiles(Int)
    /// Jenks's natural breaks: classes that keep alike values together.
    case natural(Int)
}

/// Classes of a choropleth: where each starts, and the class of a value.
public struct MapClasses: Sendable, Equatable {
    /// The lower limit of every class but the first, ascending.
    public var thresholds: [Double]

    public var count: Int { thresholds.count + 1 }

    public init(thresholds: [Double]) {
        self.thresholds = thresholds
    }

    /// A value's class, 0 for the lowest: a value equal to a threshold is in the class it starts.
    public func index(of value: Double) -> Int { thresholds.firstIndex { value < $0 } ?? thresholds.count }

    /// - Parameter values: the values to classify (finite); classes are never empty of meaning:
    ///   a classification that would give two classes the same limits gives fewer classes.
    public init(_ method: MapClassification, values: [Double]) {
        let sorted = values.sorted()
        let computed: [Double]
        switch method {
        case .breaks(let breaks):
            // The author's limits stand, even where a class has no area this year.
            self.init(thresholds: Array(Set(breaks)).sorted())
            return
        case .quantiles(let count):
            computed = count > 1 && !sorted.isEmpty
                ? (1..<count).map { k in sorted[min(sorted.count - 1, (k * sorted.count + count - 1) / count)] } : []
        case .natural(let count):
            computed = Self.jenks(sorted, classes: count)
        }
        // Many equal values can make two limits the same, or one the least value: such a class
        // would hold nothing, so it is left out rather than shown empty.
        var unique: [Double] = []
        for limit in computed where limit > (sorted.first ?? -.infinity) && unique.last != limit { unique.append(limit) }
        self.init(thresholds: unique)
    }

    /// Fisher–Jenks by dynamic programming over the sorted values: the lower limit of each class
    /// after the first, chosen to make the sum of squared deviations within classes least.
    static func jenks(_ values: [Double], classes: Int) -> [Double] {
        let n = values.count
        let k = min(classes, n)
        guard k > 1 else { return [] }
        // prefix sums for the cost of a run of values
        var sum = [0.0], squares = [0.0]
        for value in values {
            sum.append(sum.last! + value)
            squares.append(squares.last! + value * value)
        }
        func cost(_ i: Int, _ j: Int) -> Double {  // values i..<j
            let count = Double(j - i), total = sum[j] - sum[i]
            return (squares[j] - squares[i]) - total * total / count
        }
        // best[c][j]: least cost of the first j values in c + 1 classes; start[c][j]: where the last class starts.
        var best = Array(repeating: Array(repeating: Double.infinity, count: n + 1), count: k)
        var start = Array(repeating: Array(repeating: 0, count: n + 1), count: k)
        for j in 1...n { best[0][j] = cost(0, j) }
        for c in 1..<k {
            for j in (c + 1)...n {
                for i in c..<j {
                    let candidate = best[c - 1][i] + cost(i, j)
                    if candidate < best[c][j] - 1e-12 {
                        best[c][j] = candidate
                        start[c][j] = i
                    }
                }
            }
        }
        var limits: [Double] = []
        var end = n
        for c in stride(from: k - 1, to: 0, by: -1) {
            let first = start[c][end]
            limits.append(values[first])
            end = first
        }
        return limits.reversed()
    }

    /// Each class's range in words, with values written by `format`: "under 5", "5 to under 10",
    /// "10 and over".
    public func labels(format: (Double) -> String) -> [String] {
        guard !thresholds.isEmpty else { return ["all values"] }
        var labels = ["under \(format(thresholds[0]))"]
        for (low, high) in zip(thresholds, thresholds.dropFirst()) { labels.append("\(format(low)) to under \(format(high))") }
        labels.append("\(format(thresholds.last!)) and over")
        return labels
    }
}
