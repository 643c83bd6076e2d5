import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { zh } from './i18n/zh-Hans';
import { ConsoleLayout } from './layout/console-layout';
import { LoginPage } from './pages/login-page';
import { sessionExpired } from './session/session-store';
import { useSession } from './session/use-session';

// Each screen is its own chunk: the first load carries the login, the shell and the workbench only.
const WorkbenchPage = lazy(() => import('./pages/workbench/workbench-page'));
const CasePage = lazy(() => import('./pages/case/case-page'));
const IntakePage = lazy(() => import('./pages/intake-page'));
const VisitsPage = lazy(() => import('./pages/visits-page'));
const ReportsPage = lazy(() => import('./pages/reports-page'));
const ConsultationsPage = lazy(() => import('./pages/consultations-page'));
const ArticlesPage = lazy(() => import('./pages/articles-page'));
const HotspotsPage = lazy(() => import('./pages/hotspots-page'));
const MerchantsPage = lazy(() => import('./pages/merchants-page'));
const DataPage = lazy(() => import('./pages/data-page'));
const TemplatesPage = lazy(() => import('./pages/templates-page'));
const StaffPage = lazy(() => import('./pages/staff-page'));
const AuditPage = lazy(() => import('./pages/audit-page'));
const CalendarPage = lazy(() => import('./pages/calendar/calendar-page'));
const ModerationPage = lazy(() => import('./pages/moderation/moderation-page'));

function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    // an expired session comes back to this page after login, and the login page says why
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?${sessionExpired() ? 'expired=1&' : ''}next=${next}`} replace />;
  }
  return children;
}

const page = (node: ReactNode) => (
  <Suspense fallback={<Spin aria-label={zh.app.loading} style={{ margin: 48 }} />}>{node}</Suspense>
);

export function ConsoleRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireSession>
            <ConsoleLayout />
          </RequireSession>
        }
      >
        <Route index element={page(<WorkbenchPage />)} />
        <Route path="cases/:id" element={page(<CasePage />)} />
        <Route path="intake" element={page(<IntakePage />)} />
        <Route path="visits" element={page(<VisitsPage />)} />
        <Route path="reports" element={page(<ReportsPage />)} />
        <Route path="consultations" element={page(<ConsultationsPage />)} />
        <Route path="articles" element={page(<ArticlesPage />)} />
        <Route path="hotspots" element={page(<HotspotsPage />)} />
        <Route path="merchants" element={page(<MerchantsPage />)} />
        <Route path="data" element={page(<DataPage />)} />
        <Route path="templates" element={page(<TemplatesPage />)} />
        <Route path="staff" element={page(<StaffPage />)} />
        <Route path="audit" element={page(<AuditPage />)} />
        <Route path="calendar" element={page(<CalendarPage />)} />
        <Route path="moderation" element={page(<ModerationPage />)} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
