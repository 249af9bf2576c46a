import { Alert, Card, Empty, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../api.js';

interface Task { taskId: string; name: string | null; created: string; due: string | null; applicationId: string; applicationNumber: string | null }

/** 待办任务: the preliminary reviews waiting for the reviewer's unit. */
export function TaskListPage() {
  const [tasks, setTasks] = useState<Task[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<Task[]>('GET', '/api/review-tasks').then(setTasks, (e: ApiError) => setError(e.message));
  }, []);
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>待办任务</Typography.Title>}>
      {error && <Alert type="error" showIcon message={error} />}
      <Table<Task>
        rowKey="taskId"
        loading={tasks === undefined && !error}
        dataSource={tasks}
        locale={{ emptyText: <Empty description="暂无待办任务。企业提交并上传盖章材料后，初审任务会出现在这里。" /> }}
        columns={[
          { title: '申报编号', dataIndex: 'applicationNumber' },
          { title: '任务', dataIndex: 'name' },
          { title: '到达时间', dataIndex: 'created', render: (value: string) => new Date(value).toLocaleString('zh-CN', { hour12: false }) },
          { title: '操作', render: (_, task) => <Link to={`/tasks/${task.taskId}`}>办理</Link> },
        ]}
      />
    </Card>
  );
}
