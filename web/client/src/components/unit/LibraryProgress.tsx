import { Card, Flex, Progress, Typography } from 'antd';
import type { UnitLibrary } from '../../../../server/schemas/recommendations.js';
import { tagColors } from '../../labels.js';

/**
 * How far the unit is: its recommendations against the province's indicator (附件1, a target or a hard cap), and the
 * call's one-per-unit rule (2021: 各市推荐市级工业互联网综合平台不超过1个).
 */
export function LibraryProgress({ library }: { library: UnitLibrary }) {
  const { progress, cappedDirection } = library;
  const indicator = progress.target === null
    ? '省厅尚未下达本单位的培育指标'
    : `${progress.isCap ? '推荐上限' : '培育指标'} ${progress.target} 项`;
  return (
    <Flex gap="middle" wrap role="region" aria-label="推荐进度与限推规则">
      <Card size="small" style={{ minWidth: 320, flex: 1 }} title="推荐进度">
        <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="indicator-progress">
          已推荐 {progress.recommended} 项{progress.target === null ? '' : ` / ${progress.target} 项`}（{indicator}）
        </Typography.Paragraph>
        {progress.target !== null && (
          <Progress percent={percent(progress.recommended, progress.target)} status={progress.isCap && progress.recommended >= progress.target ? 'exception' : undefined}
            format={() => `${progress.recommended}/${progress.target}`} aria-label="已推荐数占指标的比例" />
        )}
        {progress.isCap && progress.target !== null && progress.recommended >= progress.target && (
          <Typography.Text style={{ color: tagColors.bad }}>已达推荐上限：再推荐须先撤回一项。</Typography.Text>
        )}
      </Card>
      {cappedDirection && (
        <Card size="small" style={{ minWidth: 320, flex: 1 }} title={`${cappedDirection.label}（每个推荐单位最多推荐 ${cappedDirection.max} 个）`}>
          <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="capped-direction-progress">
            已推荐 {cappedDirection.recommended} 个 / {cappedDirection.max} 个
          </Typography.Paragraph>
          <Progress percent={percent(cappedDirection.recommended, cappedDirection.max)} format={() => `${cappedDirection.recommended}/${cappedDirection.max}`}
            aria-label={`已推荐的${cappedDirection.label}数`} />
        </Card>
      )}
    </Flex>
  );
}

// helpers

function percent(part: number, whole: number): number {
  return whole <= 0 ? 100 : Math.min(100, Math.round((part / whole) * 100));
}
