/** Ids that a committed sync batch added, updated or removed for one entity type. */
export interface EntityChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

export interface StageRef {
  pipelineId: number;
  statusId: number;
}

export interface LeadStatusChange {
  leadId: number;
  from: StageRef | null;
  to: StageRef;
}

export interface LeadResponsibleChange {
  leadId: number;
  from: number | null;
  to: number;
}

/** The `lead_update` event: what one committed batch changed in the mirror's leads. */
export interface LeadUpdate extends EntityChanges {
  statusChanges: LeadStatusChange[];
  responsibleChanges: LeadResponsibleChange[];
  /** True while the first full download runs: the UI refreshes, notifications stay quiet. */
  duringInitialSync: boolean;
}
