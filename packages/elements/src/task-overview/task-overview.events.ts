import type { Reference } from '@kpro/core';

/** Detail of `kpro-task-open`: the clinician opens the citizen of a task. */
export interface KproTaskOpenDetail {
  patient: Reference;
  task: fhir4.Task;
}

/**
 * The clinician opens a task's citizen. The host opens the citizen: inside an EHR that is a new launch with
 * the citizen in context (the one MinLog look-up), never a read from the list.
 */
export class KproTaskOpenEvent extends Event {
  readonly detail: KproTaskOpenDetail;
  constructor(detail: KproTaskOpenDetail) {
    super('kpro-task-open', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Detail of `kpro-task-change`: what was done to a task, and the task as the server saved it. */
export interface KproTaskChangeDetail {
  action: 'take' | 'release' | 'complete';
  task: fhir4.Task;
}

export class KproTaskChangeEvent extends Event {
  readonly detail: KproTaskChangeDetail;
  constructor(detail: KproTaskChangeDetail) {
    super('kpro-task-change', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kpro-task-open': KproTaskOpenEvent;
    'kpro-task-change': KproTaskChangeEvent;
  }
}
