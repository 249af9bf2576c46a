import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { failureOf, messageOf } from '../../api.js';

/** Downloads an Excel export of the server, showing progress while the file is made and saying in Chinese what failed. */
export function ExportButton({ href, label = '导出 Excel' }: { href: string; label?: string }) {
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  async function download() {
    setBusy(true);
    try {
      const response = await fetch(href, { credentials: 'same-origin' });
      if (!response.ok) throw await failureOf(response);
      const disposition = response.headers.get('content-disposition') ?? '';
      const fileName = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? 'export.xlsx');
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      message.success(`已导出：${fileName}`);
    } catch (e) {
      const reason = e instanceof TypeError ? '无法连接服务器。' : messageOf(e);
      message.error(`导出失败：${reason}请检查网络后重试；如持续出现请联系管理员。`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={download}>
      {busy ? '正在导出…' : label}
    </Button>
  );
}
