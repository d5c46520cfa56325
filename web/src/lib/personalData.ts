// A quick client-side hint while typing; the server's `warnings` on create are authoritative.
const PHONE = /(?:\+31|0031|\b0)[\s-]?(?:\d[\s-]?){9}\b/;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const BSN = /\b\d{9}\b/;

function elfProef(s: string): boolean {
  const d = s.split("").map(Number);
  const sum = d.slice(0, 8).reduce((acc, n, i) => acc + n * (9 - i), 0) - d[8];
  return sum % 11 === 0 && sum !== 0;
}

export function looksPersonal(text: string): ("phone" | "email" | "bsn")[] {
  const out: ("phone" | "email" | "bsn")[] = [];
  if (PHONE.test(text)) out.push("phone");
  if (EMAIL.test(text)) out.push("email");
  const m = text.match(new RegExp(BSN, "g"));
  if (m?.some(elfProef)) out.push("bsn");
  return out;
}
