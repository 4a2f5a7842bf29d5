import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { UnitAgreement } from '@/lib/agreement/units';

export type CurationKind = 'accept' | 'edit' | 'reject';

export type CurationUnitDto = {
  key: string;
  start: number;
  end: number;
  /** The analysts' annotations in the unit (the curated layer is not among them). */
  annotations: AnnotationDto[];
  agreement: UnitAgreement;
  /** The curator's decision; `annotation` is the curated one (null for a rejection). */
  decision: { kind: CurationKind; annotation: AnnotationDto | null; decidedBy: { id: string; name: string }; at: string } | null;
};

export type CurationDto = {
  blind: boolean;
  analysts: Array<{ id: string; name: string }>;
  units: CurationUnitDto[];
  /** How many units are decided / undecided with full agreement (what "accept agreed" would take). */
  decided: number;
  agreedUndecided: number;
};
