import Testing
@testable import SaferCharts

@Suite("Linear scale and nice ticks")
struct ScaleTests {
    @Test("Ticks are round, cover the data, start at zero for bars and never exceed the maximum count")
    func tickProperties() {
        var random = SeededGenerator(state: 42)
        for _ in 0..<2_000 {
            // Magnitudes from 0.001 to 10 million, some domains entirely negative or straddling zero.
            let magnitude = powerOfTen(Int.random(in: 0...10, using: &random)) / 1000
            let a = Double.random(in: -1...1, using: &random) * magnitude
            let b = Double.random(in: -1...1, using: &random) * magnitude
            let maxCount = Int.random(in: 2...10, using: &random)
            let ticks = NiceTicks(covering: min(a, b, 0), max(a, b, 0), maxCount: maxCount)
            let values = ticks.values
            #expect([1, 2, 5].contains(ticks.step.mantissa))
            // Straddling zero needs a tick each side of the zero tick.
            let straddles = min(a, b) < 0 && max(a, b) > 0
            #expect(values.count <= max(maxCount, straddles ? 3 : 2), "\(values.count) ticks for max \(maxCount) over \(a)…\(b)")
            #expect(values.count >= 2)
            #expect(ticks.lowerBound <= min(a, b, 0) && ticks.upperBound >= max(a, b, 0), "ticks \(values) miss \(a)…\(b)")
            #expect(values.contains(0), "bar axes need a zero tick: \(values)")
            for value in values {
                let units = value / ticks.step.value
                #expect(abs(units - units.rounded()) < 1e-6, "\(value) is not a multiple of \(ticks.step.value)")
            }
        }
    }

    @Test("The step is the smallest round step that fits")
    func smallestStep() {
        #expect(NiceTicks(covering: 0, 95, maxCount: 5).values == [0, 50, 100])
        #expect(NiceTicks(covering: 0, 95, maxCount: 6).values == [0, 20, 40, 60, 80, 100])
        #expect(NiceTicks(covering: 0, 36, maxCount: 6).values == [0, 10, 20, 30, 40])
        #expect(NiceTicks(covering: -12, 30, maxCount: 6).values == [-20, -10, 0, 10, 20, 30])
        #expect(NiceTicks(covering: 0, 0.3, maxCount: 4).values == [0, 0.1, 0.2, 0.3])
        #expect(NiceTicks(covering: 0, 330_626, maxCount: 5).values == [0, 100_000, 200_000, 300_000, 400_000])
    }

    @Test("A zero-width domain still gets an axis")
    func degenerateDomain() {
        #expect(NiceTicks(covering: 0, 0, maxCount: 5).values == [0, 0.5, 1])
        #expect(NiceTicks(covering: 7, 7, maxCount: 5).lowerBound == 0)
        #expect(NiceTicks(covering: -3, -3, maxCount: 5).upperBound == 0)
        #expect(NiceTicks(covering: -3, 5, maxCount: 2).values == [-5, 0, 5])
    }

    @Test("Linear scale maps the domain ends to the range ends, including reversed ranges")
    func linearMapping() {
        let (scale, _) = LinearScale.nice(covering: [28, 14], includeZero: true, maxTicks: 6, rangeStart: 100, rangeEnd: 400)
        #expect(scale(scale.domain.lowerBound) == 100)
        #expect(scale(scale.domain.upperBound) == 400)
        #expect(scale(0) == 100)
        let upwards = LinearScale(domain: 0...10, rangeStart: 300, rangeEnd: 0)
        #expect(upwards(5) == 150)
        #expect(upwards(10) == 0)
    }

    @Test("Area scale makes areas, not radii, proportional")
    func areaScale() {
        let scale = AreaScale(maxValue: 330_626, maxRadius: 100)
        let ratio = (scale.radius(for: 25_650) * scale.radius(for: 25_650)) / (100 * 100)
        #expect(abs(ratio - 25_650 / 330_626) < 1e-12)
        #expect(scale.radius(for: 0) == 0)
    }

    @Test("Band scale spaces categories evenly")
    func bands() {
        let bands = BandScale(count: 3, rangeStart: 10, step: 40)
        #expect(bands.start(2) == 90)
        #expect(bands.middle(0) == 30)
        #expect(bands.rangeEnd == 130)
    }
}
