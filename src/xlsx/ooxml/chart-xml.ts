/**
 * A column chart (DrawingML, ECMA-376 Part 1 §21.2) over a table of the 汇总 sheet, and the drawing
 * part that anchors charts to cells. Series read the sheet's cells by reference and carry the values as a cache,
 * so the chart shows before any recalculation.
 */
import { cellAddress } from "../../core/address";
import { NS, XML_DECL, esc, quotedSheet } from "./xml";

export interface ChartSeries {
  /** 1-based column of the series' values on the sheet; its header is in `headerRow`. */
  readonly column: number;
  readonly name: string;
  readonly values: readonly number[];
}

export interface ChartModel {
  readonly title: string;
  readonly sheet: string;
  /** 1-based row of the table's column headers; categories are in column 1 below it. */
  readonly headerRow: number;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** 0-based cell anchors (from inclusive, to exclusive) as DrawingML counts them. */
  readonly from: { readonly row: number; readonly col: number };
  readonly to: { readonly row: number; readonly col: number };
}

function absolute(row: number, col: number): string {
  const a = cellAddress(row, col);
  const m = /^([A-Z]+)(\d+)$/.exec(a);
  return m ? `$${m[1]}$${m[2]}` : a;
}

function range(sheet: string, r1: number, c1: number, r2: number, c2: number): string {
  return `${quotedSheet(sheet)}!${absolute(r1, c1)}:${absolute(r2, c2)}`;
}

function strCache(values: readonly string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: readonly number[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function rich(text: string, size: number, bold: boolean): string {
  const b = bold ? ' b="1"' : ' b="0"';
  return (
    `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size}"${b}/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich>`
  );
}

export function chartXml(m: ChartModel): string {
  const first = m.headerRow + 1;
  const last = m.headerRow + m.categories.length;
  const series = m.series.map(
    (s, i) =>
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
      `<c:tx><c:strRef><c:f>${esc(range(m.sheet, m.headerRow, s.column, m.headerRow, s.column))}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
      `<c:invertIfNegative val="0"/>` +
      `<c:cat><c:strRef><c:f>${esc(range(m.sheet, first, 1, last, 1))}</c:f>${strCache(m.categories)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${esc(range(m.sheet, first, s.column, last, s.column))}</c:f>${numCache(s.values)}</c:numRef></c:val>` +
      `</c:ser>`,
  );
  // Several series (types per month) stack into one column per category; one series shows its values.
  const stacked = m.series.length > 1;
  const legend = m.series.length > 1 ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` : "";
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.rel}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart><c:title><c:tx>${rich(m.title, 1200, true)}</c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series.join("")}` +
    `<c:dLbls><c:showLegendKey val="0"/><c:showVal val="${stacked ? 0 : 1}"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:gapWidth val="80"/>${stacked ? '<c:overlap val="100"/>' : ""}<c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

/** The drawing of one sheet: each chart anchored to its cells, by relationship id. */
export function drawingXml(charts: ReadonlyArray<{ readonly model: ChartModel; readonly relId: string }>): string {
  const anchors = charts.map(
    ({ model: m, relId }, i) =>
      `<xdr:twoCellAnchor editAs="oneCell">` +
      `<xdr:from><xdr:col>${m.from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${m.from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${m.to.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${m.to.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(`图表 ${i + 1}`)}" descr="${esc(m.title)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.rel}" r:id="${relId}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
  );
  return (
    XML_DECL +
    `<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingMain}">${anchors.join("")}</xdr:wsDr>`
  );
}
