// What each collection contributes to the search index. Hidden expertise never reaches the index.
import { expertiseById } from "../reference/expertise";

interface MemberLike {
  id: string;
  unitId: string;
  networks?: string[];
  expertise?: { id: string; level: number; visible?: boolean | null }[];
  languages?: string[];
  active?: boolean | null;
  consent?: { shareExpertise?: boolean | null } | null;
}

export function memberDoc(m: MemberLike) {
  const visible = (m.expertise ?? []).filter((e) => e.visible !== false);
  const text = visible.flatMap((e) => {
    const item = expertiseById(e.id);
    return item ? [item.label.nl, item.label.en, ...item.synonyms] : [e.id];
  });
  return {
    id: m.id,
    unitId: m.unitId,
    networks: m.networks ?? [],
    expertiseIds: visible.map((e) => e.id),
    expertiseText: text.join(" "),
    languages: m.languages ?? [],
    active: m.active !== false,
    consented: m.consent?.shareExpertise === true,
  };
}

export function knowledgeDoc(k: { id: string; title: string; body: string; expertise?: string[]; createdAt?: Date | null }) {
  return { id: k.id, title: k.title, body: k.body, expertiseIds: k.expertise ?? [], createdAt: (k.createdAt ?? new Date()).toISOString() };
}
