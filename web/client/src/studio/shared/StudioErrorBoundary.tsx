import { Alert, Button } from 'antd';
import { Component, type ReactNode } from 'react';

/**
 * Catches what an editor throws while rendering, and a chunk that no longer loads (after an update of the server):
 * the page says so instead of going blank.
 */
export class StudioErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert type="error" showIcon message="页面出错了，请刷新后重试。" description={this.state.error.message}
        action={<Button onClick={() => window.location.reload()}>刷新</Button>} />
    );
  }
}
