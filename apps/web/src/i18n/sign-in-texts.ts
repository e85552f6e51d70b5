/**
 * The texts of the sign-in page, in both languages. The sign-in page is its own small entry
 * (src/login/) without i18next, so its texts live here, once: the app's sv.ts and en.ts spread
 * them into their own `app`, `language` and `auth` sections, and the sign-in page reads them
 * directly. Placeholders are i18next's `{{name}}`.
 */
export const signInSv = {
  app: {
    name: 'Tillit',
    tagline: 'Nyckeltal för chefers förutsättningar',
    demoLabel: 'Demoläge',
    demoBanner:
      'Demoläge – enhetsdata är syntetiska (påhittade) och visas bara som exempel. Förvaltningens totaler 2019 och 2024 är verkliga siffror från Jönköpings kommun.',
    pageTitle: '{{page}} – Tillit',
  },
  language: {
    label: 'Språk',
    sv: 'Svenska',
    en: 'English',
  },
  auth: {
    title: 'Logga in',
    intro: 'Logga in med ditt användarnamn och lösenord.',
    username: 'Användarnamn',
    password: 'Lösenord',
    submit: 'Logga in',
    submitting: 'Loggar in …',
    wrong: 'Fel användarnamn eller lösenord. Kontrollera stavningen och försök igen.',
    tooMany: 'För många misslyckade försök. {{message}}',
    failed: 'Inloggningen misslyckades: {{message}}',
    demoHeading: 'Demokonton',
    demoIntro: 'Det här är en demo med syntetiska data. Alla demokonton har lösenordet {{password}}.',
    demoUse: 'Använd {{username}}',
    sessionEnded: 'Du har loggats ut. Logga in igen för att fortsätta.',
    role: {
      development_manager: 'Utvecklingschef',
      unit_manager: 'Enhetschef',
      politician: 'Förtroendevald',
    },
  },
};

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
export type SignInTexts = Texts<typeof signInSv>;

export const signInEn = {
  app: {
    name: 'Tillit',
    tagline: "Indicators of managers' conditions",
    demoLabel: 'Demo mode',
    demoBanner:
      "Demo mode – unit data are synthetic (made up) and shown only as examples. The department's totals for 2019 and 2024 are real figures from Jönköping municipality.",
    pageTitle: '{{page}} – Tillit',
  },
  language: {
    label: 'Language',
    sv: 'Svenska',
    en: 'English',
  },
  auth: {
    title: 'Sign in',
    intro: 'Sign in with your username and password.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in …',
    wrong: 'Wrong username or password. Check the spelling and try again.',
    tooMany: 'Too many failed attempts. {{message}}',
    failed: 'Signing in failed: {{message}}',
    demoHeading: 'Demo accounts',
    demoIntro: 'This is a demo with synthetic data. Every demo account has the password {{password}}.',
    demoUse: 'Use {{username}}',
    sessionEnded: 'You have been signed out. Sign in again to continue.',
    role: {
      development_manager: 'Development manager',
      unit_manager: 'Unit manager',
      politician: 'Elected representative',
    },
  },
} satisfies SignInTexts;
