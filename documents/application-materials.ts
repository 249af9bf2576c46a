import { summaryOf } from '../domain/application-summary.js';
import { directions as shippedDirections, type Direction } from '../domain/directions.js';
import type { DocumentModel } from './document-model.js';
import { DIRECTION_OPTIONS_KEY } from '../domain/call-directions.js';
import { formBlocks } from './form-values.js';

export interface MaterialsInput {
  callTitle: string;
  templateLabel: string;
  applicationNumber: string;
  unitName: string;
  /** The recommending unit's name once it recommends (推荐单位一栏由各市局填写); empty until then. */
  recommendedBy?: string;
  recommendationOpinion?: string;
  form: unknown;
  data: Record<string, unknown>;
  /** The call's directions (retired ones too): the labels of a form whose direction choices come from the call; the shipped ones if not given. */
  directions?: readonly Direction[];
}

/** 河北省工业互联网创新发展重点项目申报材料 (附件2–4), filled from the form's data, with the places for the seals. */
export function applicationMaterials(input: MaterialsInput): DocumentModel {
  return {
    title: '河北省工业互联网创新发展重点项目申报材料',
    subtitle: `${input.templateLabel}　申报编号：${input.applicationNumber}`,
    blocks: [
      { type: 'fields', rows: [['申报批次', input.callTitle], ['推荐单位', input.recommendedBy ?? ''], ['申报受理单位', input.unitName]] },
      ...formBlocks(input.form, input.data, omittedFields(input.data), { [DIRECTION_OPTIONS_KEY]: directionOptionsOf(input.directions ?? shippedDirections) }),
      { type: 'heading', text: '推荐单位意见' },
      { type: 'paragraph', text: input.recommendedBy ? input.recommendationOpinion ?? `${input.recommendedBy}推荐。` : '（由推荐单位填写）' },
      { type: 'seal', lines: ['推荐单位（公章）：', '年　　月　　日'] },
      { type: 'seal', lines: [`申报企业（公章）：${summaryOf(input.data).enterpriseName}`, '法定代表人（签字）：', '年　　月　　日'] },
    ],
  };
}

// helpers

/** Fields the enterprise may leave out (most enterprises have no group and write their own materials): shown only when filled. */
const shownWhenFilled = ['enterpriseGroup', 'enterpriseGroupUscc', 'preparedBy', 'preparedByUscc'];

function omittedFields(data: Record<string, unknown>): Set<string> {
  const blank = shownWhenFilled.filter((key) => typeof data[key] !== 'string' || data[key].trim() === '');
  return new Set(['commitment', 'usccConfirmedAsPrinted', ...blank]);
}

function directionOptionsOf(directions: readonly Direction[]) {
  return directions.map((direction) => ({ value: direction.code, label: direction.label }));
}
