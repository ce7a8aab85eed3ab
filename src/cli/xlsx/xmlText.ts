/** Text as it sits in spreadsheet XML: entities (&amp; &#10;) and Excel's _xHHHH_ escapes decoded, attributes read. */

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: ReadonlyMap<string, string> = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);
/** Excel writes characters XML cannot hold (CR, control characters) as _xHHHH_; _x005F_ escapes a literal underscore. */
const EXCEL_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** XML character data with its entities decoded. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED.get(name) ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** A string cell's text: entities, then Excel's _xHHHH_ escapes ("Globex_x000D_" is "Globex\r"), as Excel reads them. */
export function cellString(text: string): string {
  const decoded = decodeEntities(text);
  return decoded.includes('_x') ? decoded.replace(EXCEL_ESCAPE, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16))) : decoded;
}

/** The value of attribute `name` in a tag's attribute text, entities decoded; undefined when absent. */
export function attribute(attrs: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)(?:\\w+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(attrs);
  if (!m) return undefined;
  return decodeEntities(m[1] ?? m[2] ?? '');
}

const T_RUN = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;

/** The text of a shared string item or an inline string: every <t> run joined, phonetic guides (<rPh>) left out. */
export function runsText(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml;
  let text = '';
  T_RUN.lastIndex = 0;
  for (let m = T_RUN.exec(body); m !== null; m = T_RUN.exec(body)) text += m[1] ?? '';
  return cellString(text);
}
