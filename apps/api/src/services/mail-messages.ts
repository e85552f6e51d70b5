import { formatDate, type DataNeedStatus, type Language } from '@tillit/domain';

/**
 * The words of every message Tillit sends, in Swedish and English, as plain text and HTML. No
 * message carries a figure: a message about a metric names it and links to it, so mail can never
 * show what the server suppresses (docs/mail.md). What people wrote is quoted only where the
 * recipient asked for it: the reply to their own question, and the questions to the development
 * manager. Replies on notes are not quoted, since a note's context may be about people.
 */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Where the message leads: the exact page, and the settings page to turn such mail off. */
export interface MailLinks {
  page: string;
  settings: string;
}

const STATUS: Record<Language, Record<DataNeedStatus, string>> = {
  sv: { received: 'Mottagen', considering: 'Övervägs', planned: 'Planerad', added: 'Tillagd som nyckeltal', declined: 'Inte möjligt' },
  en: { received: 'Received', considering: 'Under consideration', planned: 'Planned', added: 'Added as a metric', declined: 'Not possible' },
};

const WORDS = {
  sv: {
    hello: (name: string) => `Hej ${name}!`,
    footer: (why: string) => `Du får det här brevet från Tillit eftersom ${why}. Svara inte på brevet: svara i Tillit.`,
    turnOff: 'Stäng av sådan e-post under Mina inställningar',
    wholeOrganisation: 'hela organisationen',
  },
  en: {
    hello: (name: string) => `Hello ${name},`,
    footer: (why: string) => `You get this message from Tillit because ${why}. Please do not reply to it: reply in Tillit.`,
    turnOff: 'Turn such e-mail off under My settings',
    wholeOrganisation: 'the whole organisation',
  },
} as const;

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A block of the message: a paragraph, a quotation of what someone wrote, or a link. */
type Block = { p: string } | { quote: string; label: string } | { link: string; label: string } | { list: { head: string; quote: string }[] };

function render(language: Language, subject: string, blocks: Block[], why: string, links: MailLinks): RenderedMail {
  const w = WORDS[language];
  const text = [
    ...blocks.map((b) => {
      if ('p' in b) return b.p;
      if ('quote' in b) return `${b.label}\n${b.quote.split('\n').map((line) => `> ${line}`).join('\n')}`;
      if ('link' in b) return `${b.label}:\n${b.link}`;
      return b.list.map((item) => `* ${item.head}\n${item.quote.split('\n').map((line) => `  > ${line}`).join('\n')}`).join('\n\n');
    }),
    // The signature separator mail clients recognise: dash, dash, space.
    '-- ',
    w.footer(why),
    `${w.turnOff}:\n${links.settings}`,
  ].join('\n\n');
  const quote = (s: string) =>
    `<blockquote style="margin:0 0 1em;padding:0.25em 1em;border-left:4px solid #999;white-space:pre-wrap">${escapeHtml(s)}</blockquote>`;
  const body = blocks
    .map((b) => {
      if ('p' in b) return `<p>${escapeHtml(b.p)}</p>`;
      if ('quote' in b) return `<p style="margin-bottom:0.25em"><strong>${escapeHtml(b.label)}</strong></p>${quote(b.quote)}`;
      if ('link' in b) return `<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.label)}</a></p>`;
      return `<ul>${b.list.map((item) => `<li><p style="margin-bottom:0.25em">${escapeHtml(item.head)}</p>${quote(item.quote)}</li>`).join('')}</ul>`;
    })
    .join('\n');
  const html = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:sans-serif;line-height:1.5;max-width:40em">
${body}
<hr>
<p style="font-size:0.875em">${escapeHtml(w.footer(why))} <a href="${escapeHtml(links.settings)}">${escapeHtml(w.turnOff)}</a>.</p>
</body>
</html>`;
  return { subject, text, html };
}

export interface DataNeedReplyContent {
  recipientName: string;
  replierName: string;
  metricName: string;
  unitName: string | null;
  status: DataNeedStatus;
  /** The reply as it stands after this change; null when there is none. */
  reply: string | null;
  isStatusChanged: boolean;
  isReplyChanged: boolean;
  question: string;
  askedAt: string;
}

/** To the person who asked: the reply and the new status, with a link to their questions. */
export function dataNeedReplyMail(language: Language, c: DataNeedReplyContent, links: MailLinks): RenderedMail {
  const about = c.unitName ? `${c.metricName} (${c.unitName})` : c.metricName;
  const status = STATUS[language][c.status];
  if (language === 'en') {
    return render(
      'en',
      c.isReplyChanged ? `Reply to your question about ${c.metricName}` : `Your question about ${c.metricName}: ${status}`,
      [
        { p: WORDS.en.hello(c.recipientName) },
        { p: `${c.replierName} has ${c.isReplyChanged ? 'replied to' : 'changed the status of'} your question about ${about}.` },
        { p: `Status: ${status}${c.isStatusChanged ? '' : ' (unchanged)'}` },
        ...(c.reply ? [{ label: 'Reply:', quote: c.reply }] : []),
        { label: `Your question (${formatDate(c.askedAt, 'en')}):`, quote: c.question },
        { label: 'Read it in Tillit', link: links.page },
      ],
      'you asked this question in Tillit',
      links,
    );
  }
  return render(
    'sv',
    c.isReplyChanged ? `Svar på din fråga om ${c.metricName}` : `Din fråga om ${c.metricName}: ${status}`,
    [
      { p: WORDS.sv.hello(c.recipientName) },
      { p: `${c.replierName} har ${c.isReplyChanged ? 'svarat på' : 'ändrat status för'} din fråga om ${about}.` },
      { p: `Status: ${status}${c.isStatusChanged ? '' : ' (oförändrad)'}` },
      ...(c.reply ? [{ label: 'Svar:', quote: c.reply }] : []),
      { label: `Din fråga (${formatDate(c.askedAt, 'sv')}):`, quote: c.question },
      { label: 'Läs det i Tillit', link: links.page },
    ],
    'du har ställt frågan i Tillit',
    links,
  );
}

export interface AnnotationReplyContent {
  recipientName: string;
  replierName: string;
  metricName: string;
  unitName: string;
  years: string;
  /** The recipient wrote the thread's first note (rather than a reply in it). */
  isOwnNote: boolean;
}

/** To the others in a thread: someone replied; the text stays in Tillit. */
export function annotationReplyMail(language: Language, c: AnnotationReplyContent, links: MailLinks): RenderedMail {
  if (language === 'en') {
    return render(
      'en',
      `New reply on a note about ${c.metricName}, ${c.unitName}`,
      [
        { p: WORDS.en.hello(c.recipientName) },
        { p: `${c.replierName} has replied in the thread on ${c.isOwnNote ? 'your note' : 'a note'} about ${c.metricName} for ${c.unitName} (${c.years}).` },
        { p: 'Notes stay in Tillit, so the reply is not quoted here.' },
        { label: 'Read the thread in Tillit', link: links.page },
      ],
      'you have written in this thread',
      links,
    );
  }
  return render(
    'sv',
    `Nytt svar på en anteckning om ${c.metricName}, ${c.unitName}`,
    [
      { p: WORDS.sv.hello(c.recipientName) },
      { p: `${c.replierName} har svarat i tråden på ${c.isOwnNote ? 'din anteckning' : 'en anteckning'} om ${c.metricName} för ${c.unitName} (${c.years}).` },
      { p: 'Anteckningar stannar i Tillit, så svaret citeras inte här.' },
      { label: 'Läs tråden i Tillit', link: links.page },
    ],
    'du har skrivit i tråden',
    links,
  );
}

export interface DigestQuestion {
  metricName: string;
  unitName: string | null;
  authorName: string;
  text: string;
  askedAt: string;
}

/** To a development manager, once a day: the questions that have come in and wait for a reply. */
export function digestMail(language: Language, c: { recipientName: string; questions: DigestQuestion[] }, links: MailLinks): RenderedMail {
  const w = WORDS[language];
  const list = c.questions.map((q) => ({
    head: `${q.metricName}, ${q.unitName ?? w.wholeOrganisation}: ${q.authorName}, ${formatDate(q.askedAt, language)}`,
    quote: q.text,
  }));
  const one = c.questions.length === 1;
  if (language === 'en') {
    return render(
      'en',
      one ? 'A new question in Tillit' : 'New questions in Tillit',
      [
        { p: w.hello(c.recipientName) },
        { p: one ? 'Someone has asked "Which data do you need?" since the last digest:' : 'People have asked "Which data do you need?" since the last digest:' },
        { list },
        { label: 'Reply in the inbox in Tillit', link: links.page },
      ],
      'you reply to the questions as development manager',
      links,
    );
  }
  return render(
    'sv',
    one ? 'En ny fråga i Tillit' : 'Nya frågor i Tillit',
    [
      { p: w.hello(c.recipientName) },
      { p: one ? 'En ny fråga har kommit in på "Vilka data behöver du?" sedan förra sammanställningen:' : 'Nya frågor har kommit in på "Vilka data behöver du?" sedan förra sammanställningen:' },
      { list },
      { label: 'Svara i inkorgen i Tillit', link: links.page },
    ],
    'du svarar på frågorna som utvecklingschef',
    links,
  );
}
