import { describe, expect, it } from 'vitest';
import { applicationFormIds } from '../../domain/application-forms.js';
import { DIRECTION_OPTIONS_KEY } from '../../domain/call-directions.js';
import { templateCodes } from '../../domain/directions.js';
import { componentByKey, readForm } from './form-files.js';

// The application forms list no directions of their own: a call's directions reach the form as data (the server
// answers them with the form), so a direction added to a call is offered with no new form version.

describe('the shipped application forms take their direction choices from the call', () => {
  it.each(templateCodes)('%s: its direction select reads directionOptions and lists none itself', (template) => {
    const direction = componentByKey(readForm(applicationFormIds[template]), 'direction');
    expect([direction.valuesKey, direction.values]).toEqual([DIRECTION_OPTIONS_KEY, undefined]);
  });
});

