/**
 * What a business adds to a professional's public page for its own members: colleagues'
 * recommendations (and its own), its private notes and tags, saved lists, and an invitation to
 * one of its jobs. Loaded only for a signed-in member, so the public page stays light.
 */
import { useState } from 'react';
import { useMe } from '../../hooks.ts';
import { SelectField } from '../../ui/fields.tsx';
import { TrustedRecommendations } from '../network/trusted-recommendations.tsx';
import { InviteToJob, PrivateNotes, SaveToList } from '../pool/profile-widgets.tsx';

export function BusinessPanels({ userId }: { userId: string }) {
  const me = useMe();
  const memberships = me.data?.memberships ?? [];
  const [businessId, setBusinessId] = useState(memberships[0]?.businessId ?? '');
  const chosen = memberships.find((m) => m.businessId === businessId) ?? memberships[0];
  // Nobody looks at their own profile as a business.
  if (!chosen || me.data?.user.id === userId) return null;
  return (
    <section aria-labelledby="business-panels" className="mt-8 space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="business-panels" className="text-lg font-semibold">
          For {chosen.businessName}
        </h2>
        {memberships.length > 1 && (
          <SelectField
            label="As business"
            value={chosen.businessId}
            onChange={(e) => setBusinessId(e.target.value)}
            options={memberships.map((m) => ({ value: m.businessId, label: m.businessName }))}
          />
        )}
      </div>
      <TrustedRecommendations businessId={chosen.businessId} userId={userId} />
      <div className="grid gap-4 md:grid-cols-2">
        <SaveToList businessId={chosen.businessId} userId={userId} />
        <InviteToJob businessId={chosen.businessId} userId={userId} />
      </div>
      <PrivateNotes businessId={chosen.businessId} userId={userId} />
    </section>
  );
}
