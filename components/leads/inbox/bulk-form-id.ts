/** The bulk-action form; row checkboxes join it with form="…", since a table cannot sit inside a form row by row. */
export const BULK_FORM_ID = "inbox-bulk";
