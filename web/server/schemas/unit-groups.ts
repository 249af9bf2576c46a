import { z } from 'zod';

// 单位分组 (routes/unit-groups.ts): the administrator puts city reviewers of a unit in its sub-groups
// (domain/unit-groups.ts), e.g. 分管领导, whose engine group a model names as `${cityGroup}leader`.

/** A city reviewer of a unit and the engine group ids of the sub-groups it is in. */
export const unitGroupMember = z.object({
  accountId: z.number(),
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  groups: z.array(z.string()),
});

/** Every unit with the sub-groups it may have and its city reviewers. */
export const unitGroupsAnswer = z.object({
  units: z.array(z.object({
    unitId: z.string(),
    unitName: z.string(),
    groups: z.array(z.object({ groupId: z.string(), label: z.string() })),
    reviewers: z.array(unitGroupMember),
  })),
});

/** The account whose groups are set, in a path. */
export const accountGroupsParams = z.object({ accountId: z.coerce.number({ error: '账号编号须为数字' }).int('账号编号须为整数').positive('账号编号须为正数') });

/** The groups an account is to be in afterwards (engine group ids of its own unit's sub-groups); [] leaves none. */
export const accountGroupsReplacement = z.object({
  groups: z.array(z.string({ error: '分组须为文本' }).max(64, '分组编号过长'), { error: '请选择分组' }).max(10, '分组过多'),
});

export type UnitGroupMember = z.infer<typeof unitGroupMember>;
export type UnitGroupsAnswer = z.infer<typeof unitGroupsAnswer>;
export type AccountGroupsReplacement = z.infer<typeof accountGroupsReplacement>;
