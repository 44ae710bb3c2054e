import { z } from 'zod';

/**
 * A text given in both UI languages: source notes, method notes, reasons. The plan's own
 * words (names, quotes) stay Chinese and are not Bilingual.
 */
export const Bilingual = z.object({
  zh: z.string().regex(/\p{Script=Han}/u, 'the zh text must be written in Chinese'),
  en: z.string().min(1),
});
export type Bilingual = z.infer<typeof Bilingual>;
