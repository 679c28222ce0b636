import { FhirRequestError, type LaunchFailure } from '@kpro/core';

/** Maps any error from talking to the server onto a launch-failure screen. */
export function failureOf(e: unknown): LaunchFailure {
  if (e instanceof FhirRequestError) {
    switch (e.kind) {
      case 'unauthorized':
        return 'token-refused';
      case 'forbidden':
        return 'forbidden';
      case 'network':
      case 'server':
        return 'server-down';
      default:
        return 'unknown';
    }
  }
  return 'unknown';
}
