/**
 * What a handler has typed into an action form, kept per case and action in sessionStorage: a
 * reload, a version conflict or an expired session never loses it; a successful submit clears it.
 */
const key = (caseId: string, action: string) => `weiquan.console.draft.${caseId}.${action}`;

export function loadDraft(caseId: string, action: string): Record<string, unknown> {
  try {
    return JSON.parse(sessionStorage.getItem(key(caseId, action)) ?? '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
}
export function saveDraft(caseId: string, action: string, values: Record<string, unknown>): void {
  sessionStorage.setItem(key(caseId, action), JSON.stringify(values));
}
export function clearDraft(caseId: string, action: string): void {
  sessionStorage.removeItem(key(caseId, action));
}
