import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUscc } from '../support/declaration.js';
import { createTestAccount, signIn, testApp } from '../support/web.js';

// 专家库 over HTTP: experts added, edited and deactivated (each audited), the 400s of a bad entry, the same person
// refused twice (by name and organisation, or by phone), the export read back by cells, the import all-or-nothing
// (a file with problems lists every one by sheet, row and column and imports nothing), and who may do what.

type Headers = Record<string, string>;
type Relationship = { enterpriseName: string; enterpriseUscc: string; kind: string; since: string | null; until: string | null; note: string | null };
type Expert = {
  id: string; name: string; organisation: string; organisationUscc: string | null; homeUnitId: string; homeUnitName: string; fields: string[]; title: string;
  phone: string; email: string; active: boolean; accountUsername: string | null; relationships: Relationship[]; createdBy: string; updatedBy: string;
};

const EXPERT_HEADER = ['专家编号', '姓名', '工作单位', '工作单位统一社会信用代码', '所属地区', '评审领域', '职称', '联系电话', '电子邮箱', '状态', '登录账号'];
const RELATIONSHIP_HEADER = ['专家姓名', '专家联系电话', '企业名称', '企业统一社会信用代码', '关系类型', '起始日期', '终止日期', '说明'];

const phone = () => `139${String(randomInt(100_000_000)).padStart(8, '0')}`;
/** A USCC whose check character is wrong. */
const badCheck = (uscc: string) => uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');

describe('the expert pool (专家库)', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let officer: Headers;
  let officerName: string;
  let divisionHead: Headers;
  let expertAccount: string;
  // every organisation of this run carries the tag, so lists and exports filtered by it see this file's experts only
  const tag = `T${randomBytes(3).toString('hex')}`;
  const org = (name: string) => `${name}${tag}`;
  const entry = (overrides: Record<string, unknown> = {}) => ({
    name: `专家${randomBytes(2).toString('hex')}`, organisation: org('河北工业大学'), organisationUscc: null, homeUnitId: '130100',
    fields: ['network-upgrade'], title: '教授', phone: phone(), email: 'expert@example.test', relationships: [], ...overrides,
  });
  const post = (payload: unknown, headers = officer) => web.app.inject({ method: 'POST', url: '/api/experts', headers, payload: payload as object });
  const put = (id: string, payload: unknown, headers = officer) => web.app.inject({ method: 'PUT', url: `/api/experts/${id}`, headers, payload: payload as object });
  const list = async (query = '') => (await web.app.inject({ method: 'GET', url: `/api/experts?q=${tag}${query}`, headers: officer })).json() as { total: number; experts: Expert[]; directions: { code: string; label: string }[] };
  const audits = async (action: string, subject: string) => (await web.db.query<{ detail: Record<string, unknown> }>('SELECT detail FROM audit_log WHERE action = $1 AND subject = $2 ORDER BY id', [action, subject])).rows.map((r) => r.detail);
  const created = async (overrides: Record<string, unknown> = {}) => {
    const answer = await post(entry(overrides));
    expect(answer.statusCode, answer.body).toBe(201);
    return answer.json() as Expert;
  };

  beforeAll(async () => {
    web = await testApp();
    const account = await createTestAccount(web.db, 'province-officer');
    officerName = account.username;
    officer = await signIn(web.app, account);
    divisionHead = await signIn(web.app, await createTestAccount(web.db, 'division-head'));
    expertAccount = (await createTestAccount(web.db, 'expert')).username;
  }, 120_000);
  afterAll(() => web.close());

  describe('one expert at a time', () => {
    it('adds an expert with a relationship, normalised, audited, and lists it by field, unit, state and name', async () => {
      // given
      const enterprise = randomUscc('130203');
      const mobile = phone();
      // when: full-width and spaced input, a phone with +86 and hyphens, a USCC in lower case
      const answer = await post(entry({
        name: ' 王　 建国 ', organisation: `  ${org('唐山钢铁集团有限公司')} `, organisationUscc: enterprise.toLowerCase(), homeUnitId: '130200',
        fields: ['mode-intelligent-manufacturing', 'network-upgrade'], phone: `+86 ${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`,
        accountUsername: expertAccount.toUpperCase(),
        relationships: [{ enterpriseName: '唐山某科技有限公司', enterpriseUscc: enterprise, kind: 'advises', since: '2022-01-01', until: null, note: '技术顾问' }],
      }));
      // then
      expect(answer.statusCode, answer.body).toBe(201);
      const expert = answer.json() as Expert;
      expect(expert).toMatchObject({
        name: '王 建国', organisation: org('唐山钢铁集团有限公司'), organisationUscc: enterprise, homeUnitId: '130200', homeUnitName: '唐山市',
        fields: ['mode-intelligent-manufacturing', 'network-upgrade'], active: true, accountUsername: expertAccount, createdBy: officerName,
        relationships: [{ enterpriseName: '唐山某科技有限公司', enterpriseUscc: enterprise, kind: 'advises', since: '2022-01-01', until: null, note: '技术顾问' }],
      });
      expect(expert.phone).toBe(mobile);
      expect(await audits('expert.created', `expert:${expert.id}`)).toEqual([expect.objectContaining({ entry: expect.objectContaining({ name: '王 建国', accountUsername: expertAccount }) })]);
      // the filters
      const ids = async (query: string) => (await list(query)).experts.map((e) => e.id);
      expect(await ids('&field=mode-intelligent-manufacturing')).toContain(expert.id);
      expect(await ids('&field=green-manufacturing')).not.toContain(expert.id);
      expect(await ids('&unitId=130200')).toContain(expert.id);
      expect(await ids('&unitId=130100')).not.toContain(expert.id);
      expect(await ids('&active=false')).not.toContain(expert.id);
      expect((await list()).directions).toContainEqual({ code: 'network-upgrade', label: '网络改造提升' });
    });

    it('edits an expert (fields, relationships) and deactivates it, each audited; an unchanged entry writes nothing', async () => {
      // given
      const expert = await created();
      const { id, createdBy: _c, updatedBy: _u, homeUnitName: _h, ...rest } = expert;
      const enterprise = randomUscc();
      // when: a new title and a relationship
      const edited = await put(id, { ...rest, title: '正高级工程师', relationships: [{ enterpriseName: '某企业', enterpriseUscc: enterprise, kind: 'worked-for', since: '2020-01-01', until: '2023-06-30' }] });
      // then
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({ title: '正高级工程师', relationships: [{ enterpriseUscc: enterprise, kind: 'worked-for', until: '2023-06-30', note: null }] });
      const [updated] = await audits('expert.updated', `expert:${id}`);
      expect(updated).toMatchObject({ changes: { title: { from: '教授', to: '正高级工程师' }, relationships: { from: [] } } });
      expect(Object.keys(updated!.changes as object).sort()).toEqual(['relationships', 'title']);

      // when: the same entry again
      const again = await put(id, { ...rest, title: '正高级工程师', relationships: [{ enterpriseName: '某企业', enterpriseUscc: enterprise, kind: 'worked-for', since: '2020-01-01', until: '2023-06-30' }] });
      expect(again.statusCode).toBe(200);
      expect(await audits('expert.updated', `expert:${id}`)).toHaveLength(1);

      // when: deactivated
      const deactivated = await put(id, { ...rest, title: '正高级工程师', active: false, relationships: (edited.json() as Expert).relationships });
      expect(deactivated.statusCode, deactivated.body).toBe(200);
      expect(deactivated.json()).toMatchObject({ active: false });
      expect(await audits('expert.deactivated', `expert:${id}`)).toHaveLength(1);
      expect(await audits('expert.updated', `expert:${id}`)).toHaveLength(1);
      expect((await list('&active=true')).experts.map((e) => e.id)).not.toContain(id);
      expect((await list('&active=false')).experts.map((e) => e.id)).toContain(id);
    });

    it('refuses a bad entry with every problem at its field (USCCs, phone, direction, dates, account), and stores nothing', async () => {
      // given
      const before = await list();
      const officerAccount = officerName;
      const enterprise = randomUscc();
      // when
      const answer = await post(entry({
        organisationUscc: '91130100ABC', phone: '12345', fields: ['network-upgrade', 'metaverse'], accountUsername: officerAccount,
        relationships: [
          { enterpriseName: '甲企业', enterpriseUscc: badCheck(enterprise), kind: 'cooperated', since: '2024-05-01', until: '2023-01-01' },
          { enterpriseName: '乙企业', enterpriseUscc: enterprise, kind: 'interest' },
          { enterpriseName: '乙企业', enterpriseUscc: enterprise, kind: 'interest' },
        ],
      }));
      // then
      expect(answer.statusCode).toBe(400);
      expect(answer.json().message).toBe('专家信息有 7 处问题，未保存。请修改标出的内容。');
      expect(answer.json().fields).toEqual([
        { path: 'body.organisationUscc', message: '工作单位统一社会信用代码应为18位，当前为11位' },
        { path: 'body.phone', message: '联系电话须为 11 位手机号码，或带区号的固定电话（如 0311-87654321）' },
        { path: 'body.fields', message: '未知的评审领域「metaverse」' },
        { path: 'body.relationships.0.enterpriseUscc', message: '企业统一社会信用代码校验位不正确，请核对' },
        { path: 'body.relationships.0.until', message: '终止日期不能早于起始日期' },
        { path: 'body.relationships.2.kind', message: '与第 2 条关联关系重复（同一企业、同一关系类型）' },
        { path: 'body.accountUsername', message: `账号「${officerAccount}」不是评审专家账号` },
      ]);
      // the schema's own refusals
      const shape = await post({ ...entry(), name: '', homeUnitId: '110000', fields: [], email: 'no-mail', relationships: [{ enterpriseName: 'x', enterpriseUscc: enterprise, kind: 'friend', since: '2024-13-01' }] });
      expect(shape.statusCode).toBe(400);
      expect((shape.json().fields as { path: string }[]).map((f) => f.path).sort()).toEqual(
        ['body.email', 'body.fields', 'body.homeUnitId', 'body.name', 'body.relationships.0.kind', 'body.relationships.0.since']);
      // an unknown account, and an unknown expert
      expect((await post(entry({ accountUsername: 'nobody.here' }))).json().fields).toEqual([{ path: 'body.accountUsername', message: '没有用户名为「nobody.here」的账号' }]);
      expect((await put(randomUUID(), entry())).statusCode).toBe(404);
      expect((await put('not-a-uuid', entry())).statusCode).toBe(400);
      expect(await list()).toEqual(before);
    });

    it('refuses the same person twice: by name and organisation (spelled differently), by phone (written differently), also on an edit', async () => {
      // given
      const first = await created({ name: '李明', organisation: org('河北省电子信息研究院'), phone: phone() });
      const second = await created({ name: '赵刚' });
      // when: the same name and organisation, spaced, the organisation's Latin letters full-width and in another case
      const fullWidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      const sameName = await post(entry({ name: ' 李明 ', organisation: `　河北省电子信息研究院${fullWidth(tag.toLowerCase())} ` }));
      // then
      expect(sameName.statusCode).toBe(400);
      expect(sameName.json().fields).toEqual([{ path: 'body.name', message: `专家库中已有「李明」（${org('河北省电子信息研究院')}），同一人不能重复登记` }]);
      // when: the same phone, written +86 with spaces
      const samePhone = await post(entry({ phone: `+86 ${first.phone.slice(0, 3)} ${first.phone.slice(3, 7)} ${first.phone.slice(7)}` }));
      expect(samePhone.statusCode).toBe(400);
      expect(samePhone.json().fields).toEqual([{ path: 'body.phone', message: `联系电话 ${first.phone} 已登记为专家「李明」（${org('河北省电子信息研究院')}）的电话` }]);
      // when: an edit giving the second expert the first one's phone
      const { id, createdBy: _c, updatedBy: _u, homeUnitName: _h, ...rest } = second;
      const edit = await put(id, { ...rest, phone: first.phone });
      expect(edit.statusCode).toBe(400);
      expect(edit.json().fields).toEqual([{ path: 'body.phone', message: `联系电话 ${first.phone} 已登记为专家「李明」（${org('河北省电子信息研究院')}）的电话` }]);
      // and the account of one expert given to another
      const withAccount = await created({ accountUsername: (await createTestAccount(web.db, 'expert')).username });
      const taken = await post(entry({ accountUsername: withAccount.accountUsername }));
      expect(taken.json().fields).toEqual([{ path: 'body.accountUsername', message: `账号「${withAccount.accountUsername}」已关联专家「${withAccount.name}」` }]);
      expect((await list()).experts.filter((e) => e.name === '李明')).toHaveLength(1);
    });

    it('adds one of two entries of the same person sent at once, and refuses the other naming it', async () => {
      // given
      const twin = entry({ name: '马超' });
      // when
      const answers = await Promise.all([post(twin), post({ ...twin, name: '马超 ' }), post({ ...twin, organisation: org('另一单位') })]);
      // then
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400, 400]);
      expect((await list()).experts.filter((e) => e.phone === twin.phone)).toHaveLength(1);
    });
  });

  describe('the Excel export and import', () => {
    let exportedExpert: Expert;
    const exported = async (query = `?q=${tag}`, headers = officer) => {
      const response = await web.app.inject({ method: 'GET', url: `/api/experts.xlsx${query}`, headers });
      expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
      expect(response.headers['content-disposition']).toContain(encodeURIComponent('专家库'));
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as never);
      return book;
    };
    const imported = async (book: ExcelJS.Workbook, fileName = `专家库-${randomBytes(3).toString('hex')}.xlsx`, headers = officer) => {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(await book.xlsx.writeBuffer())]), fileName);
      const request = new Request('http://localhost/', { method: 'POST', body: form });
      const answer = await web.app.inject({ method: 'POST', url: '/api/experts/import', headers: { ...headers, 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
      return { answer, fileName };
    };
    const rowsOf = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    const bookOf = (experts: unknown[][], relationships: unknown[][]) => {
      const book = new ExcelJS.Workbook();
      const people = book.addWorksheet('专家');
      people.addRow(EXPERT_HEADER);
      for (const row of experts) people.addRow(row);
      const ties = book.addWorksheet('关联关系');
      ties.addRow(RELATIONSHIP_HEADER);
      for (const row of relationships) ties.addRow(row);
      return book;
    };

    beforeAll(async () => {
      exportedExpert = await created({
        name: '-陈静', organisation: org('=保定学院'), homeUnitId: '130600', fields: ['network-upgrade', 'city-platform'], title: '副教授', email: 'chen@example.test',
        relationships: [{ enterpriseName: '保定某电气股份有限公司', enterpriseUscc: randomUscc('130602'), kind: 'relative', since: null, until: null, note: '=HYPERLINK("http://x")' }],
      });
    });

    it('exports one row per expert and their relationships on a second sheet, formula-looking text quoted', async () => {
      // when
      const book = await exported(`?q=${encodeURIComponent('=保定学院')}`);
      // then
      const people = book.getWorksheet('专家')!;
      expect(rowsOf(people)[0]).toEqual(EXPERT_HEADER);
      const row = rowsOf(people).find((r) => r[0] === exportedExpert.id)!;
      expect(row).toEqual([
        exportedExpert.id, "'-陈静", `'=保定学院${tag}`, '', '保定市', '网络改造提升、市级工业互联网综合平台', '副教授', exportedExpert.phone, 'chen@example.test', '启用', '',
      ]);
      const ties = book.getWorksheet('关联关系')!;
      expect(rowsOf(ties)[0]).toEqual(RELATIONSHIP_HEADER);
      expect(rowsOf(ties).filter((r) => r[1] === exportedExpert.phone)).toEqual([
        ["'-陈静", exportedExpert.phone, '保定某电气股份有限公司', exportedExpert.relationships[0]!.enterpriseUscc, '近亲属任职', '', '', `'=HYPERLINK("http://x")`],
      ]);
      expect(book.getWorksheet('填写说明')!.getCell('A1').text).toMatch(/^导出时间：/);
      // the division head may read it too
      await exported(`?q=${tag}`, divisionHead);
    });

    it('imports an edited export: one expert changed, one added with a relationship, the unchanged one kept (its quoted texts read back)', async () => {
      // given: the export of this file's pool, one expert's title changed, a new inactive expert with a relationship
      const changed = await created({ name: '孙伟', title: '讲师' });
      const book = await exported();
      const people = book.getWorksheet('专家')!;
      const changedRow = rowsOf(people).findIndex((r) => r[0] === changed.id) + 1;
      people.getRow(changedRow).getCell(7).value = '副研究员';
      const newPhone = phone();
      const enterprise = randomUscc('130203');
      people.addRow(['', '周敏', org('唐山学院'), '', '唐山市', '智能化制造、网络化协同', '高级工程师', Number(newPhone), 'zhou@example.test', '停用', '']);
      book.getWorksheet('关联关系')!.addRow(['周敏', newPhone, '唐山某装备有限公司', enterprise, '合作关系', new Date(Date.UTC(2023, 2, 1)), '2024/6/30', '']);
      const before = await list();
      // when
      const { answer, fileName } = await imported(book);
      // then
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.json()).toEqual({ created: 1, updated: 1, unchanged: before.total - 1, relationships: expect.any(Number) });
      const after = await list();
      expect(after.total).toBe(before.total + 1);
      expect(after.experts.find((e) => e.id === changed.id)).toMatchObject({ title: '副研究员', updatedBy: officerName });
      expect(after.experts.find((e) => e.name === '周敏')).toMatchObject({
        homeUnitId: '130200', fields: ['mode-intelligent-manufacturing', 'mode-networked-collaboration'], phone: newPhone, active: false, createdBy: officerName,
        relationships: [{ enterpriseName: '唐山某装备有限公司', enterpriseUscc: enterprise, kind: 'cooperated', since: '2023-03-01', until: '2024-06-30', note: null }],
      });
      // the quoted cells came back as they were stored
      expect(after.experts.find((e) => e.id === exportedExpert.id)).toEqual(before.experts.find((e) => e.id === exportedExpert.id));
      const [audit] = (await web.db.query<{ detail: Record<string, unknown> }>("SELECT detail FROM audit_log WHERE action = 'experts.imported' AND detail->>'fileName' = $1", [fileName])).rows;
      expect(audit!.detail).toMatchObject({ fileName, created: 1, updated: 1, unchanged: before.total - 1 });
      expect(audit!.detail.experts).toEqual(expect.arrayContaining([
        expect.objectContaining({ id: changed.id, change: 'updated', fields: ['title'] }), expect.objectContaining({ name: '周敏', change: 'created' }),
      ]));
    });

    it('swaps two experts’ phones in one import (the uniqueness holds at the commit, not row by row)', async () => {
      // given
      const one = await created({ name: '甲一' });
      const two = await created({ name: '乙二' });
      const book = await exported();
      const people = book.getWorksheet('专家')!;
      const rowOf = (id: string) => people.getRow(rowsOf(people).findIndex((r) => r[0] === id) + 1);
      rowOf(one.id).getCell(8).value = two.phone;
      rowOf(two.id).getCell(8).value = one.phone;
      // when
      const { answer } = await imported(book);
      // then
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.json()).toMatchObject({ created: 0, updated: 2 });
      const after = await list();
      expect(after.experts.find((e) => e.id === one.id)!.phone).toBe(two.phone);
      expect(after.experts.find((e) => e.id === two.id)!.phone).toBe(one.phone);
    });

    it('refuses a file with problems, listing every one by sheet, row and column, and imports nothing', async () => {
      // given: one valid new expert, then one problem per row, on both sheets; an expert of the pool not in the file
      const stored = await created({ name: '钱进' });
      const p = Array.from({ length: 8 }, phone);
      const enterprise = randomUscc();
      const unknownPhone = phone();
      const orgA = org('石家庄铁道大学');
      const unknownId = randomUUID();
      const book = bookOf([
        ['', '吴一', orgA, '', '石家庄市', '网络改造提升', '教授', p[0], 'a@example.test', '启用', ''],
        ['', '吴二', orgA, '', '北京市', '网络改造提升', '教授', p[1], 'b@example.test', '', ''],
        ['', '吴三', orgA, '', '石家庄市', '网络改造提升、元宇宙', '教授', p[2], 'c@example.test', '', ''],
        ['', '吴四', orgA, '91130100ABC', '石家庄市', '网络改造提升', '教授', p[3], 'd@example.test', '', ''],
        ['', '吴一 ', ` ${orgA}`, '', '石家庄市', '网络改造提升', '教授', p[4], 'e@example.test', '', ''],
        ['', '吴六', orgA, '', '石家庄市', '网络改造提升', '教授', stored.phone, 'f@example.test', '', ''],
        [unknownId, '吴七', orgA, '', '石家庄市', '网络改造提升', '教授', p[6], 'g@example.test', '', ''],
        ['', '吴八', orgA, '', '石家庄市', '网络改造提升', '教授', '12345', 'h@example.test', '在职', ''],
      ], [
        ['吴一', p[0], '甲企业', enterprise, '现任职', '', '', ''],
        ['吴九', unknownPhone, '乙企业', enterprise, '现任职', '', '', ''],
        ['吴一', p[0], '丙企业', badCheck(enterprise), '担任顾问', '', '', ''],
        ['吴一', p[0], '丁企业', enterprise, '朋友', '', '', ''],
        ['吴一', p[0], '戊企业', randomUscc(), '曾任职', '2024-05-01', '2023-01-01', ''],
      ]);
      const before = await list();
      const importsBefore = (await web.db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'experts.imported'")).rows[0].n as number;
      // when
      const { answer } = await imported(book);
      // then
      expect(answer.statusCode).toBe(400);
      expect(answer.json().message).toBe('专家库文件有 12 处问题，未导入任何专家。请修改后重新导入。');
      expect(answer.json().fields).toEqual([
        { path: '专家!E3', message: '「专家」表第 3 行 E 列「所属地区」：未知的地区「北京市」（须为推荐单位之一，如 石家庄市、雄安新区）' },
        { path: '专家!F4', message: '「专家」表第 4 行 F 列「评审领域」：未知的评审领域「元宇宙」' },
        { path: '专家!D5', message: '「专家」表第 5 行 D 列「工作单位统一社会信用代码」：工作单位统一社会信用代码应为18位，当前为11位' },
        { path: '专家!B6', message: '「专家」表第 6 行 B 列「姓名」：与第 2 行是同一人（姓名和工作单位相同）' },
        { path: '专家!H7', message: `「专家」表第 7 行 H 列「联系电话」：联系电话 ${stored.phone} 已登记为专家「钱进」（${stored.organisation}）的电话` },
        { path: '专家!A8', message: '「专家」表第 8 行 A 列「专家编号」：专家库中没有这个专家编号（新增专家请将专家编号留空）' },
        { path: '专家!H9', message: '「专家」表第 9 行 H 列「联系电话」：联系电话须为 11 位手机号码，或带区号的固定电话（如 0311-87654321）' },
        { path: '专家!J9', message: '「专家」表第 9 行 J 列「状态」：状态须为「启用」或「停用」' },
        { path: '关联关系!B3', message: `「关联关系」表第 3 行 B 列「专家联系电话」：「专家」表中没有联系电话为 ${unknownPhone} 的专家` },
        { path: '关联关系!D4', message: '「关联关系」表第 4 行 D 列「企业统一社会信用代码」：企业统一社会信用代码校验位不正确，请核对' },
        { path: '关联关系!E5', message: '「关联关系」表第 5 行 E 列「关系类型」：未知的关系类型「朋友」（可填：现任职、曾任职、合作关系、担任顾问、利益关系、近亲属任职）' },
        { path: '关联关系!G6', message: '「关联关系」表第 6 行 G 列「终止日期」：终止日期不能早于起始日期' },
      ]);
      expect(await list()).toEqual(before);
      expect((await web.db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'experts.imported'")).rows[0].n).toBe(importsBefore);
    });

    it('refuses a file without the relationships sheet, one missing a column, and one that is no workbook', async () => {
      const noTies = new ExcelJS.Workbook();
      noTies.addWorksheet('专家').addRow(EXPERT_HEADER);
      expect((await imported(noTies)).answer.json().fields).toEqual([{ path: '关联关系', message: '文件中没有「关联关系」工作表，请使用专家库导出的文件填写' }]);
      const missing = bookOf([], []);
      missing.getWorksheet('专家')!.getRow(1).getCell(6).value = '领域';
      expect((await imported(missing)).answer.json().fields).toEqual([{ path: '专家!1', message: '「专家」表第 1 行缺少「评审领域」列' }]);
      const form = new FormData();
      form.set('file', new Blob([new TextEncoder().encode('not a workbook')]), '专家库.xlsx');
      const request = new Request('http://localhost/', { method: 'POST', body: form });
      const garbage = await web.app.inject({ method: 'POST', url: '/api/experts/import', headers: { ...officer, 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
      expect(garbage.statusCode).toBe(400);
      expect(garbage.json().fields).toEqual([{ path: 'file', message: '无法读取该文件，请上传由专家库导出的 .xlsx 文件' }]);
      expect((await web.app.inject({ method: 'POST', url: '/api/experts/import', headers: officer, payload: {} })).statusCode).toBe(400);
    });
  });

  it('lets only the province officer change the pool and the division head read it; a city reviewer, an applicant and an expert get nothing', async () => {
    // given
    const expert = await created();
    const { id, createdBy: _c, updatedBy: _u, homeUnitName: _h, ...body } = expert;
    const others: Record<string, Headers> = {
      'city-reviewer': await signIn(web.app, await createTestAccount(web.db, 'city-reviewer', { unitId: '130100' })),
      applicant: await signIn(web.app, await createTestAccount(web.db, 'applicant', { enterpriseUscc: randomUscc() })),
      expert: await signIn(web.app, await createTestAccount(web.db, 'expert')),
    };
    const book = new ExcelJS.Workbook();
    book.addWorksheet('专家').addRow(EXPERT_HEADER);
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(await book.xlsx.writeBuffer())]), 'x.xlsx');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const multipart = { type: request.headers.get('content-type')!, payload: Buffer.from(await request.arrayBuffer()) };
    const calls = (headers: Headers) => [
      web.app.inject({ method: 'GET', url: '/api/experts', headers }),
      web.app.inject({ method: 'GET', url: '/api/experts.xlsx', headers }),
      post(entry(), headers),
      put(id, { ...body, title: '改' }, headers),
      web.app.inject({ method: 'POST', url: '/api/experts/import', headers: { ...headers, 'content-type': multipart.type }, payload: multipart.payload }),
    ];
    // when / then
    for (const [role, headers] of Object.entries(others)) {
      expect((await Promise.all(calls(headers))).map((r) => r.statusCode), role).toEqual([403, 403, 403, 403, 403]);
    }
    expect((await Promise.all(calls(divisionHead))).map((r) => r.statusCode)).toEqual([200, 200, 403, 403, 403]);
    expect((await Promise.all(calls({}))).map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401]);
    expect((await list()).experts.find((e) => e.id === id)).toEqual(expert);
  });
});
