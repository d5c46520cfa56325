// Page frame: skip link, header with the role navigation and language switch, main landmark.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useI18n, type Key } from "../i18n";
import { useSession } from "../lib/session";
import { Link, usePath } from "../lib/router";
import { useSocketStatus } from "../realtime/socket";
import type { Role } from "../api/types";
import { LangSwitch } from "./LangSwitch";

interface NavItem {
  to: string;
  key: Key;
  roles: Role[];
}

const NAV: NavItem[] = [
  { to: "/coord", key: "nav.dashboard", roles: ["coordinator"] },
  { to: "/coord/budgets", key: "nav.budgets", roles: ["coordinator"] },
  { to: "/coord/approvals", key: "nav.approvals", roles: ["coordinator"] },
  { to: "/coord/simulate", key: "nav.simulate", roles: ["coordinator"] },
  { to: "/coord/pools", key: "nav.pools", roles: ["coordinator"] },
  { to: "/coord/network-requests", key: "nav.networkRequests", roles: ["coordinator"] },
  { to: "/coord/supplements", key: "nav.supplements", roles: ["coordinator"] },
  { to: "/policy", key: "nav.policy", roles: ["policy-admin"] },
  { to: "/helpline", key: "nav.helpline", roles: ["coordinator", "helpline-planner"] },
  { to: "/notifications", key: "nav.notifications", roles: ["coordinator", "helpline-planner"] },
  { to: "/offers", key: "nav.offers", roles: ["member"] },
  { to: "/engagements", key: "nav.engagements", roles: ["member"] },
  { to: "/budget", key: "nav.myBudget", roles: ["member"] },
  { to: "/shifts", key: "nav.shifts", roles: ["member"] },
  { to: "/profile", key: "nav.profile", roles: ["member"] },
  { to: "/requests/new", key: "nav.newRequest", roles: ["requester"] },
  { to: "/requests", key: "nav.myRequests", roles: ["requester"] },
  { to: "/admin/users", key: "nav.users", roles: ["admin"] },
  { to: "/admin/api-keys", key: "nav.apiKeys", roles: ["admin"] },
  { to: "/audit", key: "nav.audit", roles: ["auditor", "admin"] },
];

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { me, logout, has } = useSession();
  const path = usePath();
  const live = useSocketStatus();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // Narrow screens: the navigation folds behind a menu button (one header row instead of three).
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);

  // Move focus to the page on navigation so keyboard and screen-reader users start at the content.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [path]);

  const items = NAV.filter((n) => n.roles.some((r) => has(r)));
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        {t("layout.skip")}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <div className="brand">
            <button
              type="button"
              className="btn btn-ghost-light menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="mainnav-panel"
              onClick={() => setMenuOpen((o) => !o)}
            >
              <span aria-hidden="true">☰</span> {t("layout.menu")}
            </button>
            <span className="brand-mark" aria-hidden="true">
              NDV
            </span>
            <span className="brand-name">{t("app.name")}</span>
          </div>
          <div className="topbar-tools">
            <span className={`live-dot ${live ? "on" : "off"}`} title={live ? t("layout.live") : t("layout.offline")}>
              <span className="sr-only">{live ? t("layout.live") : t("layout.offline")}</span>
            </span>
            <span className="whoami" data-testid="whoami">
              {me?.name}
            </span>
            <span className="wide-only">
              <LangSwitch />
            </span>
            <button type="button" className="btn btn-ghost-light wide-only" onClick={() => void logout()}>
              {t("layout.logout")}
            </button>
          </div>
        </div>
        <nav aria-label={t("layout.nav")} className={`mainnav${menuOpen ? " open" : ""}`} id="mainnav-panel">
          <ul>
            {items.map((n) => (
              <li key={n.to}>
                <Link to={n.to} className={isActive(path, n.to) ? "active" : undefined}>
                  {t(n.key)}
                </Link>
              </li>
            ))}
          </ul>
          <div className="narrow-only mainnav-tools">
            <LangSwitch />
            <button type="button" className="btn btn-ghost-light" onClick={() => void logout()}>
              {t("layout.logout")}
            </button>
          </div>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <p>{t("layout.footer")}</p>
      </footer>
    </>
  );
}

function isActive(path: string, to: string) {
  if (to === "/requests") return path === "/requests" || (path.startsWith("/requests/") && path !== "/requests/new");
  if (to === "/coord") return path === "/coord";
  return path === to || path.startsWith(`${to}/`);
}
