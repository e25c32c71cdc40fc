import { Text } from '../../platform/language/catalogue';
import { DetentionReviewBody } from './entities/enums';
import { borderMessages } from './messages/catalogue';

export interface ScheduledReview {
  body: DetentionReviewBody;
  label: Text;
  dueBy: Date;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * IRPA s.55–57: CBSA reviews a detention within 48 hours; the Immigration Division reviews it
 * at 48 hours, again within the following 7 days, and then at least once every 30 days.
 * Lists the reviews that fell due before release, and for someone still held, those due so
 * far plus the next one.
 */
export function detentionReviews(startedAt: Date, releasedAt: Date | null, now: Date): ScheduledReview[] {
  const end = releasedAt ?? now;
  const at = (offset: number) => new Date(startedAt.getTime() + offset);
  const schedule = function* (): Generator<ScheduledReview> {
    yield {
      body: DetentionReviewBody.CBSA,
      label: borderMessages.text('detention.cbsa48'),
      dueBy: at(48 * HOUR_MS),
    };
    yield {
      body: DetentionReviewBody.IMMIGRATION_DIVISION,
      label: borderMessages.text('detention.division48'),
      dueBy: at(48 * HOUR_MS),
    };
    yield {
      body: DetentionReviewBody.IMMIGRATION_DIVISION,
      label: borderMessages.text('detention.division7'),
      dueBy: at(48 * HOUR_MS + 7 * DAY_MS),
    };
    for (let n = 1; ; n += 1) {
      yield {
        body: DetentionReviewBody.IMMIGRATION_DIVISION,
        label: borderMessages.text('detention.division30', { n }),
        dueBy: at(48 * HOUR_MS + (7 + 30 * n) * DAY_MS),
      };
    }
  };
  const reviews: ScheduledReview[] = [];
  for (const review of schedule()) {
    if (review.dueBy > end) {
      if (!releasedAt) reviews.push(review);
      break;
    }
    reviews.push(review);
  }
  return reviews;
}
