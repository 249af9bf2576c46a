import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import { lazy, StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.js';
import { homeOf, OnlyFor } from './components/OnlyFor.js';
import { ApplicationFormPage } from './pages/ApplicationFormPage.js';
import { ApplicationStatusPage } from './pages/ApplicationStatusPage.js';
import { ChangePasswordPage } from './pages/ChangePasswordPage.js';
import { CorrectionPage } from './pages/CorrectionPage.js';
import { PortalHome } from './pages/PortalHome.js';
import { PasswordResetPage } from './pages/PasswordResetPage.js';
import { PasswordResetRequestPage } from './pages/PasswordResetRequestPage.js';
import { RegisterPage } from './pages/RegisterPage.js';
import { RegistrationConfirmPage } from './pages/RegistrationConfirmPage.js';
import { UnitRegistrationsPage } from './pages/UnitRegistrationsPage.js';
import { SealedScansPage } from './pages/SealedScansPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { TaskListPage } from './pages/TaskListPage.js';
import { TaskPage } from './pages/TaskPage.js';
import { UnitBatchPage } from './pages/UnitBatchPage.js';
import { UnitLibraryPage } from './pages/UnitLibraryPage.js';
import { SessionProvider, useSession } from './session.js';

// Darker than antd's defaults so text on the primary colour and secondary text meet WCAG AA contrast (4.5:1);
// no motion, so nothing is half-faded when a page is read (and office PCs stay quick).
const theme = { token: { motion: false, colorPrimary: '#0958d9', colorLink: '#0958d9',
  // hover and pressed darker than the base, not lighter as antd derives them: white text keeps AA under the pointer
  colorPrimaryHover: '#003eb3', colorPrimaryActive: '#002c8c', colorLinkHover: '#003eb3', colorLinkActive: '#002c8c', colorErrorHover: '#a8071a', colorErrorActive: '#820014',
  colorInfo: '#0958d9', colorError: '#cf1322', colorTextSecondary: 'rgba(0, 0, 0, 0.68)', colorTextTertiary: 'rgba(0, 0, 0, 0.68)', colorTextDescription: 'rgba(0, 0, 0, 0.68)' } };

/** Pages only a signed-in account sees; the server checks every call again. */
function SignedIn({ children }: { children: ReactNode }) {
  const { account } = useSession();
  if (account === undefined) return <Spin fullscreen tip="正在加载…" />;
  if (account === null) return <Navigate to="/login" replace />;
  return children;
}

// The studio (流程与表单设计) is a set of chunks of its own, fetched only when an administrator opens it.
const StudioRoutes = lazy(() => import('./studio/StudioRoutes.js'));

function Studio() {
  const { account } = useSession();
  if (account?.role !== 'administrator') return <Navigate to="/" replace />;
  return <Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><StudioRoutes /></Suspense>;
}

// The province's dashboards bring their charts (recharts) along: a chunk of their own, so applicants never fetch it.
const DashboardPage = lazy(() => import('./pages/DashboardPage.js').then((module) => ({ default: module.DashboardPage })));
const IndicatorsPage = lazy(() => import('./pages/IndicatorsPage.js').then((module) => ({ default: module.IndicatorsPage })));
const CallsPage = lazy(() => import('./pages/CallsPage.js').then((module) => ({ default: module.CallsPage })));
const CallSettingsPage = lazy(() => import('./pages/CallSettingsPage.js').then((module) => ({ default: module.CallSettingsPage })));
const WorkingDaysPage = lazy(() => import('./pages/WorkingDaysPage.js').then((module) => ({ default: module.WorkingDaysPage })));
const UnitGroupsPage = lazy(() => import('./pages/UnitGroupsPage.js').then((module) => ({ default: module.UnitGroupsPage })));
const AccountsPage = lazy(() => import('./pages/AccountsPage.js').then((module) => ({ default: module.AccountsPage })));
const UnitDashboardPage = lazy(() => import('./pages/UnitDashboardPage.js').then((module) => ({ default: module.UnitDashboardPage })));
const NoticeTextsPage = lazy(() => import('./pages/NoticeTextsPage.js').then((module) => ({ default: module.NoticeTextsPage })));
const MessagesPage = lazy(() => import('./pages/MessagesPage.js').then((module) => ({ default: module.MessagesPage })));
const MessagePage = lazy(() => import('./pages/MessagePage.js').then((module) => ({ default: module.MessagePage })));
const NewLetterPage = lazy(() => import('./pages/NewLetterPage.js').then((module) => ({ default: module.NewLetterPage })));
const CallDirectionsPage = lazy(() => import('./pages/CallDirectionsPage.js').then((module) => ({ default: module.CallDirectionsPage })));
const AuditPage = lazy(() => import('./pages/AuditPage.js').then((module) => ({ default: module.AuditPage })));
const LibraryPage = lazy(() => import('./pages/LibraryPage.js').then((module) => ({ default: module.LibraryPage })));
const UnitProjectsPage = lazy(() => import('./pages/UnitProjectsPage.js').then((module) => ({ default: module.UnitProjectsPage })));
const ProjectPage = lazy(() => import('./pages/ProjectPage.js').then((module) => ({ default: module.ProjectPage })));
const ProvinceBatchesPage = lazy(() => import('./pages/ProvinceBatchesPage.js').then((module) => ({ default: module.ProvinceBatchesPage })));
const ProjectChangePage = lazy(() => import('./pages/ProjectChangePage.js').then((module) => ({ default: module.ProjectChangePage })));
const ProjectExitPage = lazy(() => import('./pages/ProjectExitPage.js').then((module) => ({ default: module.ProjectExitPage })));
const ExpertsPage = lazy(() => import('./pages/ExpertsPage.js').then((module) => ({ default: module.ExpertsPage })));
const ReviewSessionsPage = lazy(() => import('./pages/ReviewSessionsPage.js').then((module) => ({ default: module.ReviewSessionsPage })));
const ReviewSessionPage = lazy(() => import('./pages/ReviewSessionPage.js').then((module) => ({ default: module.ReviewSessionPage })));

// The roles the server lets use the tasklist (routes/tasks.ts) and the province's dashboards (routes/dashboard.ts).
const taskHandlers = ['city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership', 'expert'] as const;
const dashboardViewers = ['province-officer', 'administrator'] as const;
// The unit's library and batch (routes/recommendations.ts, routes/batches.ts).
const cityReviewers = ['city-reviewer'] as const;
// The provincial library's list (routes/library.ts).
const provinceRoles = ['province-officer', 'division-head', 'finance', 'leadership'] as const;
// A project's page (routes/projects.ts): its enterprise, its unit and the province's roles.
const projectReaders = ['applicant', 'city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership'] as const;

function Home() {
  const { account } = useSession();
  return account ? <Navigate to={homeOf[account.role]} replace /> : null;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<SignInPage />} />
              <Route path="/register" element={<RegisterPage />} />
              <Route path="/register/confirm/:token" element={<RegistrationConfirmPage />} />
              <Route path="/password-reset" element={<PasswordResetRequestPage />} />
              <Route path="/password-reset/:token" element={<PasswordResetPage />} />
              <Route element={<SignedIn><AppLayout /></SignedIn>}>
                <Route path="/" element={<Home />} />
                <Route path="/portal" element={<PortalHome />} />
                <Route path="/applications/:id" element={<ApplicationStatusPage />} />
                <Route path="/applications/:id/edit" element={<ApplicationFormPage />} />
                <Route path="/applications/:id/correction" element={<CorrectionPage />} />
                <Route path="/applications/:id/seal" element={<SealedScansPage />} />
                <Route path="/tasks" element={<OnlyFor roles={taskHandlers}><TaskListPage /></OnlyFor>} />
                <Route path="/tasks/:taskId" element={<OnlyFor roles={taskHandlers}><TaskPage /></OnlyFor>} />
                <Route path="/dashboard" element={<OnlyFor roles={dashboardViewers}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><DashboardPage /></Suspense></OnlyFor>} />
                <Route path="/unit/library" element={<OnlyFor roles={cityReviewers}><UnitLibraryPage /></OnlyFor>} />
                <Route path="/unit/batch" element={<OnlyFor roles={cityReviewers}><UnitBatchPage /></OnlyFor>} />
                <Route path="/unit/registrations" element={<OnlyFor roles={cityReviewers}><UnitRegistrationsPage /></OnlyFor>} />
                <Route path="/unit/dashboard" element={<OnlyFor roles={cityReviewers}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><UnitDashboardPage /></Suspense></OnlyFor>} />
                <Route path="/calls" element={<OnlyFor roles={['province-officer', 'administrator']}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><CallsPage /></Suspense></OnlyFor>} />
                <Route path="/calls/:callId" element={<OnlyFor roles={['province-officer', 'administrator']}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><CallSettingsPage /></Suspense></OnlyFor>} />
                <Route path="/indicators" element={<OnlyFor roles={['province-officer']}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><IndicatorsPage /></Suspense></OnlyFor>} />
                <Route path="/audit" element={<OnlyFor roles={dashboardViewers}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><AuditPage /></Suspense></OnlyFor>} />
                <Route path="/working-days" element={<OnlyFor roles={['province-officer']}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><WorkingDaysPage /></Suspense></OnlyFor>} />
                <Route path="/admin/unit-groups" element={<OnlyFor roles={['administrator']}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><UnitGroupsPage /></Suspense></OnlyFor>} />
                <Route path="/admin/accounts" element={<OnlyFor roles={['administrator']}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><AccountsPage scope="admin" /></Suspense></OnlyFor>} />
                <Route path="/unit/accounts" element={<OnlyFor roles={cityReviewers}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><AccountsPage scope="unit" /></Suspense></OnlyFor>} />
                <Route path="/calls/:callId/notices" element={<OnlyFor roles={['province-officer']}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><NoticeTextsPage /></Suspense></OnlyFor>} />
                <Route path="/calls/:callId/directions" element={<OnlyFor roles={['province-officer']}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><CallDirectionsPage /></Suspense></OnlyFor>} />
                <Route path="/messages" element={<Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><MessagesPage /></Suspense>} />
                <Route path="/messages/new" element={<OnlyFor roles={['province-officer', 'city-reviewer']}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><NewLetterPage /></Suspense></OnlyFor>} />
                <Route path="/messages/:messageId" element={<Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><MessagePage /></Suspense>} />
                <Route path="/province/batches" element={<OnlyFor roles={['province-officer', 'division-head']}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><ProvinceBatchesPage /></Suspense></OnlyFor>} />
                <Route path="/projects/:projectId" element={<OnlyFor roles={projectReaders}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><ProjectPage /></Suspense></OnlyFor>} />
                <Route path="/projects/:projectId/change" element={<OnlyFor roles={['applicant']}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><ProjectChangePage /></Suspense></OnlyFor>} />
                <Route path="/projects/:projectId/exit" element={<OnlyFor roles={['province-officer', 'division-head']}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><ProjectExitPage /></Suspense></OnlyFor>} />
                <Route path="/library" element={<OnlyFor roles={provinceRoles}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><LibraryPage /></Suspense></OnlyFor>} />
                <Route path="/experts" element={<OnlyFor roles={['province-officer', 'division-head']}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><ExpertsPage /></Suspense></OnlyFor>} />
                <Route path="/review-sessions" element={<OnlyFor roles={['province-officer', 'division-head']}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><ReviewSessionsPage /></Suspense></OnlyFor>} />
                <Route path="/review-sessions/:sessionId" element={<OnlyFor roles={['province-officer', 'division-head']}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><ReviewSessionPage /></Suspense></OnlyFor>} />
                <Route path="/unit/projects" element={<OnlyFor roles={cityReviewers}><Suspense fallback={<Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>}><UnitProjectsPage /></Suspense></OnlyFor>} />
                <Route path="/account/password" element={<ChangePasswordPage />} />
                <Route path="/studio/*" element={<Studio />} />
              </Route>
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
