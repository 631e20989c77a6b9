/// One area's value in a comparison with benchmarks.
public struct ComparisonBar: Sendable, Equatable {
    /// The area as it appears on the chart: "West Midlands".
    public var label: String
    /// The area as it reads inside a sentence: "the West Midlands". Defaults to `label`.
    public var nameInSentence: String
    public var value: Double
    /// The value as house style prints it: "95".
    public var valueText: String
    public var status: ComparisonStatus
    /// The comparison in words, printed on the chart: "higher than England". For a benchmark, the
    /// compared area's result against it ("Dudley is higher than England"), given in the table and
    /// the CSV; empty when there is none.
    public var statusText: String

    public init(label: String, nameInSentence: String? = nil, value: Double, valueText: String, status: ComparisonStatus, statusText: String = "") {
        self.label = label
        self.nameInSentence = nameInSentence ?? label
        self.value = value
        self.valueText = valueText
        self.status = status
        self.statusText = statusText
    }
}

/// The local area against England and the region for one indicator: bars coloured by the
/// comparison's result, and labelled with the value and the result in words.
public struct ComparisonBarsChart: Chart {
    public var titles: ChartTitles
    /// What the value is, as a noun for sentences: "rate", "percentage".
    public var measure: String
    /// The unit after a value: "per 10,000". Empty when the value text carries it ("58%").
    public var unitLabel: String
    public var bars: [ComparisonBar]

    public init(titles: ChartTitles, measure: String, unitLabel: String, bars: [ComparisonBar]) {
        self.titles = titles
        self.measure = measure
        self.unitLabel = unitLabel
        self.bars = bars
    }

    public var kind: String { "comparison bars" }

    public func validate() throws {
        guard !bars.isEmpty else { throw ChartError.noData(chart: kind) }
        if let bad = bars.first(where: { !$0.value.isFinite }) { throw ChartError.invalidValue(chart: kind, label: bad.label) }
    }

    /// "95 — higher than England", or just "72" for a benchmark (the compared bar's label judges it).
    func dataLabel(_ bar: ComparisonBar) -> String {
        bar.statusText.isEmpty || bar.status == .benchmark ? bar.valueText : bar.valueText + " \u{2014} " + bar.statusText
    }

    /// The comparison column of the table and the CSV: the result, or for a benchmark the compared
    /// area's result against it.
    func comparisonCell(_ bar: ComparisonBar, benchmarkWord: String) -> String {
        bar.status == .benchmark && bar.statusText.isEmpty ? benchmarkWord : bar.statusText
    }

    public func body(top: Double, theme: ChartTheme, metrics: TextMetrics) -> (primitives: [Primitive], bottom: Double) {
        var marks: [any Mark] = []
        for (index, bar) in bars.enumerated() {
            marks.append(BarMark(category: index, value: bar.value, fill: theme.fill(for: bar.status), cssClass: "sc-bar sc-\(bar.status.rawValue)"))
            marks.append(TextMark(category: index, value: bar.value, text: dataLabel(bar), bold: bar.status != .benchmark))
        }
        let plot = Plot(orientation: .horizontal, categories: bars.map(\.label), marks: marks, valueAxis: ValueAxis(maxTicks: 5))
        return plot.layout(top: top, theme: theme, metrics: metrics)
    }

    /// "Dudley's rate, 95 per 10,000, is higher than the West Midlands' 89 and England's 72."
    public func describe() -> String {
        guard !bars.isEmpty else { return "No data." }
        let benchmarks = bars.filter { $0.status == .benchmark }
        let compared = bars.filter { $0.status != .benchmark }
        let unit = unitLabel.isEmpty ? "" : " " + unitLabel
        var sentences: [String] = []
        for bar in compared {
            var sentence = Sentence.capitalised(Sentence.possessive(bar.nameInSentence)) + " \(measure), \(bar.valueText)\(unit),"
            if benchmarks.isEmpty {
                sentence = Sentence.capitalised(Sentence.possessive(bar.nameInSentence)) + " \(measure) is \(bar.valueText)\(unit)."
                sentences.append(sentence)
                continue
            }
            // Nearest benchmark first reads most naturally; ties keep the given order.
            let ordered = benchmarks.enumerated().sorted {
                let a = abs($0.element.value - bar.value), b = abs($1.element.value - bar.value)
                return a != b ? a < b : $0.offset < $1.offset
            }.map(\.element)
            var clauses: [String] = []
            for (relation, test) in [("higher than", { (b: Double) in bar.value > b }), ("lower than", { bar.value < $0 }), ("the same as", { bar.value == $0 })] {
                let matching = ordered.filter { test($0.value) }.map { Sentence.possessive($0.nameInSentence) + " " + $0.valueText }
                if !matching.isEmpty { clauses.append(relation + " " + Sentence.list(matching)) }
            }
            sentence += " is " + Sentence.list(clauses) + "."
            sentences.append(sentence)
            switch bar.status {
            case .notCompared:
                sentences.append("The difference was not tested for statistical significance.")
            case .benchmark:
                break
            default:
                if !bar.statusText.isEmpty {
                    sentences.append("Judged against the benchmark, \(bar.nameInSentence) is \(bar.statusText).")
                }
            }
        }
        if compared.isEmpty {
            let values = bars.map { "\($0.nameInSentence) \($0.valueText)" }
            sentences.append("The \(measure)\(unit) is " + Sentence.list(values) + ".")
        }
        return sentences.joined(separator: " ")
    }

    private var valueHeader: String { Sentence.capitalised(unitLabel.isEmpty ? measure : measure + " " + unitLabel) }

    public func table() -> DataTable {
        DataTable(
            headers: ["Area", valueHeader, "Comparison"],
            rows: bars.map { [$0.label, $0.valueText, comparisonCell($0, benchmarkWord: "Benchmark")] })
    }

    public func csvTable() -> DataTable {
        DataTable(
            headers: ["Area", valueHeader, "Comparison"],
            rows: bars.map { [$0.label, NumberText.plain($0.value), comparisonCell($0, benchmarkWord: "benchmark")] })
    }
}
