import type { StaffOption, TemplateOption } from './action-form';

/** Reply templates and the staff list for the action forms (the staff-work API). */
export function useCaseTools(): {
  loadTemplates?: (action: string) => Promise<TemplateOption[]>;
  staff?: StaffOption[];
} {
  return {};
}
