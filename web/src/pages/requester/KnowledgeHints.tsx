// Knowledge notes that may already answer the question, looked up while the requester types.
import { useEffect, useState } from "react";
import { listOf } from "../../api/client";
import type { KnowledgeNote } from "../../api/types";
import { useI18n } from "../../i18n";
import { useDebounced } from "../../lib/debounce";
import { client } from "../../api/typed-client";

export function KnowledgeHints({ text }: { text: string }) {
  const { t } = useI18n();
  const q = useDebounced(text.trim(), 400);
  const [notes, setNotes] = useState<KnowledgeNote[]>([]);
  const [open, setOpen] = useState<string>();
  useEffect(() => {
    if (q.length < 4) {
      setNotes([]);
      return;
    }
    let live = true;
    client
      .GET("/knowledge", { query: { q: q.slice(0, 200), limit: 3 } })
      .then((r) => live && setNotes(listOf<KnowledgeNote>(r).slice(0, 3)))
      .catch(() => live && setNotes([]));
    return () => {
      live = false;
    };
  }, [q]);
  return (
    <aside className="card" aria-labelledby="kh-title" aria-live="polite">
      <h2 id="kh-title" style={{ marginTop: 0 }}>
        {t("kh.title")}
      </h2>
      {notes.length === 0 ? (
        <p className="muted">{q.length < 4 ? t("kh.typeMore") : t("kh.none")}</p>
      ) : (
        <ul className="card-list" data-testid="knowledge-hints">
          {notes.map((n) => (
            <li key={n.id}>
              <h3>{n.title}</h3>
              {open === n.id ? <p style={{ whiteSpace: "pre-wrap" }}>{n.body}</p> : <p className="muted">{n.body.slice(0, 160)}</p>}
              <button type="button" className="btn-link" aria-expanded={open === n.id} onClick={() => setOpen(open === n.id ? undefined : n.id)}>
                {open === n.id ? t("kh.less") : t("kh.more")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
