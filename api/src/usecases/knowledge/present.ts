// Knowledge notes as every employee sees them: the lesson, not who wrote it or which case it came from.
export function presentNote(n: { _id: unknown; title: string; body: string; expertise?: string[]; unitId?: string | null; createdAt?: Date }) {
  return {
    id: String(n._id),
    title: n.title,
    body: n.body,
    expertise: n.expertise ?? [],
    unitId: n.unitId ?? undefined,
    createdAt: n.createdAt?.toISOString(),
  };
}
