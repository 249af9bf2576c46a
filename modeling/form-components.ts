// Which form-js components render where. The applicant and reviewer pages of this project use the current form-js;
// Camunda 7.24's own Tasklist bundles form-js 1.8.7, which lacks the components added since (form-js CHANGELOG:
// filepicker in 1.11, documentPreview in 1.13).

/** Component types form-js 1.8.7 (Camunda 7.24 Tasklist) renders. */
export const tasklistComponentTypes: readonly string[] = [
  'default', 'textfield', 'textarea', 'number', 'datetime', 'expression', 'checkbox', 'checklist', 'radio', 'select', 'taglist',
  'text', 'image', 'table', 'html', 'spacer', 'separator', 'group', 'dynamiclist', 'iframe', 'button',
];

/** Component types only the project's own pages render (current form-js). */
export const portalOnlyComponentTypes: readonly string[] = ['filepicker', 'documentPreview'];

/**
 * Portal-only types a form may use without a warning: files are uploaded through the project's own pages (the
 * upload runs first and the form keeps a reference), and those forms are never filled in Camunda's Tasklist.
 */
export const acceptedPortalOnlyTypes: readonly string[] = ['filepicker'];
