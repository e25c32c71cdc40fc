import { registerEnumType } from 'type-graphql';

export enum LineOfBusiness {
  VISITOR_VISA = 'VISITOR_VISA',
  STUDY_PERMIT = 'STUDY_PERMIT',
  WORK_PERMIT = 'WORK_PERMIT',
  ECONOMIC_IMMIGRATION = 'ECONOMIC_IMMIGRATION',
  FAMILY_SPONSORSHIP = 'FAMILY_SPONSORSHIP',
  CITIZENSHIP = 'CITIZENSHIP',
  HUMANITARIAN_AND_COMPASSIONATE = 'HUMANITARIAN_AND_COMPASSIONATE',
}

export enum ApplicationStatus {
  RECEIVED = 'RECEIVED',
  IN_PROGRESS = 'IN_PROGRESS',
  CLOSED = 'CLOSED',
}

export enum ReviewStageName {
  BIOMETRICS = 'BIOMETRICS',
  MEDICAL_EXAM = 'MEDICAL_EXAM',
  BACKGROUND_VERIFICATION = 'BACKGROUND_VERIFICATION',
  ELIGIBILITY = 'ELIGIBILITY',
}

export enum ReviewStageStatus {
  NOT_STARTED = 'NOT_STARTED',
  WAITING_ON_YOU = 'WAITING_ON_YOU',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  EXEMPTED = 'EXEMPTED',
}

export enum StatusSource {
  APPLICATION_STATUS_TRACKER = 'APPLICATION_STATUS_TRACKER',
  CASE_MANAGEMENT_SYSTEM = 'CASE_MANAGEMENT_SYSTEM',
  ATIP_RELEASE = 'ATIP_RELEASE',
}

export enum DecisionOutcome {
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
  WITHDRAWN = 'WITHDRAWN',
  ABANDONED = 'ABANDONED',
  RETURNED_AS_INCOMPLETE = 'RETURNED_AS_INCOMPLETE',
}

export enum IssuedDocumentType {
  VISITOR_VISA = 'VISITOR_VISA',
  STUDY_PERMIT = 'STUDY_PERMIT',
  WORK_PERMIT = 'WORK_PERMIT',
  CONFIRMATION_OF_PERMANENT_RESIDENCE = 'CONFIRMATION_OF_PERMANENT_RESIDENCE',
  CITIZENSHIP_CERTIFICATE = 'CITIZENSHIP_CERTIFICATE',
}

export enum MessageKind {
  ACKNOWLEDGEMENT_OF_RECEIPT = 'ACKNOWLEDGEMENT_OF_RECEIPT',
  BIOMETRICS_INSTRUCTION_LETTER = 'BIOMETRICS_INSTRUCTION_LETTER',
  MEDICAL_EXAM_REQUEST = 'MEDICAL_EXAM_REQUEST',
  DOCUMENT_REQUEST = 'DOCUMENT_REQUEST',
  PROCEDURAL_FAIRNESS_LETTER = 'PROCEDURAL_FAIRNESS_LETTER',
  PASSPORT_REQUEST = 'PASSPORT_REQUEST',
  DECISION_LETTER = 'DECISION_LETTER',
}

export enum RepresentativeKind {
  LAWYER = 'LAWYER',
  PARALEGAL = 'PARALEGAL',
  QUEBEC_NOTARY = 'QUEBEC_NOTARY',
  LICENSED_CONSULTANT = 'LICENSED_CONSULTANT',
  UNPAID = 'UNPAID',
}

registerEnumType(LineOfBusiness, {
  name: 'LineOfBusiness',
  description: 'The IRCC program an application belongs to.',
});
registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description:
    "The tracker's overall status. CLOSED covers approved, refused, withdrawn, abandoned and returned as incomplete: see `decision`.",
});
registerEnumType(ReviewStageName, {
  name: 'ReviewStageName',
  description: 'The review sections the Application Status Tracker shows.',
});
registerEnumType(ReviewStageStatus, { name: 'ReviewStageStatus' });
registerEnumType(StatusSource, {
  name: 'StatusSource',
  description:
    'Which system a status came from; they can disagree, so each status also says when it was true.',
});
registerEnumType(DecisionOutcome, { name: 'DecisionOutcome' });
registerEnumType(IssuedDocumentType, { name: 'IssuedDocumentType' });
registerEnumType(MessageKind, {
  name: 'MessageKind',
  description: 'Correspondence IRCC sent to the client.',
});
registerEnumType(RepresentativeKind, {
  name: 'RepresentativeKind',
  description:
    'Lawyers and paralegals of a law society, Quebec notaries, consultants licensed by the CICC, or unpaid representatives.',
});
