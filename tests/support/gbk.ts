/*
 * Text to GBK bytes, as Excel on a Chinese Windows saves a CSV. Node decodes GB18030 but has no
 * encoder: the table is built once by decoding every two-byte code, so the bytes are GB18030's own.
 */
let table: Map<string, [number, number]> | null = null;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder("gb18030");
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== "\uFFFD" && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
}

export function encodeGbk(text: string): Uint8Array<ArrayBuffer> {
  const codes = gbkTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = codes.get(char);
      if (!pair) throw new Error(`no GBK code for ${JSON.stringify(char)}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}
