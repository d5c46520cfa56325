// Keeps one broken page from blanking the whole app: the header and menu stay, the page says what
// happened and offers a reload. Reset on navigation (keyed by path in App.tsx).
import { Component, type ReactNode } from "react";
import { useI18n } from "../i18n";

function Fallback() {
  const { t } = useI18n();
  return (
    <div className="alert alert-error" role="alert">
      <p style={{ marginTop: 0 }}>{t("error.page")}</p>
      <button type="button" className="btn btn-secondary btn-small" onClick={() => window.location.reload()}>
        {t("error.reload")}
      </button>
    </div>
  );
}

export class PageBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.error("page failed", error);
  }
  override render() {
    return this.state.failed ? <Fallback /> : this.props.children;
  }
}
