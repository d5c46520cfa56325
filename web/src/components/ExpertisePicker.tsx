// Combobox (WAI-ARIA 1.2 pattern) that searches the taxonomy as you type; picked items become chips.
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import type { Expertise } from "../api/types";
import { useI18n, type Key } from "../i18n";
import { searchExpertise } from "../lib/fuzzy";

interface Props {
  items: Expertise[];
  value: string[];
  onChange(ids: string[]): void;
  label: string;
  hint?: string;
  id?: string;
  invalid?: boolean;
  /** Id of the element that holds this field's error sentence. */
  errorId?: string;
}

export function ExpertisePicker({ items, value, onChange, label, hint, id, invalid, errorId }: Props) {
  const { t, lang } = useI18n();
  const auto = useId();
  const inputId = id ?? `${auto}-input`;
  const listId = `${auto}-list`;
  const hintId = `${auto}-hint`;
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const results = useMemo(() => searchExpertise(items, text, lang).filter((e) => !value.includes(e.id)), [items, text, lang, value]);
  const byId = useMemo(() => new Map(items.map((e) => [e.id, e])), [items]);
  const showList = open && text.trim().length > 0;

  function pick(e: Expertise) {
    onChange([...value, e.id]);
    setText("");
    setActive(0);
  }

  function onKey(ev: KeyboardEvent<HTMLInputElement>) {
    if (ev.key === "ArrowDown") {
      ev.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, results.length - 1));
    } else if (ev.key === "ArrowUp") {
      ev.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (ev.key === "Enter") {
      if (showList && results[active]) {
        ev.preventDefault();
        pick(results[active]);
      }
    } else if (ev.key === "Escape") {
      setOpen(false);
    } else if (ev.key === "Backspace" && !text && value.length) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      {value.length > 0 && (
        <ul className="chips" aria-label={t("picker.selected")} style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {value.map((idv) => {
            const e = byId.get(idv);
            const name = e ? e.label[lang] : idv;
            return (
              <li key={idv} className="chip" data-expertise={idv}>
                {name}
                <button type="button" aria-label={t("picker.remove", { name })} onClick={() => onChange(value.filter((v) => v !== idv))}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="combo">
        <input
          id={inputId}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && results[active] ? `${listId}-${results[active].id}` : undefined}
          aria-describedby={[hint ? hintId : "", errorId ?? ""].filter(Boolean).join(" ") || undefined}
          aria-invalid={invalid || undefined}
          autoComplete="off"
          value={text}
          placeholder={t("picker.placeholder")}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKey}
          onFocus={() => setOpen(true)}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        />
        <ul id={listId} role="listbox" className="combo-list" hidden={!showList} aria-label={label}>
          {results.length === 0 && showList && (
            <li role="option" aria-disabled="true" aria-selected="false" className="muted">
              {t("picker.noMatch")}
            </li>
          )}
          {results.map((e, i) => (
            <li
              key={e.id}
              id={`${listId}-${e.id}`}
              role="option"
              aria-selected={i === active}
              data-expertise={e.id}
              onMouseDown={(ev) => {
                ev.preventDefault();
                pick(e);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span>{e.label[lang]}</span>
              <span className="muted">{t(`domain.${e.domain}` as Key)}</span>
            </li>
          ))}
        </ul>
      </div>
      <span className="sr-only" aria-live="polite">
        {showList ? t("picker.count", { n: results.length }) : ""}
      </span>
    </div>
  );
}
