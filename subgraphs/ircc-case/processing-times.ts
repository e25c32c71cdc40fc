import { LineOfBusiness } from './entities/enums';

/**
 * Typical days from receipt to decision, close to IRCC's published service standards and
 * recent processing times. They give an estimate, never a promise, and the seed uses them to
 * decide how far along an application of a given age is.
 */
export const TYPICAL_PROCESSING_DAYS: Record<LineOfBusiness, number> = {
  [LineOfBusiness.VISITOR_VISA]: 45,
  [LineOfBusiness.STUDY_PERMIT]: 60,
  [LineOfBusiness.WORK_PERMIT]: 120,
  [LineOfBusiness.ECONOMIC_IMMIGRATION]: 180,
  [LineOfBusiness.FAMILY_SPONSORSHIP]: 365,
  [LineOfBusiness.CITIZENSHIP]: 365,
  [LineOfBusiness.HUMANITARIAN_AND_COMPASSIONATE]: 730,
};
