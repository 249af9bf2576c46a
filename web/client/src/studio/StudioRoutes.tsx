import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { StudioHome } from './home/StudioHome.js';
import { StudioErrorBoundary } from './shared/StudioErrorBoundary.js';
import './studio.css';

// Each editor is a chunk of its own: the studio's home does not load bpmn-js, dmn-js and form-js's editor at once.
const ProcessEditorPage = lazy(() => import('./process/ProcessEditorPage.js'));
const FormEditorPage = lazy(() => import('./form/FormEditorPage.js'));
const DecisionEditorPage = lazy(() => import('./decision/DecisionEditorPage.js'));

/** 流程与表单设计: the studio's pages under /studio, loaded only for administrators (main.tsx checks the role). */
export default function StudioRoutes() {
  const { pathname } = useLocation();
  return (
    <StudioErrorBoundary key={pathname}>
      <Suspense fallback={<Spin description="正在加载编辑器…"><div style={{ minHeight: 240 }} /></Spin>}>
        <Routes>
          <Route index element={<StudioHome />} />
          <Route path="process/:key" element={<ProcessEditorPage />} />
          <Route path="form/:key" element={<FormEditorPage />} />
          <Route path="decision/:key" element={<DecisionEditorPage />} />
          <Route path="*" element={<Navigate to="/studio" replace />} />
        </Routes>
      </Suspense>
    </StudioErrorBoundary>
  );
}
