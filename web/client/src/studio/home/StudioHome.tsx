import { Alert, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { messageOf, studioApi, type ModelSummary } from '../studio-api.js';
import { CallReleasesCard } from './CallReleasesCard.js';
import { ImportCard } from './ImportCard.js';
import { ModelsCard } from './ModelsCard.js';

/** The studio's home: the models by kind, which versions each call uses, and importing a file. */
export function StudioHome() {
  const [models, setModels] = useState<ModelSummary[]>();
  const [error, setError] = useState<string>();
  const reload = useCallback(() => {
    studioApi.models().then(setModels, (caught: unknown) => setError(messageOf(caught)));
  }, []);
  useEffect(reload, [reload]);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>流程与表单设计</Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>
        在这里修改流程、表单和决策表：每次保存都是一个新版本；部署流程时一并部署它引用的表单和决策表；申报批次使用哪一组版本由管理员明确更新，已在办的申报始终按原版本办结。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} />}
      <ModelsCard kind="process" title="流程" models={models} />
      <ModelsCard kind="form" title="表单" models={models} />
      <ModelsCard kind="decision" title="决策表" models={models} />
      <CallReleasesCard models={models} />
      <ImportCard onImported={reload} />
    </Space>
  );
}
