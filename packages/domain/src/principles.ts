import type { Principle } from './schemas.js';

/**
 * Tillitsdelegationen's seven guiding principles for governing and leading with trust
 * (Bringselius 2018). This is seed data: the development manager edits and adds to it.
 */
export const DEFAULT_PRINCIPLES: readonly Principle[] = [
  {
    key: 'tillit',
    name: { sv: 'Tillit', en: 'Trust' },
    description: {
      sv: 'Utgå från tillit till dem du arbetar med, med positiva förväntningar.',
      en: 'Start from trust in those you work with, with positive expectations.',
    },
    sortOrder: 1,
  },
  {
    key: 'medborgarfokus',
    name: { sv: 'Medborgarfokus', en: 'Citizen focus' },
    description: {
      sv: 'Sätt medborgarens erfarenheter och kunskap i centrum.',
      en: "Put the citizen's experience and knowledge at the centre.",
    },
    sortOrder: 2,
  },
  {
    key: 'helhetssyn',
    name: { sv: 'Helhetssyn', en: 'Seeing the whole' },
    description: {
      sv: 'Alla i styrkedjan tar gemensamt ansvar för helheten, över gränser.',
      en: 'Everyone in the chain of governance shares responsibility for the whole, across borders.',
    },
    sortOrder: 3,
  },
  {
    key: 'handlingsutrymme',
    name: { sv: 'Handlingsutrymme', en: 'Room for action' },
    description: {
      sv: 'Delegera handlingsutrymme, välkomna medskapande och var tydlig med vem som får besluta vad.',
      en: 'Delegate room for action, welcome co-determination and be clear about who may decide what.',
    },
    sortOrder: 4,
  },
  {
    key: 'stod',
    name: { sv: 'Stöd', en: 'Support' },
    description: {
      sv: 'Nära och kvalificerat stöd i kärnverksamheten: professionellt, administrativt och psykosocialt.',
      en: 'Close, qualified professional, administrative and psychosocial support in the core work.',
    },
    sortOrder: 5,
  },
  {
    key: 'kunskap',
    name: { sv: 'Kunskap', en: 'Knowledge' },
    description: {
      sv: 'Belöna lärande och en praktik som vilar på vetenskap och beprövad erfarenhet.',
      en: 'Reward learning and practice based on science and proven experience.',
    },
    sortOrder: 6,
  },
  {
    key: 'oppenhet',
    name: { sv: 'Öppenhet', en: 'Openness' },
    description: {
      sv: 'Dela information, välkomna oliktänkande och respektera kritik.',
      en: 'Share information, welcome dissent and respect criticism.',
    },
    sortOrder: 7,
  },
];
