/** A WCAG 2 contrast audit run inside the page: every visible text against its effective background. */

/** One text element whose contrast is below the AA minimum. */
export interface ContrastFailure { text: string; color: string; background: string; ratio: number; needed: number }

/**
 * Runs in the browser (passed to page.evaluate): checks elements under `rootSelector` that hold text
 * directly. Large text (>= 24px, or >= 18.66px bold) needs 3:1, other text 4.5:1. Disabled controls
 * are exempt, as WCAG says. Backgrounds are composited up the ancestors over white.
 */
export function auditContrast(rootSelector: string): ContrastFailure[] {
  const parse = (css: string): [number, number, number, number] => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m || !m[1]) return [0, 0, 0, 0];
    const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const over = (top: number[], bottom: number[]): [number, number, number, number] => {
    const a = top[3] ?? 1;
    return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (bottom[i] ?? 0) * (1 - a)).concat(1) as [number, number, number, number];
  };
  const luminance = (rgb: number[]): number => {
    const [r, g, b] = rgb.slice(0, 3).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = (el: Element | null): [number, number, number, number] => {
    const layers: [number, number, number, number][] = [];
    for (let node = el; node; node = node.parentElement) layers.push(parse(getComputedStyle(node).backgroundColor));
    return layers.reverse().reduce<[number, number, number, number]>((acc, layer) => over(layer, acc), [255, 255, 255, 1]);
  };
  const effectiveOpacity = (el: Element | null): number => {
    let o = 1;
    for (let node = el; node; node = node.parentElement) o *= Number(getComputedStyle(node).opacity);
    return o;
  };
  const failures: ContrastFailure[] = [];
  const root = document.querySelector(rootSelector);
  if (!root) return failures;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '').map((n) => n.textContent).join(' ').trim();
    const isControl = el instanceof HTMLSelectElement || el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
    if (!own && !isControl) continue;
    if ((el as HTMLButtonElement).disabled || el.closest('[hidden], details:not([open]) > :not(summary)')) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const style = getComputedStyle(el);
    const bg = background(el);
    const fg = over(parse(style.color).map((v, i) => (i === 3 ? v * effectiveOpacity(el) : v)), bg);
    const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) failures.push({ text: (own || (el as HTMLInputElement).value || '').slice(0, 40), color: style.color, background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`, ratio: Math.round(ratio * 100) / 100, needed });
  }
  return failures;
}
