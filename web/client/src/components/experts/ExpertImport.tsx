import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { expertImportResult } from '../../../../server/schemas/experts.js';
import { fieldsOf, messageOf, postForm, type FieldError } from '../../api.js';

/** What a refused import said: the message and every problem by sheet, row and column. */
export interface ImportProblems {
  title: string;
  fields: FieldError[];
}

/** 导入 Excel: uploads a pool workbook; a refused one reports its problems (nothing was imported). */
export function ExpertImport({ onImported, onRefused }: { onImported(): void; onRefused(problems: ImportProblems | undefined): void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function upload(file: File) {
    setBusy(true);
    onRefused(undefined);
    try {
      const form = new FormData();
      form.set('file', file, file.name);
      const result = await postForm('/api/experts/import', form, expertImportResult);
      message.success(`已导入 ${file.name}：新增 ${result.created} 人，更新 ${result.updated} 人，未变 ${result.unchanged} 人`);
      onImported();
    } catch (e) {
      onRefused({ title: `导入失败：${messageOf(e)}`, fields: fieldsOf(e) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
      <Button icon={<UploadOutlined />} disabled={busy}>{busy ? '正在导入…' : '导入 Excel'}</Button>
    </Upload>
  );
}
