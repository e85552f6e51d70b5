import type { Me } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { canAnnotate, draftOf, emptyDraft, fieldErrors, toCreateBody, toUpdateBody } from './annotation-form';
import { annotationMarks, listNotesBriefly, notesByYear, numberThreads, visibleSpan } from './annotation-markers';
import { formatNoteDate, formatYears, isEdited } from './annotation-text';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const note = (id: number, yearFrom: number, yearTo = yearFrom) => ({ id, yearFrom, yearTo });

describe('chart marks for notes', () => {
  it('numbers the notes in list order', () => {
    expect([...numberThreads([{ id: 7 }, { id: 3 }])]).toEqual([
      [7, 1],
      [3, 2],
    ]);
  });

  it('draws one mark per year or span, with the numbers of the notes on it', () => {
    const threads = [note(10, 2020, 2021), note(11, 2022), note(12, 2022), note(13, 2024)];
    expect(annotationMarks(threads, YEARS)).toEqual([
      { from: 2020, to: 2021, label: '1' },
      { from: 2022, to: 2022, label: '2, 3' },
      { from: 2024, to: 2024, label: '4' },
    ]);
  });

  it('cuts a span to the chart and leaves out a note outside it', () => {
    expect(annotationMarks([note(1, 2015, 2020), note(2, 2030), note(3, 2025, 2027)], YEARS)).toEqual([
      { from: 2019, to: 2020, label: '1' },
      { from: 2025, to: 2025, label: '3' },
    ]);
    expect(visibleSpan(note(2, 2030), YEARS)).toBeNull();
    expect(annotationMarks([note(1, 2022)], [])).toEqual([]);
  });

  it('says which notes concern each year, for the table', () => {
    const byYear = notesByYear([note(1, 2020, 2022), note(2, 2022)]);
    expect(byYear.get(2020)).toEqual([1]);
    expect(byYear.get(2022)).toEqual([1, 2]);
    expect(byYear.has(2023)).toBe(false);
  });

  it('lists the notes briefly for the chart description', () => {
    expect(listNotesBriefly([note(5, 2022), note(6, 2020, 2021)])).toBe('1 (2022), 2 (2020–2021)');
  });
});

describe('note texts', () => {
  it('writes a year or a span with an en dash', () => {
    expect(formatYears(2022, 2022)).toBe('2022');
    expect(formatYears(2020, 2023)).toBe('2020–2023');
  });

  it('writes the date in Swedish or English, in Swedish time', () => {
    expect(formatNoteDate('2025-03-05T10:00:00.000Z', 'sv')).toBe('5 mars 2025');
    expect(formatNoteDate('2025-03-05T10:00:00.000Z', 'en')).toBe('5 March 2025');
    // Just before midnight UTC is already the next day in Stockholm.
    expect(formatNoteDate('2025-12-31T23:30:00.000Z', 'sv')).toBe('1 januari 2026');
  });

  it('knows an edited note', () => {
    expect(isEdited({ createdAt: 'a', updatedAt: 'a' })).toBe(false);
    expect(isEdited({ createdAt: 'a', updatedAt: 'b' })).toBe(true);
  });
});

describe('the note form', () => {
  it('sends a single year without an end year, and a span with one', () => {
    const draft = { ...emptyDraft(2024), text: 'Ny chef' };
    expect(toCreateBody(draft, 'u', 'm')).toEqual({ unitId: 'u', metricKey: 'm', year: 2024, text: 'Ny chef', visibility: 'internal' });
    expect(toCreateBody({ ...draft, yearTo: '2024' }, 'u', 'm')).not.toHaveProperty('yearTo');
    expect(toCreateBody({ ...draft, yearFrom: '2020', yearTo: ' 2022 ' }, 'u', 'm')).toMatchObject({ year: 2020, yearTo: 2022 });
  });

  it('leaves judging the years to the API: what is not a whole number goes as not-a-number', () => {
    expect(toCreateBody({ ...emptyDraft(null), text: 'x' }, 'u', 'm').year).toBeNaN();
    expect(toCreateBody({ ...emptyDraft(null), yearFrom: '2022.5', text: 'x' }, 'u', 'm').year).toBeNaN();
  });

  it('edits a note with all its fields, a single year as yearTo null', () => {
    const draft = draftOf({ yearFrom: 2021, yearTo: 2021, text: 'Text', visibility: 'public' });
    expect(draft).toEqual({ yearFrom: '2021', yearTo: '', text: 'Text', visibility: 'public' });
    expect(toUpdateBody(draft)).toEqual({ text: 'Text', visibility: 'public', year: 2021, yearTo: null });
    expect(toUpdateBody({ ...draft, yearTo: '2023' }).yearTo).toBe(2023);
  });

  it("puts the API's complaints next to the fields they concern", () => {
    expect(
      fieldErrors([
        { path: 'body.text', message: 'Texten får inte vara tom' },
        { path: 'body.yearTo', message: 'Sista året …' },
        { path: 'body.unitId', message: 'okänd' },
      ]),
    ).toEqual({ text: 'Texten får inte vara tom', yearTo: 'Sista året …' });
  });
});

describe('who may write a note', () => {
  const path = [
    { id: 'soc', parentId: null },
    { id: 'hemtjanst', parentId: 'soc' },
    { id: 'hemtjanst-hemtjanst-oster', parentId: 'hemtjanst' },
  ];
  const manager: Me = { username: 'e', displayName: 'E', role: 'unit_manager', unitIds: ['hemtjanst-hemtjanst-oster'] };

  it('lets a unit manager write in their unit, not in the area above it', () => {
    expect(canAnnotate(manager, 'hemtjanst-hemtjanst-oster', path)).toBe(true);
    expect(canAnnotate(manager, 'hemtjanst', path.slice(0, 2))).toBe(false);
    expect(canAnnotate({ ...manager, unitIds: ['hemtjanst'] }, 'hemtjanst-hemtjanst-oster', path)).toBe(true);
  });

  it('lets the development manager write anywhere, and nobody else', () => {
    expect(canAnnotate({ ...manager, role: 'development_manager', unitIds: [] }, 'soc', path.slice(0, 1))).toBe(true);
    expect(canAnnotate({ ...manager, role: 'politician' }, 'hemtjanst-hemtjanst-oster', path)).toBe(false);
    expect(canAnnotate(null, 'soc', path)).toBe(false);
  });
});
