/** The DrawingML part of one chart (xl/charts/chartN.xml): series as cell references with their values cached. */
import type { CellRange, XlsxChart } from './XlsxChart';

const NS = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
  + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const CAT_AXIS = 500100;
const VAL_AXIS = 500200;

/** Text escaped for XML character data and attribute values. */
export const xmlEscape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const richText = (text: string, size: number, bold: boolean): string =>
  `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>`
  + `<a:r><a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>`;

const title = (text: string, size: number): string => `<c:title>${richText(text, size, true)}<c:overlay val="0"/></c:title>`;

const strRef = (range: CellRange<string>): string => `<c:strRef><c:f>${xmlEscape(range.ref)}</c:f><c:strCache><c:ptCount val="${range.values.length}"/>`
  + range.values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(v)}</c:v></c:pt>`).join('') + '</c:strCache></c:strRef>';

const numRef = (range: CellRange<number | null>, format: string): string =>
  `<c:numRef><c:f>${xmlEscape(range.ref)}</c:f><c:numCache><c:formatCode>${xmlEscape(format)}</c:formatCode><c:ptCount val="${range.values.length}"/>`
  + range.values.map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('') + '</c:numCache></c:numRef>';

/** Data labels: the value in the money format (bars), or category and percent (pie). */
const dataLabels = (chart: XlsxChart): string => {
  const pie = chart.kind === 'pie';
  return `<c:dLbls><c:numFmt formatCode="${pie ? '0.0%' : xmlEscape(chart.numberFormat)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>`
    + `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`
    + `${pie ? '<c:dLblPos val="bestFit"/>' : '<c:dLblPos val="outEnd"/>'}<c:showLegendKey val="0"/><c:showVal val="${pie ? 0 : 1}"/>`
    + `<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="${pie ? 1 : 0}"/><c:showBubbleSize val="0"/></c:dLbls>`;
};

const series = (chart: XlsxChart): string => chart.series.map((s, i) => `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>`
  + `<c:tx>${strRef(s.name)}</c:tx>${chart.kind === 'pie' ? '' : '<c:invertIfNegative val="0"/>'}`
  + `${chart.kind === 'stackedColumn' ? '' : dataLabels(chart)}`
  + `<c:cat>${strRef(chart.categories)}</c:cat><c:val>${numRef(s.values, chart.numberFormat)}</c:val></c:ser>`).join('');

const axes = (chart: XlsxChart): string => {
  const bar = chart.kind === 'bar';
  // Horizontal bars list the first category at the bottom: reversed, the biggest partner is on top, and
  // the value axis then crosses at the last category so it stays at the bottom.
  const catAx = `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="${bar ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>`
    + `<c:axPos val="${bar ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>`
    + `<c:tickLblPos val="low"/><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`
    + `<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx = `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>`
    + `<c:axPos val="${bar ? 'b' : 'l'}"/><c:majorGridlines/>${chart.valueTitle ? title(chart.valueTitle, 900) : ''}`
    + `<c:numFmt formatCode="${xmlEscape(chart.numberFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`
    + `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`
    + `<c:crossAx val="${CAT_AXIS}"/><c:crosses val="${bar ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  return catAx + valAx;
};

const plot = (chart: XlsxChart): string => {
  if (chart.kind === 'pie') return `<c:pieChart><c:varyColors val="1"/>${series(chart)}<c:firstSliceAng val="0"/></c:pieChart>`;
  const stacked = chart.kind === 'stackedColumn';
  return `<c:barChart><c:barDir val="${stacked ? 'col' : 'bar'}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>`
    + `${series(chart)}<c:gapWidth val="${stacked ? 60 : 40}"/>${stacked ? '<c:overlap val="100"/>' : ''}`
    + `<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:barChart>${axes(chart)}`;
};

/** A legend where it tells the reader something: under stacked columns and beside a pie, none for a single series of bars or columns. */
const legend = (chart: XlsxChart): string => (chart.kind !== 'pie' && chart.series.length === 1 ? ''
  : `<c:legend><c:legendPos val="${chart.kind === 'pie' ? 'r' : 'b'}"/><c:overlay val="0"/>`
    + `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr></c:legend>`);

/** The chart part's XML. */
export function chartXml(chart: XlsxChart): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace ${NS}><c:roundedCorners val="0"/><c:chart>`
    + `${title(chart.title, 1200)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot(chart)}</c:plotArea>${legend(chart)}`
    + '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
    + '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>'
    + '</c:chartSpace>';
}
