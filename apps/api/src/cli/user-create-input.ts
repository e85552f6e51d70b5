import { userCreateSchema, type UserCreate } from '@tillit/domain';

/** The command line's arguments, as the command gets them from `parseArgs`. */
export interface UserCreateArgs {
  username?: string;
  name?: string;
  role?: string;
  unit?: string[];
}

/**
 * The account `npm run user:create` is to make, checked by the same schema (and so the same
 * password policy) as accounts made in the product; a failure names each field and why.
 */
export function userCreateInput(args: UserCreateArgs, password: string): UserCreate {
  const parsed = userCreateSchema.safeParse({
    username: args.username,
    displayName: args.name ?? args.username,
    role: args.role,
    unitIds: args.unit ?? [],
    password,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  return parsed.data;
}
