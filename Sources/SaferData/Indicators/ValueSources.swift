import Foundation
import SaferCore

extension Indicator {
    /// Where one of its values comes from: the value's own source when its row names one (the
    /// `source` column, a Fingertips download), else the indicator's. A row that names the
    /// indicator's source without an address is the indicator's source, address and all.
    public func source(of observation: Observation) -> Source {
        source(named: observation.source)
    }

    /// The sources of `observations`, each once, in the order they first come.
    public func sources(of observations: [Observation]) -> [Source] {
        observations.map(source(of:)).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    func source(named own: Source?) -> Source {
        guard let own, own != source else { return source }
        return own.url == nil && own.text == source.text ? source : own
    }
}
