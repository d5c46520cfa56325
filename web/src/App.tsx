// Providers, the login gate and the per-role route tables (each role's pages load as their own chunk).
import { lazy, Suspense, useEffect } from "react";
import { I18nProvider } from "./i18n";
import { SessionProvider, homeFor, useSession } from "./lib/session";
import { SocketProvider } from "./realtime/socket";
import { AnnounceProvider } from "./lib/announce";
import { navigate, usePath } from "./lib/router";
import { Layout } from "./components/Layout";
import { Loading } from "./components/ErrorBox";
import { PageBoundary } from "./components/PageBoundary";
import { LoginPage } from "./pages/Login";
import { NotFound } from "./pages/NotFound";
import { OfflineBanner } from "./components/OfflineBanner";

const RequesterRoutes = lazy(() => import("./pages/requester/routes"));
const MemberRoutes = lazy(() => import("./pages/member/routes"));
const CoordinatorRoutes = lazy(() => import("./pages/coordinator/routes"));
const PolicyRoutes = lazy(() => import("./pages/policy/routes"));
const AdminRoutes = lazy(() => import("./pages/admin/routes"));
const NotificationsPage = lazy(() => import("./pages/Notifications"));

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <AnnounceProvider>
          <OfflineBanner />
          <Gate />
        </AnnounceProvider>
      </SessionProvider>
    </I18nProvider>
  );
}

function Gate() {
  const { me } = useSession();
  const path = usePath();
  useEffect(() => {
    if (me && (path === "/" || path === "/login")) navigate(homeFor(me), true);
  }, [me, path]);
  if (me === undefined) return <Loading />;
  if (!me) return <LoginPage />;
  return (
    <SocketProvider userId={me.id}>
      <Layout>
        <PageBoundary key={path}>
          <Suspense fallback={<Loading />}>
            <Routes path={path} />
          </Suspense>
        </PageBoundary>
      </Layout>
    </SocketProvider>
  );
}

function Routes({ path }: { path: string }) {
  const { has } = useSession();
  if (path === "/" || path === "/login") return <Loading />;
  if (path.startsWith("/requests")) return <RequesterRoutes path={path} />;
  if (has("member") && /^\/(offers|engagements|budget|profile|shifts)/.test(path)) return <MemberRoutes path={path} />;
  if (has("coordinator", "helpline-planner") && /^\/(coord|helpline)/.test(path)) return <CoordinatorRoutes path={path} />;
  if (has("coordinator", "helpline-planner") && path === "/notifications") return <NotificationsPage />;
  if (has("policy-admin") && /^\/policy/.test(path)) return <PolicyRoutes path={path} />;
  if (has("admin", "auditor") && /^\/(admin|audit)/.test(path)) return <AdminRoutes path={path} />;
  return <NotFound />;
}
