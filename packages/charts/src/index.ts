// @opentao/charts: the project's one charting module. Charts and tables are built as SVG strings with
// no DOM and no dependencies, so `tao yuma simulate`, `tao simulate` and the explorer share them:
// write the string to a .svg file in Node, or put it in an element's innerHTML in the browser.
export {
  type BarChartSpec,
  barChart,
  type LineChartSpec,
  lineChart,
  type Series,
  type TableSpec,
  tableChart,
} from "./charts.js";
export { colour, escapeXml, label, niceTicks, PALETTE } from "./svg.js";
