// A member's time entries: date, category, hours, status and note.
import type { TimeEntry } from "../api/types";
import { useI18n, type Key } from "../i18n";
import { Badge } from "./Badge";

export function TimeEntriesTable({ entries, caption }: { entries: TimeEntry[]; caption?: string }) {
  const { t, num, date } = useI18n();
  return (
    <table>
      {caption !== undefined && <caption className="sr-only">{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t("entry.date")}</th>
          <th scope="col">{t("entry.category")}</th>
          <th scope="col" className="num">
            {t("entry.hours")}
          </th>
          <th scope="col">{t("entry.status")}</th>
          <th scope="col">{t("entry.note")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td>{date(e.date, false)}</td>
            <td>{t(`cat.${e.category}` as Key)}</td>
            <td className="num">{num(e.hours, 2)}</td>
            <td>
              <Badge kind="entry" value={e.status} />
            </td>
            <td>{e.note ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
