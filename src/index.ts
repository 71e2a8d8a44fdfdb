/**
 * The pure core: no Excel, no Node. The task pane, the hosts and the CLI all start here.
 * parse → model (catalog) → evaluate → sheet plan; this entry grows with each layer.
 */
export * from "./model";
export { parseNumber, formatNumber, scanNumbers, type NumberStyle, type ParsedNumber } from "./parse/number";
export { parseTarget, type TargetContext } from "./parse/target";
export { inferDirection, overrideDirection } from "./parse/direction";
export { findTables, classifyHeader, type TextTable, type ColumnRole } from "./parse/table";
export { splitStatement, type Clause } from "./parse/statement";
export { parseDocument, parsePastedTable, type DocumentSpec, type PasteResult, type Skipped } from "./parse/document";
export { buildCatalog, type CatalogResult } from "./parse/catalog";
export { SEED_DOCUMENTS } from "./parse/seeds";
export { readActual, type ActualReading, type InvalidReason } from "./evaluate/actual";
export { judge, judgeCell, combineParts, type Judgement, type JudgeOptions, type JudgeReason, type Warning } from "./evaluate/judge";
export { explain, type Explained } from "./evaluate/explain";
export { STATUS_VOCABULARY, STATUS_ORDER, statusLabel, type StatusStyle } from "./evaluate/vocabulary";
export { assessTrend, indicatorTrend, trendTargetValue, TREND_LABELS, type Trend, type TrendVerdict } from "./evaluate/trend";
export { pairScenarios, scenarioTarget, SCENARIO_LABELS, type ScenarioPair } from "./evaluate/scenario";
export { targetFor, baselineFor, judgeYear, judgeWholePeriod } from "./evaluate/indicator";
export { evaluateReport, type ReportRow, type ReportResult, type ReportOptions } from "./evaluate/report";
export { MESSAGES, message, bilingual, type Message, type MessageCode, type Lang } from "./i18n/messages";
