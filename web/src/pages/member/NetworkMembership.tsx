// Networks are granted, not self-declared (issue 9): the member sees their unit and networks read-only,
// asks to join a network here, and follows the status of that request.
import { useState } from "react";
import { useI18n, type Key } from "../../i18n";
import { useLoad } from "../../lib/useLoad";
import { useSubmit } from "../../lib/useSubmit";
import { useReference } from "../../lib/reference";
import { useAnnounce } from "../../lib/announce";
import { ErrorBox } from "../../components/ErrorBox";
import { client } from "../../api/typed-client";

export function NetworkMembership({ networks }: { networks: string[] }) {
  const { t, date } = useI18n();
  const ref = useReference();
  const announce = useAnnounce();
  const requests = useLoad(async () => (await client.GET("/members/me/network-requests")).data);
  const pending = new Set((requests.data ?? []).filter((r) => r.status === "pending").map((r) => r.networkId));
  const open = ref.networks.filter((n) => !networks.includes(n.id) && !pending.has(n.id));
  const [networkId, setNetworkId] = useState("");
  const [motivation, setMotivation] = useState("");
  const chosen = networkId || open[0]?.id || "";
  const name = (id: string) => ref.networks.find((n) => n.id === id)?.name ?? id;
  const form = useSubmit(
    () => client.POST("/members/me/network-requests", { body: { networkId: chosen, ...(motivation.trim() ? { motivation: motivation.trim() } : {}) } }),
    () => {
      announce(t("nm.sent", { network: name(chosen) }));
      setMotivation("");
      setNetworkId("");
      requests.reload();
    },
  );

  return (
    <section className="card" aria-labelledby="nm-title">
      <h2 id="nm-title" style={{ marginTop: 0 }}>
        {t("nm.title")}
      </h2>
      <p className="muted">{t("nm.intro")}</p>
      {open.length > 0 && (
        <form className="inline-form" onSubmit={form.submit} noValidate>
          <div className="field">
            <label htmlFor="nm-network">{t("nm.network")}</label>
            <select id="nm-network" value={chosen} onChange={(e) => setNetworkId(e.target.value)}>
              {open.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="nm-motivation">{t("nm.motivation")}</label>
            <input id="nm-motivation" value={motivation} maxLength={1000} onChange={(e) => setMotivation(e.target.value)} />
          </div>
          <button type="submit" className="btn btn-secondary">
            {t("nm.ask")}
          </button>
        </form>
      )}
      <ErrorBox error={form.error} />
      <ErrorBox error={requests.error} />
      {(requests.data ?? []).length > 0 && (
        <ul aria-label={t("nm.requests")}>
          {requests.data!.map((r) => (
            <li key={r.id}>
              {name(r.networkId)}: <strong>{t(`nm.status.${r.status}` as Key)}</strong>
              {r.createdAt && <span className="muted"> ({date(r.createdAt, false)})</span>}
              {r.reason && <span> – {r.reason}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
