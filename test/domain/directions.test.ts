import { describe, expect, it } from 'vitest';
import {
  defaultDirectionCappedAtOnePerUnit,
  defaultDirectionTemplates,
  directionLabel,
  directions,
  templateForDirection,
  templateLabel,
  templates,
} from '../../domain/directions.js';

describe('the shipped directions (a new call’s defaults)', () => {
  it('are the 14 directions of the notice, each code once, each with a template', () => {
    const codes = directions.map((direction) => direction.code);
    expect(codes).toHaveLength(14);
    expect(new Set(codes).size).toBe(14);
    expect(Object.keys(defaultDirectionTemplates).sort()).toEqual([...codes].sort());
  });

  it.each([
    ['network-upgrade', '网络改造提升'],
    ['identifier-node', '标识解析二级节点'],
    ['enterprise-platform', '企业级工业互联网平台'],
    ['industry-platform', '行业（区域）级工业互联网平台'],
    ['city-platform', '市级工业互联网综合平台'],
    ['mode-personalized-customization', '个性化定制'],
    ['mode-platform-design', '平台化设计'],
    ['mode-intelligent-manufacturing', '智能化制造'],
    ['mode-networked-collaboration', '网络化协同'],
    ['mode-service-extension', '服务化延伸'],
    ['mode-digital-management', '数字化管理'],
    ['green-manufacturing', '绿色制造'],
    ['safety-production', '安全生产'],
    ['experience-center', '工业互联网平台应用创新体验中心'],
  ] as const)('%s reads %s', (code, label) => {
    expect(directionLabel(code)).toBe(label);
  });

  it('makes the city platform a sub-type of the industry platform and the one capped per unit', () => {
    expect(directions.find((direction) => direction.code === 'city-platform')).toMatchObject({ subtypeOf: 'industry-platform' });
    expect(defaultDirectionCappedAtOnePerUnit).toBe('city-platform');
  });

  it('reads a label from the list given (a call’s), and shows the code of a direction the list lacks', () => {
    const list = [{ code: 'green-manufacturing', label: '绿色低碳' }];
    expect(directionLabel('green-manufacturing', list)).toBe('绿色低碳');
    expect(directionLabel('safety-production', list)).toBe('safety-production');
  });
});

describe('templates', () => {
  it('are 附件2 to 附件4', () => {
    expect(templates.map((template) => [template.code, template.attachment, template.label])).toEqual([
      ['mode-application', '附件2', '模式应用类'],
      ['industry-platform', '附件3', '行业（区域）级工业互联网平台类'],
      ['experience-center', '附件4', '工业互联网平台应用创新体验中心类'],
    ]);
    expect(templateLabel('experience-center')).toBe('工业互联网平台应用创新体验中心类');
    expect(templateLabel('retired-template')).toBe('retired-template');
  });

  it.each([
    ['industry-platform', 'industry-platform'],
    ['city-platform', 'industry-platform'],
    ['experience-center', 'experience-center'],
    ['enterprise-platform', 'mode-application'],
    ['network-upgrade', 'mode-application'],
    ['identifier-node', 'mode-application'],
    ['mode-digital-management', 'mode-application'],
    ['green-manufacturing', 'mode-application'],
    ['safety-production', 'mode-application'],
  ] as const)('by default %s uses the %s template', (direction, template) => {
    expect(templateForDirection(direction)).toBe(template);
  });

  it('reads a call’s table, and knows no template for a direction the table lacks', () => {
    // given
    const table = { ...defaultDirectionTemplates, 'enterprise-platform': 'industry-platform' } as const;
    // when / then
    expect(templateForDirection('enterprise-platform', table)).toBe('industry-platform');
    expect(templateForDirection('green-manufacturing', table)).toBe('mode-application');
    expect(templateForDirection('toString', table)).toBeUndefined();
    expect(templateForDirection('retired-direction', table)).toBeUndefined();
  });
});
