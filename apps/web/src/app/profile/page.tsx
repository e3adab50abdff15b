import { redirect } from 'next/navigation';
import { getSession } from '@/lib/api/server';

export default async function MyProfile() {
  const { session } = await getSession();
  redirect(session?.user ? `/users/${encodeURIComponent(session.user.username)}` : '/signin?next=/profile');
}
