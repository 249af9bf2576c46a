// The two demo enterprises (web/server/identity/demo-accounts.ts) as their application forms describe them, and the
// reviewer account of the unit each declares to. Mail goes to addresses under example.com (RFC 2606), never to a real
// mailbox, even when SMTP_URL names a real relay.

export interface DemoEnterprise {
  username: string;
  reviewer: string;
  unitId: string;
  unitName: string;
  /** The fields every application of this enterprise carries, as the form names them. */
  fields: Record<string, unknown>;
}

export const shijiazhuangEnterprise: DemoEnterprise = {
  username: 'sjz.enterprise',
  reviewer: 'city130100',
  unitId: '130100',
  unitName: '石家庄市',
  fields: {
    enterpriseName: '石家庄示例智能装备有限公司',
    uscc: '91130100MA0A1B2C31',
    usccConfirmedAsPrinted: true,
    registeredAddress: '河北省石家庄市高新区黄河大道136号',
    declaredUnit: '130100',
    legalRepresentative: '王建国',
    contactName: '刘晓燕',
    contactPhone: '0311-85216688',
    contactEmail: 'liuxiaoyan@sjz-zhuangbei.example.com',
    enterpriseKind: 'industrial',
    independentLegalPerson: true,
    integrationStage: 'innovation',
    itTeamSize: 36,
    badRecordDeclared: false,
    priorityQualifications: ['specialized-sme', 'management-system'],
    commitment: true,
  },
};

export const tangshanEnterprise: DemoEnterprise = {
  username: 'ts.enterprise',
  reviewer: 'city130200',
  unitId: '130200',
  unitName: '唐山市',
  fields: {
    enterpriseName: '唐山示例钢铁集团有限公司',
    uscc: '91130200MA0D4E5F68',
    usccConfirmedAsPrinted: true,
    registeredAddress: '河北省唐山市路北区建设北路88号',
    declaredUnit: '130200',
    legalRepresentative: '赵志刚',
    contactName: '孙丽华',
    contactPhone: '13831566702',
    contactEmail: 'sunlihua@ts-gangtie.example.com',
    enterpriseKind: 'industrial',
    independentLegalPerson: true,
    integrationStage: 'innovation',
    itTeamSize: 58,
    badRecordDeclared: false,
    priorityQualifications: ['it-pilot', 'management-system'],
    commitment: true,
  },
};
