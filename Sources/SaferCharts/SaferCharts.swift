// SaferCharts: charts as marks and scales drawn to accessible, deterministic SVG.
//
// The flow inside this module mirrors Observable Plot:
//   chart spec (Charts/)  →  marks (Marks/) + scales (Scales/)  →  Plot lays out and resolves
//   them into a Scene of positioned primitives (Scene/)  →  SVGWriter prints the Scene (SVG/).
// Text is measured with approximate font metrics (Layout/TextMetrics) so labels wrap or get
// room instead of being clipped; the Scene keeps every text box so tests can prove no overlap.
//
// Entry point for page renderers: `ChartRenderer().render(chart, id:)` → `RenderedChart`
// (SVG, description, table, CSV). No file, network or global state.
