import { passwordProblem, type Role, type UserCreate, type UserResponse, type UserUpdate } from '@tillit/domain';
import type { Db } from '../db/database.js';
import { listUnits } from '../db/units.js';
import {
  deleteSessionsOfUser,
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  setUserUnits,
  updateUser,
  type UserRow,
} from '../db/users.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { audit, type Actor } from './audit.js';
import { hashPassword } from './passwords.js';

/** What may be shown and audited of an account: never the password hash. */
function toResponse(u: UserRow): UserResponse {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitIds: u.unitIds,
    isActive: u.isActive,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

export function createUserService(db: Db) {
  const requireUnits = (unitIds: readonly string[]) => {
    const known = new Set(listUnits(db).map((u) => u.id));
    const unknown = unitIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      const message = `Okända enheter: ${unknown.join(', ')}`;
      throw new ValidationError(message, [{ path: 'body.unitIds', message }]);
    }
  };
  const requireUser = (id: number): UserRow => {
    const user = findUserById(db, id);
    if (!user) throw new NotFoundError(`Användaren ${id} finns inte.`);
    return user;
  };
  const activeDevelopmentManagers = () => listUsers(db).filter((u) => u.isActive && u.role === 'development_manager');

  return {
    list: (): UserResponse[] => listUsers(db).map(toResponse),

    async create(input: UserCreate, actor: Actor): Promise<UserResponse> {
      requireUnits(input.unitIds);
      const passwordHash = await hashPassword(input.password);
      return db.transaction(() => {
        if (findUserByUsername(db, input.username)) throw new ConflictError(`Användarnamnet ${input.username} är upptaget.`);
        const unitIds = input.role === 'unit_manager' ? input.unitIds : [];
        const id = insertUser(db, { ...input, unitIds, passwordHash }, new Date().toISOString());
        const created = toResponse(requireUser(id));
        audit(db, actor, 'create', 'user', id, null, created);
        return created;
      })();
    },

    update(id: number, input: UserUpdate, actor: Actor): UserResponse {
      if (input.unitIds) requireUnits(input.unitIds);
      return db.transaction(() => {
        const before = requireUser(id);
        const role: Role = input.role ?? before.role;
        const isActive = input.isActive ?? before.isActive;
        const losesAdmin = before.role === 'development_manager' && before.isActive && (role !== 'development_manager' || !isActive);
        if (losesAdmin && activeDevelopmentManagers().length <= 1) {
          throw new ConflictError('Det måste finnas minst en aktiv utvecklingschef.');
        }
        const unitIds = role === 'unit_manager' ? (input.unitIds ?? before.unitIds) : [];
        if (role === 'unit_manager' && unitIds.length === 0) {
          throw new ValidationError('En enhetschef behöver minst en enhet', [{ path: 'body.unitIds', message: 'Välj minst en enhet' }]);
        }
        updateUser(db, id, { displayName: input.displayName, role, isActive }, new Date().toISOString());
        setUserUnits(db, id, unitIds);
        // A new role or deactivation takes effect at once: the person signs in again.
        if (role !== before.role || !isActive) deleteSessionsOfUser(db, id);
        const after = toResponse(requireUser(id));
        audit(db, actor, 'update', 'user', id, toResponse(before), after);
        return after;
      })();
    },

    async resetPassword(id: number, password: string, actor: Actor): Promise<void> {
      const user = requireUser(id);
      // The route's schema has checked the rest of the policy; the user name is known only here.
      const problem = passwordProblem(password, user.username);
      if (problem) throw new ValidationError(problem, [{ path: 'body.password', message: problem }]);
      const passwordHash = await hashPassword(password);
      db.transaction(() => {
        updateUser(db, id, { passwordHash }, new Date().toISOString());
        deleteSessionsOfUser(db, id);
        audit(db, actor, 'reset_password', 'user', id, null, null);
      })();
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
