// `npm run user:create -- --username anna --name "Anna Andersson" --role development_manager [--unit ID ...]`
// Creates an account, typically the first development manager when running without demo data.
// The password is asked for (not echoed), or read from TILLIT_PASSWORD when not run interactively.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { ROLES } from '@tillit/domain';
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/database.js';
import { SYSTEM_ACTOR } from '../services/audit.js';
import { seed } from '../services/seed.js';
import { createUserService } from '../services/users.js';
import { userCreateInput } from './user-create-input.js';

const USAGE = `Användning: npm run user:create -- --username NAMN --name "Visningsnamn" --role ${ROLES.join('|')} [--unit ENHET ...]`;

async function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  let muted = false;
  const write = output._writeToOutput.bind(rl);
  output._writeToOutput = (s: string) => write(muted ? '' : s);
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'development_manager' },
      unit: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.username) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  let password = process.env.TILLIT_PASSWORD ?? '';
  if (!password && process.stdin.isTTY) {
    password = await askHidden('Lösenord (minst tolv tecken, inte ett vanligt lösenord eller användarnamnet): ');
    const again = await askHidden('Samma lösenord igen: ');
    if (again !== password) throw new Error('Lösenorden var inte lika.');
  }
  const input = userCreateInput(values, password);
  const config = loadConfig();
  const db = openDatabase(config.databasePath);
  migrate(db);
  seed(db, { demo: config.isDemo });
  const user = await createUserService(db).create(input, SYSTEM_ACTOR);
  db.close();
  console.log(`Skapade ${user.username} (${user.role}) i ${config.databasePath}.`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
