/**
 * Renders a Vega-Lite chart to SVG text in Node: Vega-Lite compiles it to Vega, and Vega's headless
 * view draws it as SVG (no browser, no canvas). Data are inline; the view's loader refuses every URL
 * and file, so rendering never reaches the network or the disk.
 */
import type { VegaLiteSpec } from '../../core';
import type * as VegaModule from 'vega';
import type * as VegaLiteModule from 'vega-lite';

type Vega = typeof VegaModule;
type VegaLite = typeof VegaLiteModule;

let libraries: Promise<{ vega: Vega; vegaLite: VegaLite }> | null = null;

/** Vega and Vega-Lite are ES modules only: loaded once, on first use, by dynamic import. */
const load = (): Promise<{ vega: Vega; vegaLite: VegaLite }> => {
  libraries ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => ({ vega, vegaLite }));
  return libraries;
};

const refuse = (what: string): Promise<never> => Promise.reject(new Error(`the report's charts load nothing (asked for ${what})`));

/** The chart as an <svg> element's text. Throws when the specification cannot be drawn. */
export async function renderChartSvg(spec: VegaLiteSpec, description: string): Promise<string> {
  const { vega, vegaLite } = await load();
  const compiled = vegaLite.compile({ ...spec, description } as unknown as Parameters<VegaLite['compile']>[0]).spec;
  const loader = { ...vega.loader(), load: (uri: string) => refuse(uri), sanitize: (uri: string) => refuse(uri), http: (uri: string) => refuse(uri), file: (f: string) => refuse(f) };
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader, logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
