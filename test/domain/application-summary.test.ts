import { describe, expect, it } from 'vitest';
import { contactEmailOf, summaryOf } from '../../domain/application-summary.js';
import { validApplication } from './valid-application.js';

describe('the summary of an application’s stored data', () => {
  it('reads a submitted application’s fields as text', () => {
    const application = validApplication();
    const summary = summaryOf({ ...application, contactName: '张工', contactPhone: '13800000000', contactEmail: 'zhang@example.com' });
    expect(summary).toMatchObject({
      enterpriseName: application.enterpriseName,
      projectName: application.projectName,
      direction: 'mode-intelligent-manufacturing',
      totalInvestment: '1200',
      contactName: '张工',
    });
  });

  it.each([
    ['a draft without the fields', {}],
    ['fields of another type', { projectName: { text: '智能排产' }, enterpriseName: 42, totalInvestment: [1], contactEmail: null }],
    ['no object at all', null],
    ['a list', ['智能排产']],
  ])('reads %s as empty, never as “undefined” or “[object Object]”', (_case, data) => {
    const summary = summaryOf(data);
    expect(summary.projectName).toBe('');
    expect(summary.enterpriseName).toBe('');
    expect(summary.totalInvestment).toBe('');
    expect(contactEmailOf(data)).toBeUndefined();
  });

  it('gives a contact address only when it can receive mail', () => {
    expect(contactEmailOf({ contactEmail: ' zhang@example.com ' })).toBe('zhang@example.com');
    expect(contactEmailOf({ contactEmail: '0311-87908721' })).toBeUndefined();
  });
});
