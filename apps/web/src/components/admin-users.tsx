'use client';
import { roleSchema, type AdminUser, type AdminUserListResponse, type Role } from '@oj/shared';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '@/lib/api/browser';
import { isApiError } from '@/lib/api/client';
import { formText } from '@/lib/params';
import { formatDateTime } from '@/lib/format';
import { Pagination } from './pagination';
import { useApiErrorText } from '@/lib/api/error-text';

export function AdminUsers({
  initial,
  search,
  currentUserId,
}: {
  initial: AdminUserListResponse;
  search?: string | undefined;
  currentUserId: number;
}) {
  const t = useTranslations('admin');
  const tr = useTranslations('roles');
  const errorText = useApiErrorText();
  const router = useRouter();
  const [users, setUsers] = useState<AdminUser[]>(initial.items);
  const [saving, setSaving] = useState<number | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const update = async (user: AdminUser, patch: { role?: Role; disabled?: boolean }) => {
    setSaving(user.id);
    setMessage(null);
    try {
      const updated = await api.updateUser(user.id, patch);
      setUsers((current) => current.map((entry) => (entry.id === updated.id ? updated : entry)));
      setMessage({ tone: 'ok', text: t('saved', { username: updated.username }) });
    } catch (error) {
      setMessage({ tone: 'error', text: isApiError(error) ? errorText(error) : t('failed') });
    } finally {
      setSaving(null);
    }
  };

  return (
    <div className="space-y-3">
      <form
        role="search"
        className="flex gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const value = formText(new FormData(event.currentTarget), 'search').trim();
          router.replace(value ? `/admin/users?search=${encodeURIComponent(value)}` : '/admin/users');
        }}
      >
        <label className="min-w-0 flex-1">
          <span className="sr-only">{t('search')}</span>
          <input name="search" type="search" defaultValue={search} placeholder={t('search')} className="input" />
        </label>
        <button type="submit" className="btn-secondary">
          {t('find')}
        </button>
      </form>
      {message ? (
        <p
          role="status"
          className={`text-sm ${message.tone === 'ok' ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-300'}`}
        >
          {message.text}
        </p>
      ) : null}
      <div className="card overflow-x-auto">
        <table className="w-full text-sm" data-testid="admin-users">
          <thead className="bg-zinc-50 text-left text-xs text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-2 pl-3 font-medium">
                {t('user')}
              </th>
              <th scope="col" className="py-2 pl-3 font-medium">
                {t('role')}
              </th>
              <th scope="col" className="py-2 pl-3 font-medium">
                {t('status')}
              </th>
              <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
                {t('created')}
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => {
              const self = user.id === currentUserId;
              return (
                <tr
                  key={user.id}
                  className="border-t border-zinc-100 dark:border-zinc-800"
                  data-testid="admin-user-row"
                >
                  <td className="py-2 pl-3 font-medium">{user.username}</td>
                  <td className="py-2 pl-3">
                    <label>
                      <span className="sr-only">{t('roleOf', { username: user.username })}</span>
                      <select
                        className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
                        value={user.role}
                        disabled={saving === user.id || self}
                        onChange={(event) => void update(user, { role: roleSchema.parse(event.target.value) })}
                      >
                        {roleSchema.options.map((role) => (
                          <option key={role} value={role}>
                            {tr(role)}
                          </option>
                        ))}
                      </select>
                    </label>
                  </td>
                  <td className="py-2 pl-3">
                    <button
                      type="button"
                      disabled={saving === user.id || self}
                      onClick={() => void update(user, { disabled: !user.disabled })}
                      className={user.disabled ? 'btn-secondary text-red-700 dark:text-red-300' : 'btn-secondary'}
                      aria-label={
                        user.disabled
                          ? t('enableUser', { username: user.username })
                          : t('disableUser', { username: user.username })
                      }
                    >
                      {user.disabled ? t('disabled') : t('active')}
                    </button>
                  </td>
                  <td className="hidden px-3 py-2 text-xs whitespace-nowrap text-zinc-600 sm:table-cell dark:text-zinc-400">
                    {formatDateTime(user.createdAt)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pagination
        path="/admin/users"
        query={{ search }}
        page={initial.page}
        pageSize={initial.pageSize}
        total={initial.total}
      />
    </div>
  );
}
