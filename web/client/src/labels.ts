// Chinese labels the pages show for codes the API returns.

export const roleLabels: Record<string, string> = {
  applicant: '申报企业',
  'city-reviewer': '市工信局',
  'province-officer': '省工信厅',
  expert: '评审专家',
  administrator: '平台管理员',
};

export const statusLabels: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交',
  checking: '自动审查中',
  'correction-requested': '待补正',
  resubmitted: '已补正重新提交',
  'awaiting-sealed-scans': '待上传盖章材料',
  'with-city': '市级初审中',
  refused: '不予受理',
  withdrawn: '已撤回',
  'in-city-library': '已纳入市级重点项目库',
  recommended: '已推荐至省厅',
  'not-recommended': '不予推荐',
};

export const templateLabels: Record<string, string> = {
  'mode-application': '模式应用类',
  'industry-platform': '行业（区域）级工业互联网平台类',
  'experience-center': '工业互联网平台应用创新体验中心类',
};

/** Tag colours dark enough for white text (WCAG AA); antd's light presets are not. */
export const tagColors = {
  good: '#237804',
  notice: '#874d00',
  action: '#ad4e00',
  bad: '#a8071a',
  info: '#0958d9',
} as const;
