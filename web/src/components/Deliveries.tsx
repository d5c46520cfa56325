// Who was reached how (issue 13): the push and e-mail deliveries of a request's offers, for coordinators in
// scope. Candidates are pseudonymous: numbered as on the candidate cards above (same per-request ref); refs no
// longer on the cards are numbered after them.
import { api, listOf } from "../api/client";
import { useI18n, type Key } from "../i18n";
import { optional, useLoad } from "../lib/useLoad";
import { ErrorBox } from "./ErrorBox";

interface Delivery {
  candidateRef: string;
  channel: "push" | "email";
  status: "queued" | "sent" | "failed" | "cancelled";
  attempts: number;
  sentAt: string | null;
  acceptedAt: string | null;
  failure: string | null;
}

export function Deliveries({ requestId, candidateRefs = [] }: { requestId: string; candidateRefs?: string[] }) {
  const { t, date } = useI18n();
  const d = useLoad(async () => {
    const x = await optional(api.get<unknown>(`/requests/${encodeURIComponent(requestId)}/deliveries`));
    return x === undefined ? undefined : listOf<Delivery>(x);
  }, [requestId]);
  if (d.data === undefined && !d.error) return null;
  const refs = [...new Set([...candidateRefs, ...(d.data ?? []).map((x) => x.candidateRef)])];
  return (
    <section aria-labelledby="rd-deliveries">
      <h2 id="rd-deliveries">{t("rd.deliveries")}</h2>
      <p className="muted">{t("rd.deliveriesIntro")}</p>
      {d.error && <ErrorBox error={d.error} />}
      {d.data && d.data.length === 0 && <p className="muted">{t("rd.deliveriesNone")}</p>}
      {d.data && d.data.length > 0 && (
        <div className="table-wrap">
          <table data-testid="deliveries">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("rd.delivery.channel")}</th>
                <th scope="col">Status</th>
                <th scope="col">{t("rd.delivery.when")}</th>
              </tr>
            </thead>
            <tbody>
              {d.data.map((x, i) => (
                <tr key={i}>
                  <td>{t("rd.candidate", { n: refs.indexOf(x.candidateRef) + 1 })}</td>
                  <td>{t(`rd.delivery.channel.${x.channel}` as Key)}</td>
                  <td>
                    {t(`rd.delivery.status.${x.status}` as Key)}
                    {x.attempts > 1 ? ` · ${t("rd.delivery.attempts", { n: x.attempts })}` : ""}
                    {x.failure && x.status !== "sent" ? <div className="muted">{x.failure}</div> : null}
                  </td>
                  <td>{x.acceptedAt ? date(x.acceptedAt) : x.sentAt ? date(x.sentAt) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
