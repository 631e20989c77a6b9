import Testing
@testable import SaferCharts

@Suite("Colour contrast (WCAG 2.2)")
struct ContrastTests {
    @Test("Relative luminance and ratio match the WCAG formula's known values")
    func knownValues() {
        #expect(abs(Contrast.ratio(.black, .white) - 21) < 1e-9)
        #expect(Contrast.ratio(.white, .white) == 1)
        // Measured values quoted in charts.md (Analysis Function palette against white).
        #expect(abs(Contrast.ratio(Color(hex: "#28A197")!, .white) - 3.17) < 0.01)
        #expect(abs(Contrast.ratio(Color(hex: "#F46A25")!, .white) - 3.03) < 0.01)
        #expect(abs(Contrast.ratio(Color(hex: "#6BACE6")!, .white) - 2.42) < 0.01)
        #expect(abs(Contrast.relativeLuminance(Color(hex: "#808080")!) - 0.2158605) < 1e-6)
    }

    @Test("Every mark colour reaches 3:1 against the background")
    func markColours() {
        let theme = ChartTheme()
        for color in theme.markColors {
            #expect(Contrast.ratio(color, theme.background) >= Contrast.minimumForMarks, "\(color) is \(Contrast.ratio(color, theme.background)):1")
        }
    }

    @Test("Every text colour reaches 4.5:1 against the background")
    func textColours() {
        let theme = ChartTheme()
        for color in theme.textColors {
            #expect(Contrast.ratio(color, theme.background) >= Contrast.minimumForText, "\(color) is \(Contrast.ratio(color, theme.background)):1")
        }
    }

    @Test("Text printed on the drawn charts only uses the theme's text colours")
    func textInCharts() throws {
        let theme = ChartTheme()
        for (name, chart) in Fixtures.all {
            for text in try ChartRenderer(theme: theme).scene(for: chart).texts {
                switch text.color {
                case .primary, .secondary: break
                case .onDark(let color):
                    Issue.record("\(name) prints text in \(color), which is not a checked text colour")
                }
            }
        }
    }

    @Test("The light palette colours that fail are rejected by the check")
    func checkCanFail() {
        #expect(Contrast.ratio(Color(hex: "#6BACE6")!, .white) < Contrast.minimumForMarks)
        #expect(Contrast.ratio(Color(hex: "#28A197")!, .white) < Contrast.minimumForText)
    }

    @Test("Colours parse and print as #RRGGBB")
    func hex() {
        #expect(Color(hex: "#12436d")?.hex == "#12436D")
        #expect(Color(hex: "12436D") == Color(red: 0x12, green: 0x43, blue: 0x6D))
        #expect(Color(hex: "#1243") == nil)
        #expect(Color(hex: "#GG0000") == nil)
    }
}
