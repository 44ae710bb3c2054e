/**
 * A section id ("5.1"), a chapter id ("5"), a box id ("box5"), a table ("table1") or a
 * footnote ("fn3"). A bare pattern so the permalink can check one without loading zod.
 */
export const SECTION_REF_PATTERN = /^(\d{1,2}(\.\d{1,2})?|box\d{1,2}|table[12]|fn\d{1,2})$/;
