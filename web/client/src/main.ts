// Placeholder home page until the web application issue lands: it shows whether the system is ready.

interface Readiness {
  status: 'ready' | 'not-ready';
  engine: { ok: boolean; version?: string };
  database: { ok: boolean };
}

async function showStatus(target: HTMLElement): Promise<void> {
  try {
    const answer = (await (await fetch('/ready')).json()) as Readiness;
    target.textContent = answer.status === 'ready'
      ? `正常（流程引擎 ${answer.engine.version ?? ''}，数据库可用）`
      : `暂不可用（流程引擎${answer.engine.ok ? '正常' : '不可用'}，数据库${answer.database.ok ? '正常' : '不可用'}）`;
  } catch {
    target.textContent = '无法连接服务器，请稍后刷新页面。';
  }
}

const target = document.getElementById('status');
if (target) void showStatus(target);
