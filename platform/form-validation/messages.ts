// Every message the server-side form check gives, in one place. The applicant reads them next to the field.

/** The Chinese messages of `validateAgainstForm`. */
export const formMessages = {
  required: '不能为空',
  mustBeChecked: '请勾选此项',
  unknownField: '表单中没有此字段',
  notText: '应为文本',
  notNumber: '应为数字',
  notBoolean: '应为是或否',
  notList: '应为列表',
  notObject: '格式不正确',
  notOption: '不是有效选项',
  duplicateOption: '选项不能重复',
  notDate: '应为有效日期（年-月-日）',
  notTime: '应为有效时间（时:分）',
  notDateTime: '应为有效日期时间',
  notAttachment: '附件引用无效',
  patternMismatch: '格式不正确',
  invalidEmail: '电子邮箱格式不正确',
  invalidPhone: '电话号码格式不正确（应为带国家代码的国际格式）',
  tooShort: (length: number) => `不能少于${length}个字`,
  tooLong: (length: number) => `不能超过${length}个字`,
  tooSmall: (min: number) => `不能小于${min}`,
  tooLarge: (max: number) => `不能大于${max}`,
  tooManyDecimals: (digits: number) => (digits === 0 ? '应为整数' : `最多保留${digits}位小数`),
  tooFewItems: (count: number) => `至少填写${count}项`,
  tooManyItems: (count: number) => `最多填写${count}项`,
} as const;
