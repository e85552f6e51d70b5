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
  // Sign-in through the organisation's identity provider (OIDC): the button, and why a sign-in there ended without a session.
  sso: {
    intro: 'Logga in med ditt konto i organisationen.',
    button: 'Logga in med {{name}}',
    buttonUnreachable: 'Logga in med {{name}} (kan inte nås just nu)',
    defaultName: 'organisationens konto',
    unreachable: 'Organisationens inloggning kan inte nås just nu. Tillit försöker igen när du klickar; försök om en stund om det inte går.',
    or: 'Eller med användarnamn och lösenord',
    error: {
      no_role:
        'Du har inte behörighet till Tillit. Kontakta Tillits utvecklingschef eller IT-avdelningen och be att få en roll för Tillit (en grupp i organisationens inloggning).',
      inactive: 'Ditt konto i Tillit är inaktiverat. Kontakta Tillits utvecklingschef om du behöver komma åt Tillit igen.',
      expired: 'Inloggningen hann gå ut eller har redan använts. Försök igen.',
      denied: 'Inloggningen avbröts. Försök igen när du vill.',
      failed: 'Inloggningen kunde inte slutföras: svaret från organisationens inloggning godtogs inte. Försök igen, och kontakta IT-avdelningen om det upprepas.',
      unavailable: 'Organisationens inloggning kan inte nås just nu. Försök igen om en stund.',
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
  sso: {
    intro: "Sign in with your organisation's account.",
    button: 'Sign in with {{name}}',
    buttonUnreachable: 'Sign in with {{name}} (cannot be reached right now)',
    defaultName: "your organisation's account",
    unreachable: "Your organisation's sign-in cannot be reached right now. Tillit tries again when you click; try again in a while if it does not work.",
    or: 'Or with username and password',
    error: {
      no_role:
        "You do not have access to Tillit. Contact Tillit's development manager or the IT department and ask for a role in Tillit (a group in your organisation's sign-in).",
      inactive: "Your Tillit account is deactivated. Contact Tillit's development manager if you need access again.",
      expired: 'The sign-in expired or has already been used. Please try again.',
      denied: 'The sign-in was cancelled. Try again whenever you like.',
      failed: "The sign-in could not be completed: the answer from your organisation's sign-in was not accepted. Try again, and contact the IT department if it happens again.",
      unavailable: "Your organisation's sign-in cannot be reached right now. Please try again in a while.",
    },
  },
} satisfies SignInTexts;
