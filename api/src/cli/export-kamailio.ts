// npm run export:kamailio [-- --out FILE]: writes the Kamailio include with the area-code table and
// the RSC SIP URIs (deploy/kamailio/rsc-table.cfg by default) from the API's reference data and the
// HELPLINE_*_SIP_URI settings in the environment. `--check` only compares with the file.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { sipAddressing } from "../helpline/sip-addressing";
import { DEFAULT_TABLE_PATH, renderKamailioTable } from "../helpline/kamailio-export";

function main() {
  const { values } = parseArgs({ options: { out: { type: "string" }, check: { type: "boolean" } } });
  const out = resolve(values.out ?? DEFAULT_TABLE_PATH);
  const text = renderKamailioTable(sipAddressing(loadConfig()));
  if (values.check) {
    let current = "";
    try {
      current = readFileSync(out, "utf8");
    } catch {
      /* missing counts as different */
    }
    if (current !== text) {
      console.error(`${out} differs from the API's reference data: run npm run export:kamailio`);
      process.exit(1);
    }
    console.log(`${out} is up to date`);
    return;
  }
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}

main();
