// Networks of the NDV family. "ndv" is the umbrella every member belongs to.
import type { Network } from "../domain/types";

export const NETWORKS: readonly Network[] = Object.freeze([
  { id: "ndv", name: "Netwerk Divers Vakmanschap" },
  { id: "roze-in-blauw", name: "Roze in Blauw" },
  { id: "moslimnetwerk", name: "Moslimnetwerk Politie" },
  { id: "christelijk-politie-netwerk", name: "Christelijk Politie Netwerk" },
  { id: "joods-politienetwerk", name: "Joods Politienetwerk" },
  { id: "netwerk-vrouwen", name: "Netwerk Vrouwen in Blauw" },
  { id: "netwerk-dubbele-nationaliteit", name: "Netwerk Dubbele Nationaliteit" },
  { id: "netwerk-functiebeperking", name: "Netwerk Politie met een Functiebeperking" },
  { id: "caribisch-netwerk", name: "Caribisch Politie Netwerk" },
] satisfies Network[]);

const byId = new Map(NETWORKS.map((n) => [n.id, n]));

export const networkById = (id: string): Network | undefined => byId.get(id);
