import { Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A chart with its caption. Screen readers get the caption as the image's name; the numbers are in the table that
 * follows every chart, so the chart itself is drawn without recharts' keyboard layer.
 */
export function ChartFigure({ caption, height, children }: { caption: string; height: number; children: ReactNode }) {
  return (
    <figure style={{ margin: 0 }}>
      <div role="img" aria-label={`${caption}（数据见下表）`} style={{ width: '100%', height }}>{children}</div>
      <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center' }}>
        <figcaption>{caption}（数据见下表）</figcaption>
      </Typography.Text>
    </figure>
  );
}
