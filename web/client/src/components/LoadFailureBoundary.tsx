import { Alert } from 'antd';
import { Component, type ReactNode } from 'react';

/**
 * Shows a message instead of a part of the page that failed to load or draw — typically a chunk loaded on demand
 * that a new release replaced while the page was open — so the rest of the page keeps working.
 */
export class LoadFailureBoundary extends Component<{ message: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <Alert type="warning" showIcon title={this.props.message} /> : this.props.children;
  }
}
