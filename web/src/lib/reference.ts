// Reference data (units, networks, expertise) loaded once per session and shared.
import { useEffect, useState } from "react";
import type { Expertise, Network, Unit } from "../api/types";
import { client } from "../api/typed-client";

export interface Reference {
  units: Unit[];
  networks: Network[];
  expertise: Expertise[];
}

let cache: Promise<Reference> | undefined;

export function loadReference(): Promise<Reference> {
  cache ??= Promise.all([
    client.GET("/units").catch(() => [] as Unit[]),
    client.GET("/networks").catch(() => [] as Network[]),
    client.GET("/expertise").catch(() => [] as Expertise[]),
  ]).then(([units, networks, expertise]) => ({ units, networks, expertise }));
  cache.then((r) => {
    if (!r.expertise.length || !r.units.length) cache = undefined; // retry later when the data lands
  });
  return cache;
}

export function useReference(): Reference {
  const [ref, setRef] = useState<Reference>({ units: [], networks: [], expertise: [] });
  useEffect(() => {
    let live = true;
    loadReference().then((r) => live && setRef(r));
    return () => {
      live = false;
    };
  }, []);
  return ref;
}

export function unitName(ref: Reference, id: string | undefined): string {
  if (!id || id === "unknown") return "–";
  return ref.units.find((u) => u.id === id)?.name ?? id;
}

export function expertiseLabel(ref: Reference, id: string, lang: "nl" | "en"): string {
  return ref.expertise.find((e) => e.id === id)?.label[lang] ?? id;
}
