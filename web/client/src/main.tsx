import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.js';
import { ApplicationFormPage } from './pages/ApplicationFormPage.js';
import { ApplicationStatusPage } from './pages/ApplicationStatusPage.js';
import { ChangePasswordPage } from './pages/ChangePasswordPage.js';
import { CorrectionPage } from './pages/CorrectionPage.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { PortalHome } from './pages/PortalHome.js';
import { ReviewTaskPage } from './pages/ReviewTaskPage.js';
import { SealedScansPage } from './pages/SealedScansPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { TaskListPage } from './pages/TaskListPage.js';
import { SessionProvider, useSession, type Role } from './session.js';

// Darker than antd's defaults so text on the primary colour and secondary text meet WCAG AA contrast (4.5:1);
// no motion, so nothing is half-faded when a page is read (and office PCs stay quick).
const theme = { token: { motion: false, colorPrimary: '#0958d9', colorLink: '#0958d9', colorInfo: '#0958d9', colorTextSecondary: 'rgba(0, 0, 0, 0.68)', colorTextTertiary: 'rgba(0, 0, 0, 0.68)', colorTextDescription: 'rgba(0, 0, 0, 0.68)' } };

const homeOf: Record<Role, string> = { applicant: '/portal', 'city-reviewer': '/tasks', 'province-officer': '/dashboard', expert: '/tasks', administrator: '/dashboard' };

/** Pages only a signed-in account sees; the server checks every call again. */
function SignedIn({ children }: { children: ReactNode }) {
  const { account } = useSession();
  if (account === undefined) return <Spin fullscreen tip="正在加载…" />;
  if (account === null) return <Navigate to="/login" replace />;
  return children;
}

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
              <Route element={<SignedIn><AppLayout /></SignedIn>}>
                <Route path="/" element={<Home />} />
                <Route path="/portal" element={<PortalHome />} />
                <Route path="/applications/:id" element={<ApplicationStatusPage />} />
                <Route path="/applications/:id/edit" element={<ApplicationFormPage />} />
                <Route path="/applications/:id/correction" element={<CorrectionPage />} />
                <Route path="/applications/:id/seal" element={<SealedScansPage />} />
                <Route path="/tasks" element={<TaskListPage />} />
                <Route path="/tasks/:taskId" element={<ReviewTaskPage />} />
                <Route path="/dashboard" element={<DashboardPage />} />
                <Route path="/account/password" element={<ChangePasswordPage />} />
              </Route>
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
