/** The drawing part of one sheet (xl/drawings/drawingN.xml): a graphic frame per chart, anchored to the cells it covers. */
import type { XlsxChart } from './XlsxChart';
import { xmlEscape } from './chartXml';

const NS = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const CHART_NS = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const marker = (tag: 'from' | 'to', at: { row: number; col: number }): string =>
  `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

/**
 * The drawing XML for `charts` on one sheet; chart i is the drawing's relationship `rId{i+1}`. Anchors
 * move with their cells but keep their size when rows or columns are resized ("oneCell").
 */
export function drawingXml(charts: readonly XlsxChart[]): string {
  const anchors = charts.map((chart, i) => '<xdr:twoCellAnchor editAs="oneCell">'
    + marker('from', chart.from) + marker('to', chart.to)
    + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}" descr="${xmlEscape(chart.title)}"/>`
    + '<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>'
    + '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
    + `<c:chart ${CHART_NS} r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr ${NS}>${anchors}</xdr:wsDr>`;
}
