import { useParams } from '@tanstack/react-router';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { TrustedRecommendations } from './trusted-recommendations.tsx';

/**
 * `/app/businesses/$businessId/recommendations/$userId`: one professional's recommendations as
 * this business sees them, until the public profile page carries the same component.
 */
export function ProfessionalRecommendationsPage() {
  const { businessId, userId } = useParams({
    from: '/shell/app/businesses/$businessId/recommendations/$userId',
  });
  return (
    <>
      <PageHeader title="Recommendations" description="What your trusted colleagues say." />
      <Card>
        <TrustedRecommendations businessId={businessId} userId={userId} />
      </Card>
    </>
  );
}
