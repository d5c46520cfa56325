// Submit state shared by the small forms: the last API error and whether the last submit succeeded.
import { useState, type FormEvent } from "react";
import { ApiError } from "../api/client";

/** `send` does the request; `after` runs once it succeeded (reset fields, reload lists). */
export function useSubmit(send: () => Promise<unknown>, after?: () => void) {
  const [error, setError] = useState<ApiError>();
  const [ok, setOk] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setOk(false);
    try {
      await send();
      setOk(true);
      after?.();
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    }
  }
  return { error, ok, submit };
}
