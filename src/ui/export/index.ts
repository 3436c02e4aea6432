/** Exports: chart SVG/PNG, table CSV/JSON, the offline HTML report, the notebook .md, and all figures as JSON. */
export { csvField, csvText, toCsv } from './csv';
export { jsonSafe, toJson } from './json';
export { type ExportTable, tableOfView, tableOfTableView, tableOfMetrics, tableOfVerdict, tableOfPlot, flattenViews, tableToCsv, tableToJson } from './tables';
export { safeName, exportFileName } from './names';
export { type ExportMeta, type ExportedVerdict, collectVerdicts, currentInputs, figuresDocument } from './figures';
export { type ReportInput, buildReportHtml, reportMetaHtml, sanitizeHtml, sanitizeCss, isInertUrl, tableHtml, escapeHtml } from './report';
export { notebookMarkdown } from './markdown';
