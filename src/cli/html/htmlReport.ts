/** `report --html FILE`: the report page's model from the core, its charts drawn to SVG here in Node, the page written in chunks. */
import type { DealSource } from '../../core';
import { htmlReportModel } from '../../core';
import { renderChartSvg } from './renderChart';
import type { DrawnChart, ReportPageFacts } from './reportPage';
import { reportPage } from './reportPage';
import { writeHtmlFile } from './writeHtmlFile';

/** Writes the HTML report of an analysis (or a summary read back) to `file`. A chart that cannot be drawn says so on the page; the rest is written. */
export async function writeHtmlReport(source: DealSource, file: string, facts: ReportPageFacts): Promise<void> {
  const model = htmlReportModel(source);
  const charts: DrawnChart[] = [];
  for (const chart of model.charts) {
    try {
      charts.push({ chart, svg: await renderChartSvg(chart.spec, `${chart.title}. ${chart.caption}`) });
    } catch (error) {
      charts.push({ chart, error: error instanceof Error ? error.message : String(error) });
    }
  }
  await writeHtmlFile(file, reportPage(model, charts, facts));
}
