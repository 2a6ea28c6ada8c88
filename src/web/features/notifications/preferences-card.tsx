import { Link } from '@tanstack/react-router';
import { Bell } from 'lucide-react';
import { Card } from '../../ui/layout.tsx';

/** The way in from account settings (its own file: the page itself loads when first opened). */
export function NotificationPreferencesCard() {
  return (
    <Card
      title="Notifications"
      description="Choose which news reaches you in the app, by e-mail, or not at all."
    >
      <Link
        to="/settings/notifications"
        className="inline-flex items-center gap-2 text-sm font-medium text-brand-700 underline"
      >
        <Bell size={16} aria-hidden /> Notification preferences
      </Link>
    </Card>
  );
}
