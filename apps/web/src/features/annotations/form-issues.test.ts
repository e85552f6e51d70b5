import { dataNeedCreateSchema } from '@tillit/domain';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../i18n/resources';
import { checkNewNote, checkNoteChange, emptyDraft } from './annotation-form';
import { issuesByField } from '../../api/schema-issues';
import { issueText } from './form-issues';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
});

const draft = { ...emptyDraft(2024), text: 'Två långa sjukskrivningar, båda tillbaka.' };

describe('notes and questions checked in the browser with the domain schemas', () => {
  it('lets a note that the API would take pass', () => {
    expect(checkNewNote(draft, 'hemtjanst', 'manager_sick_leave')).toEqual({});
    expect(checkNoteChange(draft)).toEqual({});
  });

  it('refuses an empty note (spaces and line breaks are empty) at the text field, in the domain’s words', () => {
    const issues = checkNewNote({ ...draft, text: '  \n ' }, 'hemtjanst', 'manager_sick_leave');
    expect(Object.keys(issues)).toEqual(['text']);
    expect(issueText(issues.text!, 'sv', i18n.t)).toBe('Texten får inte vara tom');
    expect(issueText(issues.text!, 'en', i18n.t)).toBe('Write something: the text cannot be empty');
  });

  it('puts a year that is not one at the year field, and a span backwards at the end year', () => {
    const typed = checkNewNote({ ...draft, yearFrom: 'tjugo' }, 'hemtjanst', 'manager_sick_leave');
    expect(Object.keys(typed)).toEqual(['yearFrom']);
    expect(issueText(typed.yearFrom!, 'en', i18n.t)).toBe('Give a year between 1990 and 2100 as a whole number, e.g. 2022');
    const backwards = checkNoteChange({ ...draft, yearFrom: '2024', yearTo: '2021' });
    expect(Object.keys(backwards)).toEqual(['yearTo']);
    expect(issueText(backwards.yearTo!, 'sv', i18n.t)).toBe('Sista året (yearTo) kan inte vara före första året (year)');
    expect(issueText(backwards.yearTo!, 'en', i18n.t)).toBe('The last year cannot be before the first year');
  });

  it('refuses an empty or too long question at its text, and keeps issues of no field apart', () => {
    const empty = issuesByField(dataNeedCreateSchema.safeParse({ metricKey: 'staff_turnover', text: ' ' }), { text: 'text' });
    expect(issueText(empty.fields.text!, 'sv', i18n.t)).toBe('Texten får inte vara tom');
    const long = issuesByField(dataNeedCreateSchema.safeParse({ metricKey: 'x', text: 'a'.repeat(4001) }), { text: 'text' });
    expect(issueText(long.fields.text!, 'en', i18n.t)).toBe('The text can be at most 4000 characters');
    expect(long.other.map((i) => i.path.join('.'))).toEqual(['metricKey']);
  });
});
