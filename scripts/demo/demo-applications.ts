import type { ApplicationStatus } from '../../domain/application-status.js';
import type { TemplateCode } from '../../domain/directions.js';
import { shijiazhuangEnterprise, tangshanEnterprise, type DemoEnterprise } from './demo-enterprises.js';

// The demo's applications: realistic projects of the two demo enterprises, each taken through the real declaration
// as far as `target`, so every demo role finds work waiting. 唐山's recommended ones go out in a submitted batch.

/** How far an application is taken; each stage includes the ones before it. */
export type DemoTarget = Extract<ApplicationStatus, 'awaiting-sealed-scans' | 'correction-requested' | 'with-city' | 'in-city-library' | 'recommended'>;

export interface DemoApplication {
  enterprise: DemoEnterprise;
  template: TemplateCode;
  target: DemoTarget;
  /** Identifies the application on a later start (the enterprise's own list), so seeding never repeats one. */
  projectName: string;
  fields: Record<string, unknown>;
  /** Upload fields and the file name of the PDF each gets. */
  files: Record<string, string>;
  /** The city's opinion in its preliminary review (and for a return, its field comments). */
  cityOpinion?: string;
  fieldComments?: { field: string; comment: string }[];
  recommendationOpinion?: string;
}

const commonFiles = { selfAssessmentReport: '两化融合自评估报告.pdf', businessLicense: '营业执照（副本）.pdf', filingDocument: '项目备案证明.pdf' };

const project = (overrides: Record<string, unknown>) => ({
  projectType: 'new',
  periodStart: '2025-03-01',
  periodEnd: '2027-06-30',
  plannedForPilot: true,
  priorFiscalFunding: false,
  ...overrides,
});

export const demoApplications: readonly DemoApplication[] = [
  {
    enterprise: shijiazhuangEnterprise,
    template: 'mode-application',
    target: 'awaiting-sealed-scans',
    projectName: '智能装备柔性生产线数字孪生改造项目',
    fields: project({
      direction: 'mode-intelligent-manufacturing',
      totalInvestment: 2860,
      completedInvestment: 640.5,
      filingNumber: '2025-130100-34-03-000317',
      content: '对两条数控加工柔性生产线实施设备联网和数字孪生建模，打通工艺设计、生产执行和质量追溯数据。',
      performanceTargets: [
        { indicator: '设备综合效率（OEE）提升', baseline: '62', target: '78', unit: '%' },
        { indicator: '产品不良率下降', baseline: '1.8', target: '0.9', unit: '%' },
      ],
      applicationScenario: '多品种小批量的数控装备零部件加工与装配。',
      technicalApproach: '5G 工业网关采集设备数据，基于企业级工业互联网平台构建产线数字孪生，排产与质量分析以工业 APP 提供。',
      expectedBenefits: '生产效率提升 25%，在制品库存降低 30%。',
      promotionValue: '可在省内通用装备、专用装备产业集群复制推广。',
    }),
    files: { ...commonFiles, implementationPlan: '项目实施方案.pdf' },
  },
  {
    enterprise: shijiazhuangEnterprise,
    template: 'experience-center',
    target: 'correction-requested',
    projectName: '石家庄工业互联网平台应用创新体验中心建设项目',
    fields: project({
      direction: 'experience-center',
      totalInvestment: 1500,
      completedInvestment: 420,
      filingNumber: '2025-130100-65-03-000452',
      content: '建设面向装备制造企业的工业互联网平台应用体验展厅，提供场景演示、解决方案对接和培训服务。',
      performanceTargets: [{ indicator: '年接待企业参观', baseline: '0', target: '300', unit: '家次' }],
      centerName: '石家庄工业互联网平台应用创新体验中心',
      centerAddress: '河北省石家庄市高新区长江大道319号科创大厦一层',
      floorArea: 1860.5,
      demonstrationScenarios: 28,
      annualVisitorCapacity: 12000,
      partnerPlatforms: '两家国家级跨行业跨领域工业互联网平台及三家省级行业平台。',
    }),
    files: { ...commonFiles, venueProof: '场地租赁合同.pdf' },
    cityOpinion: '材料基本齐全，投资构成需补充说明后重新提交。',
    fieldComments: [{ field: 'completedInvestment', comment: '请补充已完成投资的构成明细，并附发票或审计凭证。' }],
  },
  {
    enterprise: shijiazhuangEnterprise,
    template: 'industry-platform',
    target: 'with-city',
    projectName: '装备制造行业工业互联网平台（二期）',
    fields: project({
      projectType: 'continued',
      direction: 'industry-platform',
      totalInvestment: 5200,
      completedInvestment: 2100,
      filingNumber: '2024-130100-65-03-000981',
      content: '在一期平台基础上扩展设备接入和工业 APP 开发能力，服务省内装备制造中小企业上云用平台。',
      performanceTargets: [{ indicator: '平台服务企业数', baseline: '210', target: '600', unit: '家' }],
      platformName: '冀装云装备制造行业工业互联网平台',
      servedIndustry: '装备制造',
      connectedDevices: 18600,
      servedEnterprises: 420,
      industrialApps: 96,
      platformCapabilities: '设备接入与边缘计算、设备健康管理、协同设计、供需对接和工业 APP 低代码开发。',
    }),
    files: { ...commonFiles, platformIntroduction: '平台介绍.pdf' },
  },
  {
    enterprise: shijiazhuangEnterprise,
    template: 'mode-application',
    target: 'in-city-library',
    projectName: '产业链上下游网络化协同制造项目',
    fields: project({
      direction: 'mode-networked-collaboration',
      totalInvestment: 1980,
      completedInvestment: 760,
      filingNumber: '2025-130100-34-03-000529',
      content: '联通 40 余家配套企业的订单、库存和产能数据，实现协同计划和协同质量管理。',
      performanceTargets: [{ indicator: '订单交付周期缩短', baseline: '35', target: '24', unit: '天' }],
      applicationScenario: '整机企业与配套零部件企业的订单协同、产能共享与质量协同。',
      technicalApproach: '基于标识解析的零部件追溯，配合企业级平台的协同计划与供应商门户。',
      expectedBenefits: '订单交付周期缩短 30%，供应链库存降低 20%。',
      promotionValue: '可推广至省内汽车零部件、农机装备产业链。',
    }),
    files: { ...commonFiles, implementationPlan: '项目实施方案.pdf' },
    cityOpinion: '项目基础扎实，协同模式清晰，同意纳入市级重点项目库。',
  },
  {
    enterprise: shijiazhuangEnterprise,
    template: 'mode-application',
    target: 'recommended',
    projectName: '高端装备远程运维服务化延伸项目',
    fields: project({
      direction: 'mode-service-extension',
      totalInvestment: 1350,
      completedInvestment: 510,
      filingNumber: '2025-130100-34-03-000618',
      content: '为售出的 3000 余台数控装备提供远程监测、预测性维护和备件服务，由卖产品向卖服务转型。',
      performanceTargets: [{ indicator: '服务收入占比', baseline: '8', target: '20', unit: '%' }],
      applicationScenario: '在役数控装备的远程状态监测、故障预警和上门服务调度。',
      technicalApproach: '设备端加装物联网模块，平台侧构建故障预测模型和服务工单系统。',
      expectedBenefits: '客户停机时间减少 40%，服务收入年增长 35%。',
      promotionValue: '可在省内装备制造企业服务化转型中推广。',
    }),
    files: { ...commonFiles, implementationPlan: '项目实施方案.pdf' },
    cityOpinion: '服务化转型成效明显，同意纳入市级重点项目库。',
    recommendationOpinion: '该项目服务化延伸模式成熟，示范带动作用强，同意推荐。',
  },
  {
    enterprise: tangshanEnterprise,
    template: 'mode-application',
    target: 'recommended',
    projectName: '钢铁生产全流程能耗监测与绿色制造项目',
    fields: project({
      direction: 'green-manufacturing',
      totalInvestment: 6800,
      completedInvestment: 2950,
      filingNumber: '2025-130200-31-03-000233',
      content: '覆盖烧结、炼铁、炼钢、轧钢全流程的能源介质在线监测和能效优化，建设碳排放核算系统。',
      performanceTargets: [
        { indicator: '吨钢综合能耗下降', baseline: '560', target: '535', unit: 'kgce/t' },
        { indicator: '能源数据自动采集率', baseline: '70', target: '98', unit: '%' },
      ],
      applicationScenario: '长流程钢铁企业的能源管控、余热余能利用和碳排放管理。',
      technicalApproach: '能源计量仪表联网，工业互联网平台上构建能效模型和碳排放核算模型。',
      expectedBenefits: '年节约标准煤约 4.2 万吨，减少二氧化碳排放约 11 万吨。',
      promotionValue: '可在唐山及全省钢铁、焦化行业推广。',
    }),
    files: { ...commonFiles, implementationPlan: '项目实施方案.pdf' },
    cityOpinion: '节能降碳效果明确，同意纳入市级重点项目库。',
    recommendationOpinion: '该项目绿色制造成效显著，对全市钢铁行业转型有示范意义，同意推荐。',
  },
  {
    enterprise: tangshanEnterprise,
    template: 'industry-platform',
    target: 'recommended',
    projectName: '唐山市工业互联网综合服务平台',
    fields: project({
      direction: 'city-platform',
      totalInvestment: 8600,
      completedInvestment: 3400,
      filingNumber: '2025-130200-65-03-000377',
      content: '建设服务全市制造业的工业互联网综合服务平台，汇聚设备、产能和解决方案资源，支撑中小企业数字化转型。',
      performanceTargets: [{ indicator: '平台服务企业数', baseline: '150', target: '1000', unit: '家' }],
      platformName: '唐山市工业互联网综合服务平台',
      servedIndustry: '钢铁、装备制造、陶瓷、化工',
      connectedDevices: 52000,
      servedEnterprises: 680,
      industrialApps: 210,
      platformCapabilities: '设备上云、产能共享、供需对接、诊断咨询和工业 APP 应用商店。',
    }),
    files: { ...commonFiles, platformIntroduction: '平台介绍.pdf' },
    cityOpinion: '平台定位清晰、服务能力强，同意纳入市级重点项目库。',
    recommendationOpinion: '该平台是全市工业互联网综合服务的核心载体，同意推荐为市级工业互联网综合平台。',
  },
  {
    enterprise: tangshanEnterprise,
    template: 'mode-application',
    target: 'with-city',
    projectName: '冶金安全生产智能监测预警项目',
    fields: project({
      direction: 'safety-production',
      totalInvestment: 2400,
      completedInvestment: 600,
      filingNumber: '2025-130200-31-03-000418',
      content: '对高炉、转炉、煤气管网等重点部位建设安全风险在线监测和智能预警系统。',
      performanceTargets: [{ indicator: '重点危险源在线监测覆盖率', baseline: '65', target: '100', unit: '%' }],
      applicationScenario: '冶金企业煤气区域、高温熔融金属作业区的安全风险监测预警。',
      technicalApproach: '部署气体、温度和视频智能感知终端，平台侧进行风险分级和联动处置。',
      expectedBenefits: '安全隐患发现时间缩短 80%，杜绝较大及以上安全事故。',
      promotionValue: '可在全省冶金、焦化企业推广。',
    }),
    files: { ...commonFiles, implementationPlan: '项目实施方案.pdf' },
  },
];
