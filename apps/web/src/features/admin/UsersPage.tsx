import { ROLES, type Role, type UserResponse } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { unitQueries } from '../units/queries';
import { ErasedNotice, PersonalDataActions } from './PersonalDataActions';
import { adminQueries, useCreateUser, useResetPassword, useUpdateUser } from './queries';
import { unitNames } from './unit-options';
import { UnitPicker } from './UnitPicker';
import { UserEmailForm } from './UserEmailForm';

export function UsersPage() {
  const { t } = useTranslation();
  const users = useQuery(adminQueries.users());
  return (
    <>
      <PageTitle page={t('admin.usersTitle')} />
      <div className="page-header">
        <h1>{t('admin.usersTitle')}</h1>
        <p className="lead">{t('admin.usersIntro')}</p>
      </div>
      <CreateUserForm />
      <ErasedNotice />
      <section className="section" aria-labelledby="users-heading">
        <h2 id="users-heading">{t('admin.accounts')}</h2>
        <QueryState query={users}>{(list) => <UserTable users={list} />}</QueryState>
      </section>
    </>
  );
}

function UserTable({ users }: { users: UserResponse[] }) {
  const { t } = useTranslation();
  const tree = useQuery(unitQueries.tree());
  return (
    <div className="table-scroll" role="region" aria-labelledby="users-caption" tabIndex={0}>
      <table className="data-table">
        <caption id="users-caption">{t('admin.accounts')}</caption>
        <thead>
          <tr>
            {/* Username and e-mail under the name: the actions need the width (at 1280 px they were off-screen). */}
            <th scope="col">
              {t('admin.name')}, {t('auth.username').toLowerCase()}, {t('accountEmail.email').toLowerCase()}
            </th>
            <th scope="col">{t('admin.role')}</th>
            <th scope="col">{t('admin.units')}</th>
            <th scope="col">{t('admin.status')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row" className="user-table__who">
                {u.displayName}
                <span className="user-table__detail">{u.username}</span>
                <span className="user-table__detail">
                  {u.email ?? (
                    <span className="muted">
                      {t('accountEmail.email')}: {t('accountEmail.none').toLowerCase()}
                    </span>
                  )}
                </span>
              </th>
              <td>
                {t(`auth.role.${u.role}`)}
                {u.isProviderAccount && (
                  <>
                    <br />
                    <span className="muted" title={t('accountEmail.providerNote')}>
                      {t('accountEmail.provider')}
                    </span>
                  </>
                )}
              </td>
              <td>{tree.data ? unitNames(tree.data, u.unitIds).join(', ') : u.unitIds.join(', ')}</td>
              <td>{u.isActive ? t('admin.active') : t('admin.inactive')}</td>
              <td>
                <UserActions user={u} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UserActions({ user }: { user: UserResponse }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [editing, setEditing] = useState<'none' | 'access' | 'email' | 'password'>('none');
  const [role, setRole] = useState<Role>(user.role);
  const [unitIds, setUnitIds] = useState(user.unitIds);
  const [password, setPassword] = useState('');
  const error = update.error ?? reset.error;
  const done = () => setEditing('none');
  return (
    <div className="user-actions">
      <button type="button" className="button button--secondary" onClick={() => setEditing(editing === 'access' ? 'none' : 'access')}>
        {t('admin.changeAccess')}
        <span className="visually-hidden"> {user.displayName}</span>
      </button>
      <button type="button" className="button button--secondary" onClick={() => setEditing(editing === 'email' ? 'none' : 'email')}>
        {t('accountEmail.change')}
        <span className="visually-hidden"> {user.displayName}</span>
      </button>
      <button type="button" className="button button--secondary" onClick={() => setEditing(editing === 'password' ? 'none' : 'password')}>
        {t('admin.newPassword')}
        <span className="visually-hidden"> {user.displayName}</span>
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => update.mutate({ id: user.id, isActive: !user.isActive })}
      >
        {user.isActive ? t('admin.deactivate') : t('admin.activate')}
        <span className="visually-hidden"> {user.displayName}</span>
      </button>
      <PersonalDataActions user={user} />
      {editing === 'access' && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ id: user.id, role, unitIds }, { onSuccess: done });
          }}
        >
          <RoleSelect id={`role-${user.id}`} value={role} onChange={setRole} />
          {role === 'unit_manager' && (
            <div className="form__field">
              <label htmlFor={`units-${user.id}`}>{t('admin.units')}</label>
              <UnitPicker id={`units-${user.id}`} value={unitIds} onChange={setUnitIds} />
            </div>
          )}
          <button type="submit" className="button button--primary">{t('admin.save')}</button>
        </form>
      )}
      {editing === 'email' && <UserEmailForm user={user} onDone={done} />}
      {editing === 'password' && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            reset.mutate({ id: user.id, password }, { onSuccess: () => (setPassword(''), done()) });
          }}
        >
          <div className="form__field">
            <label htmlFor={`pw-${user.id}`}>{t('admin.newPasswordFor', { name: user.displayName })}</label>
            <input id={`pw-${user.id}`} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby={`pw-${user.id}-hint`} />
            <span id={`pw-${user.id}-hint`} className="muted">{t('admin.passwordHint')}</span>
          </div>
          <button type="submit" className="button button--primary">{t('admin.save')}</button>
        </form>
      )}
      {error && (
        <p className="form__error" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}

function RoleSelect({ id, value, onChange }: { id: string; value: Role; onChange: (r: Role) => void }) {
  const { t } = useTranslation();
  return (
    <div className="form__field">
      <label htmlFor={id}>{t('admin.role')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`auth.role.${r}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function CreateUserForm() {
  const { t } = useTranslation();
  const create = useCreateUser();
  const empty = { username: '', displayName: '', email: '', role: 'unit_manager' as Role, unitIds: [] as string[], password: '' };
  const [form, setForm] = useState(empty);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(form, { onSuccess: () => setForm(empty) });
  };
  return (
    <section className="section" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">{t('admin.createTitle')}</h2>
      <form className="form form--grid" onSubmit={onSubmit} noValidate>
        <div className="form__field">
          <label htmlFor="new-name">{t('admin.name')}</label>
          <input id="new-name" value={form.displayName} onChange={(e) => set('displayName', e.target.value)} />
        </div>
        <div className="form__field">
          <label htmlFor="new-username">{t('auth.username')}</label>
          <input id="new-username" autoComplete="off" value={form.username} onChange={(e) => set('username', e.target.value)} />
        </div>
        <div className="form__field">
          <label htmlFor="new-email">{t('accountEmail.email')}</label>
          <input id="new-email" type="email" autoComplete="off" value={form.email} onChange={(e) => set('email', e.target.value)} aria-describedby="new-email-hint" />
          <span id="new-email-hint" className="muted">
            {t('accountEmail.hint')}
          </span>
        </div>
        <RoleSelect id="new-role" value={form.role} onChange={(r) => set('role', r)} />
        {form.role === 'unit_manager' && (
          <div className="form__field">
            <label htmlFor="new-units">{t('admin.units')}</label>
            <UnitPicker id="new-units" value={form.unitIds} onChange={(ids) => set('unitIds', ids)} />
          </div>
        )}
        <div className="form__field">
          <label htmlFor="new-password">{t('auth.password')}</label>
          <input id="new-password" type="password" autoComplete="new-password" value={form.password} onChange={(e) => set('password', e.target.value)} aria-describedby="new-password-hint" />
          <span id="new-password-hint" className="muted">{t('admin.passwordHint')}</span>
        </div>
        {create.isError && (
          <p className="form__error" role="alert">
            {create.error.message}
          </p>
        )}
        {create.isSuccess && <p role="status">{t('admin.created', { username: create.data.username })}</p>}
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {t('admin.create')}
        </button>
      </form>
    </section>
  );
}
